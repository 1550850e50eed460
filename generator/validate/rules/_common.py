"""Helpers two or more rule families truly share: node-key declarations (``node_keys``), describing
schemas and parameters in messages, JSON types, reference shapes, effective parameters, internal
parameters, and which references can reach an x-ms-notification-url marker (operations' and
webhooks' notification-URL walks).

A helper that only one family uses belongs in that family's ``_helpers.py``, not here; when a
second family needs one, move it here. This module defines no rule (rule discovery skips modules
whose name starts with "_")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from generator.findings import unescape_token

NODE_KINDS = ("schema", "parameter")


def node_keys(*names: str, kinds: tuple[str, ...] = NODE_KINDS) -> dict[str, frozenset[str]]:
    """A ``Rule.keys`` declaration: the handlers of ``kinds`` need nodes having one of ``names``."""
    wanted = frozenset(names)
    return {kind: wanted for kind in kinds}


def describe_schema(schema) -> str:
    """How a message names a schema node of the traversal."""
    if schema.role == "definition":
        where = f"definition '{schema.name}'"
    elif schema.role in ("property", "header") and schema.name:
        where = f"{'header' if schema.role == 'header' else 'property'} '{schema.name}'"
    elif schema.role == "body":
        where = f"the schema of body parameter '{schema.name}'" if schema.name else "a body schema"
    elif schema.role == "response":
        where = "a response schema"
    elif schema.role in ("items", "parameter-items"):
        where = "an array's items"
    else:
        where = "a schema"
    if schema.operation is not None:
        where += f" of operation {schema.operation.label}"
    return where


def describe_parameter(param) -> str:
    where = f"parameter '{param.name}'"
    if param.operation is not None:
        where += f" of operation {param.operation.label}"
    return where


def json_type(value) -> str:
    """The JSON type name of a parsed value (``integer`` for whole numbers written without a
    fraction)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def fits_json_type(declared: str, value) -> bool:
    """Does ``value`` have the JSON type ``declared``? ``null`` always fits (no value); a whole
    number fits ``integer`` and any number fits ``number``. Strings never fit another type."""
    actual = json_type(value)
    if actual == declared or actual == "null":
        return True
    if declared == "number":
        return actual == "integer"
    if declared == "integer":
        return actual == "number" and float(value).is_integer()
    return False


#: JSON Schema / OpenAPI 3 keywords that a Swagger 2.0 schema object does not have.
NOT_IN_SWAGGER_SCHEMA = ("oneOf", "anyOf", "not", "nullable", "const", "patternProperties",
                         "additionalItems", "dependencies", "contains", "propertyNames", "if",
                         "then", "else", "$schema", "$id", "writeOnly", "examples",
                         "contentMediaType", "contentEncoding", "deprecated")


#: Schema-only keywords that a non-body parameter or a response header cannot carry.
SCHEMA_ONLY = ("properties", "additionalProperties", "allOf", "discriminator", "readOnly",
               "xml", "externalDocs", "example", "title", "maxProperties", "minProperties")


# --- References ($ref) ----------------------------------------------------------------------------

_BAD_POINTER = re.compile(r"~(?![01])|%(?![0-9A-Fa-f]{2})")


