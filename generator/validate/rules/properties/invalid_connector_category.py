from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import category_entries

#: The categories Microsoft's certification documentation allows.
CATEGORIES = ("AI", "Business Management", "Business Intelligence", "Collaboration", "Commerce",
              "Communication", "Content and Files", "Finance", "Data", "Human Resources",
              "Internet of Things", "IT Operations", "Lifestyle and Entertainment", "Marketing",
              "Productivity", "Sales and CRM", "Security", "Social Media", "Website")


class InvalidConnectorCategory(Rule):
    """Each connector category must come from Microsoft's list.

    The ``Categories`` entry of ``x-ms-connector-metadata`` is a ``;``-separated list that files
    the connector in the catalogue; only these are allowed: AI, Business Management, Business
    Intelligence, Collaboration, Commerce, Communication, Content and Files, Finance, Data,
    Human Resources, Internet of Things, IT Operations, Lifestyle and Entertainment, Marketing,
    Productivity, Sales and CRM, Security, Social Media, Website. Case is not significant (the
    service accepted ``Social media``).

    Passing example::

        x-ms-connector-metadata:
          - {propertyName: Categories, propertyValue: Communication;Productivity}

    Failing example::

        x-ms-connector-metadata:
          - {propertyName: Categories, propertyValue: Messaging}

    Reports: /x-ms-connector-metadata/0/propertyValue
    """

    code = "InvalidConnectorCategory"
    severity = Severity.ERROR
    summary = "connector categories come from Microsoft's list"

    def document(self, ctx, doc):
        allowed = {c.lower() for c in CATEGORIES}
        for pointer, names in category_entries(doc):
            for name in names:
                if name.lower() not in allowed:
                    ctx.report(pointer, f"the connector category '{name}' is not valid; available "
                                        f"categories are: {', '.join(CATEGORIES)}",
                               "use one or two categories from the list, separated by ';'")
