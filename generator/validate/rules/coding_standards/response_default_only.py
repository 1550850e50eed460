from generator.findings import Severity
from generator.validate.rule import Rule


class ResponseDefaultOnly(Rule):
    """An operation should define its success as a 2xx response, not only as ``default`` (warning).

    Microsoft's coding standards ask for the success code as an explicit ``2xx`` response and
    for ``default`` only beside it (for errors), never as the only response: ``default`` says
    nothing about which status the service returns on success. (An operation without any
    successful response is OperationShouldHaveSuccessfulResponse.)

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}, default: {description: Failed}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {default: {description: OK}}}}

    Reports: /paths/~1items/get/responses
    """

    code = "ResponseDefaultOnly"
    severity = Severity.WARNING
    source = "coding-standards"
    summary = "operations define a 2xx response, not only 'default'"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return
        codes = [str(code) for code in responses if not str(code).startswith("x-")]
        if codes == ["default"]:
            ctx.report(f"{op.pointer}/responses",
                       f"operation {op.label} defines only a 'default' response",
                       "add the 2xx response returned on success (and keep 'default' for errors)")
