"""FieldLengthExceeded (``info_text`` and ``connector_title`` are in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.metadata._helpers import connector_title, info_text

TITLE_LIMIT = 30


class FieldLengthExceeded(Rule):
    """The connector title (``info.title``) must not be longer than 30 characters.

    The title is the connector's name across Power Automate, Power Apps and Logic Apps and in
    Microsoft's connector reference; certification limits it to 30 characters so that it fits
    the designer's cards and lists. The suffix " (Independent Publisher)" that independent
    publishers must add is not counted.

    Passing example::

        info: {title: Contoso Messaging}

    Failing example::

        info: {title: Contoso Enterprise Messaging Platform}

    Reports: /info/title
    """

    code = "FieldLengthExceeded"
    severity = Severity.ERROR
    summary = "the connector title is at most 30 characters long"

    def document(self, ctx, doc):
        title = info_text(doc, "title")
        if title is None:
            return
        name = connector_title(title).strip()
        if len(name) > TITLE_LIMIT:
            ctx.report("/info/title",
                       f"the title '{title}' is {len(name)} characters long, over the limit of "
                       f"{TITLE_LIMIT}",
                       f"shorten the title to {TITLE_LIMIT} characters or fewer (usually the "
                       "product or company name)")
