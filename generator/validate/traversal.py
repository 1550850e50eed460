"""One walk over a swagger (and its apiProperties) that every rule subscribes to.

The walk visits each element once and calls, for every rule that defines it, the handler named
after the element's kind. Rules never walk the document themselves.

Kinds and the node object each handler receives:

| handler               | node                                                              |
|-----------------------|-------------------------------------------------------------------|
| document(ctx, doc)    | the swagger root (dict), once                                     |
| path_item(ctx, item)  | PathItem(path, node, pointer)                                     |
| operation(ctx, op)    | Operation(path, method, node, pointer, path_item)                 |
| parameter(ctx, p)     | Parameter(node (resolved), pointer, operation or None, scope)     |
| response(ctx, r)      | Response(status, node (resolved), pointer, operation or None)     |
| schema(ctx, s)        | Schema(node, pointer, operation or None, direction, role)         |
| security_definition   | Named(name, node, pointer)                                        |
| properties(ctx, doc)  | the apiProperties root (dict), once, when present                 |
| connection_parameter  | Named(name, node, pointer) under properties/connectionParameters  |

``scope`` is "operation", "path" or "global"; ``direction`` is "input", "output" or "definition";
``role`` says where the schema hangs: "body", "response", "definition", "property", "items",
"additionalProperties", "allOf", "parameter-items", "header".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.findings import escape_token, value_at

# The node types are plain slotted classes compared by identity: a corpus run creates about
# 300,000 of them, and frozen dataclasses cost twice as much to create.

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


@dataclass(slots=True, eq=False)
class PathItem:
    path: str
    node: dict
    pointer: str


@dataclass(slots=True, eq=False)
class Operation:
    path: str
    method: str
    node: dict
    pointer: str
    path_item: PathItem = field(repr=False)

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) else None

    @property
    def label(self) -> str:
        return self.operation_id or f"{self.method.upper()} {self.path}"

    @property
    def is_trigger(self) -> bool:
        return "x-ms-trigger" in self.node


@dataclass(slots=True, eq=False)
class Parameter:
    node: dict
    pointer: str
    operation: Operation | None
    scope: str

    @property
    def name(self) -> str:
        return str(self.node.get("name", ""))

    @property
    def location(self) -> str:
        return str(self.node.get("in", ""))


@dataclass(slots=True, eq=False)
class Response:
    status: str
    node: dict
    pointer: str
    operation: Operation | None


@dataclass(slots=True, eq=False)
class Schema:
    node: dict
    pointer: str
    operation: Operation | None
    direction: str
    role: str
    name: str = ""  # property name, definition name


@dataclass(slots=True, eq=False)
class Named:
    name: str
    node: Any
    pointer: str


def _p(base: str, token: object) -> str:
    return base + "/" + escape_token(token)


def resolve_local(doc: dict, ref: Any) -> Any:
    """The target of a local ``#/...`` reference, or None when it does not resolve."""
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return None
    return value_at(doc, ref[1:])


