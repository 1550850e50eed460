from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import is_webhook


class NotificationOperationMustBeWebhook(Rule):
    """The ``operationId`` in ``x-ms-notification`` must name a webhook operation.

    The trigger is notified through the operation named there, which must therefore register a
    callback: have an input marked x-ms-notification-url (or be a trigger with
    x-ms-notification-content). An operationId that does not exist is
    left to OperationIdNotFound.

    Passing example::

        paths:
          /items/new:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              x-ms-notification: {operationId: CreateHook}
              responses: {'200': {description: OK}}
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
          /items/new:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              x-ms-notification: {operationId: ListItems}
              responses: {'200': {description: OK}}
          /items:
            get:
              operationId: ListItems
              responses: {'200': {description: OK}}

    Reports: /paths/~1items~1new/get/x-ms-notification/operationId
    """

    code = "NotificationOperationMustBeWebhook"
    severity = Severity.ERROR
    summary = "x-ms-notification names a webhook operation"
    keys = {"operation": frozenset({"x-ms-notification"})}

    def __init__(self):
        self.found: list = []

    def operation(self, ctx, op):
        notification = op.node.get("x-ms-notification")
        if isinstance(notification, dict) and isinstance(notification.get("operationId"), str):
            self.found.append((op, notification["operationId"]))

    def finish(self, ctx):
        by_id = {}
        for op in ctx.operations:
            if op.operation_id is not None:
                by_id.setdefault(op.operation_id, op)
        for op, target_id in self.found:
            target = by_id.get(target_id)
            if target is None or is_webhook(ctx, target):
                continue
            ctx.report(op.pointer + "/x-ms-notification/operationId",
                       f"x-ms-notification of {op.label} names {target_id}, which is not a webhook "
                       "operation (no input is marked x-ms-notification-url)",
                       "name the operation that registers the webhook callback")
