from generator.findings import Severity
from generator.validate.rule import Rule

SUPPORTED = ("nextLink", "@odata.nextLink")


class InvalidNextLinkNameValue(Rule):
    """``x-ms-pageable.nextLinkName`` must be ``nextLink`` or ``@odata.nextLink``.

    The platform's pagination follows only these two response properties; any other name (even
    one that differs only in case) is not followed, so later pages are never fetched.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              x-ms-pageable: {nextLinkName: '@odata.nextLink'}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              x-ms-pageable: {nextLinkName: next_page}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/x-ms-pageable/nextLinkName
    """

    code = "InvalidNextLinkNameValue"
    severity = Severity.ERROR
    summary = "x-ms-pageable nextLinkName is 'nextLink' or '@odata.nextLink'"
    keys = {"operation": frozenset({"x-ms-pageable"})}

    def operation(self, ctx, op):
        pageable = op.node.get("x-ms-pageable")
        if not isinstance(pageable, dict) or pageable.get("nextLinkName") is None:
            return
        value = pageable["nextLinkName"]
        if value in SUPPORTED:
            return
        ctx.report(op.pointer + "/x-ms-pageable/nextLinkName",
                   f"nextLinkName {value!r} of operation {op.label} is not supported",
                   "use 'nextLink' or '@odata.nextLink' (exactly), matching the property of the "
                   "response that holds the next page's URL")
