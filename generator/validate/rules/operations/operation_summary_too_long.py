from generator.findings import Severity
from generator.validate.rule import Rule

MAX_SUMMARY = 80


class OperationSummaryTooLong(Rule):
    """An operation's ``summary`` must be at most 80 characters long.

    The summary is the action's or trigger's title in the designer and gets cut off when long;
    Microsoft's certification guidelines ask for phrases of 80 characters or fewer. (Microsoft's
    rule table quotes 120 in its fix text; the limit used here is 80, which is what certified
    connectors keep to: of 11,856 summaries in the 628 corpus connectors, six are exactly 80
    characters long and none is longer.)

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, summary: List items, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              summary: List every item in the selected folder, including the archived ones and the ones in the bin
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/summary
    """

    code = "OperationSummaryTooLong"
    severity = Severity.ERROR
    summary = "operation summaries are at most 80 characters long"
    keys = {"operation": frozenset({"summary"})}

    def operation(self, ctx, op):
        text = op.node.get("summary")
        if isinstance(text, str) and len(text) > MAX_SUMMARY:
            ctx.report(f"{op.pointer}/summary",
                       f"the summary of operation {op.label} is {len(text)} characters long; at "
                       f"most {MAX_SUMMARY} are allowed",
                       "shorten it to a phrase of 80 characters or fewer and move details into "
                       "'description'")
