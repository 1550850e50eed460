from generator.findings import Severity
from generator.validate.rule import Rule

#: Endings that close a sentence, also when a quote or parenthesis follows the full stop.
SENTENCE_ENDINGS = (".", "!", "?", '."', ".)", ".'", ".`")


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_ENDINGS)


class OperationDescriptionWithoutPeriod(Rule):
    """An operation's description should end with a period (warning).

    Microsoft's coding standards want the description to be the longer, sentence-form
    explanation next to the short summary, ending with a full stop. A one-word description
    needs no period (the string guidance says so), and "!" or "?" also end a sentence.

    Opt-in (``--select OperationDescriptionWithoutPeriod`` or ``group:certification``): the rule
    is documented — coding-standards.md, "the description should give more information and end
    with a period (`.`)"; certification-submission.md, "Operation and parameter descriptions
    should be full, descriptive sentences, and end in punctuation"; the review
    facts (review-facts.md), "descriptions are sentences ending in punctuation" — but reviewers do not
    reject for it: 43 % of the 11,774 operation descriptions of merged connectors lack the ending
    (5,066 findings), on 426 of 628 connectors (68 %), above the default set's bar of a quarter.

    Passing example::

        paths:
          /messages:
            get: {operationId: ListMessages, summary: List messages, description: Lists the messages of the inbox.,
                  responses: {'200': {description: OK}}}

    Failing example::

        paths:
          /messages:
            get: {operationId: ListMessages, summary: List messages, description: Lists the messages of the inbox,
                  responses: {'200': {description: OK}}}

    Reports: /paths/~1messages/get/description
    """

    code = "OperationDescriptionWithoutPeriod"
    severity = Severity.WARNING
    source = "coding-standards"
    summary = "operation descriptions are sentences that end with a period"
    keys = {"operation": frozenset({"description"})}
    opt_in = True  # documented, but merged on 68 % of connectors: see the docstring

    def operation(self, ctx, op):
        text = op.node.get("description")
        if not isinstance(text, str) or len(text.split()) < 2 or ends_sentence(text):
            return
        ctx.report(f"{op.pointer}/description",
                   f"the description of operation {op.label} does not end with a period",
                   "write it as a sentence that ends with '.'")
