from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    INDEPENDENT_PUBLISHER_SUFFIX,
    independent_publisher_reason,
    title_of,
)


class IndependentPublisherTitle(Rule):
    """An independent publisher's connector title ends with " (Independent Publisher)".

    Microsoft's submission requirements ("Give your connector a title") say an independent
    publisher's connector name follows the pattern *Connector Name (Independent Publisher)*,
    and the independent-publisher pull request template asks for it. A connector is taken for
    an independent publisher's when its folder is under ``independent-publisher-connectors/``
    (the folder of Microsoft's connector repository) or its title mentions "independent
    publisher" (then the exact spelling is checked: ``Foo - Independent publisher`` is
    reported). A warning: the requirement says "should", and some merged independent
    publishers' swaggers carry the bare name (the suffix is then added for publication).
    The 30-character title limit is not applied to the suffix. No connector of the corpus is
    an independent publisher's, so it fires on none of its 628 readable connectors.

    Passing example::

        info: {title: Contoso (Independent Publisher)}

    Failing example::

        info: {title: Contoso - independent publisher}

    Reports: /info/title
    """

    code = "IndependentPublisherTitle"
    severity = Severity.WARNING
    source = "pacgen"
    summary = 'an independent publisher\'s title ends with " (Independent Publisher)"'

    def document(self, ctx, doc):
        title = title_of(doc)
        reason = independent_publisher_reason(ctx)
        if title is None or reason is None or title.rstrip().endswith(INDEPENDENT_PUBLISHER_SUFFIX):
            return
        ctx.report("/info/title",
                   f"the connector is an independent publisher's ({reason}), and its title "
                   f"'{title}' does not end with '{INDEPENDENT_PUBLISHER_SUFFIX.strip()}'",
                   f"name it 'Service Name{INDEPENDENT_PUBLISHER_SUFFIX}'")
