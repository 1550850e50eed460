from generator.findings import Severity
from generator.validate.rule import Rule


class OperationShouldHaveSuccessfulResponse(Rule):
    """An operation should define a successful (2xx or ``default``) response.

    The designer takes an operation's outputs from its successful response; an operation that
    only lists error statuses has no outputs and its success is undocumented. ``default`` is
    accepted as the successful response, as certified connectors use it that way. An operation
    with no responses at all is OperationMustHaveResponse.

    Severity: warning. Microsoft words the rule with "should", and 5 operations in the corpus of
    accepted connectors define error responses only.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}, '404': {description: Not found}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'404': {description: Not found}}}}

    Reports: /paths/~1items/get/responses
    """

    code = "OperationShouldHaveSuccessfulResponse"
    severity = Severity.WARNING
    summary = "operations define a 2xx or default response"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        if not isinstance(responses, dict) or not responses:
            return
        codes = [str(code) for code in responses if not str(code).startswith("x-")]
        if codes and not any(c.startswith("2") or c == "default" for c in codes):
            ctx.report(f"{op.pointer}/responses",
                       f"operation {op.label} has no successful response (only {', '.join(codes)})",
                       "add the 200 (or 201, 202, 204) response the operation returns on success")
