"""Helpers only the responses rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# --- Schema trees written inline -----------------------------------------------------------------

@dataclass(frozen=True)
class InlineSchemas:
    """One schema tree as written (references recorded, not followed): what the size and depth
    rules need, worked out in one pass per tree and connector (``inline_schemas``)."""

    count: int          # schema objects, a ``"$ref": null`` member counting as no reference
    refs: tuple         # the string ``$ref`` values met, with repeats
    deepest: int        # the deepest level (the root is 1) of an object without a ``$ref`` member
    level_refs: tuple   # (level, $ref value) of each object with a ``$ref`` member above such
                        # objects, in depth-first order (children pushed in ``_push`` order)


def inline_schemas(ctx, node: Any) -> InlineSchemas:
    if not isinstance(node, dict):
        return InlineSchemas(0, (), 0, ())
    return ctx.memo(("inline-schemas", id(node)), lambda _: _inline_schemas(node))


def _inline_schemas(root: dict) -> InlineSchemas:
    count, deepest, refs, level_refs = 0, 0, [], []
    stack = [(root, 1, True)]  # (node, level, below no object with a "$ref" member)
    while stack:
        node, level, plain = stack.pop()
        if not isinstance(node, dict):
            continue
        if "$ref" in node:
            ref = node["$ref"]
            if plain:
                level_refs.append((level, ref))
            if ref is not None:
                if isinstance(ref, str):
                    refs.append(ref)
                continue
            plain = False  # counted as a schema, but no longer plain
        count += 1
        if plain and level > deepest:
            deepest = level
        _push(stack, node, level + 1, plain)
    return InlineSchemas(count, tuple(refs), deepest, tuple(level_refs))


def _push(stack: list, node: dict, level: int, plain: bool) -> None:
    """Push the sub-schemas of a schema: properties, items, additionalProperties, allOf, in that
    order. Plain loops: this runs on every schema of a corpus."""
    props = node.get("properties")
    if isinstance(props, dict):
        stack.extend([(child, level, plain) for child in props.values()])
    items = node.get("items")
    if isinstance(items, dict):
        stack.append((items, level, plain))
    elif isinstance(items, list):
        stack.extend([(child, level, plain) for child in items])
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        stack.append((extra, level, plain))
    parts = node.get("allOf")
    if isinstance(parts, list):
        stack.extend([(child, level, plain) for child in parts])
