from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MinPropertiesMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'minProperties' value must be zero or more.

    'minProperties' is a count of object members; a negative count has no meaning and is rejected
    as an invalid schema.

    Passing example::

        definitions:
          Tags: {type: object, additionalProperties: {type: string}, minProperties: 1}

    Failing example::

        definitions:
          Tags: {type: object, additionalProperties: {type: string}, minProperties: -1}

    Reports: /definitions/Tags/minProperties
    """

    code = "MinPropertiesMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'minProperties' is not negative"
    keyword = "minProperties"
