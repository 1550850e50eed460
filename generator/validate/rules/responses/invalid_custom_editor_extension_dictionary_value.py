from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys


class InvalidCustomEditorExtensionDictionaryValue(Rule):
    """``x-ms-editor: dictionary`` is only valid on objects that allow additional properties.

    The dictionary editor lets the user add arbitrary key/value pairs, which only makes sense
    for ``type: object`` whose ``additionalProperties`` is not ``false`` (usually a schema for
    the values). Following JSON Schema, a missing ``additionalProperties`` counts as allowed.

    Passing example::

        definitions:
          Tags:
            type: object
            additionalProperties: {type: string}
            x-ms-editor: dictionary

    Failing example::

        definitions:
          Tags:
            type: string
            x-ms-editor: dictionary

    Reports: /definitions/Tags/x-ms-editor

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: tags, in: query, type: string, x-ms-editor: dictionary}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-editor
    """

    code = "InvalidCustomEditorExtensionDictionaryValue"
    severity = Severity.ERROR
    summary = "x-ms-editor 'dictionary' only on objects that allow additional properties"
    keys = node_keys("x-ms-editor")

    def _check(self, ctx, node, pointer, name):
        if node.get("x-ms-editor") != "dictionary":
            return
        if node.get("type") == "object" and node.get("additionalProperties", True) is not False:
            return
        what = f"'{name}'" if name else "this schema"
        ctx.report(pointer + "/x-ms-editor",
                   f"x-ms-editor 'dictionary' on {what}, which is not an object allowing "
                   "additional properties",
                   "use it on {type: object, additionalProperties: {<value schema>}} or remove it")

    def parameter(self, ctx, param):
        if param.location != "body":
            self._check(ctx, param.node, param.pointer, param.name)

    def schema(self, ctx, schema):
        if "$ref" not in schema.node:
            self._check(ctx, schema.node, schema.pointer, schema.name)
