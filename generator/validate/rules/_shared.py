"""What several rule modules share: node-key declarations, describing nodes in messages, and the
per-connector indexes (operations by id, effective parameters, dynamic invocations...).

Rule modules import from here and never from each other. This module defines no rule (rule
discovery skips modules whose name starts with "_")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from generator.findings import escape_token, pointer_of, split_pointer, unescape_token
from generator.validate.rule import Rule
from generator.validate.traversal import Walker

NODE_KINDS = ("schema", "parameter")


def node_keys(*names: str, kinds: tuple[str, ...] = NODE_KINDS) -> dict[str, frozenset[str]]:
    """A ``Rule.keys`` declaration: the handlers of ``kinds`` need nodes having one of ``names``."""
    wanted = frozenset(names)
    return {kind: wanted for kind in kinds}


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


# --- Schema validation keywords (minimum/maximum, lengths, counts, pattern) and naming nodes ------

def number(value: Any) -> float | int | None:
    """``value`` when it is a JSON number (booleans excluded), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


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


class _Where:
    """The name of a node for a message, worked out only when a message is written (most nodes
    never need one, and these rules look at every schema)."""

    __slots__ = ("_describe", "_node")

    def __init__(self, describe, node):
        self._describe, self._node = describe, node

    def __str__(self) -> str:
        return self._describe(self._node)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class SchemaKeywordRule(Rule):
    """Base for rules about JSON-schema validation keywords. They are judged wherever swagger 2.0
    allows them: on every schema (bodies, responses, headers, definitions, properties, items) and
    directly on non-body parameters. Subclasses define ``check(ctx, node, pointer, where)``."""

    def schema(self, ctx, schema):
        self.check(ctx, schema.node, schema.pointer, _Where(describe_schema, schema))

    def parameter(self, ctx, param):
        if param.location != "body":
            self.check(ctx, param.node, param.pointer, _Where(describe_parameter, param))

    def check(self, ctx, node: dict, pointer: str, where: str) -> None:
        raise NotImplementedError


class NonNegativeKeywordRule(SchemaKeywordRule):
    """A count keyword (``keyword``) whose value must not be negative."""

    keyword = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.keys = node_keys(cls.keyword)

    def check(self, ctx, node, pointer, where):
        value = number(node.get(self.keyword))
        if value is not None and value < 0:
            ctx.report(f"{pointer}/{self.keyword}",
                       f"{where} has '{self.keyword}' {value}, which is below zero",
                       f"use a '{self.keyword}' of zero or more, or remove it")


class OrderedKeywordsRule(SchemaKeywordRule):
    """A lower bound keyword (``low``) that must not exceed its upper bound (``high``)."""

    low = ""
    high = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.keys = node_keys(cls.low)  # nothing to compare without the lower bound

    def check(self, ctx, node, pointer, where):
        low, high = number(node.get(self.low)), number(node.get(self.high))
        if low is not None and high is not None and low > high:
            ctx.report(f"{pointer}/{self.low}",
                       f"{where} has '{self.low}' {low}, greater than its '{self.high}' {high}",
                       f"make '{self.low}' less than or equal to '{self.high}' (they may be swapped)")


# --- JSON values ----------------------------------------------------------------------------------

def canonical(value) -> str:
    """A key that tells JSON values apart exactly (``1``, ``1.0``, ``true`` and ``"1"`` differ)."""
    return json.dumps(value, sort_keys=True, default=str)


def element_label(schema) -> str:
    if schema.role == "header":
        return f"response header '{schema.name}'"
    return f"schema '{schema.name}'" if schema.name else "a schema"


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


# --- x-ms-enum-values -----------------------------------------------------------------------------

def enum_values_entries(node):
    """(index, entry) for each object entry of a node's x-ms-enum-values list."""
    entries = node.get("x-ms-enum-values") if isinstance(node, dict) else None
    if not isinstance(entries, list):
        return []
    return [(index, entry) for index, entry in enumerate(entries) if isinstance(entry, dict)]


