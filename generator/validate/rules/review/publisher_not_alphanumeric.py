import re

from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule

#: A company name: starts with a letter or digit, then letters, digits, spaces and the
#: punctuation company names carry ("Contoso, Inc.", "AT&T", "O'Neil (EU)", "axiom.ai").
COMPANY_NAME = re.compile(r"[^\W_][\w .,&'()+/@-]*")
PUBLISHER_FIELDS = ("publisher", "stackOwner")


class PublisherNotAlphanumeric(Rule):
    """``publisher`` and ``stackOwner`` are plain company names.

    Certification asks for alphanumeric publisher and stack-owner names. Merged connectors
    show what reviewers accept: letters (any script), digits and spaces, plus the punctuation
    of company names (``DocuSign, Inc.``, ``AT&T``, ``axiom.ai``), always starting with a letter
    or digit; all 628 readable corpus connectors pass. Markup, emoji, line breaks or a leading
    symbol are reported. Empty values are RequiredValueEmpty's.

    Passing example::

        apiProperties: {properties: {publisher: 'DocuSign, Inc.', stackOwner: Zuva Inc.}}

    Failing example::

        apiProperties: {properties: {publisher: '<b>Contoso</b>', stackOwner: "Contoso\\nLtd"}}

    Reports: [/properties/publisher, /properties/stackOwner]
    """

    code = "PublisherNotAlphanumeric"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "publisher and stackOwner are plain company names (letters, digits, spaces)"

    def properties(self, ctx, doc):
        props = doc.get("properties")
        for key in PUBLISHER_FIELDS if isinstance(props, dict) else ():
            value = props.get(key)
            if isinstance(value, str) and value.strip() and not COMPANY_NAME.fullmatch(value.strip()):
                ctx.report(pointer_of("properties", key),
                           f"the apiProperties '{key}' is not a plain company name",
                           "use letters, digits and spaces (with the punctuation of a company "
                           "name such as 'Contoso, Inc.'), starting with a letter or digit")
