from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


def _media(value) -> str:
    return value.split(";")[0].strip().lower() if isinstance(value, str) else ""


class ResponseExampleMustBeProducedByOperation(Rule):
    """Each response example must be keyed by a MIME type the operation produces.

    ``examples`` maps a MIME type to a sample body; a type missing from the operation's
    ``produces`` (or the root ``produces`` it inherits) describes a response the operation can
    never return. MIME types are compared case-insensitively, without parameters.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              produces: [application/json]
              responses:
                '200': {description: OK, examples: {application/json: {id: 1}}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              produces: [application/json]
              responses:
                '200': {description: OK, examples: {application/xml: '<id>1</id>'}}

    Reports: /paths/~1a/get/responses/200/examples/application~1xml
    """

    code = "ResponseExampleMustBeProducedByOperation"
    severity = Severity.ERROR
    summary = "response examples use MIME types the operation produces"
    keys = {"response": frozenset({"examples"})}

    def response(self, ctx, resp):
        op = resp.operation
        examples = resp.node.get("examples")
        if op is None or not isinstance(examples, dict):
            return
        produces = op.node["produces"] if "produces" in op.node else ctx.swagger.get("produces")
        produced = {_media(p) for p in (produces if isinstance(produces, list) else ())}
        for mime in examples:
            if _media(mime) not in produced:
                ctx.report(resp.pointer + pointer_of("examples", mime),
                           f"the response example '{mime}' is not produced by operation {op.label}",
                           f"add '{mime}' to the operation's 'produces' or key the example by a "
                           "produced MIME type")