# --- Keywords by Swagger object -------------------------------------------------------------------

#: Members of a non-body parameter that a body parameter expresses through its ``schema``.
NON_BODY_KEYWORDS = ("type", "format", "items", "collectionFormat", "default", "maximum",
                     "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
                     "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
                     "allowEmptyValue", "properties", "additionalProperties", "allOf", "example",
                     "readOnly", "title")


#: JSON Schema / OpenAPI 3 keywords that a Swagger 2.0 schema object does not have.
NOT_IN_SWAGGER_SCHEMA = ("oneOf", "anyOf", "not", "nullable", "const", "patternProperties",
                         "additionalItems", "dependencies", "contains", "propertyNames", "if",
                         "then", "else", "$schema", "$id", "writeOnly", "examples",
                         "contentMediaType", "contentEncoding", "deprecated")


#: Schema-only keywords that a non-body parameter or a response header cannot carry.
SCHEMA_ONLY = ("properties", "additionalProperties", "allOf", "discriminator", "readOnly",
               "xml", "externalDocs", "example", "title", "maxProperties", "minProperties")


# --- Connector texts and metadata (info, x-ms-connector-metadata, categories) ---------------------

#: The suffix Microsoft prescribes for independent publishers' titles; it does not count
#: against the title's length.
INDEPENDENT_SUFFIX = re.compile(r"\s*\(Independent Publisher\)\s*$", re.IGNORECASE)


def info_text(doc: Any, key: str) -> str | None:
    """``info.<key>`` when it is a string, else None."""
    info = doc.get("info") if isinstance(doc, dict) else None
    value = info.get(key) if isinstance(info, dict) else None
    return value if isinstance(value, str) else None


def connector_title(title: str) -> str:
    """The connector's own name: the title without the independent-publisher suffix."""
    return INDEPENDENT_SUFFIX.sub("", title)


def metadata_entries(doc) -> list[tuple[int, dict]]:
    """(index, entry) of the x-ms-connector-metadata entries that are objects."""
    entries = doc.get("x-ms-connector-metadata") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return []
    return [(index, entry) for index, entry in enumerate(entries) if isinstance(entry, dict)]


def member(entry: dict, name: str):
    """``entry[name]`` looked up case-insensitively (certified connectors write PropertyName)."""
    if name in entry:
        return entry[name]
    for key, value in entry.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return value
    return None


def property_name(entry: dict) -> str | None:
    value = member(entry, "propertyName")
    return value.strip() if isinstance(value, str) else None


def category_entries(doc):
    """(pointer, [category, ...]) for each Categories entry whose value is a string."""
    for index, entry in metadata_entries(doc):
        name = property_name(entry)
        value = member(entry, "propertyValue")
        if name and name.lower() == "categories" and isinstance(value, str):
            key = next((k for k in entry if isinstance(k, str) and k.lower() == "propertyvalue"),
                       "propertyValue")
            names = [part.strip() for part in value.split(";") if part.strip()]
            yield f"/x-ms-connector-metadata/{index}/{key}", names


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


# --- Security requirements ------------------------------------------------------------------------

def requirements(security, base: str):
    """(pointer, scheme name, value) of every entry of a ``security`` list."""
    for index, requirement in enumerate(security if isinstance(security, list) else ()):
        if isinstance(requirement, dict):
            for name, value in requirement.items():
                yield f"{base}/security/{index}" + pointer_of(name), name, value


def scheme_of(ctx, name):
    definitions = ctx.swagger.get("securityDefinitions")
    return definitions.get(name) if isinstance(definitions, dict) else None


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


def status_of(annotation) -> str | None:
    if isinstance(annotation, dict) and isinstance(annotation.get("status"), str):
        return annotation["status"].strip().lower()
    return None


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


# --- Input schemas and filterFunctions ------------------------------------------------------------

