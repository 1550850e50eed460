"""OperationFamilyHasDuplicateRevisions (``families`` and ``FamilyMember`` are in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import FamilyMember, families


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

    Reports: /paths/~1v2~1items/get/x-ms-api-annotation/revision
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
