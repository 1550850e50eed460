from generator.findings import Severity
from generator.validate.rule import Rule

ALLOWED = ("http", "https")
#: WebSocket schemes have their own rule, SchemeNotSupported.
_WEBSOCKET = ("ws", "wss")


class SchemeNotValid(Rule):
    """Every entry of ``schemes`` must be ``http`` or ``https``.

    Swagger lists the transfer protocols of the API in ``schemes``; connectors call their backend
    over HTTP(S) only, so any other value (``ftp``, ``HTTPS`` in capitals, a URL) is not valid.
    The WebSocket schemes are reported separately by SchemeNotSupported.

    Passing example::

        schemes: [https]

    Failing example::

        schemes: [https, ftp]

    Reports: /schemes/1

    Failing example::

        paths:
          /files:
            get: {operationId: Files, schemes: [https, ftp], responses: {'200': {description: OK}}}

    Reports: /paths/~1files/get/schemes/1
    """

    code = "SchemeNotValid"
    severity = Severity.ERROR
    summary = "'schemes' only contains 'http' or 'https'"
    keys = {"operation": frozenset({"schemes"})}

    def _check(self, ctx, schemes, pointer, where):
        if not isinstance(schemes, list):
            return
        for index, scheme in enumerate(schemes):
            if scheme in ALLOWED:
                continue
            if isinstance(scheme, str) and scheme.lower() in _WEBSOCKET:
                continue
            ctx.report(f"{pointer}/{index}",
                       f"{where} lists the scheme {scheme!r}; schemes must be one of: "
                       f"{', '.join(ALLOWED)}",
                       "use 'https' (or 'http'), in lower case")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("schemes"), "/schemes", "the connector")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("schemes"), op.pointer + "/schemes", f"operation {op.label}")
