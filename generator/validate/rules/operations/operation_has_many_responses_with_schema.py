from generator.findings import Severity
from generator.validate.rule import Rule


class OperationHasManyResponsesWithSchema(Rule):
    """An operation should define a response schema on only one of its successful (2xx) responses.

    The designer builds an operation's outputs from a single response schema; schemas on further
    2xx responses are ignored, so their properties never appear as dynamic content. Error
    responses (4xx/5xx, ``default``) are not counted: certified connectors commonly describe
    their error bodies, and the designer does not use those schemas for outputs. Severity:
    warning — Microsoft's message describes a designer limitation, not a rejected definition.

    Passing example::

        paths:
          /items:
            post:
              operationId: CreateItem
              responses:
                '201': {description: Created, schema: {type: object}}
                '202': {description: Accepted}
                '400': {description: Bad request, schema: {type: object}}

    Failing example::

        paths:
          /items:
            post:
              operationId: CreateItem
              responses:
                '200': {description: OK, schema: {type: object}}
                '201': {description: Created, schema: {type: object}}

    Reports: /paths/~1items/post/responses
    """

    code = "OperationHasManyResponsesWithSchema"
    severity = Severity.WARNING
    summary = "at most one successful (2xx) response of an operation has a schema"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return
        with_schema = []
        for status, response in responses.items():
            status = str(status)
            if not (len(status) == 3 and status.startswith("2")):
                continue
            node = ctx.deref(response)
            if isinstance(node, dict) and node.get("schema") is not None:
                with_schema.append(status)
        if len(with_schema) > 1:
            ctx.report(op.pointer + "/responses",
                       f"operation {op.label} defines a schema on {len(with_schema)} successful "
                       f"responses ({', '.join(with_schema)}); the designer uses only one",
                       "keep the schema on the main success response and remove it from the others")
