from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import families, labels


class OperationFamilyHasManyEmptyRevisions(Rule):
    """At most one operation of a family may leave its revision out.

    The operation without a revision counts as the family's original; further members need a
    revision number so that the versions can be told apart and ordered.

    Passing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems, revision: 2}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /v1/items: {get: {operationId: ListItems, x-ms-api-annotation: {family: ListItems}, responses: {'200': {description: OK}}}}
          /v2/items: {get: {operationId: ListItems_V2, x-ms-api-annotation: {family: ListItems}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1v2~1items/get/x-ms-api-annotation
    """

    code = "OperationFamilyHasManyEmptyRevisions"
    severity = Severity.ERROR
    summary = "at most one operation of an operation family has no revision"

    def finish(self, ctx):
        for family, members in families(ctx).items():
            empty = [m for m in members if not m.revision]
            if len(empty) <= 1:
                continue
            ctx.report(empty[1].pointer,
                       f"operation family '{family}' has {len(empty)} operations without a "
                       f"revision ({labels(empty)}); only one may omit it",
                       "add 'revision' to the x-ms-api-annotation of the newer operations")