def reference_shape(ref, kind: str) -> str:
    """'ok' for '#/<kind>/<name>'; 'pointer' for a '#...' fragment that is not a valid JSON
    pointer (JsonPointerNotValid's case); 'kind' for anything else (wrong place, external)."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        return "kind"
    return _reference_shape(ref, kind)


@lru_cache(maxsize=4096)
def _reference_shape(ref: str, kind: str) -> str:
    # Several rules ask about each of the ~25,000 references of a corpus run.
    fragment = ref[1:]
    if fragment and (not fragment.startswith("/") or _BAD_POINTER.search(fragment)):
        return "pointer"
    tokens = fragment.split("/")[1:] if fragment else []
    if len(tokens) != 2 or tokens[0] != kind or not tokens[1]:
        return "kind"
    return "ok"


def target_exists(doc, ref: str, kind: str) -> bool:
    section = doc.get(kind) if isinstance(doc, dict) else None
    if not isinstance(section, dict):
        return False
    name = unescape_token(ref.split("/", 2)[2])
    return name in section or unquote(name) in section


# --- Operation status (x-ms-api-annotation) -------------------------------------------------------

def status_of(annotation) -> str | None:
    if isinstance(annotation, dict) and isinstance(annotation.get("status"), str):
        return annotation["status"].strip().lower()
    return None


# --- Parameter lists ------------------------------------------------------------------------------

def _identity(node: dict) -> tuple[str, str]:
    return repr(node.get("name")), repr(node.get("in"))


def effective_parameters(ctx, op) -> list[tuple[dict, str]]:
    """The parameters that apply to ``op``: its own plus the path item's ones it does not
    override (same name and location), each resolved through ``$ref`` and paired with the
    pointer of the entry that lists it. Worked out once per operation; do not modify the list."""
    return ctx.memo(("effective-parameters", op.pointer), lambda _: _effective_parameters(ctx, op))


def _effective_parameters(ctx, op) -> list[tuple[dict, str]]:
    own: list[tuple[dict, str]] = []
    raw = op.node.get("parameters")
    for index, entry in enumerate(raw if isinstance(raw, list) else ()):
        node = ctx.deref(entry)
        if isinstance(node, dict):
            own.append((node, f"{op.pointer}/parameters/{index}"))
    seen = {_identity(node) for node, _ in own}
    inherited: list[tuple[dict, str]] = []
    raw = op.path_item.node.get("parameters")
    for index, entry in enumerate(raw if isinstance(raw, list) else ()):
        node = ctx.deref(entry)
        if isinstance(node, dict) and _identity(node) not in seen:
            inherited.append((node, f"{op.path_item.pointer}/parameters/{index}"))
    return inherited + own


# --- x-ms-visibility ------------------------------------------------------------------------------

def is_internal(node) -> bool:
    value = node.get("x-ms-visibility") if isinstance(node, dict) else None
    return isinstance(value, str) and value.strip().lower() == "internal"


# --- Webhooks: which references can reach x-ms-notification-url -----------------------------------

NOTIFICATION_WALK_DEPTH = 32


def unmarked_reference(ctx, node: Any) -> bool:
    """True when ``node`` is a reference from which no x-ms-notification-url can be reached, so
    the walks for marked inputs can skip it (instead of expanding a definition per operation)."""
    if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
        return False
    return not ctx.memo(_MarkerReach, _MarkerReach).may_reach(node["$ref"])


class _MarkerReach:
    """Per connector: whether the target of a reference, or anything it references in turn,
    mentions x-ms-notification-url anywhere (a member of any object: a safe over-estimate)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.summaries: dict[str, tuple[bool, set[str]]] = {}
        self.known: dict[str, bool] = {}

    def may_reach(self, ref: str) -> bool:
        if ref in self.known:
            return self.known[ref]
        seen, todo = {ref}, [ref]
        while todo:
            current = todo.pop()
            if self.known.get(current) is True:
                self.known[ref] = True
                return True
            marked, refs = self._summary(current)
            if marked:
                self.known[ref] = True
                return True
            for target in refs - seen:
                if self.known.get(target) is not False:
                    seen.add(target)
                    todo.append(target)
        for current in seen:  # none of them reaches a marker
            self.known[current] = False
        return False

    def _summary(self, ref: str) -> tuple[bool, set[str]]:
        """Whether the target mentions the marker itself, and the references written in it."""
        found = self.summaries.get(ref)
        if found is None:
            marked, refs, stack = False, set(), [self.ctx.resolve(ref)]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    if "x-ms-notification-url" in node:
                        marked = True
                        break
                    if isinstance(node.get("$ref"), str):
                        refs.add(node["$ref"])
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
            found = self.summaries[ref] = (marked, refs)
        return found
