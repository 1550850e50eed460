from generator.findings import Severity
from generator.validate.rule import Rule

MAX_SCHEMAS = 512


def _children(node):
    props = node.get("properties")
    if isinstance(props, dict):
        yield from props.values()
    items = node.get("items")
    if isinstance(items, dict):
        yield items
    elif isinstance(items, list):
        yield from items
    if isinstance(node.get("additionalProperties"), dict):
        yield node["additionalProperties"]
    if isinstance(node.get("allOf"), list):
        yield from node["allOf"]


def count_schemas(ctx, root, start_refs=frozenset(), cap=MAX_SCHEMAS + 1) -> int:
    """Schemas in ``root`` with definition references expanded in place; a reference already
    being expanded on the current path (recursion) is not expanded again. Stops at ``cap``."""
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
                active.add(ref)
                stack.append((True, ref))
                stack.append((False, ctx.resolve(ref)))
            continue
        count += 1
        stack.extend((False, child) for child in _children(item))
    return count


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
    """

    code = "BodySchemaCountExceedsMaxAllowed"
    severity = Severity.ERROR
    summary = "a body, response or definition schema expands to at most 512 schemas"

    def schema(self, ctx, schema):
        if schema.role not in ("definition", "body", "response") or "$ref" in schema.node:
            return
        start = frozenset()
        if schema.role == "definition":
            start = frozenset({"#/definitions/" + schema.name.replace("~", "~0").replace("/", "~1")})
        if count_schemas(ctx, schema.node, start) > MAX_SCHEMAS:
            if schema.role == "definition":
                what = f"definition '{schema.name}'"
            else:
                owner = schema.operation.label if schema.operation else "a shared element"
                what = f"the {schema.role} schema of {owner}"
            ctx.report(schema.pointer,
                       f"{what} holds more than {MAX_SCHEMAS} schemas (references expanded)",
                       "remove properties the connector does not need, or split the object "
                       "(x-ms-dynamic-schema can supply large shapes at run time)")
