from generator.findings import Severity
from generator.validate.rule import Rule


class PathParameterMissingEncoding(Rule):
    """A path parameter should say how it is URL-encoded with ``x-ms-url-encoding``.

    Without the extension a value containing '/', '?' or '#' can change the request path; stating
    ``single`` (or ``double`` where the backend expects it) makes the encoding explicit.
    Microsoft words this as a possible problem ("might lead to invalid requests") and a fifth of
    the certified corpus omits it, so it is reported as a warning.

    Passing example::

        paths:
          /items/{id}:
            get:
              operationId: GetItem
              parameters:
              - {name: id, in: path, required: true, type: string, x-ms-url-encoding: single}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items/{id}:
            get:
              operationId: GetItem
              parameters: [{name: id, in: path, required: true, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items~1{id}/get/parameters/0
    """

    code = "PathParameterMissingEncoding"
    severity = Severity.WARNING
    summary = "path parameters declare x-ms-url-encoding"

    def parameter(self, ctx, param):
        if param.location == "path" and "x-ms-url-encoding" not in param.node:
            ctx.report(param.pointer, f"path parameter '{param.name}' does not declare its encoding",
                       "add \"x-ms-url-encoding\": \"single\" so the value is URL-encoded")
