"""connector/readme.md from the spec: the prose of its `readme:` block laid out in the sections of
Microsoft's readme template for certified connectors, with the operations list taken from the
model (so it never drifts from the swagger)."""

from __future__ import annotations

from typing import Any, NamedTuple

from generator.render.render import Artifact, environment
from generator.spec.model import Connector

README_NAME = "readme.md"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


class ListedOperation(NamedTuple):
    summary: str
    description: str


def listed_operations(swagger: dict) -> tuple[list[ListedOperation], list[ListedOperation]]:
    """(actions, triggers) a user can pick, in the swagger's order; internal ones are left out."""
    actions, triggers = [], []
    for item in (swagger.get("paths") or {}).values():
        for method in _METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict) or op.get("x-ms-visibility") == "internal":
                continue
            entry = ListedOperation(_one_line(op.get("summary") or op.get("operationId") or ""),
                                    _one_line(op.get("description") or ""))
            (triggers if "x-ms-trigger" in op else actions).append(entry)
    return actions, triggers


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _prose(text: Any) -> str:
    """A prose field as Markdown: paragraphs kept, blanks at line ends removed."""
    lines = [line.rstrip() for line in str(text or "").strip().splitlines()]
    return "\n".join(lines)


def render_readme(connector: Connector, readme: dict) -> Artifact:
    info = connector.swagger.get("info", {})
    properties = (connector.properties or {}).get("properties", {})
    actions, triggers = listed_operations(connector.swagger)
    text = environment().get_template("readme.md.j2").render(
        title=_one_line(info.get("title", "")),
        introduction=_prose(readme.get("introduction") or info.get("description", "")),
        publisher=_one_line(readme.get("publisher") or properties.get("publisher", "")),
        prerequisites=_prose(readme.get("prerequisites")),
        actions=actions,
        triggers=triggers,
        obtaining_credentials=_prose(readme.get("obtainingCredentials")),
        getting_started=_prose(readme.get("gettingStarted")),
        known_issues=_prose(readme.get("knownIssues")),
        faq=[(_one_line(e.get("question", "")), _prose(e.get("answer"))) for e in readme.get("faq", [])],
        deployment_instructions=_prose(readme.get("deploymentInstructions")),
    )
    # One blank line between blocks, one newline at the end, whatever the template's spacing.
    blocks = [block.strip("\n") for block in text.split("\n\n") if block.strip()]
    return Artifact(README_NAME, ("\n\n".join(blocks) + "\n").encode("utf-8"))
