from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import LegacyReferenceRule


class DynamicPropertiesExtensionRequiredForNonParameterReferences(LegacyReferenceRule):
    """x-ms-dynamic-schema that references a body field needs x-ms-dynamic-properties beside it.

    The ``{"parameter": ...}`` references of x-ms-dynamic-schema were designed for parameters.
    A reference to a property inside a parameter (a field of the body) must be written as a path
    in x-ms-dynamic-properties (``"parameterReference": "body/field"``), which has to be added
    beside x-ms-dynamic-schema. For extensions in shared definitions or parameters, every
    operation using them is considered.

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
                    properties:
                      table: {type: string}
                      row:
                        type: object
                        x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {table: {parameter: table}}}
                        x-ms-dynamic-properties: {operationId: GetRowSchema, parameters: {table: {parameterReference: body/table}}}
              responses: {'200': {description: OK}}
          /schema:
            get:
              operationId: GetRowSchema
              parameters: [{name: table, in: query, type: string}]
              responses: {'200': {description: OK}}

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
                    properties:
                      table: {type: string}
                      row:
                        type: object
                        x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {table: {parameter: table}}}
              responses: {'200': {description: OK}}
          /schema:
            get:
              operationId: GetRowSchema
              parameters: [{name: table, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1rows/post/parameters/0/schema/properties/row/x-ms-dynamic-schema/parameters/table
    """

    code = "DynamicPropertiesExtensionRequiredForNonParameterReferences"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-schema referencing a body property has x-ms-dynamic-properties"
    legacy, newer, kind = "x-ms-dynamic-schema", "x-ms-dynamic-properties", "property"

    def report(self, ctx, invocation, arg, op):
        ctx.report(arg.pointer,
                   f"x-ms-dynamic-schema references '{arg.payload}', a body property of operation "
                   f"{op.label} rather than a parameter, and there is no x-ms-dynamic-properties",
                   "add x-ms-dynamic-properties beside it, referencing the property by its path "
                   "(\"parameterReference\": \"<body parameter>/<property>\")")
