from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import is_webhook


class NotificationExtensionNotSupportedInWebhookOperation(Rule):
    """A webhook operation may not itself carry ``x-ms-notification``.

    x-ms-notification lets a polling trigger point at the webhook operation that notifies it. A
    webhook operation (one with an input marked x-ms-notification-url, or a trigger with
    x-ms-notification-content) is already notified directly, so the extension does not belong
    on it.

    Passing example::

        paths:
          /hooks:
            x-ms-notification-content: {schema: {type: object}}
            post:
              operationId: CreateHook
              x-ms-trigger: single
              parameters:
                - {name: callback, in: body, required: true,
                   schema: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}}
              responses: {'201': {description: Created}}

    Failing example::

        paths:
          /hooks:
            x-ms-notification-content: {schema: {type: object}}
            post:
              operationId: CreateHook
              x-ms-trigger: single
              x-ms-notification: {operationId: CreateHook}
              parameters:
                - {name: callback, in: body, required: true,
                   schema: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post/x-ms-notification
    """

    code = "NotificationExtensionNotSupportedInWebhookOperation"
    severity = Severity.ERROR
    summary = "webhook operations do not carry x-ms-notification"
    keys = {"operation": frozenset({"x-ms-notification"})}

    def operation(self, ctx, op):
        if "x-ms-notification" in op.node and is_webhook(ctx, op):
            ctx.report(op.pointer + "/x-ms-notification",
                       f"webhook operation {op.label} must not define x-ms-notification",
                       "remove x-ms-notification; put it on the polling trigger that should be "
                       "notified through this webhook")
