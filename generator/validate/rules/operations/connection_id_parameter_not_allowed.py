from generator.findings import Severity
from generator.validate.rule import Rule


class ConnectionIdParameterNotAllowed(Rule):
    """No parameter may be named ``connectionId``.

    The platform routes every call through the user's connection and uses a ``connectionId``
    value of its own for that; a parameter of the same name collides with it. The name is
    compared without regard to case.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: accountId, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: connectionId, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/name
    """

    code = "ConnectionIdParameterNotAllowed"
    severity = Severity.ERROR
    summary = "no parameter is named 'connectionId'"

    def parameter(self, ctx, param):
        name = param.node.get("name")
        if isinstance(name, str) and name.lower() == "connectionid":
            where = f"operation {param.operation.label}" if param.operation else "the swagger"
            ctx.report(param.pointer + "/name",
                       f"parameter '{name}' of {where} uses the reserved name 'connectionId'",
                       "rename the parameter (e.g. 'accountConnectionId') and map it to the API")
