from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import filter_functions

#: The operator names of Power Platform's delegation metadata (as Power Fx reads them).
SUPPORTED = ("eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "contains", "indexof",
             "substringof", "startswith", "endswith", "length", "tolower", "toupper", "trim",
             "year", "month", "day", "hour", "minute", "second", "date", "null", "sum", "min",
             "max", "average", "count", "countdistinct", "add", "sub", "mul", "div", "cdsin",
             "top", "astype", "arraylookup", "distinct")


class FilterFunctionsPropertyInvalidValue(Rule):
    """Every ``filterFunctions`` entry must be a filter function the platform knows.

    Power Apps reads ``x-ms-capabilities.filterFunctions`` as delegation metadata: OData-style
    operator names such as ``eq``, ``ne``, ``lt``, ``and``, ``startswith``, ``contains``,
    ``tolower``, ``year``. An unknown name (``equals``, ``like``) is not understood, so filters
    that use it are not delegated. Names are compared case-insensitively.

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
              name: {type: string, x-ms-capabilities: {filterFunctions: [equals]}}

    Reports: /definitions/Row/properties/name/x-ms-capabilities/filterFunctions/0

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: name, in: query, type: string, x-ms-capabilities: {filterFunctions: [equals]}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-capabilities/filterFunctions/0
    """

    code = "FilterFunctionsPropertyInvalidValue"
    severity = Severity.ERROR
    summary = "'filterFunctions' entries are supported filter function names"
    keys = node_keys("x-ms-capabilities")

    def _check(self, ctx, node, pointer, label):
        found = filter_functions(node)
        if not found or not isinstance(found[1], list):
            return
        for index, value in enumerate(found[1]):
            if isinstance(value, str) and value.strip().lower() in SUPPORTED:
                continue
            ctx.report(f"{pointer}{found[0]}/{index}",
                       f"the 'filterFunctions' property of {label} lists {value!r}; supported values "
                       f"are: {', '.join(SUPPORTED)}",
                       "use one of the supported function names, or remove the entry")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, f"'{schema.name}'" if schema.name else "a schema")
