from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import replacement_of


class ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty(Rule):
    """An x-ms-api-annotation ``replacement`` must name the successor's ``operationId``.

    Together with ``api`` the operationId identifies the operation users should move to; a
    replacement without it leads nowhere.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              deprecated: true
              x-ms-api-annotation: {replacement: {api: Contoso, operationId: GetA_V2}}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              deprecated: true
              x-ms-api-annotation: {replacement: {api: Contoso}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/x-ms-api-annotation/replacement
    """

    code = "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty"
    severity = Severity.ERROR
    summary = "x-ms-api-annotation 'replacement' names the successor's 'operationId'"
    keys = {"operation": frozenset({"x-ms-api-annotation"})}

    def operation(self, ctx, op):
        replacement = replacement_of(op)
        if not isinstance(replacement, dict):
            return
        target = replacement.get("operationId")
        if isinstance(target, str) and target.strip():
            return
        ctx.report(op.pointer + "/x-ms-api-annotation/replacement",
                   f"the x-ms-api-annotation replacement of operation {op.label} has no "
                   "'operationId'",
                   "add 'operationId' with the id of the operation that replaces this one")
