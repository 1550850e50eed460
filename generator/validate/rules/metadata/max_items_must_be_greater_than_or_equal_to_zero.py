from generator.findings import Severity
from generator.validate.rules.metadata._helpers import NonNegativeKeywordRule


class MaxItemsMustBeGreaterThanOrEqualToZero(NonNegativeKeywordRule):
    """The 'maxItems' value must be zero or more.

    'maxItems' bounds the number of elements of an array; a negative bound can never be met, so no
    value would be valid and the designer could not build one.

    Passing example::

        paths:
          /tags:
            get:
              operationId: ListTags
              parameters: [{name: ids, in: query, type: array, items: {type: string}, maxItems: 10}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /tags:
            get:
              operationId: ListTags
              parameters: [{name: ids, in: query, type: array, items: {type: string}, maxItems: -1}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1tags/get/parameters/0/maxItems
    """

    code = "MaxItemsMustBeGreaterThanOrEqualToZero"
    severity = Severity.ERROR
    summary = "'maxItems' is not negative"
    keyword = "maxItems"
