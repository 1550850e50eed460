from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import LegacyReferenceRule


class DynamicPropertiesExtensionRequiredForAmbiguousReferences(LegacyReferenceRule):
    """x-ms-dynamic-schema whose reference is ambiguous needs x-ms-dynamic-properties beside it.

    In x-ms-dynamic-schema a ``{"parameter": "query"}`` reference names an input by a plain
    name. When the operation has both a parameter and a body field of that name (for instance a
    body parameter ``query`` whose schema has a property ``query``), nothing says which one is
    meant. x-ms-dynamic-properties names inputs by their full path, so it must be added. For
    extensions in shared definitions or parameters, every operation using them is considered.

    Passing example::

        paths:
          /search:
            post:
              operationId: Search
              parameters:
                - name: query
                  in: body
                  schema: {type: object, properties: {query: {type: string}}}
              responses:
                '200':
                  description: OK
                  schema:
                    x-ms-dynamic-schema: {operationId: GetSchema, parameters: {query: {parameter: query}}}
                    x-ms-dynamic-properties: {operationId: GetSchema, parameters: {query: {parameterReference: query/query}}}
          /schema:
            get:
              operationId: GetSchema
              parameters: [{name: query, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /search:
            post:
              operationId: Search
              parameters:
                - name: query
                  in: body
                  schema: {type: object, properties: {query: {type: string}}}
              responses:
                '200':
                  description: OK
                  schema:
                    x-ms-dynamic-schema: {operationId: GetSchema, parameters: {query: {parameter: query}}}
          /schema:
            get:
              operationId: GetSchema
              parameters: [{name: query, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1search/post/responses/200/schema/x-ms-dynamic-schema/parameters/query
    """

    code = "DynamicPropertiesExtensionRequiredForAmbiguousReferences"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-schema with an ambiguous parameter reference has x-ms-dynamic-properties"
    legacy, newer, kind = "x-ms-dynamic-schema", "x-ms-dynamic-properties", "ambiguous"

    def report(self, ctx, invocation, arg, op):
        ctx.report(arg.pointer,
                   f"x-ms-dynamic-schema references '{arg.payload}', which in operation {op.label} "
                   f"is both a parameter and a body property, and there is no "
                   f"x-ms-dynamic-properties",
                   "add x-ms-dynamic-properties beside it, naming the input by its full path")
