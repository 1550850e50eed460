from generator.findings import Severity
from generator.validate.rule import Rule


class SchemaDefinitionSetIncorrectly(Rule):
    """A trigger should define its output schema on 200/201 or in ``x-ms-notification-content``.

    The designer shows a trigger's outputs from the schema of its successful 200/201 response
    (polling triggers) or from the notification payload schema (webhook triggers); with neither,
    flows built on the trigger have no dynamic content to use. Microsoft words the rule as
    advice ("should ... to be visible in the designer") and 14 % of certified connectors have
    such triggers (mostly webhooks whose registration response has no schema), so it is a
    warning.

    Passing example::

        paths:
          /items:
            get:
              operationId: OnNewItems
              x-ms-trigger: batch
              responses:
                '200': {description: OK, schema: {type: array, items: {type: object}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: OnNewItems
              x-ms-trigger: batch
              responses:
                '202': {description: Accepted, schema: {type: object}}

    Reports: /paths/~1items/get/responses
    """

    code = "SchemaDefinitionSetIncorrectly"
    severity = Severity.WARNING
    summary = "triggers define an output schema on 200/201 or in x-ms-notification-content"
    keys = {"operation": frozenset({"x-ms-trigger"})}

    def operation(self, ctx, op):
        if not op.is_trigger:
            return
        content = op.node.get("x-ms-notification-content")
        if isinstance(content, dict) and isinstance(content.get("schema"), dict):
            return
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return
        for status in ("200", "201"):
            resp = ctx.deref(responses.get(status, responses.get(int(status))))
            if isinstance(resp, dict) and isinstance(resp.get("schema"), dict):
                return
        ctx.report(op.pointer + "/responses",
                   f"trigger {op.label} defines no output schema on its 200 or 201 response nor "
                   "in 'x-ms-notification-content'",
                   "add a schema to the 200/201 response, or for a webhook the payload schema "
                   "under 'x-ms-notification-content'")
