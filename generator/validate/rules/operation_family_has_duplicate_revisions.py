"""OperationFamilyHasDuplicateRevisions, plus ``families``/``FamilyMember``, which the other
operation-family rules of this set import."""

from __future__ import annotations

from dataclasses import dataclass

from generator.findings import Severity
from generator.validate.rule import Rule


@dataclass(frozen=True)
class FamilyMember:
    op: object            # the traversal's Operation
    revision: str         # '' when the annotation gives none
    status: str           # lower-cased x-ms-api-annotation status, '' when absent

    @property
    def active(self) -> bool:
        return self.op.node.get("deprecated") is not True

    @property
    def pointer(self) -> str:
        return self.op.pointer + "/x-ms-api-annotation"


def families(ctx) -> dict[str, list[FamilyMember]]:
    """Operations grouped by ``x-ms-api-annotation.family``, in document order."""
    found: dict[str, list[FamilyMember]] = {}
    for op in ctx.operations:
        annotation = op.node.get("x-ms-api-annotation")
        if not isinstance(annotation, dict):
            continue
        family = annotation.get("family")
        if not isinstance(family, str) or not family.strip():
            continue
        revision = annotation.get("revision")
        revision = "" if revision is None or isinstance(revision, (dict, list)) else str(revision).strip()
        status = annotation.get("status")
        status = status.strip().lower() if isinstance(status, str) else ""
        found.setdefault(family, []).append(FamilyMember(op, revision, status))
    return found


def labels(members) -> str:
    return ", ".join(m.op.label for m in members)


class OperationFamilyHasDuplicateRevisions(Rule):
    """Operations of one family (x-ms-api-annotation ``family``) must have distinct revisions.

    The revision tells the versions of one operation apart (``GetItems`` revision 1,
    ``GetItems_V2`` revision 2); two members with the same revision cannot be ordered.

    Passing example::

        paths:
          /v1/items: {get: {operationId: ListItems, deprecated: true, x-ms-api-annotation: {family: ListItems, revision: 1}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}
    """

    code = "OperationFamilyHasDuplicateRevisions"
    severity = Severity.ERROR
    summary = "operations of one x-ms-api-annotation family have distinct revisions"

    def finish(self, ctx):
        for family, members in families(ctx).items():
            first: dict[str, FamilyMember] = {}
            for member in members:
                if not member.revision:
                    continue
                earlier = first.setdefault(member.revision, member)
                if earlier is member:
                    continue
                ctx.report(member.pointer + "/revision",
                           f"operation family '{family}' has revision {member.revision} twice "
                           f"({earlier.op.label} and {member.op.label})",
                           "give each operation of the family its own revision number")
