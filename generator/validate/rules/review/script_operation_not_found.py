from generator.findings import Severity
from generator.validate.rule import Rule


class ScriptOperationNotFound(Rule):
    """Every operation listed in apiProperties ``scriptOperations`` must exist.

    ``scriptOperations`` routes the named operations through script.csx; a name that matches
    no operationId (a typo, an operation renamed) leaves that operation without its custom
    code, and the script's branch for it never runs. A warning: the upload accepts it (two
    merged connectors list a leftover ``postCall``).

    Passing example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
        apiProperties:
          properties:
            scriptOperations: [GetA]

    Failing example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
        apiProperties:
          properties:
            scriptOperations: [GetA, GetB]

    Reports: /properties/scriptOperations/1
    """

    code = "ScriptOperationNotFound"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "operations listed in scriptOperations exist"

    def properties(self, ctx, doc):
        props = doc.get("properties")
        listed = props.get("scriptOperations") if isinstance(props, dict) else None
        if not isinstance(listed, list):
            return
        known = {op.node.get("operationId") for op in ctx.operations}
        for index, name in enumerate(listed):
            if isinstance(name, str) and name not in known:
                ctx.report(f"/properties/scriptOperations/{index}",
                           "scriptOperations names an operation that does not exist",
                           "use an operationId of the swagger, or remove the entry")
