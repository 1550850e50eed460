from __future__ import annotations

from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule

MAX_DEPTH = 64


def is_webhook_trigger(op) -> bool:
    """A webhook trigger: a trigger whose notification payload is described by
    x-ms-notification-content (on the operation or on its path item). Narrower than
    ``_helpers.is_webhook``, which also counts any operation with a notification-URL input."""
    return "x-ms-trigger" in op.node and (
        "x-ms-notification-content" in op.node or "x-ms-notification-content" in op.path_item.node)


def marks_url(node: Any) -> bool:
    return isinstance(node, dict) and node.get("x-ms-notification-url") in (True, "true", "True")


class NotificationUrlFinder:
    """Whether an input schema (references followed, each definition once) has a property marked
    x-ms-notification-url."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.known: dict[str, bool] = {}

    def search(self, node: Any, seen: frozenset = frozenset(), depth: int = 0) -> bool:
        if not isinstance(node, dict) or depth > MAX_DEPTH:
            return False
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in self.known:
                return self.known[ref]
            if ref in seen:
                return False
            found = self.search(self.ctx.resolve(ref), seen | {ref}, depth + 1)
            self.known[ref] = found
            return found
        if marks_url(node):
            return True
        subs = []
        props = node.get("properties")
        if isinstance(props, dict):
            subs.extend(props.values())
        items = node.get("items")
        subs.extend(items if isinstance(items, list) else [items])
        subs.append(node.get("additionalProperties"))
        all_of = node.get("allOf")
        if isinstance(all_of, list):
            subs.extend(all_of)
        return any(self.search(sub, seen, depth + 1) for sub in subs)

    def operation_has_url(self, op) -> bool:
        params = op.node.get("parameters")
        shared = op.path_item.node.get("parameters")
        for raw in (shared if isinstance(shared, list) else []) + (params if isinstance(params, list) else []):
            param = self.ctx.deref(raw)
            if marks_url(param) or (isinstance(param, dict) and self.search(param.get("schema"))):
                return True
        return False


class WebhookOperationsMissingNotificationUrlProperty(Rule):
    """A webhook trigger must have an input marked ``x-ms-notification-url: true``.

    When a flow with a webhook trigger is saved, Power Automate registers the webhook by calling
    the trigger operation and puts its own callback URL into the input marked with
    x-ms-notification-url; without that input the service never learns where to send events.
    A trigger counts as a webhook when it has ``x-ms-notification-content`` (on the operation or
    its path item): every webhook trigger in the corpus of accepted connectors has it, while
    polling triggers have not. Body schemas are searched through their references.

    Passing example::

        paths:
          /hooks:
            x-ms-notification-content: {schema: {type: object}}
            post:
              operationId: OnNewItem
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  schema: {type: object, required: [url], properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}}
              responses: {'201': {description: Created}}

    Failing example::

        paths:
          /hooks:
            x-ms-notification-content: {schema: {type: object}}
            post:
              operationId: OnNewItem
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  schema: {type: object, properties: {url: {type: string}}}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post
    """

    code = "WebhookOperationsMissingNotificationUrlProperty"
    severity = Severity.ERROR
    summary = "webhook triggers have an input marked x-ms-notification-url"

    def finish(self, ctx):
        finder = NotificationUrlFinder(ctx)
        for op in ctx.operations:
            if is_webhook_trigger(op) and not finder.operation_has_url(op):
                ctx.report(op.pointer,
                           f"webhook operation {op.label} has no input marked as the notification URL",
                           "add the property that receives the callback URL to the registration "
                           "body and mark it \"x-ms-notification-url\": true (internal and required)")
