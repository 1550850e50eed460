from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import families, labels


class OperationFamilyHasManyActiveProductionOperations(Rule):
    """An operation family may have only one non-deprecated operation in Production status.

    Once a newer revision reaches ``status: Production`` in x-ms-api-annotation, the earlier
    production revision should be deprecated; two active production revisions leave users
    unsure which one to use. (A Preview revision next to a Production one is fine.)

    Passing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems, revision: 1, status: Production}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2, status: Preview}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems, revision: 1, status: Production}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2, status: Production}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1v2~1items/get/x-ms-api-annotation/status
    """

    code = "OperationFamilyHasManyActiveProductionOperations"
    severity = Severity.ERROR
    summary = "an operation family has at most one non-deprecated operation in Production status"

    def finish(self, ctx):
        for family, members in families(ctx).items():
            production = [m for m in members if m.active and m.status == "production"]
            if len(production) <= 1:
                continue
            ctx.report(production[1].pointer + "/status",
                       f"operation family '{family}' has {len(production)} active operations in "
                       f"Production status ({labels(production)})",
                       "deprecate the previous revisions ('deprecated: true')")
