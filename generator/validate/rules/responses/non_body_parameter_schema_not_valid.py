from generator.findings import Severity
from generator.validate.rule import Rule


class NonBodyParameterSchemaNotValid(Rule):
    """Only a ``body`` parameter may define ``schema``.

    Query, path, header and form-data parameters are described by ``type``/``format``/``items``
    directly; a ``schema`` on them is ignored by Swagger 2.0 tools and rejected by the platform.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: q, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{name: q, in: query, schema: {type: string}}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/schema
    """

    code = "NonBodyParameterSchemaNotValid"
    severity = Severity.ERROR
    summary = "only body parameters define a schema"
    keys = {"parameter": frozenset({"schema"})}

    def parameter(self, ctx, param):
        if param.location != "body" and "schema" in param.node:
            ctx.report(param.pointer + "/schema",
                       f"parameter '{param.name}' in '{param.location}' cannot define a schema",
                       "describe it with 'type' (and 'format'/'items') instead of 'schema'")
