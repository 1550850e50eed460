from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule
from generator.validate.rules._common import reference_shape, target_exists


class ResponseReferenceNotFound(Rule):
    """A ``#/responses/<name>`` reference must name a response defined under ``responses``.

    A dangling reference leaves the operation without the response it declares; usually the
    shared response was renamed or removed.

    Passing example::

        responses:
          NotFound: {description: Not found}
        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, '404': {$ref: '#/responses/NotFound'}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, '404': {$ref: '#/responses/NotFound'}}

    Reports: /paths/~1a/get/responses/404/$ref
    """

    code = "ResponseReferenceNotFound"
    severity = Severity.ERROR
    summary = "response references point to a defined shared response"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        for status, resp in (responses.items() if isinstance(responses, dict) else ()):
            if isinstance(resp, dict) and "$ref" in resp:
                ref = resp["$ref"]
                if reference_shape(ref, "responses") == "ok" \
                        and not target_exists(ctx.swagger, ref, "responses"):
                    ctx.report(op.pointer + pointer_of("responses", status, "$ref"),
                               f"the response reference '{ref}' could not be found",
                               "define the response under the root 'responses' or fix the name")
