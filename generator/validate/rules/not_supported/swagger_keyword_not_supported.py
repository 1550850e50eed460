from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import NOT_IN_SWAGGER_SCHEMA, SCHEMA_ONLY, node_keys


class SwaggerKeywordNotSupported(Rule):
    """A keyword must belong to the Swagger 2.0 object it appears in.

    Keywords from JSON Schema or OpenAPI 3 (``oneOf``, ``anyOf``, ``nullable`` ...) are not
    part of Swagger 2.0 schemas, and schema-only keywords (``properties``, ``allOf``,
    ``readOnly`` ...) are not valid on non-body parameters or response headers. The platform
    ignores or rejects them, so the definition would not mean what it says.

    Passing example::

        definitions:
          Pet: {type: object, properties: {name: {type: string}}}

    Failing example::

        definitions:
          Pet:
            oneOf: [{type: string}, {type: integer}]

    Reports: /definitions/Pet/oneOf

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: since, in: query, type: string, anyOf: [{format: date}, {format: date-time}]}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/anyOf
    """

    code = "SwaggerKeywordNotSupported"
    severity = Severity.ERROR
    summary = "no JSON Schema/OpenAPI 3 keywords, nor schema keywords on simple parameters"
    keys = node_keys(*NOT_IN_SWAGGER_SCHEMA, *SCHEMA_ONLY)

    def _report(self, ctx, pointer, keyword, where):
        ctx.report(f"{pointer}/{keyword}", f"the '{keyword}' keyword is not supported in {where}",
                   "remove it; Swagger 2.0 has no such keyword here")

    def parameter(self, ctx, param):
        node = param.node
        if node.get("in") == "body":
            return
        where = f"parameter '{param.name}'"
        for keyword in NOT_IN_SWAGGER_SCHEMA + SCHEMA_ONLY:
            if keyword in node:
                self._report(ctx, param.pointer, keyword, where)

    def schema(self, ctx, schema):
        node = schema.node
        where = f"'{schema.name}'" if schema.name else "this schema"
        if schema.role in ("header", "parameter-items"):
            if schema.role == "header":
                where = f"response header '{schema.name}'"
            else:
                where = "the items of a parameter"
            for keyword in SCHEMA_ONLY:
                if keyword in node:
                    self._report(ctx, schema.pointer, keyword, where)
        for keyword in NOT_IN_SWAGGER_SCHEMA:
            if keyword in node:
                self._report(ctx, schema.pointer, keyword, where)
