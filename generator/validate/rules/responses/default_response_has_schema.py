from generator.findings import Severity
from generator.validate.rule import Rule


class DefaultResponseHasSchema(Rule):
    """The ``default`` response should not define a schema.

    Outputs shown in the designer come from the expected (2xx) responses; a schema on
    ``default`` (the catch-all, usually for errors) is not used as the operation's output and
    misleads readers. Microsoft's certification pipeline reports it as an error on new
    submissions (e.g. PowerPlatformConnectors pull request #4181, 2026); about 11 % of the
    certified corpus was merged before that and still has such schemas, which is why this
    error fires on them.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses:
                '200': {description: OK, schema: {type: object}}
                default: {description: Error}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              responses:
                default: {description: OK, schema: {type: object}}

    Reports: /paths/~1a/get/responses/default/schema

    Failing example::

        responses:
          Failure: {description: Failure, schema: {type: object}}
        paths:
          /a:
            get:
              operationId: GetA
              responses: {'200': {description: OK}, default: {$ref: '#/responses/Failure'}}

    Reports: /paths/~1a/get/responses/default/$ref
    """

    code = "DefaultResponseHasSchema"
    severity = Severity.ERROR
    summary = "the 'default' response has no schema"
    keys = {"operation": frozenset({"responses"}), "response": frozenset({"schema"})}

    def _report(self, ctx, pointer, op):
        ctx.report(pointer, f"the 'default' response of operation {op.label} defines a schema",
                   "move the schema to the success response (e.g. '200') and remove it from "
                   "'default'")

    def response(self, ctx, resp):
        if resp.operation is not None and resp.status == "default" and "schema" in resp.node:
            self._report(ctx, resp.pointer + "/schema", resp.operation)

    def operation(self, ctx, op):
        # A 'default' that references a shared response is not visited as a response.
        responses = op.node.get("responses")
        default = responses.get("default") if isinstance(responses, dict) else None
        if isinstance(default, dict) and "$ref" in default:
            target = ctx.deref(default)
            if isinstance(target, dict) and "schema" in target:
                self._report(ctx, op.pointer + "/responses/default/$ref", op)
