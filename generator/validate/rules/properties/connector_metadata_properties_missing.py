from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import metadata_entries, property_name

#: The x-ms-connector-metadata entries certification asks for, as Microsoft spells them.
REQUIRED = ("Website", "Privacy policy", "Categories")


class ConnectorMetadataPropertiesMissing(Rule):
    """``x-ms-connector-metadata`` must give the Website, Privacy policy and Categories entries.

    Certification publishes these on the connector's documentation page: the product website,
    its privacy policy and one or two categories, each an entry ``{propertyName, propertyValue}``
    of the root ``x-ms-connector-metadata`` array. Names are compared case-insensitively, as
    the service does (``Privacy Policy`` is accepted).

    53 of the 628 corpus connectors (8 %) have no x-ms-connector-metadata at all; 50 of them also
    lack the apiProperties ``publisher``, i.e. they were certified before Microsoft's current
    metadata requirements (publisher, stackOwner, website, privacy policy, categories). For a
    submission today the missing entries are a real defect, so the rule reports them.

    Passing example::

        x-ms-connector-metadata:
          - {propertyName: Website, propertyValue: 'https://contoso.com'}
          - {propertyName: Privacy policy, propertyValue: 'https://contoso.com/privacy'}
          - {propertyName: Categories, propertyValue: Communication;Productivity}

    Failing example::

        x-ms-connector-metadata:
          - {propertyName: Website, propertyValue: 'https://contoso.com'}
          - {propertyName: Categories, propertyValue: Communication}

    Reports: /x-ms-connector-metadata
    """

    code = "ConnectorMetadataPropertiesMissing"
    severity = Severity.ERROR
    summary = "x-ms-connector-metadata has Website, Privacy policy and Categories"

    def document(self, ctx, doc):
        present = {name.lower() for _, entry in metadata_entries(doc)
                   if (name := property_name(entry))}
        for name in REQUIRED:
            if name.lower() not in present:
                ctx.report("/x-ms-connector-metadata",
                           f"the connector metadata property '{name}' is missing",
                           f"add {{\"propertyName\": \"{name}\", \"propertyValue\": \"...\"}} to the "
                           f"root x-ms-connector-metadata array")
