from generator.findings import Severity
from generator.validate.rule import Rule


class SchemesArrayEmpty(Rule):
    """A ``schemes`` list, at the root or on an operation, must hold at least one scheme.

    The platform builds the backend URL from the scheme; an empty list leaves it with no
    transfer protocol to call the API with.

    Passing example::

        schemes: [https]

    Failing example::

        schemes: []

    Reports: /schemes

    Failing example::

        paths:
          /files:
            get: {operationId: Files, schemes: [], responses: {'200': {description: OK}}}

    Reports: /paths/~1files/get/schemes
    """

    code = "SchemesArrayEmpty"
    severity = Severity.ERROR
    summary = "a 'schemes' array holds at least one scheme"
    keys = {"operation": frozenset({"schemes"})}

    def document(self, ctx, doc):
        if isinstance(doc.get("schemes"), list) and not doc["schemes"]:
            ctx.report("/schemes", "the 'schemes' array is empty", "set it to [\"https\"]")

    def operation(self, ctx, op):
        if isinstance(op.node.get("schemes"), list) and not op.node["schemes"]:
            ctx.report(op.pointer + "/schemes", f"operation {op.label} has an empty 'schemes' array",
                       "remove the operation's 'schemes' or set it to [\"https\"]")
