from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import filter_functions


class FilterFunctionsPropertyEmpty(Rule):
    """``x-ms-capabilities.filterFunctions``, when present, must list at least one function.

    The list tells Power Apps which filter functions it may delegate to the service for this
    column; an empty list says nothing. Remove it when the column cannot be filtered.

    Passing example::

        definitions:
          Row:
            type: object
            properties:
              name: {type: string, x-ms-capabilities: {filterFunctions: [eq]}}

    Failing example::

        definitions:
          Row:
            type: object
            properties:
              name: {type: string, x-ms-capabilities: {filterFunctions: []}}

    Reports: /definitions/Row/properties/name/x-ms-capabilities/filterFunctions

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: name, in: query, type: string, x-ms-capabilities: {filterFunctions: []}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-capabilities/filterFunctions
    """

    code = "FilterFunctionsPropertyEmpty"
    severity = Severity.ERROR
    summary = "a 'filterFunctions' list is not empty"
    keys = node_keys("x-ms-capabilities")

    def _check(self, ctx, node, pointer, label):
        found = filter_functions(node)
        if found and found[1] == []:
            ctx.report(pointer + found[0], f"the 'filterFunctions' property of {label} is empty",
                       "list at least one supported function (e.g. eq), or remove 'filterFunctions'")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, f"'{schema.name}'" if schema.name else "a schema")
