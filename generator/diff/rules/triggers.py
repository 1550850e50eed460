"""Triggers: the kind (polling or webhook, single or batch) and the trigger state metadata.
(Notification content is compared as outputs, in ``outputs``.)"""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.findings import Severity


def _kind(op) -> str:
    mode = op.node.get("x-ms-trigger")
    return f"{op.trigger} ({mode})" if op.trigger else "action"


class TriggerKindChanged(ChangeRule):
    """A trigger changed kind (polling ↔ webhook, ``x-ms-trigger`` single ↔ batch), or an action
    became a trigger or the reverse: existing flows were built for the old kind.

    Before example::

        paths: {/a: {get: {operationId: OnItem, x-ms-trigger: single, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: OnItem, x-ms-trigger: batch, responses: {'200': {description: OK}}}}}
    """

    code = "TriggerKindChanged"
    severity = Severity.ERROR
    summary = "a trigger's kind changed (polling/webhook, single/batch)"

    def operation(self, ctx, pair):
        before, after = _kind(pair.old), _kind(pair.new)
        if before != after:
            ctx.report(pair.new.pointer, f"The trigger kind has been changed for operation {pair.new.label} "
                       f"({before}, now {after}). Existing flows will break.",
                       "add a new trigger (new revision) instead")


class TriggerStateChanged(ChangeRule):
    """A trigger's state metadata (``x-ms-trigger-metadata``: kind, mode) changed: how existing
    flows remember what they have seen may no longer fit.

    Before example::

        paths: {/a: {get: {operationId: OnItem, x-ms-trigger: single, responses: {'200': {description: OK}},
                           x-ms-trigger-metadata: {kind: query, mode: polling}}}}

    After example::

        paths: {/a: {get: {operationId: OnItem, x-ms-trigger: single, responses: {'200': {description: OK}},
                           x-ms-trigger-metadata: {kind: query, mode: push}}}}
    """

    code = "TriggerStateChanged"
    severity = Severity.WARNING
    summary = "a trigger's x-ms-trigger-metadata changed"

    def operation(self, ctx, pair):
        before, after = pair.old.node.get("x-ms-trigger-metadata"), pair.new.node.get("x-ms-trigger-metadata")
        if pair.new.trigger and before != after:
            ctx.report(pair.new.pointer + ("/x-ms-trigger-metadata" if after is not None else ""),
                       f"The trigger state (x-ms-trigger-metadata) has been changed for operation "
                       f"{pair.new.label}. Existing flows may fire again or miss items.",
                       "keep the trigger metadata; add a new trigger for the new behaviour")
