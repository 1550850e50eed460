from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.metadata._helpers import info_text


class ValueMustEndWithAlphanumeric(Rule):
    """The connector title (``info.title``) must end with a letter or digit.

    Certification rejects titles that end in punctuation, a blank, a tab or a line break: the
    title is shown as the connector's name and such endings are typing slips. A closing
    parenthesis is accepted, as Microsoft prescribes titles like "Contoso (Independent
    Publisher)" and accepted connectors end in "(Preview)" and the like.

    Passing example::

        info: {title: Contoso Messaging}

    Failing example::

        info: {title: 'Contoso Messaging.'}

    Reports: /info/title
    """

    code = "ValueMustEndWithAlphanumeric"
    severity = Severity.ERROR
    summary = "the connector title ends with a letter, a digit or a closing parenthesis"

    def document(self, ctx, doc):
        title = info_text(doc, "title")
        if not title:
            return
        last = title[-1]
        if last.isalnum() or last == ")":
            return
        ctx.report("/info/title",
                   f"the title {title!r} ends with {last!r}, not with a letter or digit",
                   "remove the trailing character (including spaces and line breaks)")
