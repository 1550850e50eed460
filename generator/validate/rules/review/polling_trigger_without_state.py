from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import OPERATION_NAME, is_webhook, policy_instances, triggers

#: Workflow expressions a parameter uses to send what the previous poll returned.
TRIGGER_STATE_EXPRESSIONS = ("@triggerBody(", "@{triggerBody(", "@triggerOutputs(", "@{triggerOutputs(")


class PollingTriggerWithoutState(Rule):
    """A polling trigger carries state from one poll to the next.

    A polling trigger (``x-ms-trigger`` without an ``x-ms-notification-url`` input or
    ``x-ms-notification-content``, which make it a webhook) is called again and again; it
    fires on what is *new* since the last call, so something has to carry "since when"
    between calls (Microsoft's "Use a polling trigger"). The ways the platform offers, any one
    of which passes:

    - the service answers ``202 Accepted`` with a ``Location`` header (the state, e.g. a
      timestamp in the URL) and ``Retry-After``, and the platform calls the ``Location`` URL
      next; declared as a ``202`` response with a ``Location`` header;
    - a ``pollingtrigger`` policy template names the operation: its ``triggerConfig`` puts a
      value of the last result (``@{triggerBody().value[0].id}``) into a query parameter;
    - ``x-ms-trigger-metadata`` on the operation (``{kind: query, mode: polling}``, as 21
      merged connectors' polling triggers carry it);
    - a parameter whose default is such a trigger expression.

    Without any, each poll returns the same items and the flow either fires on all of them
    every time or never. A warning: a service can implement the 202 protocol without the
    swagger saying so (DocuSign and JIRA, merged, declare none of these). On the corpus it
    fires on 4 of 628 readable connectors (0.6 %; 25 have polling triggers).

    Passing example::

        paths:
          /items:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              responses:
                '200': {description: OK, schema: {type: array, items: {type: object}}}
                '202': {description: No new items, headers: {Location: {type: string}, Retry-After: {type: integer}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              responses:
                '200': {description: OK, schema: {type: array, items: {type: object}}}

    Reports: /paths/~1items/get
    """

    code = "PollingTriggerWithoutState"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "a polling trigger carries state from one poll to the next"

    def document(self, ctx, doc):
        polling = [op for op in triggers(ctx) if not is_webhook(ctx, op)]
        if not polling:
            return
        by_policy = _polled_by_policy(ctx.properties)
        for op in polling:
            if op.operation_id in by_policy or "x-ms-trigger-metadata" in op.node:
                continue
            if _declares_location_on_202(ctx, op) or _parameter_carries_state(ctx, op):
                continue
            ctx.report(op.pointer,
                       f"polling trigger {op.label} declares no state carried from one poll to the "
                       "next (no 202 response with Location, no pollingtrigger policy, no "
                       "x-ms-trigger-metadata): unless the service answers 202 with a Location of "
                       "its own, every poll sees the same items",
                       "declare the 202 response with Location and Retry-After headers (the service "
                       "returns the state in Location), or name the operation in a pollingtrigger "
                       "policy template, or add x-ms-trigger-metadata")


def _polled_by_policy(properties) -> set[str]:
    names: set[str] = set()
    for _pointer, template, parameters in policy_instances(properties):
        if template == "pollingtrigger":
            listed = parameters.get(OPERATION_NAME)
            names.update(n for n in (listed if isinstance(listed, list) else [listed]) if isinstance(n, str))
    return names


def _declares_location_on_202(ctx, op) -> bool:
    responses = op.node.get("responses")
    accepted = ctx.deref(responses.get("202")) if isinstance(responses, dict) else None
    headers = accepted.get("headers") if isinstance(accepted, dict) else None
    return isinstance(headers, dict) and any(str(name).lower() == "location" for name in headers)


def _parameter_carries_state(ctx, op) -> bool:
    params = op.node.get("parameters")
    for entry in params if isinstance(params, list) else ():
        param = ctx.deref(entry)
        default = param.get("default") if isinstance(param, dict) else None
        if isinstance(default, str) and any(e in default for e in TRIGGER_STATE_EXPRESSIONS):
            return True
    return False
