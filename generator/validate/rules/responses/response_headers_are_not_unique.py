from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


class ResponseHeadersAreNotUnique(Rule):
    """A response must not declare the same header twice.

    HTTP header names are case-insensitive, so ``ETag`` and ``etag`` are one header; declaring
    both gives two conflicting descriptions of the same output.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses:
                '200': {description: OK, headers: {ETag: {type: string}}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses:
                '200': {description: OK, headers: {ETag: {type: string}, etag: {type: string}}}

    Reports: /paths/~1a/get/responses/200/headers/etag
    """

    code = "ResponseHeadersAreNotUnique"
    severity = Severity.ERROR
    summary = "response headers are unique (case-insensitively)"
    keys = {"response": frozenset({"headers"})}

    def response(self, ctx, resp):
        headers = resp.node.get("headers")
        seen = {}
        for name in (headers if isinstance(headers, dict) else ()):
            key = str(name).strip().lower()
            if key in seen:
                ctx.report(resp.pointer + pointer_of("headers", name),
                           f"response header '{name}' repeats '{seen[key]}'",
                           "keep a single declaration of each header")
            else:
                seen[key] = name