def filter_functions(node) -> tuple[str, object] | None:
    """(pointer suffix, value) of ``x-ms-capabilities.filterFunctions`` on a node, if present."""
    caps = node.get("x-ms-capabilities") if isinstance(node, dict) else None
    if isinstance(caps, dict) and "filterFunctions" in caps:
        return "/x-ms-capabilities/filterFunctions", caps["filterFunctions"]
    return None


def _definition_of_ref(ref) -> str | None:
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        return _definition_name(ref)
    return None


@lru_cache(maxsize=4096)
def _definition_name(ref: str) -> str:
    return unescape_token(ref[len("#/definitions/"):].split("/")[0])


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


# --- x-ms-visibility ------------------------------------------------------------------------------

def is_internal(node) -> bool:
    value = node.get("x-ms-visibility") if isinstance(node, dict) else None
    return isinstance(value, str) and value.strip().lower() == "internal"


# --- Webhooks: x-ms-notification-content and inputs marked x-ms-notification-url ------------------

def has_notification_content(op) -> bool:
    """x-ms-notification-content on the operation or, as connectors usually place it, its path."""
    return ("x-ms-notification-content" in op.node
            or "x-ms-notification-content" in op.path_item.node)


_MAX_DEPTH = 32


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
    if _unmarked_reference(ctx, node):
        return
    node = ctx.deref(node)
    if not isinstance(node, dict) or id(node) in active or depth > _MAX_DEPTH:
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
        if _unmarked_reference(ctx, node):
            return None, pointer  # nothing marked down there: not worth walking
        node = ctx.resolve(ref)
        pointer = ref[1:] if ref.startswith("#/") else pointer
    return node, pointer


def _unmarked_reference(ctx, node: Any) -> bool:
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
    if not isinstance(node, dict) or id(node) in active or depth > _MAX_DEPTH:
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


# --- Dynamic extensions: the operations they invoke and the inputs they pass ----------------------

#: Extensions whose ``parameters`` use the first, flat syntax: a plain value is static, and
#: ``{"parameter": name}`` refers to an input of the operation that holds the extension.
LEGACY_EXTENSIONS = ("x-ms-dynamic-values", "x-ms-dynamic-schema")


#: Extensions whose ``parameters`` use the newer syntax: ``{"value": ...}`` is static,
#: ``{"parameterReference": "param/prop"}`` refers to an input by its full path.
PATH_EXTENSIONS = ("x-ms-dynamic-list", "x-ms-dynamic-properties")


TREE_EXTENSION = "x-ms-dynamic-tree"


TREE_STEPS = ("open", "browse")


@dataclass(frozen=True)
class Invocation:
    """One call of another operation that a dynamic extension describes."""

    extension: str        # "x-ms-dynamic-list", or "x-ms-dynamic-tree/browse"
    node: dict            # the object with operationId and parameters
    pointer: str
    source: Any           # the traversal's Operation holding the extension, or None
    host: dict            # the parameter or schema that carries the extension

    @property
    def legacy(self) -> bool:
        return self.extension in LEGACY_EXTENSIONS

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) and value else None

    @property
    def parameters(self) -> dict:
        value = self.node.get("parameters")
        return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Argument:
    """One entry of an invocation's ``parameters``: the invoked input and what is passed to it."""

    key: str              # the invoked operation's input (name, or path for the newer syntax)
    kind: str             # "static", "reference", "selected" or "other"
    payload: Any          # static: the value; reference: the referenced name/path; selected: path
    pointer: str


DYNAMIC_EXTENSIONS = frozenset(LEGACY_EXTENSIONS + PATH_EXTENSIONS + (TREE_EXTENSION,))


def invocations(node: Any, pointer: str, source: Any) -> Iterator[Invocation]:
    """The invocations described by the dynamic extensions directly on ``node``."""
    if not isinstance(node, dict) or DYNAMIC_EXTENSIONS.isdisjoint(node):
        return  # the common case, decided at C speed
    for name in LEGACY_EXTENSIONS + PATH_EXTENSIONS:
        ext = node.get(name)
        if isinstance(ext, dict):
            yield Invocation(name, ext, f"{pointer}/{name}", source, node)
    tree = node.get(TREE_EXTENSION)
    if isinstance(tree, dict):
        for step in TREE_STEPS:
            ext = tree.get(step)
            if isinstance(ext, dict):
                yield Invocation(f"{TREE_EXTENSION}/{step}", ext,
                                 f"{pointer}/{TREE_EXTENSION}/{step}", source, node)


