from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.responses._helpers import inline_schemas

MAX_SCHEMAS = 512


_CAP = MAX_SCHEMAS + 1


class _ReferenceSizes:
    """Per connector: the expanded size (capped) of each reference whose expansion reaches no
    loop. Such a size is the same wherever the reference occurs (no reference being expanded
    around it can occur inside it, or there would be a loop), so it is worked out once."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.sizes: dict[str, int] = {}
        self.looping: set[str] = set()

    def size(self, ref: str) -> int | None:
        """The capped expanded size of ``ref``, or None when its expansion reaches a loop."""
        if ref not in self.sizes and ref not in self.looping:
            self._solve(ref)
        return self.sizes.get(ref)

    def _inline(self, ref: str) -> tuple[int, tuple[str, ...]]:
        """Schemas written inline in the target of ``ref``, and the references among them."""
        inline = inline_schemas(self.ctx, self.ctx.resolve(ref))
        return inline.count, inline.refs

    def _solve(self, root: str) -> None:
        # Iterative depth-first search; a reference on the current path is a loop.
        on_path: set[str] = set()
        work = [(root, *self._inline(root))]
        on_path.add(root)
        while work:
            ref, count, refs = work[-1]
            pending = next((r for r in refs if r not in self.sizes and r not in self.looping), None)
            if pending is not None and pending not in on_path:
                on_path.add(pending)
                work.append((pending, *self._inline(pending)))
                continue
            work.pop()
            on_path.discard(ref)
            if pending is not None or any(r in self.looping for r in refs):
                self.looping.add(ref)
            else:
                self.sizes[ref] = min(_CAP, count + sum(self.sizes[r] for r in refs))


def count_schemas(ctx, root, start_refs=frozenset(), cap=_CAP) -> int:
    """Schemas in ``root`` with definition references expanded in place; a reference already
    being expanded on the current path (recursion) is not expanded again. Stops at ``cap``."""
    sizes = ctx.memo(_ReferenceSizes, _ReferenceSizes)
    inline = inline_schemas(ctx, root)
    known = [sizes.size(ref) for ref in inline.refs if ref not in start_refs]
    if len(known) == len(inline.refs) and None not in known:
        return min(cap, inline.count + sum(known))  # no loop below: no need to walk again
    count = 0
    active = set(start_refs)
    stack = [(False, root)]
    while stack and count < cap:
        leaving, item = stack.pop()
        if leaving:
            active.discard(item)
            continue
        if not isinstance(item, dict):
            continue
        ref = item.get("$ref")
        if ref is not None:
            if isinstance(ref, str) and ref not in active:
                known = sizes.size(ref)
                if known is not None:
                    count += known
                    continue
                active.add(ref)
                stack.append((True, ref))
                stack.append((False, ctx.resolve(ref)))
            continue
        count += 1
        children: list = []
        _push_children(children, item)
        stack.extend((False, child) for child in children)
    return min(count, cap)


def _push_children(stack: list, node: dict) -> None:
    """Push the sub-schemas written inline in a schema (properties, items, additionalProperties,
    allOf). Plain loops: this runs on every schema of a corpus."""
    props = node.get("properties")
    if isinstance(props, dict):
        stack.extend(props.values())
    items = node.get("items")
    if isinstance(items, dict):
        stack.append(items)
    elif isinstance(items, list):
        stack.extend(items)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        stack.append(extra)
    parts = node.get("allOf")
    if isinstance(parts, list):
        stack.extend(parts)


class BodySchemaCountExceedsMaxAllowed(Rule):
    """One body, response or definition schema may hold at most 512 schemas.

    The platform counts every property, item and allOf schema of an object, with ``$ref``
    definitions expanded in place (recursive references are expanded once), and refuses objects
    above 512 (limit as reported by Microsoft's import error, e.g. PowerPlatformConnectors issue
    #1088). The largest certified definition counted this way has 478. A body or response that
    is just a ``$ref`` is judged at the referenced definition.

    Passing example::

        definitions:
          Small: {type: object, properties: {a: {type: string}}}

    Failing example::

        definitions:
          Leaf:
            type: object
            properties: {a: {type: string}, b: {type: string}, c: {type: string},
                         d: {type: string}, e: {type: string}, f: {type: string},
                         g: {type: string}, h: {type: string}}
          Level1:
            type: object
            properties: {a: {$ref: '#/definitions/Leaf'}, b: {$ref: '#/definitions/Leaf'},
                         c: {$ref: '#/definitions/Leaf'}, d: {$ref: '#/definitions/Leaf'},
                         e: {$ref: '#/definitions/Leaf'}, f: {$ref: '#/definitions/Leaf'},
                         g: {$ref: '#/definitions/Leaf'}, h: {$ref: '#/definitions/Leaf'}}
          Level2:
            type: object
            properties: {a: {$ref: '#/definitions/Level1'}, b: {$ref: '#/definitions/Level1'},
                         c: {$ref: '#/definitions/Level1'}, d: {$ref: '#/definitions/Level1'},
                         e: {$ref: '#/definitions/Level1'}, f: {$ref: '#/definitions/Level1'},
                         g: {$ref: '#/definitions/Level1'}, h: {$ref: '#/definitions/Level1'}}

    Reports: /definitions/Level2
    """

    code = "BodySchemaCountExceedsMaxAllowed"
    severity = Severity.ERROR
    summary = "a body, response or definition schema expands to at most 512 schemas"
    schema_roles = frozenset({"definition", "body", "response"})

    def schema(self, ctx, schema):
        if schema.role not in ("definition", "body", "response") or "$ref" in schema.node:
            return
        if schema.role == "definition":
            own = "#/definitions/" + schema.name.replace("~", "~0").replace("/", "~1")
            # A definition outside any loop: its size is the one its references use.
            count = ctx.memo(_ReferenceSizes, _ReferenceSizes).size(own)
            if count is None:
                count = count_schemas(ctx, schema.node, frozenset({own}))
        else:
            count = count_schemas(ctx, schema.node)
        if count > MAX_SCHEMAS:
            if schema.role == "definition":
                what = f"definition '{schema.name}'"
            else:
                owner = schema.operation.label if schema.operation else "a shared element"
                what = f"the {schema.role} schema of {owner}"
            ctx.report(schema.pointer,
                       f"{what} holds more than {MAX_SCHEMAS} schemas (references expanded)",
                       "remove properties the connector does not need, or split the object "
                       "(x-ms-dynamic-schema can supply large shapes at run time)")
