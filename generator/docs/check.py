"""The docs stage's check: compare a loaded connector with its published reference page.

Reading the page (text, Markdown or extracted JSON) and comparing it; the result is located
findings and the figures for the report summary. ``pacgen docs check`` and ``pacgen validate
--docs`` both call :func:`check_against_page`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.docs.compare import compare
from generator.docs.flatten import page_from_connector
from generator.docs.model import Page, PageShapeError, from_dict
from generator.docs.reader import read_page
from generator.findings import Finding, Severity


class PageUnreadable(ValueError):
    """A page that cannot be read, with the line and column of the cause when known."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.line, self.column = line, column


def read_page_file(path: Path) -> Page:
    """A page as text (Markdown or the text form of a Learn page) or as extracted JSON (``.json``);
    read through the shared reader, so with its limits (regular file, size, depth)."""
    from generator.source import BOM, parse_json_text, read_input_text

    text = read_input_text(path).removeprefix(BOM)
    if path.suffix.lower() != ".json":
        return read_page(text)
    doc = parse_json_text(text, str(path))
    if doc.findings:
        first = doc.findings[0]
        raise PageUnreadable(first.message, first.line, first.column)
    try:
        return from_dict(doc.data)
    except PageShapeError as exc:
        raise PageUnreadable(str(exc), *doc.locate(exc.pointer)) from None


@dataclass
class PageCheck:
    """Located findings of one connector against one page, and the figures for the report summary."""

    findings: list[Finding]
    stats: dict[str, int] = field(default_factory=dict)


def check_against_page(connector, page: str | Path) -> PageCheck:
    """Compare a loaded connector (``generator.pipeline.LoadedConnector``) with a page file (any
    language, or extracted ``.json``).  An unreadable page is one finding, not an exception; connection
    parameters are compared only when the connector has apiProperties, throttling only when it states
    its limits (a spec does)."""
    page = Path(page)
    try:
        documented = read_page_file(page)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return PageCheck([Finding("DocsPageUnreadable", Severity.ERROR, f"cannot read the page: {message}",
                                  str(page), "", getattr(exc, "line", 0), getattr(exc, "column", 0),
                                  "give a reference page (text or Markdown) or its extracted JSON")])
    actual = page_from_connector(connector.swagger, connector.properties, connector.throttling)
    result = compare(documented, actual, check_connection=connector.properties is not None,
                     check_throttling=connector.throttling is not None)
    return PageCheck([connector.place(f) for f in result.findings], result.summary())
