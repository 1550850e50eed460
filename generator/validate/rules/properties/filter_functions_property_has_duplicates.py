from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import filter_functions


class FilterFunctionsPropertyHasDuplicates(Rule):
    """``x-ms-capabilities.filterFunctions`` must not name a function twice.

    Each entry declares one filter function the service supports for the column; a repeated
    entry is a copy-paste slip.

    Passing example::

        definitions:
          Row:
            type: object
            properties:
              name: {type: string, x-ms-capabilities: {filterFunctions: [eq, startswith]}}

    Failing example::

        definitions:
          Row:
            type: object
            properties:
              name: {type: string, x-ms-capabilities: {filterFunctions: [eq, startswith, eq]}}

    Reports: /definitions/Row/properties/name/x-ms-capabilities/filterFunctions/2

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: name, in: query, type: string, x-ms-capabilities: {filterFunctions: [eq, startswith, eq]}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-capabilities/filterFunctions/2
    """

    code = "FilterFunctionsPropertyHasDuplicates"
    severity = Severity.ERROR
    summary = "a 'filterFunctions' list has no duplicates"
    keys = node_keys("x-ms-capabilities")

    def _check(self, ctx, node, pointer, label):
        found = filter_functions(node)
        if not found or not isinstance(found[1], list):
            return
        seen = set()
        for index, value in enumerate(found[1]):
            if not isinstance(value, str):
                continue
            if value in seen:
                ctx.report(f"{pointer}{found[0]}/{index}",
                           f"the 'filterFunctions' property of {label} lists '{value}' more than once",
                           "keep each function once")
            seen.add(value)

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, f"'{schema.name}'" if schema.name else "a schema")
