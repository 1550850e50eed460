from generator.findings import Severity
from generator.validate.rule import Rule


class OperationSummaryEndsWithPunctuation(Rule):
    """An operation's summary should not end with a period or other punctuation (warning).

    The summary is the name of the action or trigger in the designer, not a sentence; Microsoft's
    string guidance says it should not end with a non-alphanumeric character, punctuation or a
    blank included. A closing parenthesis is accepted, as in "Get row (V2)". The full sentence
    belongs in the description.

    Passing example::

        paths:
          /messages: {get: {operationId: ListMessages, summary: List messages (V2), responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /messages: {get: {operationId: ListMessages, summary: List messages., responses: {'200': {description: OK}}}}

    Reports: /paths/~1messages/get/summary
    """

    code = "OperationSummaryEndsWithPunctuation"
    severity = Severity.WARNING
    source = "string-guidance"
    summary = "operation summaries end with a letter, a digit or ')', not with '.'"
    keys = {"operation": frozenset({"summary"})}

    def operation(self, ctx, op):
        text = op.node.get("summary")
        if not isinstance(text, str) or not text or text[-1].isalnum() or text[-1] == ")":
            return
        ctx.report(f"{op.pointer}/summary",
                   f"the summary of operation {op.label} ends with {text[-1]!r}",
                   "remove the trailing character: the summary is a name, not a sentence")
