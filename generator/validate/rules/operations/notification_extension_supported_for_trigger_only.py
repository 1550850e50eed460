from generator.findings import Severity
from generator.validate.rule import Rule


class NotificationExtensionSupportedForTriggerOnly(Rule):
    """Only trigger operations (``x-ms-trigger``) may carry ``x-ms-notification``.

    x-ms-notification links a trigger to the webhook operation that lets it be notified instead of
    polling; an action is never notified, so the extension has no meaning there.

    Passing example::

        paths:
          /items/new:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              x-ms-notification: {operationId: CreateHook}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              x-ms-notification: {operationId: CreateHook}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/x-ms-notification
    """

    code = "NotificationExtensionSupportedForTriggerOnly"
    severity = Severity.ERROR
    summary = "x-ms-notification appears only on trigger operations"
    keys = {"operation": frozenset({"x-ms-notification"})}

    def operation(self, ctx, op):
        if "x-ms-notification" in op.node and "x-ms-trigger" not in op.node:
            ctx.report(op.pointer + "/x-ms-notification",
                       f"operation {op.label} has x-ms-notification but is not a trigger",
                       "remove x-ms-notification, or make the operation a trigger with x-ms-trigger")
