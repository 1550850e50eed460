from generator.findings import Severity
from generator.validate.rule import Rule

RESTRICTED = "/"
_RESTRICTED = frozenset(RESTRICTED)


class RestrictedCharactersInSummary(Rule):
    """An operation's ``summary`` must not contain the character ``/``.

    Microsoft's validator rejects summaries that contain any of a list of restricted characters
    and names the list only in its message. The slash is the one this rule is sure of: it occurs
    in 7 % of the operation descriptions of the 628 corpus connectors but in none of their
    11,856 summaries, and it is the character certification reviewers name. Other punctuation
    (hyphens, parentheses, apostrophes, commas, colons, full stops) does occur in accepted
    summaries and is not flagged.

    Passing example::

        paths:
          /items: {post: {operationId: AddItem, summary: Create or update an item, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {post: {operationId: AddItem, summary: Create/update an item, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/post/summary
    """

    code = "RestrictedCharactersInSummary"
    severity = Severity.ERROR
    summary = "operation summaries contain no restricted character ('/')"
    keys = {"operation": frozenset({"summary"})}

    def operation(self, ctx, op):
        text = op.node.get("summary")
        if not isinstance(text, str) or _RESTRICTED.isdisjoint(text):
            return
        found = sorted({c for c in text if c in RESTRICTED})
        if found:
            ctx.report(f"{op.pointer}/summary",
                       f"the summary of operation {op.label} contains the restricted character(s) "
                       f"{', '.join(repr(c) for c in found)}",
                       "rephrase it without them, e.g. 'Create or update' instead of 'Create/update'")
