from generator.findings import Severity
from generator.validate.rules.metadata._helpers import OrderedKeywordsRule


class MinimumShouldBeLessThanOrEqualToMaximum(OrderedKeywordsRule):
    """The 'minimum' value must not be greater than the 'maximum' value.

    With 'minimum' above 'maximum' no number satisfies both bounds, so every value the user enters
    is invalid; usually the two were swapped.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, minimum: 1, maximum: 100}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, minimum: 100, maximum: 1}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/minimum
    """

    code = "MinimumShouldBeLessThanOrEqualToMaximum"
    severity = Severity.ERROR
    summary = "'minimum' is less than or equal to 'maximum'"
    low = "minimum"
    high = "maximum"
