from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import describe_parameter, describe_schema, node_keys


def _uses_file_picker(node) -> bool:
    values = node.get("x-ms-dynamic-values")
    return isinstance(values, dict) and values.get("capability") == "file-picker"


class DynamicTreeExtensionMissing(Rule):
    """An input that uses the file picker (x-ms-dynamic-values with ``capability: file-picker``)
    must also define x-ms-dynamic-tree.

    The older file-picker form of x-ms-dynamic-values only names the capability; the designer
    builds the folder/file browser from x-ms-dynamic-tree (its ``open`` and ``browse`` calls and
    item paths). Without it the picker cannot be shown.

    Passing example::

        paths:
          /files/{path}:
            get:
              operationId: GetFile
              parameters:
                - name: path
                  in: path
                  required: true
                  type: string
                  x-ms-dynamic-values: {capability: file-picker, parameters: {}, value-path: path}
                  x-ms-dynamic-tree:
                    open: {operationId: ListRoot, itemValuePath: path, itemTitlePath: name}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /files/{path}:
            get:
              operationId: GetFile
              parameters:
                - name: path
                  in: path
                  required: true
                  type: string
                  x-ms-dynamic-values: {capability: file-picker, parameters: {}, value-path: path}
              responses: {'200': {description: OK}}

    Reports: /paths/~1files~1{path}/get/parameters/0/x-ms-dynamic-values

    Failing example::

        paths:
          /files:
            post:
              operationId: Op
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      file: {type: string, x-ms-dynamic-values: {capability: file-picker, parameters: {}, value-path: path}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1files/post/parameters/0/schema/properties/file/x-ms-dynamic-values
    """

    code = "DynamicTreeExtensionMissing"
    severity = Severity.ERROR
    summary = "inputs using the file-picker capability define x-ms-dynamic-tree"
    keys = node_keys("x-ms-dynamic-values")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, describe_parameter(param))

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, describe_schema(schema))

    @staticmethod
    def _check(ctx, node, pointer, where):
        if _uses_file_picker(node) and "x-ms-dynamic-tree" not in node:
            ctx.report(pointer + "/x-ms-dynamic-values",
                       f"{where} uses the file-picker capability but defines no x-ms-dynamic-tree",
                       "add x-ms-dynamic-tree with the 'open' (and 'browse') operations that list "
                       "folders and files")
