from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

#: Methods whose success usually carries no body: a deletion's confirmation, HEAD and OPTIONS.
BODYLESS_METHODS = frozenset({"delete", "head", "options"})
#: Statuses that have no body by definition.
BODYLESS_STATUSES = frozenset({"204", "205"})
#: Keys that describe a schema without saying what it holds.
ANNOTATION_KEYS = frozenset({"description", "title", "x-ms-summary", "x-ms-visibility", "example"})


def is_empty_schema(schema) -> bool:
    """No schema, or one that only annotates (``{}``, ``{description: ...}``)."""
    return not isinstance(schema, dict) or not (set(schema) - ANNOTATION_KEYS)


class ResponseSchemaMissing(Rule):
    """An action's success response describes its body with a schema (warning).

    Reviewers require "exact schemas" for responses, and the pull-request template attests that
    response schemas are present: without one, the designer offers no outputs and flows must
    parse the body themselves. Reported once per operation whose 2xx responses (other than
    204/205) all lack a schema or have an empty one (``{}``, or only a description). A schema
    with ``x-ms-dynamic-schema`` or ``x-ms-dynamic-properties`` is not empty. Left out, because
    their success usually has no body: DELETE, HEAD and OPTIONS operations, webhook
    registrations (``x-ms-notification-content``), internal operations, and triggers (a
    webhook's registration response is not its output; 50 corpus connectors have such
    triggers without a schema). On the corpus it fires on 151 of 628 readable connectors
    (24.0 %, under the quarter a default-on warning may reach; with triggers it would be 32 %,
    and counting a bare ``{type: object}`` as empty about 28 %, so both are left alone).

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              responses:
                '200': {description: OK, schema: {type: array, items: {type: string}}}
            delete:
              operationId: DeleteItems
              responses: {'200': {description: OK}}
          /send:
            post:
              operationId: Send
              responses: {'204': {description: Sent}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              responses:
                '200': {description: OK, schema: {description: The items}}
                '404': {description: Not found, schema: {type: object, properties: {error: {type: string}}}}
          /send:
            post:
              operationId: Send
              responses: {'202': {description: Accepted}}

    Reports: [/paths/~1items/get/responses/200, /paths/~1send/post/responses/202]
    """

    code = "ResponseSchemaMissing"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "an action's 2xx response has a schema describing its body"
    keys = {"operation": frozenset({"responses"})}

    def operation(self, ctx, op):
        node = op.node
        if (op.method in BODYLESS_METHODS or "x-ms-notification-content" in node or "x-ms-trigger" in node
                or node.get("x-ms-visibility") == "internal"):
            return
        responses = node.get("responses")
        if not isinstance(responses, dict):
            return
        success = {str(status): response for status, response in responses.items()
                   if str(status).startswith("2") and str(status) not in BODYLESS_STATUSES}
        if not success or any(not is_empty_schema(ctx.deref(response.get("schema")))
                              for response in map(ctx.deref, success.values()) if isinstance(response, dict)):
            return
        first = sorted(success)[0]
        ctx.report(f"{op.pointer}/responses/{escape_token(first)}",
                   f"operation {op.label} returns {', '.join(sorted(success))} without a schema for the body",
                   "describe the response body with a schema (add `schema:` to the 2xx response), "
                   "or return 204 when there is none")
