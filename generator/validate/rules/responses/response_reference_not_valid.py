from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule
from generator.validate.rules._common import reference_shape


class ResponseReferenceNotValid(Rule):
    """A response ``$ref`` must have the form ``#/responses/<name>``.

    Responses can only be shared through the root ``responses`` object; a reference to a
    definition, a nested member or another file is not resolved by the platform (a schema
    belongs under the response's ``schema``). Malformed JSON pointers are JsonPointerNotValid.

    Passing example::

        responses:
          NotFound: {description: Not found}
        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, '404': {$ref: '#/responses/NotFound'}}

    Failing example::

        definitions:
          Error: {type: object}
        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, '404': {$ref: '#/definitions/Error'}}

    Reports: /paths/~1a/get/responses/404/$ref
    """

    code = "ResponseReferenceNotValid"
    severity = Severity.ERROR
    summary = "response references have the form '#/responses/<name>'"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        responses = op.node.get("responses")
        for status, resp in (responses.items() if isinstance(responses, dict) else ()):
            if isinstance(resp, dict) and "$ref" in resp:
                ref = resp["$ref"]
                if reference_shape(ref, "responses") == "kind":
                    ctx.report(op.pointer + pointer_of("responses", status, "$ref"),
                               f"the response reference '{ref}' of operation {op.label} is not valid",
                               "point to a shared response as '#/responses/<name>', or put a "
                               "definition reference under the response's 'schema'")
