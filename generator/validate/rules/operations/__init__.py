"""Microsoft Swagger Validator rules of its *Operations* section: operation ids, paths, summaries, revisions, counts."""
