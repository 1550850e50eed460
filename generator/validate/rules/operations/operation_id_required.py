from generator.findings import Severity
from generator.validate.rule import Rule


class OperationIdRequired(Rule):
    """Every operation needs an operationId.

    Power Platform names actions and triggers by their operationId; flows store it, so an
    operation without one cannot be used.

    Passing example::

        paths:
          /a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /a: {get: {responses: {'200': {description: OK}}}}

    Reports: /paths/~1a/get

    Failing example::

        paths:
          /a:
            get: {operationId: GetA, responses: {'200': {description: OK}}}
            post: {responses: {'200': {description: OK}}}
          /b:
            delete: {responses: {'204': {description: Deleted}}}

    Reports:
      - /paths/~1a/post
      - /paths/~1b/delete
    """

    code = "OperationIdRequired"
    severity = Severity.ERROR
    summary = "every operation has an operationId"

    def operation(self, ctx, op):
        if "operationId" not in op.node:
            ctx.report(op.pointer, f"operation {op.label} has no operationId",
                       "add a unique PascalCase operationId, e.g. GetContacts")