def arguments(invocation: Invocation) -> Iterator[Argument]:
    base = invocation.pointer + "/parameters"
    for key, value in invocation.parameters.items():
        pointer = f"{base}/{escape_token(key)}"
        key = str(key)
        if invocation.legacy:
            if isinstance(value, dict) and "parameter" in value:
                yield Argument(key, "reference", value.get("parameter"), pointer)
            else:
                yield Argument(key, "static", value, pointer)
        elif isinstance(value, dict) and "value" in value:
            yield Argument(key, "static", value.get("value"), pointer)
        elif isinstance(value, dict) and "parameterReference" in value:
            yield Argument(key, "reference", value.get("parameterReference"), pointer)
        elif isinstance(value, dict) and "selectedItemValuePath" in value:
            yield Argument(key, "selected", value.get("selectedItemValuePath"), pointer)
        else:
            yield Argument(key, "other", value, pointer)


class OperationIndex:
    """operationId → operation, and an operation's effective parameters, computed on demand and
    once per connector (``OperationIndex.of(ctx)``)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self._by_id: dict[str, Any] | None = None
        self._parameters: dict[str, list[dict]] = {}

    @staticmethod
    def of(ctx) -> OperationIndex:
        return ctx.memo(OperationIndex, OperationIndex)

    def find(self, operation_id: str | None):
        if self._by_id is None:
            self._by_id = {}
            for op in self.ctx.operations:
                if op.operation_id is not None:
                    self._by_id.setdefault(op.operation_id, op)
        return self._by_id.get(operation_id) if operation_id else None

    def parameters(self, op) -> list[dict]:
        """The resolved parameters of ``op``: its own, plus path-level ones it does not override."""
        found = self._parameters.get(op.pointer)
        if found is None:
            found = self._parameters[op.pointer] = self._resolve_parameters(op)
        return found

    def _resolve_parameters(self, op) -> list[dict]:
        own = [p for p in (self.ctx.deref(p) for p in _as_list(op.node.get("parameters")))
               if isinstance(p, dict)]
        seen = {_input_identity(p) for p in own}
        inherited = [p for p in (self.ctx.deref(p) for p in _as_list(op.path_item.node.get("parameters")))
                     if isinstance(p, dict) and _input_identity(p) not in seen]
        return inherited + own

    def schema(self, node: Any) -> dict:
        node = self.ctx.deref(node)
        return node if isinstance(node, dict) else {}


@dataclass(frozen=True)
class Input:
    """What a name or path resolves to among an operation's inputs."""

    name: str
    node: dict            # the parameter, or the (dereferenced) body property schema
    required: bool        # required all the way down from the parameter
    is_property: bool

    @property
    def type(self) -> str | None:
        value = self.node.get("type")
        return value if isinstance(value, str) else None


def resolve_input(index: OperationIndex, op, reference: Any, legacy: bool) -> Input | None:
    """Resolve ``reference`` among the inputs of ``op``: a parameter name; for the newer syntax a
    ``param/prop/...`` path into a body parameter; for the first syntax a body property name
    (top level, or nested as a dotted path)."""
    if not isinstance(reference, str) or not reference:
        return None
    params = index.parameters(op)
    by_name = {str(p.get("name")): p for p in params if "name" in p}
    if reference in by_name:
        param = by_name[reference]
        return Input(reference, param, param.get("required") is True, False)
    body = next((p for p in params if p.get("in") == "body"), None)
    if legacy:
        if body is None:
            return None
        found = _property(index, body, [reference], reference)
        if found is None and "." in reference:
            # a nested body field, written as a dotted path (``item.owner.id``), with or without
            # the body parameter's own name in front
            steps = reference.split(".")
            if steps[0] == str(body.get("name")):
                found = _property(index, body, steps[1:], reference)
            found = found or _property(index, body, steps, reference)
        return found
    head, _, rest = reference.partition("/")
    if rest and head in by_name and by_name[head].get("in") == "body":
        return _property(index, by_name[head], rest.split("/"), reference)
    return None


