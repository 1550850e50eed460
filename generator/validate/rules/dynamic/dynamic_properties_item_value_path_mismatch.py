from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import PROPERTIES_EXT, SCHEMA_EXT, DynamicHostRule, path_steps


class DynamicPropertiesItemValuePathMismatch(DynamicHostRule):
    """x-ms-dynamic-properties must point at the same schema as the x-ms-dynamic-schema beside it.

    When both extensions are written, x-ms-dynamic-properties' ``itemValuePath`` must be the
    x-ms-dynamic-schema ``value-path`` without a final ``properties`` step (the newer extension
    names the schema object, the older one may name its properties); otherwise the two describe
    different schemas depending on which one the designer uses. A missing path means the root
    of the response.

    Passing example::

        paths:
          /rows:
            post:
              operationId: AddRow
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}, value-path: schema/properties}
                    x-ms-dynamic-properties: {operationId: GetRowSchema, parameters: {}, itemValuePath: schema}
              responses: {'200': {description: OK}}
          /schema:
            get: {operationId: GetRowSchema, responses: {'200': {description: OK}}}

    Failing example::

        paths:
          /rows:
            post:
              operationId: AddRow
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}, value-path: schema/properties}
                    x-ms-dynamic-properties: {operationId: GetRowSchema, parameters: {}, itemValuePath: schema/properties}
              responses: {'200': {description: OK}}
          /schema:
            get: {operationId: GetRowSchema, responses: {'200': {description: OK}}}

    Reports: /paths/~1rows/post/parameters/0/schema/x-ms-dynamic-properties
    """

    code = "DynamicPropertiesItemValuePathMismatch"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-properties' itemValuePath matches x-ms-dynamic-schema's value-path"

    def check(self, ctx, node, pointer, where):
        schema_ext, properties_ext = node.get(SCHEMA_EXT), node.get(PROPERTIES_EXT)
        if not isinstance(schema_ext, dict) or not isinstance(properties_ext, dict):
            return
        expected = path_steps(schema_ext.get("value-path"))
        if expected and expected[-1] == "properties":
            expected = expected[:-1]
        actual = path_steps(properties_ext.get("itemValuePath"))
        if actual != expected:
            shown = "/".join(expected)
            ctx.report(f"{pointer}/{PROPERTIES_EXT}",
                       f"the {PROPERTIES_EXT} of {where} has itemValuePath "
                       f"'{'/'.join(actual)}', but its {SCHEMA_EXT} value-path calls for "
                       f"'{shown}'",
                       f"set itemValuePath to '{shown}'" if shown else
                       "remove itemValuePath (the schema is the response root)")
