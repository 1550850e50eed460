from generator.findings import Severity
from generator.validate.rules.metadata._helpers import OrderedKeywordsRule


class MinLengthShouldBeLessThanOrEqualToMaxLength(OrderedKeywordsRule):
    """The 'minLength' value must not be greater than the 'maxLength' value.

    With 'minLength' above 'maxLength' no string satisfies both bounds, so every value the user
    enters is invalid; usually the two were swapped.

    Passing example::

        paths:
          /sms:
            post:
              operationId: SendSms
              parameters: [{name: text, in: query, type: string, minLength: 1, maxLength: 160}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /sms:
            post:
              operationId: SendSms
              parameters: [{name: text, in: query, type: string, minLength: 160, maxLength: 1}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1sms/post/parameters/0/minLength
    """

    code = "MinLengthShouldBeLessThanOrEqualToMaxLength"
    severity = Severity.ERROR
    summary = "'minLength' is less than or equal to 'maxLength'"
    low = "minLength"
    high = "maxLength"
