from generator.findings import Severity
from generator.validate.rule import Rule


class TriggerSummaryNotWhen(Rule):
    """A trigger's summary should start with "When" (warning).

    Triggers read as the event that starts a flow; Microsoft's string guidance gives their
    summaries the form "When a task is created". Only operations marked ``x-ms-trigger`` are
    checked; an operation without a summary is left to other rules.

    Passing example::

        paths:
          /hooks: {post: {operationId: OnNewMessage, summary: When a message arrives, x-ms-trigger: single,
                          responses: {'201': {description: Created}}}}

    Failing example::

        paths:
          /hooks: {post: {operationId: OnNewMessage, summary: New message, x-ms-trigger: single,
                          responses: {'201': {description: Created}}}}

    Reports: /paths/~1hooks/post/summary
    """

    code = "TriggerSummaryNotWhen"
    severity = Severity.WARNING
    source = "string-guidance"
    summary = "trigger summaries start with 'When'"
    keys = {"operation": frozenset({"x-ms-trigger"})}

    def operation(self, ctx, op):
        text = op.node.get("summary")
        if not op.is_trigger or not isinstance(text, str) or not text.strip():
            return
        first = text.split()[0].casefold()
        if first != "when":
            ctx.report(f"{op.pointer}/summary",
                       f"the summary {text!r} of trigger {op.label} does not start with 'When'",
                       "name the event, e.g. 'When a message is received'")
