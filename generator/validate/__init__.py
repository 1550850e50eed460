"""Validation: read → OpenAPI 2.0 structure → Power Platform rules → apiProperties → docs tables."""
