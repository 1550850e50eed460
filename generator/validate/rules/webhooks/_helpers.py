"""Helpers only the webhooks rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.findings import escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import (
    NOTIFICATION_WALK_DEPTH,
    effective_parameters,
    is_internal,
    unmarked_reference,
)

# --- Inputs marked x-ms-notification-url and the chains that reach them ---------------------------

def marks_notification_url(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    value = node.get("x-ms-notification-url")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@dataclass(frozen=True)
class NotificationUrlInput:
    """One input of an operation marked x-ms-notification-url, with what holds on its way down."""

    name: str             # ``param`` or ``param/prop/...``
    node: dict            # the marked parameter or (dereferenced) property schema
    pointer: str          # where the marked node is written (a definition when reached by $ref)
    internal: bool        # the node or one of its parents is x-ms-visibility: internal
    required: bool        # required at every step from the parameter down
    not_required_at: str  # the first step that is optional ("" when required all the way)


def _follow(ctx, node: Any, pointer: str) -> tuple[Any, str]:
    """``node`` with its ``$ref`` chain followed, and the pointer of what it finally is."""
    for _ in range(20):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            break
        ref = node["$ref"]
        if unmarked_reference(ctx, node):
            return None, pointer  # nothing marked down there: not worth walking
        node = ctx.resolve(ref)
        pointer = ref[1:] if ref.startswith("#/") else pointer
    return node, pointer


def notification_url_chains(ctx, op) -> list[NotificationUrlInput]:
    """Every input of ``op`` marked x-ms-notification-url: a parameter, or a property anywhere in
    the body schema (references followed, loops cut). Worked out once per operation for all the
    rules that judge these inputs."""
    if "x-ms-notification-url" not in ctx.document_keys:
        return []  # most connectors: no schema walk at all
    return ctx.memo(("notification-url-chains", op.pointer), lambda _: list(_chains(ctx, op)))


def _chains(ctx, op) -> Iterator[NotificationUrlInput]:
    for param, pointer in effective_parameters(ctx, op):
        name = str(param.get("name", ""))
        internal = is_internal(param)
        if marks_notification_url(param):
            required = param.get("required") is True
            yield NotificationUrlInput(name, param, pointer, internal, required,
                                       "" if required else name)
        if param.get("in") == "body":
            # The body parameter's own ``required`` flag is not judged: accepted connectors
            # routinely leave it out, and the platform sends the body whenever a property of it
            # is required.
            schema, at = _follow(ctx, param.get("schema"), pointer + "/schema")
            yield from _walk(ctx, schema, at, name, internal or is_internal(schema), True, "",
                             set(), 0)


def _walk(ctx, node: Any, pointer: str, path: str, internal: bool, required: bool,
          not_required_at: str, active: set, depth: int) -> Iterator[NotificationUrlInput]:
    if not isinstance(node, dict) or id(node) in active or depth > NOTIFICATION_WALK_DEPTH:
        return
    active.add(id(node))
    yield from _properties(ctx, node, pointer, path, internal, required, not_required_at,
                           set(_names(node.get("required"))), active, depth)
    # An array element or a map value is not a step of its own for "internal"/"required".
    for key in ("items", "additionalProperties"):
        sub, at = _follow(ctx, node.get(key), f"{pointer}/{key}")
        if isinstance(sub, dict):
            yield from _walk(ctx, sub, at, path, internal or is_internal(sub), required,
                             not_required_at, active, depth + 1)
    parts = node.get("allOf")
    for index, part in enumerate(parts if isinstance(parts, list) else ()):
        sub, at = _follow(ctx, part, f"{pointer}/allOf/{index}")
        if isinstance(sub, dict):
            # ``required`` of the composing schema also names properties defined in its parts
            extra = set(_names(node.get("required")))
            yield from _properties(ctx, sub, at, path, internal or is_internal(sub), required,
                                   not_required_at, extra | set(_names(sub.get("required"))),
                                   active, depth + 1)
    active.discard(id(node))


def _properties(ctx, node, pointer, path, internal, required, not_required_at, required_names,
                active, depth) -> Iterator[NotificationUrlInput]:
    props = node.get("properties")
    for name, raw in (props.items() if isinstance(props, dict) else ()):
        sub, at = _follow(ctx, raw, f"{pointer}/properties/{escape_token(name)}")
        if not isinstance(sub, dict):
            continue
        sub_path = f"{path}/{name}"
        sub_required = required and name in required_names
        sub_not_required_at = not_required_at or ("" if sub_required else sub_path)
        sub_internal = internal or is_internal(sub)
        if marks_notification_url(sub):
            yield NotificationUrlInput(sub_path, sub, at, sub_internal, sub_required,
                                       sub_not_required_at)
        yield from _walk(ctx, sub, at, sub_path, sub_internal, sub_required, sub_not_required_at,
                         active, depth + 1)


def _names(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class NotificationUrlRule(Rule):
    """Base for rules that judge each input marked x-ms-notification-url: subclasses define
    ``check(ctx, op, found)``; a node shared by several operations is reported once."""

    def __init__(self):
        self.reported: set[str] = set()

    def operation(self, ctx, op):
        for found in notification_url_chains(ctx, op):
            if found.pointer not in self.reported and self.check(ctx, op, found):
                self.reported.add(found.pointer)

    def check(self, ctx, op, found: NotificationUrlInput) -> bool:
        raise NotImplementedError
