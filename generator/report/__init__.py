"""Reporters: the same findings as text, JSON, SARIF 2.1.0 or GitHub workflow annotations."""

from generator.report.emit import FORMATS, Summary, emit, render

__all__ = ["FORMATS", "Summary", "emit", "render"]
