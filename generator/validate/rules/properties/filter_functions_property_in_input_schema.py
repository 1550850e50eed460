"""FilterFunctionsPropertyInInputSchema (``InputDefinitions`` and ``filter_functions`` are in
``_helpers``)."""

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import InputDefinitions, filter_functions


class FilterFunctionsPropertyInInputSchema(Rule):
    """``filterFunctions`` (in ``x-ms-capabilities``) belongs only in response schemas.

    ``x-ms-capabilities.filterFunctions`` on a property tells Power Apps which filter functions
    (``eq``, ``startswith`` ...) the service can apply to that column of a returned table, so
    filtering can be delegated to it. It describes results; on a request parameter or body
    (including a definition that a body uses) it has no meaning.

    Passing example::

        paths:
          /rows:
            get:
              operationId: ListRows
              responses:
                '200':
                  description: OK
                  schema:
                    type: array
                    items:
                      type: object
                      properties:
                        name: {type: string, x-ms-capabilities: {filterFunctions: [eq, startswith]}}

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
                      name: {type: string, x-ms-capabilities: {filterFunctions: [eq]}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1rows/post/parameters/0/schema/properties/name/x-ms-capabilities/filterFunctions
    """

    code = "FilterFunctionsPropertyInInputSchema"
    severity = Severity.ERROR
    summary = "'filterFunctions' only appears in response schemas"
    # ``$ref`` feeds InputDefinitions; the check itself needs x-ms-capabilities.
    keys = {"schema": frozenset({"x-ms-capabilities", "$ref"}),
            "parameter": frozenset({"x-ms-capabilities"})}

    def __init__(self):
        self.inputs = InputDefinitions()
        self.in_definitions: list = []

    def _report(self, ctx, pointer, label):
        ctx.report(pointer, f"the 'filterFunctions' property of {label} is in an input schema; it "
                            f"must be in the response schema",
                   "move x-ms-capabilities.filterFunctions to the matching property of the response "
                   "schema, or remove it")

    def parameter(self, ctx, param):
        found = filter_functions(param.node)
        if found:
            self._report(ctx, param.pointer + found[0], f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self.inputs.see(schema)
        found = filter_functions(schema.node)
        if not found:
            return
        if schema.direction == "input":
            self._report(ctx, schema.pointer + found[0], _label(schema))
        elif schema.direction == "definition":
            self.in_definitions.append((schema, found[0]))

    def finish(self, ctx):
        reached = self.inputs.reached()
        for schema, suffix in self.in_definitions:
            if self.inputs.is_input(schema, reached):
                self._report(ctx, schema.pointer + suffix, _label(schema))


def _label(schema) -> str:
    return f"'{schema.name}'" if schema.name else "a schema"
