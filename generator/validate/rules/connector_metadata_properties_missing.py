from generator.findings import Severity
from generator.validate.rule import Rule

#: The x-ms-connector-metadata entries certification asks for, as Microsoft spells them.
REQUIRED = ("Website", "Privacy policy", "Categories")


def metadata_entries(doc) -> list[tuple[int, dict]]:
    """(index, entry) of the x-ms-connector-metadata entries that are objects."""
    entries = doc.get("x-ms-connector-metadata") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return []
    return [(index, entry) for index, entry in enumerate(entries) if isinstance(entry, dict)]


def member(entry: dict, name: str):
    """``entry[name]`` looked up case-insensitively (certified connectors write PropertyName)."""
    if name in entry:
        return entry[name]
    for key, value in entry.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return value
    return None


def property_name(entry: dict) -> str | None:
    value = member(entry, "propertyName")
    return value.strip() if isinstance(value, str) else None


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
