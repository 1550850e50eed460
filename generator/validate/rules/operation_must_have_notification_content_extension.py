"""OperationMustHaveNotificationContentExtension, plus ``notification_url_inputs`` and
``is_webhook``, which the x-ms-notification rules of this set import."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operation_missing_path_parameter import effective_parameters
from generator.validate.rules.operation_must_have_response import has_notification_content

_MAX_DEPTH = 32


def _marked(node) -> bool:
    value = node.get("x-ms-notification-url")
    return value is True or (isinstance(value, str) and value.lower() == "true")


def notification_url_inputs(ctx, op) -> list[str]:
    """Names (``param`` or ``param/prop/...``) of the operation's inputs marked
    x-ms-notification-url, looking through body schemas and their ``$ref``s."""
    found: list[str] = []
    for param, _ in effective_parameters(ctx, op):
        name = str(param.get("name", ""))
        if _marked(param):
            found.append(name)
        if param.get("in") == "body":
            _schema(ctx, param.get("schema"), name, found, set(), 0)
    return found


def _schema(ctx, node, path: str, found: list[str], active: set[int], depth: int) -> None:
    node = ctx.deref(node)
    if not isinstance(node, dict) or id(node) in active or depth > _MAX_DEPTH:
        return
    active.add(id(node))
    props = node.get("properties")
    for name, sub in (props.items() if isinstance(props, dict) else ()):
        target = ctx.deref(sub)
        if isinstance(target, dict) and _marked(target):
            found.append(f"{path}/{name}")
        _schema(ctx, sub, f"{path}/{name}", found, active, depth + 1)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            _schema(ctx, node[key], path, found, active, depth + 1)
    parts = node.get("allOf")
    for sub in parts if isinstance(parts, list) else ():
        _schema(ctx, sub, path, found, active, depth + 1)
    active.discard(id(node))


def is_webhook(ctx, op) -> bool:
    """A webhook operation registers a callback: one of its inputs takes the notification URL, or
    it is a trigger whose payload x-ms-notification-content describes (the definition
    WebhookOperationsMissingNotificationUrlProperty uses)."""
    if "x-ms-trigger" in op.node and has_notification_content(op):
        return True
    return bool(notification_url_inputs(ctx, op))


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
