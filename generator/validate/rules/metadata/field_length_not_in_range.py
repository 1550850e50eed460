from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.metadata._helpers import info_text

MIN_LENGTH, MAX_LENGTH = 30, 500


class FieldLengthNotInRange(Rule):
    """The connector description (``info.description``) must be 30 to 500 characters long.

    The description is published on the connector's reference page and shown when users pick a
    connector; certification requires it to say concisely what the connector offers, which
    Microsoft bounds at 30 to 500 characters. A missing description is left to the rules about
    required connector metadata.

    Passing example::

        info: {description: Contoso Messaging lets you send and receive text messages.}

    Failing example::

        info: {description: Sends SMS.}

    Reports: /info/description
    """

    code = "FieldLengthNotInRange"
    severity = Severity.ERROR
    summary = "the connector description is between 30 and 500 characters long"

    def document(self, ctx, doc):
        description = info_text(doc, "description")
        if description is None or not description.strip():
            return
        length = len(description.strip())
        if not MIN_LENGTH <= length <= MAX_LENGTH:
            ctx.report("/info/description",
                       f"the connector description is {length} characters long; it must be "
                       f"between {MIN_LENGTH} and {MAX_LENGTH}",
                       "write one to three sentences on what the connector lets users do, within "
                       f"{MIN_LENGTH}-{MAX_LENGTH} characters")
