from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import category_entries

MAX_CATEGORIES = 2


class TooManyConnectorCategories(Rule):
    """A connector may have at most two categories.

    Microsoft's certification documentation limits the ``Categories`` entry of
    ``x-ms-connector-metadata`` to a maximum of two categories, separated by ``;``.

    Passing example::

        x-ms-connector-metadata:
          - {propertyName: Categories, propertyValue: Communication;Productivity}

    Failing example::

        x-ms-connector-metadata:
          - {propertyName: Categories, propertyValue: Communication;Productivity;Marketing}

    Reports: /x-ms-connector-metadata/0/propertyValue
    """

    code = "TooManyConnectorCategories"
    severity = Severity.ERROR
    summary = f"at most {MAX_CATEGORIES} connector categories"

    def document(self, ctx, doc):
        for pointer, names in category_entries(doc):
            distinct = list(dict.fromkeys(name.lower() for name in names))
            if len(distinct) > MAX_CATEGORIES:
                ctx.report(pointer, f"the connector has {len(distinct)} categories; the maximum "
                                    f"allowed is {MAX_CATEGORIES}",
                           "keep the one or two categories that describe the connector best")
