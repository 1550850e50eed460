from generator.findings import Severity
from generator.validate.rule import Rule


def _same_text(first, second) -> bool:
    """Equal apart from case, surrounding blanks and a final period."""
    if not isinstance(first, str) or not isinstance(second, str) or not first.strip():
        return False
    return first.strip().rstrip(".").casefold() == second.strip().rstrip(".").casefold()


class SummarySameAsDescription(Rule):
    """A summary and its description should say different things (warning).

    The summary (``summary`` of an operation, ``x-ms-summary`` of a parameter) is the short name
    the designer shows; the description is the hint that explains it. Microsoft's coding
    standards ask that the two not have the same content: a description that repeats the name
    tells the user nothing. Compared ignoring case and a final period.

    Opt-in (``--select SummarySameAsDescription`` or ``group:certification``): the rule is
    documented — coding-standards.md, "Descriptions and summaries **should not** have the same
    content"; certification-submission.md, summaries and descriptions "Don't copy and paste
    them"; the review facts (review-facts.md), descriptions "differ from the summary" — but
    reviewers do not reject for it: merged connectors repeat about 12.5 % of their operation
    summaries and 23 % of their parameter x-ms-summaries (5,082 findings), on 306 of 628
    connectors (49 %), above the default set's bar of a quarter.

    Passing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              summary: Send message
              description: Sends a text message to one recipient.
              parameters: [{name: to, in: query, type: string, x-ms-summary: To, description: The recipient's phone number.}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              summary: Send message
              description: Send message.
              responses: {'200': {description: OK}}

    Reports: /paths/~1messages/post/description

    Failing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters: [{name: to, in: query, type: string, x-ms-summary: To, description: to}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1messages/post/parameters/0/description
    """

    code = "SummarySameAsDescription"
    severity = Severity.WARNING
    source = "coding-standards"
    summary = "a summary and its description do not have the same content"
    keys = {"operation": frozenset({"summary"}), "parameter": frozenset({"x-ms-summary"})}
    opt_in = True  # documented, but merged on 49 % of connectors: see the docstring

    def operation(self, ctx, op):
        if _same_text(op.node.get("summary"), op.node.get("description")):
            ctx.report(f"{op.pointer}/description",
                       f"the description of operation {op.label} repeats its summary",
                       "say in the description what the operation does, in a sentence")

    def parameter(self, ctx, param):
        if _same_text(param.node.get("x-ms-summary"), param.node.get("description")):
            ctx.report(f"{param.pointer}/description",
                       f"the description of parameter '{param.name}' repeats its x-ms-summary",
                       "say in the description what to enter, e.g. the format or an example")
