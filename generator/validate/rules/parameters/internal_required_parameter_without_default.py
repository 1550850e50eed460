from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import is_internal


class InternalRequiredParameterWithoutDefault(Rule):
    """A required parameter hidden with ``x-ms-visibility: internal`` needs a default (warning).

    Users never see an internal parameter, so they cannot fill it in; if it is required, its
    ``default`` is the only value it can ever get. Without one the action cannot send the
    request; Microsoft's documentation of x-ms-visibility says such parameters must have one.
    Exempt: body parameters (their schema carries the values) and the callback URL of
    a webhook trigger (``x-ms-notification-url``), which the platform fills in.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: api-version, in: query, type: string, required: true, default: '2',
                            x-ms-visibility: internal}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: api-version, in: query, type: string, required: true,
                            x-ms-visibility: internal}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0
    """

    code = "InternalRequiredParameterWithoutDefault"
    severity = Severity.WARNING
    source = "openapi-extensions"
    summary = "required internal parameters have a default value"
    keys = {"parameter": frozenset({"x-ms-visibility"})}

    def parameter(self, ctx, param):
        node = param.node
        if (param.location == "body" or node.get("required") is not True or not is_internal(node)
                or "default" in node or node.get("x-ms-notification-url") is True):
            return
        ctx.report(param.pointer,
                   f"the required parameter '{param.name}' is internal but has no default value, "
                   f"so nothing can fill it in",
                   "give it a \"default\", or make it visible (important or advanced)")
