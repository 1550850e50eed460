from __future__ import annotations

import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.metadata._helpers import connector_title, info_text

#: Microsoft product names that connector titles and descriptions may not use.
PRODUCT_NAMES = ("Power Apps", "Power Automate", "Power BI", "Power Pages", "Power Platform",
                 "Power Virtual Agents", "Copilot Studio", "Microsoft Flow", "Logic Apps")
#: Words a title may not use besides the product names.
TITLE_WORDS = ("API", "Connector")


def _pattern(words) -> re.Pattern:
    # "Power Apps" also matches "PowerApps"; whole words only ("APIs" and "RapidAPI" do not match).
    alternatives = [r"\s*".join(re.escape(part) for part in word.split()) for word in words]
    return re.compile(r"(?<![A-Za-z0-9])(" + "|".join(alternatives) + r")(?![A-Za-z0-9])",
                      re.IGNORECASE)


_TITLE = _pattern(TITLE_WORDS + PRODUCT_NAMES)
_DESCRIPTION = _pattern(PRODUCT_NAMES)


def restricted_words(text: str, pattern: re.Pattern = _TITLE) -> list[str]:
    """The restricted words ``text`` uses (title words by default), each once, as written."""
    found: list[str] = []
    for match in pattern.finditer(text):
        if match.group(1).lower() not in (f.lower() for f in found):
            found.append(match.group(1))
    return found


class ValueContainsRestrictedWords(Rule):
    """The connector title and description must not use restricted words.

    Certification does not allow the title to contain "API", "Connector" or a Power Platform
    product name (Power Apps, Power Automate, Power BI, ...), nor the description to name such a
    product: the title names the service, not the integration, and product names would mislead
    users about who provides the connector. Words match whole and case-insensitively ("APIs" or
    "RapidAPI" do not count); the " (Independent Publisher)" suffix of a title is ignored.
    Severity: error for the title; a product name in the description is reported as a warning
    only, since 16 accepted connectors name Power Platform products in their descriptions.

    Passing example::

        info:
          title: Contoso Messaging
          description: Contoso Messaging lets you send text messages from your flows and apps.

    Failing example::

        info:
          title: Contoso API Connector
          description: Contoso Messaging lets you send text messages from your flows and apps.

    Reports: /info/title

    Failing example::

        info:
          title: Contoso Messaging
          description: Send text messages from Power Automate with Contoso Messaging.

    Reports: /info/description
    """

    code = "ValueContainsRestrictedWords"
    severity = Severity.ERROR
    summary = "the connector title and description avoid 'API', 'Connector' and product names"

    def document(self, ctx, doc):
        title = info_text(doc, "title")
        if title:
            self._check(ctx, "/info/title", "title", connector_title(title), _TITLE, None)
        description = info_text(doc, "description")
        if description:
            self._check(ctx, "/info/description", "description", description, _DESCRIPTION,
                        Severity.WARNING)

    @staticmethod
    def _check(ctx, pointer, field, text, pattern, severity):
        found = restricted_words(text, pattern)
        if found:
            shown = text if len(text) <= 80 else text[:77] + "..."
            ctx.report(pointer,
                       f"the connector {field} '{shown}' contains the restricted word(s): "
                       f"{', '.join(repr(f) for f in found)}",
                       f"rephrase the {field} without them" +
                       (" (name the service or company only)" if field == "title" else ""),
                       severity=severity)
