from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MinLengthMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'minLength' value must be zero or more.

    'minLength' is a count of characters; a negative count has no meaning and is rejected as an
    invalid schema.

    Passing example::

        definitions:
          Note: {type: object, properties: {text: {type: string, minLength: 1}}}

    Failing example::

        definitions:
          Note: {type: object, properties: {text: {type: string, minLength: -1}}}

    Reports: /definitions/Note/properties/text/minLength
    """

    code = "MinLengthMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'minLength' is not negative"
    keyword = "minLength"
