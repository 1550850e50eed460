from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import LegacyReferenceRule


class DynamicListExtensionRequiredForNonParameterReferences(LegacyReferenceRule):
    """x-ms-dynamic-values that references a body field needs x-ms-dynamic-list beside it.

    The ``{"parameter": ...}`` references of x-ms-dynamic-values were designed for parameters.
    A reference to a property inside a parameter (a field of the body) must be written as a path
    in x-ms-dynamic-list (``"parameterReference": "body/field"``), which has to be added beside
    x-ms-dynamic-values. For extensions in shared definitions or parameters, every operation
    using them is considered.

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
                      column:
                        type: string
                        x-ms-dynamic-values: {operationId: ListColumns, parameters: {table: {parameter: table}}}
                        x-ms-dynamic-list: {operationId: ListColumns, parameters: {table: {parameterReference: body/table}}}
              responses: {'200': {description: OK}}
          /columns:
            get:
              operationId: ListColumns
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
                      column:
                        type: string
                        x-ms-dynamic-values: {operationId: ListColumns, parameters: {table: {parameter: table}}}
              responses: {'200': {description: OK}}
          /columns:
            get:
              operationId: ListColumns
              parameters: [{name: table, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1rows/post/parameters/0/schema/properties/column/x-ms-dynamic-values/parameters/table
    """

    code = "DynamicListExtensionRequiredForNonParameterReferences"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-values referencing a body property has x-ms-dynamic-list"
    legacy, newer, kind = "x-ms-dynamic-values", "x-ms-dynamic-list", "property"

    def report(self, ctx, invocation, arg, op):
        ctx.report(arg.pointer,
                   f"x-ms-dynamic-values references '{arg.payload}', a body property of operation "
                   f"{op.label} rather than a parameter, and there is no x-ms-dynamic-list",
                   "add x-ms-dynamic-list beside it, referencing the property by its path "
                   "(\"parameterReference\": \"<body parameter>/<property>\")")