def _property(index: OperationIndex, body: dict, path: list[str], name: str) -> Input | None:
    schema = index.schema(body.get("schema"))
    required = body.get("required") is True
    for step in path:
        props = schema.get("properties")
        if not isinstance(props, dict) or step not in props:
            return None
        req = schema.get("required")
        required = required and isinstance(req, list) and step in req
        schema = index.schema(props[step])
    return Input(name, schema, required, True)


def body_property_names(index: OperationIndex, op) -> set[str]:
    body = next((p for p in index.parameters(op) if p.get("in") == "body"), None)
    if body is None:
        return set()
    props = index.schema(body.get("schema")).get("properties")
    return set(props) if isinstance(props, dict) else set()


def _input_identity(param: dict) -> tuple[str, str]:
    return (str(param.get("name")), str(param.get("in")))


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


class DynamicInvocationRule(Rule):
    """Base for rules that judge each dynamic-extension invocation: subclasses define ``check``."""

    keys = node_keys(*DYNAMIC_EXTENSIONS)

    def __init__(self):
        self.found: list[Invocation] = []

    def parameter(self, ctx, param):
        self.found.extend(invocations(param.node, param.pointer, param.operation))

    def schema(self, ctx, schema):
        self.found.extend(invocations(schema.node, schema.pointer, schema.operation))

    def finish(self, ctx):
        index = OperationIndex.of(ctx)
        for invocation in self.found:
            self.check(ctx, index, invocation)

    def check(self, ctx, index: OperationIndex, invocation: Invocation) -> None:
        raise NotImplementedError


# --- Dynamic extensions: first-syntax references ({"parameter": name}) ----------------------------

_DEFINITIONS = "#/definitions/"


_PARAMETERS = "#/parameters/"


def _owner(pointer: str) -> tuple[str, str] | None:
    """("definitions" | "parameters", name) when ``pointer`` lies in a shared definition or
    a shared parameter."""
    tokens = split_pointer(pointer)
    if len(tokens) >= 2 and tokens[0] in ("definitions", "parameters"):
        return tokens[0], tokens[1]
    return None


def _ref_name(ref: Any, prefix: str) -> str | None:
    if isinstance(ref, str) and ref.startswith(prefix) and "/" not in ref[len(prefix):]:
        return ref[len(prefix):].replace("~1", "/").replace("~0", "~")
    return None


