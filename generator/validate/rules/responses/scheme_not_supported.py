from generator.findings import Severity
from generator.validate.rule import Rule

_WEBSOCKET = {"ws", "wss"}


class SchemeNotSupported(Rule):
    """WebSocket schemes (``ws``, ``wss``) cannot be used in ``schemes``.

    Connectors call their backend over plain HTTP requests; the runtime has no WebSocket
    transport, so only ``http`` and ``https`` work.

    Passing example::

        schemes: [https]

    Failing example::

        schemes: [https, wss]

    Reports: /schemes/1

    Failing example::

        paths:
          /events:
            get: {operationId: Events, schemes: [wss], responses: {'200': {description: OK}}}

    Reports: /paths/~1events/get/schemes/0
    """

    code = "SchemeNotSupported"
    severity = Severity.ERROR
    summary = "no WebSocket scheme (ws, wss) in 'schemes'"
    keys = {"operation": frozenset({"schemes"})}

    def _check(self, ctx, schemes, pointer, where):
        if not isinstance(schemes, list):
            return
        for index, scheme in enumerate(schemes):
            if isinstance(scheme, str) and scheme.lower() in _WEBSOCKET:
                ctx.report(f"{pointer}/{index}", f"{where} uses the WebSocket scheme '{scheme}'",
                           "remove it; only 'https' (or 'http') is supported")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("schemes"), "/schemes", "the connector")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("schemes"), op.pointer + "/schemes", f"operation {op.label}")
