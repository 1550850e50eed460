from generator.findings import Severity
from generator.validate.rule import Rule


class QueryParameterEncodingNotSupported(Rule):
    """A query parameter cannot ask for an ``x-ms-url-encoding`` other than ``single``.

    Query values are always single URL-encoded by the platform; ``double`` (or any other value)
    only applies to path parameters. An explicit ``single`` restates the default and is
    accepted (certified connectors use it).

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: q, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: q, in: query, type: string, x-ms-url-encoding: double}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/x-ms-url-encoding
    """

    code = "QueryParameterEncodingNotSupported"
    severity = Severity.ERROR
    summary = "query parameters do not request an x-ms-url-encoding other than single"
    keys = {"parameter": frozenset({"x-ms-url-encoding"})}

    def parameter(self, ctx, param):
        node = param.node
        if param.location == "query" and "x-ms-url-encoding" in node \
                and node["x-ms-url-encoding"] != "single":
            ctx.report(param.pointer + "/x-ms-url-encoding",
                       f"encoding '{node['x-ms-url-encoding']}' for query parameter "
                       f"'{param.name}' is not supported",
                       "remove x-ms-url-encoding; query parameters are single-encoded by default")