class SourceOperations:
    """Which operations a node belongs to. Nodes under an operation know it; for nodes in
    ``#/definitions/X`` or ``#/parameters/X`` the operations are found from the ``$ref``s the
    traversal reports (definitions referenced by other definitions included)."""

    def __init__(self):
        self.users: dict[str, dict] = {}                # definition → {op pointer: operation}
        self.parents: dict[str, set[str]] = {}          # definition → definitions referencing it
        self.parameter_defs: dict[str, set[str]] = {}   # shared parameter → definitions it uses

    @staticmethod
    def of(ctx) -> SourceOperations:
        """Built by a walk of its own, once per connector and only when a rule needs it (rarely:
        for a first-syntax extension in a shared definition or parameter)."""
        return ctx.memo(SourceOperations, SourceOperations._build)

    @staticmethod
    def _build(ctx) -> SourceOperations:
        sources = SourceOperations()

        def dispatch(kind, _ctx, item):
            if kind == "schema":
                sources.record(item)

        Walker(dispatch, ctx).walk(ctx.swagger, None)
        return sources

    def record(self, schema) -> None:
        """Feed every schema event of the traversal."""
        target = _ref_name(schema.node.get("$ref"), _DEFINITIONS)
        if target is None:
            return
        if schema.operation is not None:
            self.users.setdefault(target, {})[schema.operation.pointer] = schema.operation
            return
        owner = _owner(schema.pointer)
        if owner is None:
            return
        kind, name = owner
        if kind == "definitions":
            self.parents.setdefault(target, set()).add(name)
        else:
            self.parameter_defs.setdefault(name, set()).add(target)

    def for_invocation(self, ctx, invocation: Invocation) -> list:
        if invocation.source is not None:
            return [invocation.source]
        owner = _owner(invocation.pointer)
        if owner is None:
            return []
        kind, name = owner
        return self._parameter_users(ctx, name) if kind == "parameters" else self._definition_users(ctx, name)

    def _definition_users(self, ctx, name: str) -> list:
        seen, todo, found = {name}, [name], {}
        while todo:
            current = todo.pop()
            found.update(self.users.get(current, {}))
            for parent in self.parents.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        for parameter, defs in self.parameter_defs.items():
            if defs & seen:
                found.update((op.pointer, op) for op in self._parameter_users(ctx, parameter))
        return [found[key] for key in sorted(found)]

    @staticmethod
    def _parameter_users(ctx, name: str) -> list:
        found = []
        for op in ctx.operations:
            for owner in (op.node, op.path_item.node):
                entries = owner.get("parameters")
                if any(isinstance(e, dict) and _ref_name(e.get("$ref"), _PARAMETERS) == name
                       for e in (entries if isinstance(entries, list) else ())):
                    found.append(op)
                    break
        return found


def _schema_properties(index: OperationIndex, schema: Any) -> set[str]:
    """Top-level property names of a (dereferenced) schema, ``allOf`` parts included."""
    schema = index.schema(schema)
    all_of = schema.get("allOf")
    names: set[str] = set()
    for part in [schema] + [index.schema(p) for p in (all_of if isinstance(all_of, list) else ())]:
        props = part.get("properties")
        if isinstance(props, dict):
            names |= {str(k) for k in props}
    return names


def classify_reference(index: OperationIndex, op, reference: Any) -> str | None:
    """What a first-syntax ``{"parameter": reference}`` names among the inputs of ``op``:
    "parameter", "property" (a field inside the body parameter, top level or as a dotted/slashed
    path), "ambiguous" (both a parameter and a top-level body field), or None (nothing)."""
    if not isinstance(reference, str) or not reference:
        return None
    params = index.parameters(op)
    names = {str(p.get("name")) for p in params if "name" in p}
    body = next((p for p in params if p.get("in") == "body"), None)
    fields = _schema_properties(index, body.get("schema")) if body is not None else set()
    if reference in names:
        return "ambiguous" if reference in fields else "parameter"
    if reference in fields:
        return "property"
    for separator in ("/", "."):
        steps = reference.split(separator)
        if len(steps) > 1 and body is not None:
            if steps[0] == str(body.get("name")):
                steps = steps[1:]
            if steps and steps[0] in fields:
                return "property"
    return None


class LegacyReferenceRule(DynamicInvocationRule):
    """Base for the rules that require the newer extension (``newer``) beside a first-syntax one
    (``legacy``) when one of its ``{"parameter": ...}`` references is of kind ``kind`` in the
    operation that holds it (see ``classify_reference``)."""

    legacy = ""
    newer = ""
    kind = ""

    def check(self, ctx, index, invocation):
        if invocation.extension != self.legacy or self.newer in invocation.host:
            return
        sources = ([invocation.source] if invocation.source is not None
                   else SourceOperations.of(ctx).for_invocation(ctx, invocation))
        for arg in arguments(invocation):
            if arg.kind != "reference":
                continue
            hits = [op for op in sources if classify_reference(index, op, arg.payload) == self.kind]
            if hits:
                self.report(ctx, invocation, arg, hits[0])
                return

    def report(self, ctx, invocation, arg, op) -> None:
        raise NotImplementedError


# --- Dynamic extensions: the node that carries them -----------------------------------------------

SCHEMA_EXT = "x-ms-dynamic-schema"


