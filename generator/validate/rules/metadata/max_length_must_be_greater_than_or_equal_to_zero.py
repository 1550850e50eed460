from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MaxLengthMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'maxLength' value must be zero or more.

    'maxLength' bounds the number of characters of a string; a negative bound can never be met, so
    no value would be valid.

    Passing example::

        paths:
          /notes:
            post:
              operationId: AddNote
              parameters: [{name: text, in: query, type: string, maxLength: 160}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /notes:
            post:
              operationId: AddNote
              parameters: [{name: text, in: query, type: string, maxLength: -160}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1notes/post/parameters/0/maxLength
    """

    code = "MaxLengthMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'maxLength' is not negative"
    keyword = "maxLength"
