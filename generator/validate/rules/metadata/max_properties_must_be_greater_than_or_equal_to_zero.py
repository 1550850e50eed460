from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MaxPropertiesMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'maxProperties' value must be zero or more.

    'maxProperties' bounds the number of members of an object; a negative bound can never be met,
    so no object would be valid.

    Passing example::

        definitions:
          Tags: {type: object, additionalProperties: {type: string}, maxProperties: 20}

    Failing example::

        definitions:
          Tags: {type: object, additionalProperties: {type: string}, maxProperties: -20}

    Reports: /definitions/Tags/maxProperties
    """

    code = "MaxPropertiesMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'maxProperties' is not negative"
    keyword = "maxProperties"
