from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import is_internal


class InternalPropertyWithDefaultOptional(Rule):
    """An internal parameter with a default value should be required (warning).

    A parameter hidden with ``x-ms-visibility: internal`` exists to send its ``default`` without
    asking the user; only required parameters are guaranteed to be included in requests, so an
    optional one may silently not be sent. Microsoft's guidance leaves it to the author ("if this
    is intended, it may be left as is"), hence a warning; nine certified connectors do this. For
    body properties the same situation is the error PropertyMustBeRequired.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: api-version, in: query, type: string, default: '2', required: true,
                            x-ms-visibility: internal}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: api-version, in: query, type: string, default: '2',
                            x-ms-visibility: internal}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0
    """

    code = "InternalPropertyWithDefaultOptional"
    severity = Severity.WARNING
    summary = "internal parameters with a default value are required"
    keys = {"parameter": frozenset({"default"})}

    def parameter(self, ctx, param):
        node = param.node
        if is_internal(node) and "default" in node and node.get("required") is not True:
            ctx.report(param.pointer,
                       f"the internal parameter '{param.name}' has a default value but is optional; only "
                       f"required parameters are guaranteed to be included in requests",
                       "add \"required\": true so the default is always sent (or leave it if that is "
                       "intended)")
