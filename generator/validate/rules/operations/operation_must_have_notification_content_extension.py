"""OperationMustHaveNotificationContentExtension (``notification_url_inputs`` and ``is_webhook``
are in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import has_notification_content, notification_url_inputs


class OperationMustHaveNotificationContentExtension(Rule):
    """An operation with an input marked x-ms-notification-url needs x-ms-notification-content.

    Such an operation registers a webhook: the service later posts notifications to the URL.
    x-ms-notification-content (on the operation or, as usual, on its path item) describes that
    payload; without it the trigger has no outputs for the flow to use.

    Passing example::

        paths:
          /hooks:
            x-ms-notification-content: {schema: {type: object, properties: {id: {type: string}}}}
            post:
              operationId: WhenItemCreated
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  required: true
                  schema:
                    type: object
                    required: [url]
                    properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}
              responses: {'201': {description: Created}}

    Failing example::

        paths:
          /hooks:
            post:
              operationId: WhenItemCreated
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  required: true
                  schema:
                    type: object
                    required: [url]
                    properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post
    """

    code = "OperationMustHaveNotificationContentExtension"
    severity = Severity.ERROR
    summary = "operations with an x-ms-notification-url input define x-ms-notification-content"

    def operation(self, ctx, op):
        if has_notification_content(op):
            return
        inputs = notification_url_inputs(ctx, op)
        if not inputs:
            return
        ctx.report(op.pointer,
                   f"operation {op.label} has no x-ms-notification-content although "
                   f"{len(inputs)} input(s) are marked as notification URL ({', '.join(inputs)})",
                   "add x-ms-notification-content with the schema of the notification payload to "
                   "the operation or its path item")
