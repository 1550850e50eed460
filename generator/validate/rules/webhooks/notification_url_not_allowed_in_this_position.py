from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.webhooks._helpers import marks_notification_url

_CONTENT = "x-ms-notification-content"
_MAX_DEPTH = 32


def _inline_marks(node, depth: int = 0):
    """Pointer suffixes of the marked schemas written inline in ``node`` (``$ref`` not followed)."""
    if not isinstance(node, dict) or depth > _MAX_DEPTH or "$ref" in node:
        return
    if marks_notification_url(node):
        yield ""
    props = node.get("properties")
    for name, sub in (props.items() if isinstance(props, dict) else ()):
        for rest in _inline_marks(sub, depth + 1):
            yield f"/properties/{escape_token(name)}{rest}"
    for key in ("items", "additionalProperties"):
        for rest in _inline_marks(node.get(key), depth + 1):
            yield f"/{key}{rest}"
    parts = node.get("allOf")
    for index, sub in enumerate(parts if isinstance(parts, list) else ()):
        for rest in _inline_marks(sub, depth + 1):
            yield f"/allOf/{index}{rest}"


class NotificationUrlNotAllowedInThisPosition(Rule):
    """x-ms-notification-url may only mark a field of an operation's input body.

    The platform writes its callback URL into the marked field of the registration request's
    body. On a query, path, header or form parameter, in a response or response header schema,
    or in the x-ms-notification-content payload the marker has no meaning, and the callback URL
    is never delivered there. Only markers written in those places are reported: a definition
    that a request body and a response share (a registration echoed back) keeps its marker, as
    accepted connectors do.

    Passing example::

        paths:
          /hooks:
            post:
              operationId: CreateHook
              x-ms-trigger: single
              parameters:
                - name: body
                  in: body
                  required: true
                  schema:
                    type: object
                    required: [url]
                    properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}
              responses: {'201': {description: Created}}

    Failing example::

        paths:
          /hooks:
            post:
              operationId: CreateHook
              x-ms-trigger: single
              parameters:
                - {name: url, in: query, required: true, type: string, x-ms-notification-url: true,
                   x-ms-visibility: internal}
              responses: {'201': {description: Created}}

    Reports: /paths/~1hooks/post/parameters/0

    Failing example::

        paths:
          /hooks:
            post:
              operationId: CreateHook
              responses:
                '201':
                  description: Created
                  schema: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}

    Reports: /paths/~1hooks/post/responses/201/schema/properties/url
    """

    code = "NotificationUrlNotAllowedInThisPosition"
    severity = Severity.ERROR
    summary = "x-ms-notification-url is used only on fields of an input body"
    keys = {**node_keys("x-ms-notification-url"), **node_keys(_CONTENT, kinds=("path_item", "operation"))}

    def parameter(self, ctx, param):
        if param.location != "body" and marks_notification_url(param.node):
            where = f"the {param.location or 'non-body'} parameter '{param.name}'"
            if param.operation is not None:
                where += f" of operation {param.operation.label}"
            self._report(ctx, param.pointer, where)

    def schema(self, ctx, schema):
        outside_body = schema.direction == "output" or schema.role == "parameter-items"
        if outside_body and marks_notification_url(schema.node):
            self._report(ctx, schema.pointer, self._describe(schema))

    def path_item(self, ctx, item):
        self._content(ctx, item.node, item.pointer, f"path '{item.path}'")

    def operation(self, ctx, op):
        self._content(ctx, op.node, op.pointer, f"operation {op.label}")

    def _content(self, ctx, owner, pointer, where):
        content = owner.get(_CONTENT)
        if isinstance(content, dict):
            for rest in _inline_marks(content.get("schema")):
                self._report(ctx, f"{pointer}/{_CONTENT}/schema{rest}",
                             f"the notification payload of {where}")

    @staticmethod
    def _describe(schema) -> str:
        kind = "response header" if schema.role == "header" else (
            "array parameter's items" if schema.role == "parameter-items" else "response schema")
        where = f"a {kind}"
        if schema.name:
            where += f" ('{schema.name}')"
        if schema.operation is not None:
            where += f" of operation {schema.operation.label}"
        return where

    @staticmethod
    def _report(ctx, pointer, where):
        ctx.report(pointer,
                   f"x-ms-notification-url is used in {where}; it is allowed only on a field of "
                   f"an input body",
                   "move the marker to the property of the registration request body that receives "
                   "the callback URL, and remove it elsewhere")
