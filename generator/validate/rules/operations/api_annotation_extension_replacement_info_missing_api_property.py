from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import replacement_of


class ApiAnnotationExtensionReplacementInfoMissingApiProperty(Rule):
    """An x-ms-api-annotation ``replacement`` must say which connector (``api``) holds the successor.

    The replacement is looked up by connector name and operationId together; without ``api`` the
    platform cannot point users at the new operation.

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
              x-ms-api-annotation: {replacement: {operationId: GetA_V2}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/x-ms-api-annotation/replacement
    """

    code = "ApiAnnotationExtensionReplacementInfoMissingApiProperty"
    severity = Severity.ERROR
    summary = "x-ms-api-annotation 'replacement' names the 'api' of the successor"
    keys = {"operation": frozenset({"x-ms-api-annotation"})}

    def operation(self, ctx, op):
        replacement = replacement_of(op)
        if not isinstance(replacement, dict):
            return
        api = replacement.get("api")
        if isinstance(api, str) and api.strip():
            return
        ctx.report(op.pointer + "/x-ms-api-annotation/replacement",
                   f"the x-ms-api-annotation replacement of operation {op.label} has no 'api'",
                   "add 'api' with the name of the connector that holds the replacement operation")
