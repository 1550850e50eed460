from generator.findings import Severity
from generator.validate.rules.webhooks._helpers import NotificationUrlRule


class NotificationUrlNotRequired(NotificationUrlRule):
    """The input marked x-ms-notification-url must be required all the way down from its parameter.

    The platform only guarantees to send inputs that are required; an optional property, or an
    optional parent object or body parameter on its way, may be left out of the registration
    request, and the service then never learns where to post notifications. So each property on
    the path from the body schema down must be listed in its parent's ``required`` array (a marked
    non-body parameter needs ``required: true``). Array items and map values count as no step of
    their own. The body parameter's own ``required`` flag is not judged: 36 accepted connectors
    leave it out, and the platform sends a body whose properties are required.

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
                    properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post/parameters/0/schema/properties/url
    """

    code = "NotificationUrlNotRequired"
    severity = Severity.ERROR
    summary = "the notification URL input is required at every level of its schema chain"

    def check(self, ctx, op, found):
        if found.required:
            return False
        where = found.not_required_at
        step = f"the parameter '{where}'" if "/" not in where else f"the property '{where}'"
        ctx.report(found.pointer,
                   f"the notification URL input '{found.name}' of operation {op.label} is not "
                   f"required all the way down: {step} is optional",
                   "mark the body parameter required: true and list each property on the way to "
                   "the notification URL in its parent's 'required' array")
        return True
