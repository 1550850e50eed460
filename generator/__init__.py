"""pacgen: one YAML source of truth for Power Platform custom connectors."""

__version__ = "0.1.0"
