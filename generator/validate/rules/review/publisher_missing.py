from generator.findings import Severity
from generator.validate.rule import Rule

#: apiProperties members that name who publishes the connector and who owns the API behind it.
PUBLISHER_FIELDS = ("publisher", "stackOwner")


class PublisherMissing(Rule):
    """apiProperties names both the ``publisher`` and the ``stackOwner``.

    ``publisher`` is who publishes the connector, ``stackOwner`` who owns the API behind it
    (for an independent publisher, the service's company). Both are shown on the connector's
    page, and certification pull requests that lacked ``stackOwner`` were sent back
    (PowerPlatformConnectors #1558, #763). A warning: a custom connector that is never
    submitted needs neither, and paconn 0.0.21 cannot *update* a connector whose apiProperties
    has ``stackOwner`` (its README says to keep a copy without it for updates). Reported once
    per missing member, at ``/properties``; on the corpus it fires on 82 of 628 readable connectors (13 %, mostly older certified ones).

    Passing example::

        apiProperties: {properties: {publisher: Contoso Ltd, stackOwner: Contoso Ltd}}

    Failing example::

        apiProperties: {properties: {publisher: Contoso Ltd}}

    Reports: /properties

    Failing example::

        apiProperties: {properties: {iconBrandColor: '#da3b01'}}

    Reports: [/properties, /properties]
    """

    code = "PublisherMissing"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "apiProperties names the publisher and the stackOwner"

    def properties(self, ctx, doc):
        props = doc.get("properties")
        if not isinstance(props, dict):
            return  # a missing or wrong-typed 'properties' is another rule's finding
        for key in PUBLISHER_FIELDS:
            if key not in props:
                ctx.report("/properties", f"apiProperties 'properties' has no '{key}'",
                           "add publisher (who publishes the connector) and stackOwner (who owns "
                           "the API), e.g. the company's name")
