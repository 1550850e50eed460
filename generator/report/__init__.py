"""Reporters: the same findings as text, JSON, SARIF 2.1.0 or GitHub workflow annotations
(``generator.report.emit``). Importing the package alone stays cheap: `pacgen build` needs only
the format names for its command line."""

FORMATS = ("text", "json", "sarif", "github")
