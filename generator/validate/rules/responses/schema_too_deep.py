from generator.findings import Severity, unescape_token
from generator.validate.rule import Rule
from generator.validate.rules.responses._helpers import inline_schemas

#: Assumed limit: Microsoft's message names one but its documentation does not give the value.
MAX_DEPTH = 32
_CAP = MAX_DEPTH + 1


def _definition_name(ref):
    if isinstance(ref, str) and ref.startswith("#/definitions/") and ref.count("/") == 2:
        return unescape_token(ref[len("#/definitions/"):])
    return None


def _shape(ctx, root):
    """(deepest inline level, [(level of a $ref minus one, definition name)]) of one schema,
    looking only at what is written inline (references are recorded, not followed) and only
    ``_CAP`` levels deep."""
    inline = inline_schemas(ctx, root)
    refs = []
    for level, ref in inline.level_refs:
        name = _definition_name(ref) if level <= _CAP + 1 else None
        if name is not None:
            refs.append((level - 1, name))
    return min(inline.deepest, _CAP + 1), refs


class SchemaTooDeep(Rule):
    """A schema, with its ``$ref`` definitions expanded, may nest only so deep.

    The designer flattens a schema into nested fields; beyond a certain depth of object/array
    nesting (counting referenced definitions, recursive references expanded once) Microsoft
    refuses it. Microsoft does not publish the limit; we assume 32 levels, about twice the
    deepest certified connector (15).

    Passing example::

        definitions:
          Pet: {type: object, properties: {tags: {type: array, items: {type: string}}}}

    Failing example::

        definitions:
          A: {type: array, items: {items: {items: {items: {items: {items: {items: {items: {
              $ref: '#/definitions/B'}}}}}}}}}
          B: {type: array, items: {items: {items: {items: {items: {items: {items: {items: {
              $ref: '#/definitions/C'}}}}}}}}}
          C: {type: array, items: {items: {items: {items: {items: {items: {items: {items: {
              $ref: '#/definitions/D'}}}}}}}}}
          D: {type: array, items: {items: {items: {items: {items: {items: {items: {items: {
              type: string}}}}}}}}}

    Reports: /definitions/A
    """

    code = "SchemaTooDeep"
    severity = Severity.ERROR
    summary = "schemas nest at most 32 levels deep, references included (assumed limit)"
    schema_roles = frozenset({"definition", "body", "response"})

    def __init__(self):
        self.definitions: dict = {}   # name -> shape
        self.roots: list = []         # (pointer, label, shape, is_definition)

    def schema(self, ctx, schema):
        if schema.role not in ("definition", "body", "response") or "$ref" in schema.node:
            return
        shape = _shape(ctx, schema.node)
        if schema.role == "definition":
            self.definitions[schema.name] = shape
            label = f"definition '{schema.name}'"
        else:
            owner = schema.operation.label if schema.operation else "a shared element"
            label = f"the {schema.role} schema of {owner}"
        self.roots.append((schema.pointer, label, shape))

    def _depths(self) -> dict:
        """Depth of every definition with references expanded; a reference back into the
        chain being computed counts as a leaf (iterative, so long chains cannot overflow)."""
        depths: dict = {}
        for start in self.definitions:
            if start in depths:
                continue
            stack, active = [(start, False)], set()
            while stack:
                name, done = stack.pop()
                if not done:
                    if name in depths or name in active:
                        continue
                    active.add(name)
                    stack.append((name, True))
                    for _, target in self.definitions[name][1]:
                        if target in self.definitions and target not in depths \
                                and target not in active:
                            stack.append((target, False))
                else:
                    active.discard(name)
                    deepest, refs = self.definitions[name]
                    for offset, target in refs:
                        deepest = max(deepest, offset + depths.get(target, 0))
                    depths[name] = min(deepest, _CAP)
        return depths

    def finish(self, ctx):
        depths = self._depths()
        for pointer, label, (deepest, refs) in self.roots:
            for offset, target in refs:
                deepest = max(deepest, offset + depths.get(target, 0))
            if deepest > MAX_DEPTH:
                ctx.report(pointer, f"{label} nests deeper than {MAX_DEPTH} levels "
                                    "(references included)",
                           "flatten the schema or cut nested objects the connector does not need")
