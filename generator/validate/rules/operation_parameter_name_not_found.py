"""OperationParameterNameNotFound, plus the small helpers that every rule about the ``parameters``
block of a dynamic extension (x-ms-dynamic-values/-schema/-list/-properties/-tree) shares.

The helpers live here rather than in a module of their own so that this rule set adds rule modules
only; the sibling rules import them from this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

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


_ALL_EXTENSIONS = frozenset(LEGACY_EXTENSIONS + PATH_EXTENSIONS + (TREE_EXTENSION,))


def invocations(node: Any, pointer: str, source: Any) -> Iterator[Invocation]:
    """The invocations described by the dynamic extensions directly on ``node``."""
    if not isinstance(node, dict) or _ALL_EXTENSIONS.isdisjoint(node):
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
    """operationId → operation, and an operation's effective parameters, computed on demand."""

    def __init__(self, ctx):
        self.ctx = ctx
        self._by_id: dict[str, Any] | None = None

    def find(self, operation_id: str | None):
        if self._by_id is None:
            self._by_id = {}
            for op in self.ctx.operations:
                if op.operation_id is not None:
                    self._by_id.setdefault(op.operation_id, op)
        return self._by_id.get(operation_id) if operation_id else None

    def parameters(self, op) -> list[dict]:
        """The resolved parameters of ``op``: its own, plus path-level ones it does not override."""
        own = [p for p in (self.ctx.deref(p) for p in _as_list(op.node.get("parameters")))
               if isinstance(p, dict)]
        seen = {_identity(p) for p in own}
        inherited = [p for p in (self.ctx.deref(p) for p in _as_list(op.path_item.node.get("parameters")))
                     if isinstance(p, dict) and _identity(p) not in seen]
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


def _identity(param: dict) -> tuple[str, str]:
    return (str(param.get("name")), str(param.get("in")))


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


class DynamicInvocationRule(Rule):
    """Base for rules that judge each dynamic-extension invocation: subclasses define ``check``."""

    def __init__(self):
        self.found: list[Invocation] = []

    def parameter(self, ctx, param):
        self.found.extend(invocations(param.node, param.pointer, param.operation))

    def schema(self, ctx, schema):
        self.found.extend(invocations(schema.node, schema.pointer, schema.operation))

    def finish(self, ctx):
        index = OperationIndex(ctx)
        for invocation in self.found:
            self.check(ctx, index, invocation)

    def check(self, ctx, index: OperationIndex, invocation: Invocation) -> None:
        raise NotImplementedError


class OperationParameterNameNotFound(DynamicInvocationRule):
    """Every input a dynamic extension passes to an operation must exist in that operation.

    The designer calls the operation named by ``operationId`` of x-ms-dynamic-values, -schema,
    -list, -properties or -tree with the inputs listed under ``parameters``; a name the invoked
    operation does not define is never sent, so the call goes out without the intended value.
    For the first syntax (x-ms-dynamic-values/-schema) a name may also be a top-level property of
    the invoked operation's body, which the designer shows as its own field; for the newer syntax
    a name is a path that starts with a parameter name. An ``operationId`` that does not exist is
    left to OperationIdNotFound.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {folder: x}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {directory: x}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}
    """

    code = "OperationParameterNameNotFound"
    severity = Severity.ERROR
    summary = "inputs passed by a dynamic extension exist in the invoked operation"

    def check(self, ctx, index, invocation):
        target = index.find(invocation.operation_id)
        if target is None:
            return
        for arg in arguments(invocation):
            if resolve_input(index, target, arg.key, invocation.legacy) is None:
                ctx.report(arg.pointer,
                           f"{invocation.extension} passes '{arg.key}', but operation "
                           f"{target.label} has no such parameter",
                           f"use the name of one of {target.label}'s parameters, or remove the entry")
