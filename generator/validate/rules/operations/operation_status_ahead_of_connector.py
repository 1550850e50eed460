from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import status_of


class OperationStatusAheadOfConnector(Rule):
    """An operation must not be in Production status while the connector is in Preview.

    ``x-ms-api-annotation.status`` marks the connector (at the root) and each operation as
    Preview or Production; an operation cannot be more mature than the connector that holds it.

    What is checked: only a root annotation that says Preview explicitly. A connector's release
    status is otherwise kept by Microsoft's service (a new connector starts in Preview), which the
    files do not show, and accepted connectors mark operations Production without a root
    annotation; those are not judged, so this rule is not fully offline.

    Passing example::

        x-ms-api-annotation: {status: Preview}
        paths:
          /items: {get: {operationId: ListItems, x-ms-api-annotation: {status: Preview}, responses: {'200': {description: OK}}}}

    Failing example::

        x-ms-api-annotation: {status: Preview}
        paths:
          /items: {get: {operationId: ListItems, x-ms-api-annotation: {status: Production}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/x-ms-api-annotation/status
    """

    code = "OperationStatusAheadOfConnector"
    severity = Severity.ERROR
    summary = "no operation is in Production status while the connector says Preview"
    keys = {"operation": frozenset({"x-ms-api-annotation"})}
    offline = False

    def operation(self, ctx, op):
        if status_of(ctx.swagger.get("x-ms-api-annotation")) != "preview":
            return
        if status_of(op.node.get("x-ms-api-annotation")) == "production":
            ctx.report(f"{op.pointer}/x-ms-api-annotation/status",
                       f"operation {op.label} is in Production status, ahead of the connector, "
                       f"which is in Preview",
                       "mark the operation Preview until the connector itself moves to Production")
