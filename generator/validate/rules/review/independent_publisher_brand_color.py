from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    INDEPENDENT_PUBLISHER_COLOR,
    api_properties,
    independent_publisher_reason,
)

#: Colours BrandColorNotAllowed already reports (one defect, one finding).
REPORTED_ELSEWHERE = ("#007ee5", "#ffffff")


class IndependentPublisherBrandColor(Rule):
    """An independent publisher's connector has the brand colour ``#da3b01``.

    Independent publishers' connectors share one look: a generic icon on ``#da3b01``
    (Microsoft's independent publisher process; PowerPlatformConnectors #2266, merged by the
    reviewers, set every independent publisher's ``iconBrandColor`` to it "according to the
    guidelines, [it] must be #da3b01"). So certification sends another colour back: an error.
    A connector is taken for an independent publisher's as ``IndependentPublisherTitle`` says
    (its folder or its title). ``#007ee5`` and ``#ffffff`` are left to
    ``BrandColorNotAllowed``, whose hint names ``#da3b01``. No connector of the corpus is an
    independent publisher's, so it fires on none of its 628 readable connectors.

    Passing example::

        info: {title: Contoso (Independent Publisher)}
        apiProperties: {properties: {iconBrandColor: '#DA3B01'}}

    Failing example::

        info: {title: Contoso (Independent Publisher)}
        apiProperties: {properties: {iconBrandColor: '#1a2b3c'}}

    Reports: /properties/iconBrandColor
    """

    code = "IndependentPublisherBrandColor"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "an independent publisher's connector has the brand colour #da3b01"

    def properties(self, ctx, doc):
        props = api_properties(doc)
        color = props.get("iconBrandColor") if props is not None else None
        if not isinstance(color, str):
            return  # a missing colour is another rule's finding
        normalized = color.strip().lower()
        if normalized in (INDEPENDENT_PUBLISHER_COLOR, *REPORTED_ELSEWHERE):
            return
        reason = independent_publisher_reason(ctx)
        if reason is not None:
            ctx.report("/properties/iconBrandColor",
                       f"the connector is an independent publisher's ({reason}), and its "
                       f"iconBrandColor is {normalized}, not {INDEPENDENT_PUBLISHER_COLOR}",
                       f"set iconBrandColor to {INDEPENDENT_PUBLISHER_COLOR}")
