"""The validator's findings → markers on the preview's cards and fields.

A finding is about the element at its JSON pointer. It goes to the most specific element of the
page that the pointer lies in (a field, an output, a connection field, else the card of the
operation); an element reached through a ``$ref`` also takes the findings about the referenced
definition, so a definition shared by two operations shows its finding on both. A finding that no
element shows (connector-wide, or about something the designer hides) is listed at the top.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.findings import Finding
from generator.preview.model import Marker, Preview

_RANK = {"error": 0, "warning": 1, "info": 2}


def marker(finding: Finding) -> Marker:
    where = finding.file
    if finding.file and finding.line:
        where = f"{finding.file}:{finding.line}:{finding.column}"
    return Marker(finding.severity.value, finding.code, finding.message, where, finding.hint)


def place_findings(preview: Preview, findings: Iterable[Finding]) -> None:
    """Attach each finding to the element(s) it is about (in place)."""
    targets = _targets(preview)
    for finding in sorted(findings, key=lambda f: (_RANK.get(f.severity.value, 3), f.sort_key())):
        holders = _holders(targets, finding.pointer)
        shown = marker(finding)
        for holder in holders or [preview]:
            if shown not in holder.markers:  # one finding reached by two $refs: shown once
                holder.markers.append(shown)


def _targets(preview: Preview) -> dict[str, list]:
    """pointer → the page elements that stand for it."""
    targets: dict[str, list] = {}

    def add(pointer: str, element) -> None:
        bucket = targets.setdefault(pointer, [])
        if not any(known is element for known in bucket):  # identity: two fields may look alike
            bucket.append(element)

    for card in preview.cards:
        add(card.pointer, card)
        pending = [*card.inputs, *card.advanced]
        while pending:
            field = pending.pop()
            for pointer in field.pointers:
                add(pointer, field)
            pending += field.children
        for token in card.outputs:
            for pointer in token.pointers:
                add(pointer, token)
    for connection_set in preview.connection:
        for field in connection_set.fields:
            for pointer in field.pointers:
                add(pointer, field)
    return targets


def _holders(targets: dict[str, list], pointer: str) -> list:
    """The elements at the longest prefix of ``pointer`` that stands for something on the page."""
    candidate = pointer
    while candidate:
        if candidate in targets:
            return targets[candidate]
        candidate = candidate.rpartition("/")[0]
    return []
