from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import is_webhook, triggers


class WebhookTriggerWithoutDeleteOperation(Rule):
    """A connector with webhook triggers has a DELETE operation to unregister them.

    A webhook trigger (``x-ms-trigger`` with an input marked ``x-ms-notification-url``, or
    with ``x-ms-notification-content`` on it or its path item) registers the flow's callback
    URL with the service. The service answers ``201 Created`` with a ``Location`` header
    naming the new webhook, and the platform sends ``DELETE`` to that URL, through the
    connector, when the flow is turned off or deleted or the trigger changes.
    Microsoft's webhook page ("Use a webhook as a trigger") says the definition **must**
    include that delete operation: without one nothing unregisters the webhook, and the
    service keeps calling a flow that is gone. Add an (internal) ``delete`` operation whose path
    matches the URLs the service returns in ``Location``, e.g. ``/hooks/{id}`` beside
    ``POST /hooks``.

    A warning: the upload accepts the connector and registration works. Whether the 201
    response declares the ``Location`` header is not judged: the platform reads the header
    from the real response, and 183 of the 192 merged connectors with webhooks do not declare
    it. Reported once per connector, at its first webhook trigger, naming them all. On the
    corpus it fires on 38 of 628 readable connectors (6 %).

    Passing example::

        paths:
          /hooks:
            post:
              operationId: OnMessage
              x-ms-trigger: single
              parameters:
                - {name: body, in: body, schema: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}}
              responses: {'201': {description: Created}}
          /hooks/{id}:
            delete:
              operationId: DeleteHook
              x-ms-visibility: internal
              parameters: [{name: id, in: path, required: true, type: string}]
              responses: {'204': {description: Deleted}}

    Failing example::

        paths:
          /hooks:
            post:
              operationId: OnMessage
              x-ms-trigger: single
              parameters:
                - {name: callback, in: query, type: string, required: true, x-ms-notification-url: true}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post
    """

    code = "WebhookTriggerWithoutDeleteOperation"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "a connector with webhook triggers has a DELETE operation to unregister them"

    def document(self, ctx, doc):
        webhooks = [op for op in triggers(ctx) if is_webhook(ctx, op)]
        if not webhooks or any(op.method == "delete" and not op.is_trigger for op in ctx.operations):
            return
        names = ", ".join(op.label for op in webhooks)
        ctx.report(webhooks[0].pointer,
                   f"webhook trigger{'s' if len(webhooks) > 1 else ''} {names} cannot be unregistered: "
                   "the platform sends DELETE to the Location URL of the 201 response, and the "
                   "connector has no delete operation to route it to",
                   "add a delete operation (x-ms-visibility: internal) whose path matches the webhook "
                   "URLs the service returns in Location, e.g. /hooks/{id}")
