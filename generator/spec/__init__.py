"""The spec stage: load a YAML spec with line and column (loader), check it against its schema and
the project's terms (check, terms), and build the model the renderer reads (model)."""
