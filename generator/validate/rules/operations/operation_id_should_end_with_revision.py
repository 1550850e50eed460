from generator.findings import Severity
from generator.validate.rule import Rule


def revision_number(op) -> int | None:
    """The x-ms-api-annotation revision of an operation as an integer, when it is one."""
    annotation = op.node.get("x-ms-api-annotation")
    value = annotation.get("revision") if isinstance(annotation, dict) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


class OperationIdShouldEndWithRevision(Rule):
    """An operation with revision N > 1 in x-ms-api-annotation should have an operationId ending in VN.

    Microsoft's convention names later revisions ``GetItems_V2``, ``GetItems_V3``…, so users can
    tell revisions of one operation family apart. Both ``_V2`` and ``V2`` are accepted, in any
    case; revision 1 needs no suffix. Severity: warning — Microsoft words it as "should", and
    about ten certified corpus connectors have revisions without the suffix.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems_V2
              x-ms-api-annotation: {family: ListItems, revision: 2}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItemsNew
              x-ms-api-annotation: {family: ListItems, revision: 2}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/operationId
    """

    code = "OperationIdShouldEndWithRevision"
    severity = Severity.WARNING
    summary = "operationIds of revision N > 1 end with the suffix VN (e.g. _V2)"

    def operation(self, ctx, op):
        revision = revision_number(op)
        operation_id = op.operation_id
        if revision is None or revision <= 1 or not operation_id:
            return
        if operation_id.lower().endswith(f"v{revision}"):
            return
        ctx.report(op.pointer + "/operationId",
                   f"operationId '{operation_id}' has revision {revision} but does not end with "
                   f"'_V{revision}'",
                   f"rename it to e.g. '{operation_id}_V{revision}', or correct the revision")
