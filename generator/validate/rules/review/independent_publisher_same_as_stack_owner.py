from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import api_properties, independent_publisher_reason


class IndependentPublisherSameAsStackOwner(Rule):
    """An independent publisher's connector names the publisher apart from the stackOwner.

    An independent publisher builds a connector for a service it does not own: ``publisher``
    is the person (Microsoft's process: "your name will be featured within our product as the
    official publisher"), ``stackOwner`` the company that owns the service (merged
    independent publishers write e.g. ``publisher: Joe Unwin``, ``stackOwner: Premier
    League``). The same value in both says the publisher owns the service, which is the
    verified-publisher process, or that a field was copied. A warning. Compared ignoring case
    and surrounding blanks; a connector is taken for an independent publisher's as
    ``IndependentPublisherTitle`` says. No connector of the corpus is an independent
    publisher's, so it fires on none of its 628 readable connectors.

    Passing example::

        info: {title: Contoso (Independent Publisher)}
        apiProperties: {properties: {publisher: Jane Doe, stackOwner: Contoso Ltd}}

    Failing example::

        info: {title: Contoso (Independent Publisher)}
        apiProperties: {properties: {publisher: Contoso Ltd, stackOwner: ' contoso ltd'}}

    Reports: /properties/publisher
    """

    code = "IndependentPublisherSameAsStackOwner"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "an independent publisher's connector names the publisher apart from the stackOwner"

    def properties(self, ctx, doc):
        props = api_properties(doc)
        if props is None:
            return
        publisher, owner = props.get("publisher"), props.get("stackOwner")
        if not (isinstance(publisher, str) and isinstance(owner, str) and publisher.strip()):
            return  # missing ones are PublisherMissing's finding
        if publisher.strip().lower() != owner.strip().lower():
            return
        reason = independent_publisher_reason(ctx)
        if reason is not None:
            ctx.report("/properties/publisher",
                       f"the connector is an independent publisher's ({reason}), and publisher and "
                       f"stackOwner are both '{publisher.strip()}'",
                       "set publisher to your own name and stackOwner to the company that owns the "
                       "service (if you own it, submit as a verified publisher instead)")