PROPERTIES_EXT = "x-ms-dynamic-properties"


_CONTENT = "x-ms-notification-content"


def path_steps(value: Any) -> list[str]:
    """The steps of a path string (``a/b/c``; a leading slash or empty steps are ignored)."""
    return [step for step in value.split("/") if step] if isinstance(value, str) else []


class DynamicHostRule(Rule):
    """Base for rules about the dynamic extensions written on one node: every parameter and
    schema, plus the root schema of x-ms-notification-content (the traversal does not visit it).
    Subclasses define ``check(ctx, node, pointer, where)``."""

    # Both subclasses judge an x-ms-dynamic-schema object.
    keys = {**node_keys(SCHEMA_EXT), **node_keys(_CONTENT, kinds=("path_item", "operation"))}

    def parameter(self, ctx, param):
        self.check(ctx, param.node, param.pointer, describe_parameter(param))

    def schema(self, ctx, schema):
        self.check(ctx, schema.node, schema.pointer, describe_schema(schema))

    def path_item(self, ctx, item):
        self._content(ctx, item.node, item.pointer, f"path '{item.path}'")

    def operation(self, ctx, op):
        self._content(ctx, op.node, op.pointer, f"operation {op.label}")

    def _content(self, ctx, owner, pointer, where):
        content = owner.get(_CONTENT)
        schema = content.get("schema") if isinstance(content, dict) else None
        if isinstance(schema, dict):
            self.check(ctx, schema, f"{pointer}/{_CONTENT}/schema",
                       f"the notification payload of {where}")

    def check(self, ctx, node: dict, pointer: str, where: str) -> None:
        raise NotImplementedError


# --- Dynamic extensions: paths into the invoked operation's response ------------------------------

#: Per extension: the key naming the array of items (None: the extension reads no list), and the
#: keys naming a property - inside each item when there is a list, else from the response root.
LIST_KEYS = {
    "x-ms-dynamic-values": ("value-collection", ("value-path", "value-title")),
    "x-ms-dynamic-list": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-tree/open": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-tree/browse": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-schema": (None, ("value-path",)),
    "x-ms-dynamic-properties": (None, ("itemValuePath",)),
}


def success_schema(index: OperationIndex, op) -> dict | None:
    """The schema of the operation's first successful (2xx) response that has one."""
    responses = op.node.get("responses")
    if not isinstance(responses, dict):
        return None
    for status in sorted(str(s) for s in responses):
        if not status.startswith("2"):
            continue
        response = index.ctx.deref(responses.get(status) if status in responses else None)
        if response is None:  # YAML may have read the status as an integer
            response = index.ctx.deref(responses.get(int(status)) if status.isdigit() else None)
        if isinstance(response, dict) and isinstance(response.get("schema"), dict):
            return index.schema(response["schema"])
    return None


@dataclass(frozen=True)
class Found:
    """The outcome of following a path string through a response schema."""

    state: str            # "found", "missing" or "unknown" (the schema is open or untyped there)
    node: Any = None      # found: the schema at the path
    step: str = ""        # missing: the first step that is not defined


def _members(index: OperationIndex, node: dict) -> tuple[dict, bool]:
    """Declared properties of ``node`` (``allOf`` parts merged) and whether it is closed, i.e.
    declares properties and allows no others."""
    props: dict = {}
    open_ = False
    all_of = node.get("allOf")
    parts = [node] + [index.schema(p) for p in (all_of if isinstance(all_of, list) else ())]
    for part in parts:
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
        if part.get("additionalProperties") not in (None, False):
            open_ = True
    return props, bool(props) and not open_


def follow_path(index: OperationIndex, schema: Any, steps: list[str]) -> Found:
    node = index.schema(schema)
    for step in steps:
        if not node:
            return Found("unknown")
        props, closed = _members(index, node)
        # a name differing only in case is given the benefit of the doubt
        match = step if step in props else next(
            (name for name in props if isinstance(name, str) and name.lower() == step.lower()), None)
        if match is not None:
            node = index.schema(props[match])
        elif closed and node.get("type") in (None, "object"):
            return Found("missing", step=step)
        else:
            return Found("unknown")
    return Found("found", node)


