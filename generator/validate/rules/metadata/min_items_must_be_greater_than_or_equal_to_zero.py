from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MinItemsMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'minItems' value must be zero or more.

    'minItems' is a count of array elements; a negative count has no meaning and is rejected as
    an invalid schema.

    Passing example::

        definitions:
          Order: {type: object, properties: {lines: {type: array, items: {type: string}, minItems: 1}}}

    Failing example::

        definitions:
          Order: {type: object, properties: {lines: {type: array, items: {type: string}, minItems: -1}}}

    Reports: /definitions/Order/properties/lines/minItems
    """

    code = "MinItemsMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'minItems' is not negative"
    keyword = "minItems"
