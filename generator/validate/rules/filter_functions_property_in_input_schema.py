"""FilterFunctionsPropertyInInputSchema, plus ``InputDefinitions`` (which definitions are used by an
input schema) and ``filter_functions`` shared by the filterFunctions rules."""

from generator.findings import Severity, unescape_token
from generator.validate.rule import Rule


def filter_functions(node) -> tuple[str, object] | None:
    """(pointer suffix, value) of ``x-ms-capabilities.filterFunctions`` on a node, if present."""
    caps = node.get("x-ms-capabilities") if isinstance(node, dict) else None
    if isinstance(caps, dict) and "filterFunctions" in caps:
        return "/x-ms-capabilities/filterFunctions", caps["filterFunctions"]
    return None


def _definition_of_ref(ref) -> str | None:
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return unescape_token(ref[len("#/definitions/"):].split("/")[0])
    return None


def definition_of_pointer(pointer: str) -> str | None:
    """The definition a pointer lies in (``/definitions/<name>/...``), or None."""
    if pointer.startswith("/definitions/"):
        return unescape_token(pointer.split("/")[2])
    return None


class InputDefinitions:
    """Collects, from the schema handler, which ``#/definitions`` an input schema reaches
    through ``$ref`` (directly or through other definitions). Call ``see`` for every schema and
    ``reached`` in ``finish``."""

    def __init__(self):
        self.roots: set[str] = set()
        self.edges: dict[str, set[str]] = {}

    def see(self, schema) -> None:
        target = _definition_of_ref(schema.node.get("$ref"))
        if target is None:
            return
        if schema.direction == "input":
            self.roots.add(target)
        elif schema.direction == "definition":
            source = definition_of_pointer(schema.pointer)
            if source is not None:
                self.edges.setdefault(source, set()).add(target)

    def reached(self) -> set[str]:
        seen: set[str] = set()
        stack = list(self.roots)
        while stack:
            name = stack.pop()
            if name not in seen:
                seen.add(name)
                stack.extend(self.edges.get(name, ()))
        return seen

    def is_input(self, schema, reached: set[str]) -> bool:
        if schema.direction == "input":
            return True
        return schema.direction == "definition" and definition_of_pointer(schema.pointer) in reached


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
    """

    code = "FilterFunctionsPropertyInInputSchema"
    severity = Severity.ERROR
    summary = "'filterFunctions' only appears in response schemas"

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
