"""Helpers only the operations rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.validate.rules._common import NOTIFICATION_WALK_DEPTH, effective_parameters, unmarked_reference

# --- JSON values ----------------------------------------------------------------------------------

def canonical(value) -> str:
    """A key that tells JSON values apart exactly (``1``, ``1.0``, ``true`` and ``"1"`` differ)."""
    return json.dumps(value, sort_keys=True, default=str)


# --- x-ms-enum-values -----------------------------------------------------------------------------

def enum_values_entries(node):
    """(index, entry) for each object entry of a node's x-ms-enum-values list."""
    entries = node.get("x-ms-enum-values") if isinstance(node, dict) else None
    if not isinstance(entries, list):
        return []
    return [(index, entry) for index, entry in enumerate(entries) if isinstance(entry, dict)]


# --- Operation families, revisions and status (x-ms-api-annotation) -------------------------------

@dataclass(frozen=True)
class FamilyMember:
    op: object            # the traversal's Operation
    revision: str         # '' when the annotation gives none
    status: str           # lower-cased x-ms-api-annotation status, '' when absent

    @property
    def active(self) -> bool:
        return self.op.node.get("deprecated") is not True

    @property
    def pointer(self) -> str:
        return self.op.pointer + "/x-ms-api-annotation"


def families(ctx) -> dict[str, list[FamilyMember]]:
    """Operations grouped by ``x-ms-api-annotation.family``, in document order."""
    found: dict[str, list[FamilyMember]] = {}
    for op in ctx.operations:
        annotation = op.node.get("x-ms-api-annotation")
        if not isinstance(annotation, dict):
            continue
        family = annotation.get("family")
        if not isinstance(family, str) or not family.strip():
            continue
        revision = annotation.get("revision")
        revision = "" if revision is None or isinstance(revision, (dict, list)) else str(revision).strip()
        status = annotation.get("status")
        status = status.strip().lower() if isinstance(status, str) else ""
        found.setdefault(family, []).append(FamilyMember(op, revision, status))
    return found


def labels(members) -> str:
    return ", ".join(m.op.label for m in members)


def replacement_of(op):
    """The ``replacement`` object of an operation's x-ms-api-annotation, or None."""
    annotation = op.node.get("x-ms-api-annotation")
    if not isinstance(annotation, dict):
        return None
    return annotation.get("replacement")


# --- Parameter lists ------------------------------------------------------------------------------

def parameter_key(param: dict) -> tuple | None:
    """A parameter's identity in Swagger 2.0: name and location (header names ignore case)."""
    name, location = param.get("name"), param.get("in")
    if not isinstance(name, str) or not isinstance(location, str):
        return None
    return (name.lower() if location == "header" else name, location)


def duplicates(ctx, params) -> list[tuple[int, dict, int]]:
    """(index, resolved parameter, index of its first occurrence) for each repeated name+location.
    Entries that are exactly identical to an earlier one (a repeated item) are left out: that is
    OperationParametersAreNotUnique's finding."""
    found = []
    first: dict[tuple, int] = {}
    if not isinstance(params, list):
        return found
    for index, raw in enumerate(params):
        param = ctx.deref(raw)
        if not isinstance(param, dict):
            continue
        key = parameter_key(param)
        if key is None:
            continue
        if key in first:
            if raw != params[first[key]]:
                found.append((index, param, first[key]))
        else:
            first[key] = index
    return found


def body_indexes(ctx, params) -> list[int]:
    if not isinstance(params, list):
        return []
    return [i for i, raw in enumerate(params)
            if isinstance(ctx.deref(raw), dict) and ctx.deref(raw).get("in") == "body"]


# --- MIME types -----------------------------------------------------------------------------------

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def media_type(value) -> str:
    """``'Application/JSON; charset=utf-8'`` → ``'application/json'`` ('' for non-strings)."""
    return value.split(";")[0].strip().lower() if isinstance(value, str) else ""


def effective_consumes(ctx, op) -> tuple[list[str], str]:
    """The MIME types an operation consumes (its own list overrides the document's) and the
    pointer of the list they come from ('' when neither is given)."""
    if "consumes" in op.node:
        value, pointer = op.node.get("consumes"), op.pointer + "/consumes"
    elif isinstance(ctx.swagger, dict) and "consumes" in ctx.swagger:
        value, pointer = ctx.swagger.get("consumes"), "/consumes"
    else:
        return [], ""
    types = [media_type(v) for v in value] if isinstance(value, list) else []
    return [t for t in types if t], pointer


# --- Webhooks: x-ms-notification-content and inputs marked x-ms-notification-url ------------------

def has_notification_content(op) -> bool:
    """x-ms-notification-content on the operation or, as connectors usually place it, its path."""
    return ("x-ms-notification-content" in op.node
            or "x-ms-notification-content" in op.path_item.node)


def _marked(node) -> bool:
    value = node.get("x-ms-notification-url")
    return value is True or (isinstance(value, str) and value.lower() == "true")


def notification_url_inputs(ctx, op) -> list[str]:
    """Names (``param`` or ``param/prop/...``) of the operation's inputs marked
    x-ms-notification-url, looking through body schemas and their ``$ref``s."""
    if "x-ms-notification-url" not in ctx.document_keys:
        return []  # most connectors: no schema walk at all
    return ctx.memo(("notification-url-inputs", op.pointer), lambda _: _notification_url_inputs(ctx, op))


def _notification_url_inputs(ctx, op) -> list[str]:
    found: list[str] = []
    for param, _ in effective_parameters(ctx, op):
        name = str(param.get("name", ""))
        if _marked(param):
            found.append(name)
        if param.get("in") == "body":
            _collect_marked(ctx, param.get("schema"), name, found, set(), 0)
    return found


def _collect_marked(ctx, node, path: str, found: list[str], active: set[int], depth: int) -> None:
    if unmarked_reference(ctx, node):
        return
    node = ctx.deref(node)
    if not isinstance(node, dict) or id(node) in active or depth > NOTIFICATION_WALK_DEPTH:
        return
    active.add(id(node))
    props = node.get("properties")
    for name, sub in (props.items() if isinstance(props, dict) else ()):
        target = ctx.deref(sub)
        if isinstance(target, dict) and _marked(target):
            found.append(f"{path}/{name}")
        _collect_marked(ctx, sub, f"{path}/{name}", found, active, depth + 1)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            _collect_marked(ctx, node[key], path, found, active, depth + 1)
    parts = node.get("allOf")
    for sub in parts if isinstance(parts, list) else ():
        _collect_marked(ctx, sub, path, found, active, depth + 1)
    active.discard(id(node))


def is_webhook(ctx, op) -> bool:
    """A webhook operation registers a callback: one of its inputs takes the notification URL, or
    it is a trigger whose payload x-ms-notification-content describes (the definition
    WebhookOperationsMissingNotificationUrlProperty uses)."""
    if "x-ms-trigger" in op.node and has_notification_content(op):
        return True
    return bool(notification_url_inputs(ctx, op))
