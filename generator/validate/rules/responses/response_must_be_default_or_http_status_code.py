from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


def _valid(status: str) -> bool:
    return status == "default" or (len(status) == 3 and status.isdigit() and 100 <= int(status) <= 599)


class ResponseMustBeDefaultOrHttpStatusCode(Rule):
    """An operation's responses are keyed by an HTTP status code (100-599) or ``default``.

    The runtime picks the response description by the status the API returns; keys such as
    ``OK``, ``2XX`` or ``200 OK`` match nothing. Extension keys (``x-...``) are allowed.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, default: {description: Error}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses: {OK: {description: OK}}

    Reports: /paths/~1a/get/responses/OK
    """

    code = "ResponseMustBeDefaultOrHttpStatusCode"
    severity = Severity.ERROR
    summary = "response keys are HTTP status codes or 'default'"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        for status in (responses if isinstance(responses, dict) else ()):
            key = str(status)
            if not key.startswith("x-") and not _valid(key):
                ctx.report(op.pointer + pointer_of("responses", status),
                           f"response '{key}' of operation {op.label} is neither an HTTP status "
                           "code nor 'default'",
                           "use a three-digit status code such as '200', or 'default'")
