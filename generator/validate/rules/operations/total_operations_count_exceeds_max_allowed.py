from generator.findings import Severity
from generator.validate.rule import Rule

MAX_OPERATIONS = 256


class TotalOperationsCountExceedsMaxAllowed(Rule):
    """A connector may define at most 256 operations.

    Microsoft documents 256 as the maximum number of operations in one swagger file (custom
    connector FAQ, limits table). A larger API has to be split into several connectors.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Failing example::

        # 37 paths with 7 operations each: 259 operations
        paths:
          /a1: &p {get: {responses: {'200': {description: OK}}}, post: {responses: {'200': {description: OK}}}, put: {responses: {'200': {description: OK}}}, delete: {responses: {'200': {description: OK}}}, patch: {responses: {'200': {description: OK}}}, head: {responses: {'200': {description: OK}}}, options: {responses: {'200': {description: OK}}}}
          /a2: *p
          /a3: *p
          /a4: *p
          /a5: *p
          /a6: *p
          /a7: *p
          /a8: *p
          /a9: *p
          /a10: *p
          /a11: *p
          /a12: *p
          /a13: *p
          /a14: *p
          /a15: *p
          /a16: *p
          /a17: *p
          /a18: *p
          /a19: *p
          /a20: *p
          /a21: *p
          /a22: *p
          /a23: *p
          /a24: *p
          /a25: *p
          /a26: *p
          /a27: *p
          /a28: *p
          /a29: *p
          /a30: *p
          /a31: *p
          /a32: *p
          /a33: *p
          /a34: *p
          /a35: *p
          /a36: *p
          /a37: *p

    Reports: /paths
    """

    code = "TotalOperationsCountExceedsMaxAllowed"
    severity = Severity.ERROR
    summary = "a connector defines at most 256 operations"

    def document(self, ctx, doc):
        count = len(ctx.operations)
        if count > MAX_OPERATIONS:
            ctx.report("/paths", f"the swagger defines {count} operations; at most "
                                 f"{MAX_OPERATIONS} are allowed",
                       "split the API into several connectors, or drop operations few users need")