def is_array(node: dict) -> bool | None:
    """True/False when the schema says whether it is an array, None when it does not say."""
    if node.get("type") == "array" or "items" in node:
        return True
    if isinstance(node.get("properties"), dict) and node["properties"]:
        return False
    # Untyped, an object whose members are not declared, or a plain type: accepted connectors
    # write ``type: string`` as a placeholder for responses the designer parses as JSON.
    return None


class ResponsePathRule(DynamicInvocationRule):
    """Base for rules that follow an invocation's paths through the invoked operation's
    successful response; subclasses define ``judge``."""

    def check(self, ctx, index, invocation):
        keys = LIST_KEYS.get(invocation.extension)
        target = index.find(invocation.operation_id)
        if keys is None or target is None:
            return
        schema = success_schema(index, target)
        if schema is None:
            return
        self.judge(ctx, index, invocation, target, schema, *keys)

    def judge(self, ctx, index, invocation: Invocation, target, schema: dict,
              list_key: str | None, property_keys: tuple) -> None:
        raise NotImplementedError


# --- Every place that names another operation by operationId --------------------------------------

class OperationReferenceRule(Rule):
    """Collects the references to operations: x-ms-dynamic-values/-schema/-list/-properties/-tree
    (on parameters and schemas), x-ms-operation-context ``simulate`` and x-ms-notification (on
    operations) and x-ms-capabilities ``testConnection`` (on the document). Subclasses judge them
    in ``check`` once the walk is over."""

    keys = {**node_keys(*DYNAMIC_EXTENSIONS),
            "operation": frozenset({"x-ms-operation-context", "x-ms-notification"})}

    def __init__(self):
        self.found: list[Invocation] = []

    def document(self, ctx, doc):
        capabilities = doc.get("x-ms-capabilities")
        test = capabilities.get("testConnection") if isinstance(capabilities, dict) else None
        if isinstance(test, dict):
            self.found.append(Invocation("x-ms-capabilities/testConnection", test,
                                         "/x-ms-capabilities/testConnection", None, doc))

    def operation(self, ctx, op):
        context = op.node.get("x-ms-operation-context")
        simulate = context.get("simulate") if isinstance(context, dict) else None
        if isinstance(simulate, dict):
            self.found.append(Invocation("x-ms-operation-context/simulate", simulate,
                                         op.pointer + "/x-ms-operation-context/simulate", op, op.node))
        notification = op.node.get("x-ms-notification")
        if isinstance(notification, dict):
            self.found.append(Invocation("x-ms-notification", notification,
                                         op.pointer + "/x-ms-notification", op, op.node))

    def parameter(self, ctx, param):
        self.found.extend(invocations(param.node, param.pointer, param.operation))

    def schema(self, ctx, schema):
        self.found.extend(invocations(schema.node, schema.pointer, schema.operation))

    def finish(self, ctx):
        by_id: dict[str, object] = {}
        for op in ctx.operations:
            if op.operation_id is not None:
                by_id.setdefault(op.operation_id, op)
        for invocation in self.found:
            self.check(ctx, by_id, invocation)

    def check(self, ctx, by_id: dict, invocation: Invocation) -> None:
        raise NotImplementedError


# --- secrets ------------------------------------------------------------------------------

#: Values that stand for a credential instead of being one: "<token>", "{apiKey}", "[[DUMMY]]",
#: "YOUR_API_KEY", "Value-From-Your-App-Registration", "****".
PLACEHOLDER = re.compile(r"<[^>]*>|\{[^}]*\}|\[\[[^\]]*\]\]|\byour\b|your[-_ ]|^\**$", re.IGNORECASE)


def is_real_value(value) -> bool:
    """A value that may be a credential: not empty and not an obvious placeholder."""
    if value in (None, "", {}, []):
        return False
    return not (isinstance(value, str) and PLACEHOLDER.search(value))
