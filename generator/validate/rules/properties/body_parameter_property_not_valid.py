from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import NON_BODY_KEYWORDS


class BodyParameterPropertyNotValid(Rule):
    """A body parameter describes its value only through ``schema``.

    In Swagger 2.0 a parameter ``in: body`` has ``name``, ``description``, ``required`` and
    ``schema``; keywords of other parameters (``type``, ``format``, ``items``, ``enum``,
    ``default`` ...) are not part of it and are ignored, so the body would not be what the
    definition seems to say. Move them into the ``schema``.

    Passing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters: [{name: body, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters: [{name: body, in: body, type: object, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1messages/post/parameters/0/type
    """

    code = "BodyParameterPropertyNotValid"
    severity = Severity.ERROR
    summary = "body parameters use 'schema', not 'type'/'format'/'items'/..."
    keys = {"parameter": frozenset(NON_BODY_KEYWORDS)}

    def parameter(self, ctx, param):
        if param.location != "body":
            return
        for key in param.node:
            if key in NON_BODY_KEYWORDS:
                ctx.report(f"{param.pointer}/{escape_token(key)}",
                           f"the body parameter '{param.name}' cannot use the property '{key}'",
                           f"move '{key}' into the parameter's 'schema', which defines the body")
