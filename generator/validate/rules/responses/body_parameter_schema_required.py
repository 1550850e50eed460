from generator.findings import Severity
from generator.validate.rule import Rule


class BodyParameterSchemaRequired(Rule):
    """A ``body`` parameter must describe its payload with ``schema``.

    Unlike other parameters, a body parameter has no ``type``; its shape comes only from
    ``schema``. Without it the designer has no fields to show and the request body is undefined.

    Passing example::

        paths:
          /a:
            post:
              operationId: PostA
              parameters: [{name: body, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            post:
              operationId: PostA
              parameters: [{name: body, in: body, type: object}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/post/parameters/0
    """

    code = "BodyParameterSchemaRequired"
    severity = Severity.ERROR
    summary = "body parameters define a schema"

    def parameter(self, ctx, param):
        if param.location == "body" and not isinstance(param.node.get("schema"), dict):
            ctx.report(param.pointer, f"body parameter '{param.name}' does not define a 'schema'",
                       "add a 'schema' (e.g. {type: object, properties: ...} or a $ref)")
