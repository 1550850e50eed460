from generator.findings import Severity
from generator.validate.rule import Rule


class OperationIdNotUnique(Rule):
    """No two operations may share an operationId.

    Flows and apps refer to an action or trigger by its operationId, so each must identify
    exactly one operation. The comparison ignores case, because the platform stores operations
    under case-insensitive names.

    Passing example::

        paths:
          /a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}
          /b: {get: {operationId: GetB, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /a: {get: {operationId: GetItem, responses: {'200': {description: OK}}}}
          /b: {get: {operationId: getitem, responses: {'200': {description: OK}}}}

    Reports: /paths/~1b/get/operationId

    Failing example::

        paths:
          /items:
            get: {operationId: Items, responses: {'200': {description: OK}}}
            post: {operationId: Items, responses: {'200': {description: OK}}}
            delete: {operationId: ITEMS, responses: {'204': {description: Deleted}}}

    Reports:
      - /paths/~1items/post/operationId
      - /paths/~1items/delete/operationId
    """

    code = "OperationIdNotUnique"
    severity = Severity.ERROR
    summary = "operationIds are unique (ignoring case)"
    keys = {"operation": frozenset({"operationId"})}

    def __init__(self):
        self.first: dict[str, object] = {}

    def operation(self, ctx, op):
        operation_id = op.operation_id
        if operation_id is None:
            return
        key = operation_id.lower()
        earlier = self.first.get(key)
        if earlier is None:
            self.first[key] = op
            return
        ctx.report(op.pointer + "/operationId",
                   f"operationId '{operation_id}' of {op.method.upper()} {op.path} is already used "
                   f"by {earlier.method.upper()} {earlier.path}",
                   "give each operation its own operationId")
