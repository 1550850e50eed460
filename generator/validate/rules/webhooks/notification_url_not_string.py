from generator.findings import Severity
from generator.validate.rules.webhooks._helpers import NotificationUrlRule


class NotificationUrlNotString(NotificationUrlRule):
    """The input marked x-ms-notification-url must be of type string.

    The platform puts the callback URL, a string, into that input. A property declared as another
    type (object, integer, array...) cannot hold it. An input without ``type`` is left alone:
    accepted connectors leave it out, and the URL is then sent as a string anyway.

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
                    properties: {url: {type: object, x-ms-notification-url: true, x-ms-visibility: internal}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post/parameters/0/schema/properties/url
    """

    code = "NotificationUrlNotString"
    severity = Severity.ERROR
    summary = "the input marked x-ms-notification-url is of type string"

    def check(self, ctx, op, found):
        kind = found.node.get("type")
        if kind is None or kind == "string":
            return False
        ctx.report(found.pointer,
                   f"the notification URL input '{found.name}' of operation {op.label} has type "
                   f"{kind!r}, not 'string'",
                   "declare the notification URL property as \"type\": \"string\"")
        return True
