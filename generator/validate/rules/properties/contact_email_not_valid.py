import re

from generator.findings import Severity
from generator.validate.rule import Rule

#: local@domain.tld in US-ASCII (the dot-atom form of RFC 5322, which covers real addresses).
EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                   r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")


class ContactEmailNotValid(Rule):
    """``info.contact.email``, when present, must be a valid e-mail address in ASCII.

    The contact address is published on the connector's documentation page as the support
    contact; a malformed address or one with non-ASCII characters cannot be used.

    Passing example::

        info: {contact: {name: Contoso Support, email: support@contoso.com}}

    Failing example::

        info: {contact: {name: Contoso Support, email: support at contoso.com}}

    Reports: /info/contact/email
    """

    code = "ContactEmailNotValid"
    severity = Severity.ERROR
    summary = "info.contact.email, if present, is a valid ASCII e-mail address"

    def document(self, ctx, doc):
        info = doc.get("info")
        contact = info.get("contact") if isinstance(info, dict) else None
        if not isinstance(contact, dict) or "email" not in contact:
            return
        email = contact["email"]
        if isinstance(email, str) and EMAIL.match(email.strip()):
            return
        ctx.report("/info/contact/email", f"the contact email {email!r} is not a valid e-mail address",
                   "give an address such as support@contoso.com, in ASCII characters only")
