import difflib

from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

#: Members of the extension objects AdditionalPropertyNotAllowed does not judge, as Microsoft
#: documents them and certified connectors use them.
EXTENSION_MEMBERS = {
    "x-ms-dynamic-tree": ("settings", "open", "browse"),
    "x-ms-trigger-metadata": ("kind", "mode"),
    "x-ms-capabilities": ("testConnection", "chunkTransfer", "file-picker"),
    "x-ms-notification-content": ("description", "schema", "headers"),
    "x-ms-operation-context": ("simulate",),
    "x-ms-openai-data": ("openai-enabled", "operations"),
}
_KINDS = ("path_item", "operation", "parameter", "schema")


class ExtensionMemberNotKnown(Rule):
    """A member of a known extension object that the extension does not have (warning).

    ``x-ms-dynamic-tree``, ``x-ms-trigger-metadata``, ``x-ms-capabilities``,
    ``x-ms-notification-content``, ``x-ms-operation-context`` and ``x-ms-openai-data`` have a
    documented set of members; anything else is a misspelling (``setings``) or a setting in the
    wrong place, and the platform ignores it. The dynamic-values family, x-ms-pageable and
    x-ms-api-annotation are judged by AdditionalPropertyNotAllowed.

    Passing example::

        paths:
          /hooks: {post: {operationId: OnEvent, x-ms-trigger: single, x-ms-trigger-metadata: {kind: query, mode: polling},
                          responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /hooks: {post: {operationId: OnEvent, x-ms-trigger: single, x-ms-trigger-metadata: {kind: query, mod: polling},
                          responses: {'200': {description: OK}}}}

    Reports: /paths/~1hooks/post/x-ms-trigger-metadata/mod

    Failing example::

        paths:
          /hooks:
            x-ms-notification-content: {description: Event, shema: {type: object}}
            post: {operationId: OnEvent, x-ms-trigger: single, responses: {'201': {description: Created}}}

    Reports: /paths/~1hooks/x-ms-notification-content/shema

    Failing example::

        x-ms-capabilities: {testConnection: {operationId: ListItems}, testConection: {}}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string, x-ms-dynamic-tree: {settings: {}, opne: {}}}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties: {file: {type: string, x-ms-dynamic-tree: {settings: {}, brwose: {}}}}
              responses: {'200': {description: OK}}

    Reports:
      - /x-ms-capabilities/testConection
      - /paths/~1items/get/parameters/0/x-ms-dynamic-tree/opne
      - /paths/~1items/get/parameters/1/schema/properties/file/x-ms-dynamic-tree/brwose
    """

    code = "ExtensionMemberNotKnown"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "extension objects carry only their documented members"
    keys = {kind: frozenset(EXTENSION_MEMBERS) for kind in _KINDS}

    def _check(self, ctx, node, pointer):
        for extension, members in EXTENSION_MEMBERS.items():
            value = node.get(extension)
            if not isinstance(value, dict):
                continue
            for key in value:
                if key in members or key == "$ref":
                    continue
                close = difflib.get_close_matches(str(key), members, n=1, cutoff=0.6)
                ctx.report(f"{pointer}/{escape_token(extension)}/{escape_token(key)}",
                           f"'{key}' is not a member of {extension}, so it has no effect",
                           f"did you mean '{close[0]}'?" if close
                           else f"{extension} takes {', '.join(members)}")

    def document(self, ctx, doc):
        self._check(ctx, doc, "")

    def path_item(self, ctx, item):
        # A webhook trigger's x-ms-notification-content sits beside the operations.
        self._check(ctx, item.node, item.pointer)

    def operation(self, ctx, op):
        self._check(ctx, op.node, op.pointer)

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer)

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer)
