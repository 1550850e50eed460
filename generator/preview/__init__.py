"""`pacgen preview`: a connector as the Power Automate designer shows it, with the validator's
findings on it, as one self-contained HTML page.

Stages: connector (``generator.pipeline.load_connector``) → findings (``generator.validate``) →
cards (``cards.build_preview``) → findings placed (``placement.place_findings``) → page
(``render.render_page``).
"""

from __future__ import annotations

from pathlib import Path

from generator.findings import Finding, Severity
from generator.pipeline import LoadedConnector
from generator.preview.cards import build_preview
from generator.preview.model import Preview
from generator.preview.placement import place_findings
from generator.preview.render import render_page

__all__ = ["Preview", "UnusableInput", "build_preview", "place_findings", "preview_connector", "preview_source",
           "render_page"]


class UnusableInput(Exception):
    """The source cannot be previewed; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(findings)
        self.findings = findings


def preview_connector(connector: LoadedConnector, findings: list[Finding], source: str) -> bytes:
    """The page for a loaded connector and its findings."""
    preview = build_preview(connector.swagger, connector.properties, source)
    place_findings(preview, findings)
    return render_page(preview)


def preview_source(source: Path, with_findings: bool = True) -> tuple[bytes, int]:
    """The page for a spec, connector folder or swagger file, and how many findings it shows."""
    from generator.pipeline import load_connector
    from generator.spec.loader import SpecError

    if not source.exists():
        raise UnusableInput([Finding("InputUnreadable", Severity.ERROR, "no such file or folder", str(source), "",
                                     0, 0, "point at a spec (.yaml) or a connector folder")])
    try:
        connector = load_connector(source)
    except SpecError as exc:
        raise UnusableInput(exc.findings) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UnusableInput([Finding("InputUnreadable", Severity.ERROR, f"cannot read: {reason}", str(source), "",
                                     0, 0, "check the path")]) from None
    if not isinstance(connector.swagger, dict):
        raise UnusableInput(list(connector.read_findings) or [
            Finding("OpenApiInvalid", Severity.ERROR, "the swagger is not a JSON object", str(source), "", 1, 1,
                    "the file must hold one JSON object")])
    findings: list[Finding] = []
    if with_findings:
        from generator.validate.pipeline import validate

        findings = validate(connector).findings
    return preview_connector(connector, findings, str(source)), len(findings)
