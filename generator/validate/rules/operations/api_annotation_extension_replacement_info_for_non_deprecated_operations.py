from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import replacement_of


class ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations(Rule):
    """Only a deprecated operation may name a replacement in x-ms-api-annotation.

    ``replacement`` tells users which operation to move to once this one is retired; on an
    operation that is not marked ``deprecated: true`` it points people away from an operation
    that is still current.

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
              x-ms-api-annotation: {replacement: {api: Contoso, operationId: GetA_V2}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/x-ms-api-annotation/replacement
    """

    code = "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations"
    severity = Severity.ERROR
    summary = "x-ms-api-annotation 'replacement' appears only on deprecated operations"
    keys = {"operation": frozenset({"x-ms-api-annotation"})}

    def operation(self, ctx, op):
        if replacement_of(op) is None or op.node.get("deprecated") is True:
            return
        ctx.report(op.pointer + "/x-ms-api-annotation/replacement",
                   f"operation {op.label} names a replacement in x-ms-api-annotation but is not "
                   "deprecated",
                   "set 'deprecated: true' on the operation, or remove 'replacement'")
