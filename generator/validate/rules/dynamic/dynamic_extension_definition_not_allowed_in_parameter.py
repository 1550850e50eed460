from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import describe_parameter

DYNAMIC_EXTENSIONS = ("x-ms-dynamic-values", "x-ms-dynamic-list", "x-ms-dynamic-schema",
                      "x-ms-dynamic-properties", "x-ms-dynamic-tree")


class DynamicExtensionDefinitionNotAllowedInParameter(Rule):
    """A body parameter must carry its dynamic extensions in its ``schema``, not on itself.

    For a body parameter the designer builds the input form from the parameter's schema, and it
    reads x-ms-dynamic-values/-list/-schema/-properties/-tree from that schema; written on the
    parameter object they are ignored, so the dropdown or dynamic fields never appear.

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
                    x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}}
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
                  schema: {type: object}
                  x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}}
              responses: {'200': {description: OK}}
          /schema:
            get: {operationId: GetRowSchema, responses: {'200': {description: OK}}}

    Reports: /paths/~1rows/post/parameters/0/x-ms-dynamic-schema
    """

    code = "DynamicExtensionDefinitionNotAllowedInParameter"
    severity = Severity.ERROR
    summary = "dynamic extensions of a body parameter are defined in its schema"
    keys = {"parameter": frozenset(DYNAMIC_EXTENSIONS)}

    def parameter(self, ctx, param):
        if param.location != "body":
            return
        for name in DYNAMIC_EXTENSIONS:
            if name in param.node:
                ctx.report(f"{param.pointer}/{name}",
                           f"body {describe_parameter(param)} defines {name} on the parameter "
                           f"itself",
                           f"move {name} into the parameter's 'schema'")
