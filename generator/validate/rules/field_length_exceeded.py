"""FieldLengthExceeded, plus ``info_text`` and ``connector_title``, which the other connector
metadata rules of this set (title and description checks) import."""

from __future__ import annotations

import re
from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule

TITLE_LIMIT = 30
#: The suffix Microsoft prescribes for independent publishers' titles; it does not count
#: against the title's length.
INDEPENDENT_SUFFIX = re.compile(r"\s*\(Independent Publisher\)\s*$", re.IGNORECASE)


def info_text(doc: Any, key: str) -> str | None:
    """``info.<key>`` when it is a string, else None."""
    info = doc.get("info") if isinstance(doc, dict) else None
    value = info.get(key) if isinstance(info, dict) else None
    return value if isinstance(value, str) else None


def connector_title(title: str) -> str:
    """The connector's own name: the title without the independent-publisher suffix."""
    return INDEPENDENT_SUFFIX.sub("", title)


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
