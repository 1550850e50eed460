"""NotificationUrlNotInternal (its base ``NotificationUrlRule`` and ``notification_url_chains`` are
in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.webhooks._helpers import NotificationUrlRule


class NotificationUrlNotInternal(NotificationUrlRule):
    """The input marked x-ms-notification-url, or one of its parents, must be internal.

    The platform fills the notification URL itself when it registers the webhook; the user must
    never see or edit that field. Marking the property (or the body parameter holding it)
    ``x-ms-visibility: internal`` hides it in the designer. The value is compared without regard
    to case, as accepted connectors write ``Internal`` too.

    Passing example::

        paths:
          /hooks:
            post:
              operationId: CreateHook
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
              operationId: CreateHook
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  required: true
                  schema:
                    type: object
                    required: [url]
                    properties: {url: {type: string, x-ms-notification-url: true}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post/parameters/0/schema/properties/url
    """

    code = "NotificationUrlNotInternal"
    severity = Severity.ERROR
    summary = "the notification URL input or one of its parents is x-ms-visibility: internal"

    def check(self, ctx, op, found):
        if found.internal:
            return False
        ctx.report(found.pointer,
                   f"the notification URL input '{found.name}' of operation {op.label} is not "
                   f"internal, and neither is any of its parents",
                   "add \"x-ms-visibility\": \"internal\" to the property (or to the body parameter "
                   "that holds it) so that users never see the callback URL field")
        return True
