"""Helpers only the dynamic rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.findings import escape_token, split_pointer
from generator.validate.rule import Rule
from generator.validate.rules._common import describe_parameter, describe_schema, node_keys
from generator.validate.traversal import Walker

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


def passed_inputs(index: OperationIndex, invocation) -> Iterator[tuple[Argument, Any, Any, Input, Input]]:
    """(argument, source, invoked operation, input filled, input passed) per known reference."""
    source, target = invocation.source, index.find(invocation.operation_id)
    if source is None or target is None:
        return
    for arg in arguments(invocation):
        if arg.kind != "reference":
            continue
        wanted = resolve_input(index, target, arg.key, invocation.legacy)
        given = resolve_input(index, source, arg.payload, invocation.legacy)
        if wanted is not None and given is not None:
            yield arg, source, target, wanted, given


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
