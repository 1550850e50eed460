"""`pacgen preview`: a connector as the Power Automate designer shows it, with the validator's
findings on it, as one self-contained HTML page.

Stages: connector (``generator.pipeline.load_connector``) → cards (``cards.build_preview``) →
findings placed (``placement.place_findings``) → page (``render.render_page``).
"""

from __future__ import annotations

from generator.findings import Finding
from generator.pipeline import LoadedConnector
from generator.preview.cards import build_preview
from generator.preview.model import Preview
from generator.preview.placement import place_findings
from generator.preview.render import render_page

__all__ = ["Preview", "build_preview", "place_findings", "preview_connector", "render_page"]


def preview_connector(connector: LoadedConnector, findings: list[Finding], source: str) -> bytes:
    """The page for a loaded connector and its findings."""
    preview = build_preview(connector.swagger, connector.properties, source)
    place_findings(preview, findings)
    return render_page(preview)
