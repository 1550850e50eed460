from generator.findings import Severity
from generator.validate.rules.metadata._helpers import OrderedKeywordsRule


class MinItemsShouldBeLessThanOrEqualToMaxItems(OrderedKeywordsRule):
    """The 'minItems' value must not be greater than the 'maxItems' value.

    With 'minItems' above 'maxItems' no array length satisfies both bounds, so no value is valid;
    usually the two were swapped.

    Passing example::

        definitions:
          Order: {type: object, properties: {lines: {type: array, items: {type: string}, minItems: 1, maxItems: 50}}}

    Failing example::

        definitions:
          Order: {type: object, properties: {lines: {type: array, items: {type: string}, minItems: 50, maxItems: 1}}}

    Reports: /definitions/Order/properties/lines/minItems
    """

    code = "MinItemsShouldBeLessThanOrEqualToMaxItems"
    severity = Severity.ERROR
    summary = "'minItems' is less than or equal to 'maxItems'"
    low = "minItems"
    high = "maxItems"
