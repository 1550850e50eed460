"""File rules (:class:`generator.validate.file_rule.FileRule`): they read a file's text, not its parsed document."""
