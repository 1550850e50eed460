"""Change rules, one class each, grouped by what they compare (see ``generator.diff.rule``)."""