class Walker:
    """Calls ``dispatch(kind, ctx, node)`` for every element; knows nothing about rules."""

    def __init__(self, dispatch, ctx):
        self.dispatch = dispatch
        self.ctx = ctx
        #: How many schemas the walk visited, by role (a rule about the total reads this).
        self.schema_roles: Counter[str] = Counter()

    def walk(self, swagger: Any, properties: Any) -> None:
        if isinstance(swagger, dict):
            self._swagger(swagger)
        if isinstance(properties, dict):
            self._properties(properties)

    # --- swagger -------------------------------------------------------------------------
    def _swagger(self, doc: dict) -> None:
        emit = self.dispatch
        emit("document", self.ctx, doc)
        paths = doc.get("paths")
        if isinstance(paths, dict):
            for path, item in paths.items():
                if isinstance(item, dict):
                    self._path_item(PathItem(path, item, _p("/paths", path)))
        for name, params in _dict_items(doc.get("parameters")):
            if isinstance(params, dict):
                self._parameter(params, _p("/parameters", name), None, "global")
        for status, resp in _dict_items(doc.get("responses")):
            if isinstance(resp, dict):
                self._response(status, resp, _p("/responses", status), None)
        for name, schema in _dict_items(doc.get("definitions")):
            self._schema(schema, _p("/definitions", name), None, "definition", "definition", name)
        for name, scheme in _dict_items(doc.get("securityDefinitions")):
            emit("security_definition", self.ctx, Named(name, scheme, _p("/securityDefinitions", name)))

    def _path_item(self, item: PathItem) -> None:
        self.dispatch("path_item", self.ctx, item)
        for index, param in _list_items(item.node.get("parameters")):
            self._parameter(param, f"{item.pointer}/parameters/{index}", None, "path")
        for method in HTTP_METHODS:
            op = item.node.get(method)
            if isinstance(op, dict):
                self._operation(Operation(item.path, method, op, _p(item.pointer, method), item))

    def _operation(self, op: Operation) -> None:
        self.dispatch("operation", self.ctx, op)
        for index, param in _list_items(op.node.get("parameters")):
            self._parameter(param, f"{op.pointer}/parameters/{index}", op, "operation")
        for status, resp in _dict_items(op.node.get("responses")):
            self._response(str(status), resp, _p(f"{op.pointer}/responses", status), op)

    def _parameter(self, node: Any, pointer: str, op: Operation | None, scope: str) -> None:
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            # Shared parameters are visited once, at their definition under /parameters.
            return
        self.dispatch("parameter", self.ctx, Parameter(node, pointer, op, scope))
        if isinstance(node.get("schema"), dict):
            self._schema(node["schema"], pointer + "/schema", op, "input", "body", node.get("name", ""))
        if isinstance(node.get("items"), dict):
            self._schema(node["items"], pointer + "/items", op, "input", "parameter-items")

    def _response(self, status: str, node: Any, pointer: str, op: Operation | None) -> None:
        if not isinstance(node, dict) or "$ref" in node:
            return
        self.dispatch("response", self.ctx, Response(status, node, pointer, op))
        if isinstance(node.get("schema"), dict):
            self._schema(node["schema"], pointer + "/schema", op, "output", "response")
        for name, header in _dict_items(node.get("headers")):
            if isinstance(header, dict):
                self._schema(header, _p(pointer + "/headers", name), op, "output", "header", name)

    def _schema(self, node: Any, pointer: str, op, direction: str, role: str, name: str = "") -> None:
        if not isinstance(node, dict):
            return
        self.schema_roles[role] += 1
        self.dispatch("schema", self.ctx, Schema(node, pointer, op, direction, role, name))
        for prop, sub in _dict_items(node.get("properties")):
            self._schema(sub, _p(pointer + "/properties", prop), op, direction, "property", prop)
        items = node.get("items")
        if isinstance(items, dict):
            self._schema(items, pointer + "/items", op, direction, "items")
        elif isinstance(items, list):
            for index, sub in enumerate(items):
                self._schema(sub, f"{pointer}/items/{index}", op, direction, "items")
        if isinstance(node.get("additionalProperties"), dict):
            self._schema(node["additionalProperties"], pointer + "/additionalProperties", op,
                         direction, "additionalProperties")
        for index, sub in _list_items(node.get("allOf")):
            self._schema(sub, f"{pointer}/allOf/{index}", op, direction, "allOf")

    # --- apiProperties -------------------------------------------------------------------
    def _properties(self, doc: dict) -> None:
        self.dispatch("properties", self.ctx, doc)
        props = doc.get("properties")
        if not isinstance(props, dict):
            return
        for name, node in _dict_items(props.get("connectionParameters")):
            self.dispatch("connection_parameter", self.ctx,
                          Named(name, node, _p("/properties/connectionParameters", name)))


def _dict_items(value: Any):
    return value.items() if isinstance(value, dict) else ()


def _list_items(value: Any):
    return enumerate(value) if isinstance(value, list) else ()
