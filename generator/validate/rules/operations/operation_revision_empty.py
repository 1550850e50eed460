from generator.findings import Severity
from generator.validate.rule import Rule


class OperationRevisionEmpty(Rule):
    """An operation that joins another operation's family must state its revision.

    ``x-ms-api-annotation.family`` groups revisions of one operation (GetItems, GetItems_V2)
    and ``revision`` orders them. An operation that names a family other than its own
    operationId is a newer (or older) revision of that operation, and without ``revision`` the
    designer cannot tell where it belongs.

    Only that case is judged: an annotation whose family is the operation's own operationId (or
    absent) may leave the revision out, as accepted connectors do; several empty revisions in
    one family are OperationFamilyHasManyEmptyRevisions.

    Passing example::

        paths:
          /v2/items:
            get:
              operationId: GetItems_V2
              x-ms-api-annotation: {family: GetItems, revision: 2}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /v2/items:
            get:
              operationId: GetItems_V2
              x-ms-api-annotation: {family: GetItems}
              responses: {'200': {description: OK}}

    Reports: /paths/~1v2~1items/get/x-ms-api-annotation
    """

    code = "OperationRevisionEmpty"
    severity = Severity.ERROR
    summary = "an operation in another operation's family states its revision"
    keys = {"operation": frozenset({"x-ms-api-annotation"})}

    def operation(self, ctx, op):
        annotation = op.node.get("x-ms-api-annotation")
        if not isinstance(annotation, dict):
            return
        family = annotation.get("family")
        if not isinstance(family, str) or not family or family == op.operation_id:
            return
        if annotation.get("revision") in (None, ""):
            ctx.report(f"{op.pointer}/x-ms-api-annotation",
                       f"operation {op.label} belongs to family '{family}' but does not specify a "
                       f"revision in its api annotation",
                       "add \"revision\": N (1 for the first revision, counting up)")
