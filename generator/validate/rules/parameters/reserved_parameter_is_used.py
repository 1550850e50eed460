from generator.findings import Severity
from generator.validate.rule import Rule

#: Headers the connector runtime or the HTTP stack sets itself.
RESERVED_HEADERS = frozenset({
    "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
    "expect", "te", "trailer", "proxy-connection", "proxy-authorization",
})
RESERVED_HEADER_PREFIXES = ("x-ms-apim-",)


class ReservedParameterIsUsed(Rule):
    """A header parameter cannot be one of the headers the platform itself controls.

    The connector runtime writes connection-level headers (Host, Content-Length,
    Transfer-Encoding, Connection, ...) and its own ``x-ms-apim-*`` headers; a parameter with
    such a name would be overwritten or break the request. Microsoft does not publish its
    reserved list: this rule checks our list of hop-by-hop/platform headers only.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: Accept-Language, in: header, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: Content-Length, in: header, type: integer}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/name
    """

    code = "ReservedParameterIsUsed"
    severity = Severity.ERROR
    summary = "header parameters do not use headers reserved by the platform"

    def parameter(self, ctx, param):
        if param.location != "header":
            return
        name = param.name.strip().lower()
        if name in RESERVED_HEADERS or name.startswith(RESERVED_HEADER_PREFIXES):
            where = param.operation.label if param.operation else f"the {param.scope} parameters"
            ctx.report(param.pointer + "/name",
                       f"the header '{param.name}' is reserved and cannot be used in {where}",
                       "remove the parameter; the platform sets this header itself")
