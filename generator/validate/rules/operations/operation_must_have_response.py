from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import has_notification_content


class OperationMustHaveResponse(Rule):
    """Every operation must define at least one response.

    Swagger 2.0 requires ``responses`` with at least one entry, and the designer takes an
    operation's outputs from it. One exception is tolerated: a webhook trigger whose outputs
    come from x-ms-notification-content may leave ``responses`` empty (ten certified corpus
    connectors do so); it must still have the ``responses`` key.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {}}}

    Reports: /paths/~1items/get/responses

    Failing example::

        paths:
          /items:
            get: {operationId: ListItems, responses: {'200': {description: OK}}}
            post: {operationId: AddItem}
            put: {operationId: ReplaceItems, responses: {}}

    Reports:
      - /paths/~1items/put/responses
      - /paths/~1items/post
    """

    code = "OperationMustHaveResponse"
    severity = Severity.ERROR
    summary = "every operation defines at least one response"

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        if isinstance(responses, dict):
            if responses or ("x-ms-trigger" in op.node and has_notification_content(op)):
                return
            pointer = op.pointer + "/responses"
        else:
            pointer = op.pointer + "/responses" if "responses" in op.node else op.pointer
        ctx.report(pointer, f"operation {op.label} defines no response",
                   "add at least the success response, e.g. '200': {description: OK}")
