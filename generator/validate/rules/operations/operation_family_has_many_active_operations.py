from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import families, labels

MAX_ACTIVE = 2


class OperationFamilyHasManyActiveOperations(Rule):
    """An operation family may have at most two operations that are not deprecated.

    Users choose between the current revision and at most its predecessor; older revisions must
    be marked ``deprecated: true`` so the designer hides them.

    Passing example::

        paths:
          /v1/items: {get: {operationId: ListItems, deprecated: true, x-ms-api-annotation: {family: ListItems, revision: 1}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}
          /v3/items: {get: {operationId: ListItems_V3, x-ms-api-annotation: {family: ListItems, revision: 3}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems, revision: 1}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}
          /v3/items: {get: {operationId: ListItems_V3, x-ms-api-annotation: {family: ListItems, revision: 3}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1v3~1items/get/x-ms-api-annotation/family
    """

    code = "OperationFamilyHasManyActiveOperations"
    severity = Severity.ERROR
    summary = "an operation family has at most two operations that are not deprecated"

    def finish(self, ctx):
        for family, members in families(ctx).items():
            active = [m for m in members if m.active]
            if len(active) <= MAX_ACTIVE:
                continue
            ctx.report(active[MAX_ACTIVE].pointer + "/family",
                       f"operation family '{family}' has {len(active)} operations that are not "
                       f"deprecated ({labels(active)}); at most {MAX_ACTIVE} are allowed",
                       "mark the older revisions 'deprecated: true'")
