from generator.findings import Severity
from generator.validate.rule import Rule

#: Short words that stay lower case inside a title.
MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
                         "of", "on", "or", "per", "the", "to", "via", "vs", "with"})


def lower_case_words(text: str) -> list[str]:
    """The words of ``text`` that Title Case would capitalise but that start in lower case.

    Words that are not plain words are left alone: ``iOS``, ``eBay`` (a capital inside),
    ``e.g.``, ``x-ms-id`` (punctuation inside), ``24h`` (not starting with a letter)."""
    found = []
    for index, word in enumerate(text.split()):
        core = word.strip("()[]\"',:;")
        if not core or not core[0].isalpha() or not core[0].islower():
            continue
        if any(ch.isupper() for ch in core) or not core.replace("'", "").isalpha():
            continue
        if index > 0 and core.lower() in MINOR_WORDS:
            continue
        found.append(core)
    return found


class XMsSummaryNotTitleCase(Rule):
    """An ``x-ms-summary`` should be in Title Case (warning).

    ``x-ms-summary`` is the name the designer shows for a parameter, input field or output
    field; Microsoft's string guidance asks for Title Case there ("Message Body", not "Message
    body"). Short joining words (a, and, of, to, ...) may stay lower case after the first word;
    words such as "iOS" or "e.g." are left as written.

    Opt-in (outside the default set; ``--select`` or the configuration's ``select`` turns it
    on): no reviewer or validator rejects a connector for it, and by default it fired on 58 %
    of merged connectors, burying findings that block a submission.

    Passing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters: [{name: body, in: query, type: string, x-ms-summary: Text of the Message}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters: [{name: body, in: query, type: string, x-ms-summary: Message body}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1messages/post/parameters/0/x-ms-summary

    Failing example::

        definitions:
          Message: {type: object, properties: {sent_at: {type: string, x-ms-summary: sent at}}}

    Reports: /definitions/Message/properties/sent_at/x-ms-summary
    """

    code = "XMsSummaryNotTitleCase"
    severity = Severity.WARNING
    opt_in = True  # guidance, not a rejection cause; fired on 58 % of merged connectors
    source = "string-guidance"
    summary = "x-ms-summary is written in Title Case"
    keys = {"parameter": frozenset({"x-ms-summary"}), "schema": frozenset({"x-ms-summary"})}

    def _check(self, ctx, node, pointer, where):
        text = node.get("x-ms-summary")
        if not isinstance(text, str):
            return
        words = lower_case_words(text)
        if words:
            ctx.report(f"{pointer}/x-ms-summary",
                       f"the x-ms-summary {text!r} of {where} is not in Title Case "
                       f"({', '.join(repr(w) for w in words[:3])} start in lower case)",
                       "capitalise each word except short joining words such as 'of' or 'to'")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, f"'{schema.name}'" if schema.name else "a schema")
