"""A connector seen the way a change check needs it: operations keyed by operationId, each with
its input fields (parameters and body properties) and output fields (success responses and a
webhook's notification content) flattened to paths, every field keeping its JSON pointer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import pointer_of, split_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
#: Deeper schemas are not compared field by field (they are rare, and $ref cycles end here).
MAX_DEPTH = 10
#: Array items in a field path, e.g. ``messages/[]/to``.
ITEMS = "[]"
CONSTRAINTS = ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength",
               "maxItems", "minItems", "pattern", "multipleOf", "uniqueItems")
DYNAMIC_KEYS = ("x-ms-dynamic-values", "x-ms-dynamic-schema", "x-ms-dynamic-list", "x-ms-dynamic-properties",
                "x-ms-dynamic-tree")


@dataclass
class FieldView:
    """One input or output field: a parameter, or a property somewhere in a schema."""

    key: tuple
    pointer: str
    node: dict
    required: bool = False
    location: str | None = None  # a parameter's `in`; None for schema properties
    shape: dict | None = None  # a body parameter's schema (resolved): where its type is

    @property
    def label(self) -> str:
        """Like Microsoft's ValuePath: "to" (a parameter), "body/messages/[]/to", "200/schema/id",
        "notification/schema/id"."""
        tokens = self.key if self.key[0] == "notification" else self.key[1:]
        return "/".join(str(token) for token in tokens)

    @property
    def parent(self) -> tuple | None:
        return self.key[:-1] if len(self.key) > 2 else None

    def get(self, name: str, default: Any = None) -> Any:
        return self.node.get(name, default)

    @property
    def kind(self) -> str | None:
        """The declared type; an object schema without `type` counts as "object"."""
        node = self.shape if self.shape is not None else self.node
        declared = node.get("type")
        if isinstance(declared, str):
            return declared
        if "properties" in node:
            return "object"
        return None

    @property
    def has_default(self) -> bool:
        return "default" in self.node

    @property
    def internal(self) -> bool:
        return self.node.get("x-ms-visibility") == "internal"


@dataclass
class OperationView:
    id: str
    method: str
    path: str  # with basePath, as the service sees it
    pointer: str
    node: dict
    inputs: dict[tuple, FieldView] = field(default_factory=dict)
    outputs: dict[tuple, FieldView] = field(default_factory=dict)

    @property
    def internal(self) -> bool:
        return self.node.get("x-ms-visibility") == "internal"

    @property
    def deprecated(self) -> bool:
        return self.node.get("deprecated") is True

    @property
    def annotation(self) -> dict:
        value = self.node.get("x-ms-api-annotation")
        return value if isinstance(value, dict) else {}

    @property
    def family(self) -> str:
        return str(self.annotation.get("family") or self.id)

    @property
    def revision(self) -> float:
        try:
            return float(self.annotation.get("revision", 1))
        except (TypeError, ValueError):
            return 1.0

    @property
    def trigger(self) -> str | None:
        """None for an action; "webhook" or "polling" for a trigger."""
        if "x-ms-trigger" not in self.node:
            return None
        return "webhook" if "x-ms-notification-content" in self.node else "polling"

    @property
    def label(self) -> str:
        return f"'{self.id}'"


@dataclass
class ConnectorView:
    swagger: dict
    properties: dict
    operations: dict[str, OperationView]

    @property
    def connection_parameters(self) -> dict[str, dict]:
        props = self.properties.get("properties") if isinstance(self.properties, dict) else None
        params = props.get("connectionParameters") if isinstance(props, dict) else None
        return {name: value for name, value in params.items() if isinstance(value, dict)} \
            if isinstance(params, dict) else {}

    def api_property(self, name: str) -> Any:
        props = self.properties.get("properties") if isinstance(self.properties, dict) else None
        return props.get(name) if isinstance(props, dict) else None


def view_of(swagger: dict, properties: Any) -> ConnectorView:
    base_path = swagger.get("basePath") if isinstance(swagger.get("basePath"), str) else ""
    operations: dict[str, OperationView] = {}
    paths = swagger.get("paths")
    for path, item in (paths.items() if isinstance(paths, dict) else ()):
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            op_id = node.get("operationId")
            op_id = op_id if isinstance(op_id, str) and op_id else f"{method.upper()} {path}"
            if op_id in operations:  # a repeated operationId (the validator reports it): keep the first
                continue
            op = OperationView(op_id, method, join_path(base_path, path), pointer_of("paths", path, method), node)
            _Flattener(swagger).operation(op, item, pointer_of("paths", path))
            operations[op_id] = op
    return ConnectorView(swagger, properties if isinstance(properties, dict) else {}, operations)


def join_path(base: str, path: str) -> str:
    return (base.rstrip("/") + "/" + path.lstrip("/")) if base else path


class _Flattener:
    def __init__(self, swagger: dict):
        self.swagger = swagger

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str, str | None]:
        """Follow a local $ref (bounded); the node, its pointer and the last reference taken."""
        ref = None
        for _ in range(20):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)
                    and node["$ref"].startswith("#")):
                break
            ref = node["$ref"]
            target: Any = self.swagger
            for token in split_pointer(ref[1:]):
                target = target.get(token) if isinstance(target, dict) else None
            node, pointer = target, ref[1:]
        return node, pointer, ref

    def operation(self, op: OperationView, item: dict, pointer: str) -> None:
        seen: dict[tuple[str, str], tuple[dict, str]] = {}  # (name, in) → parameter, pointer
        path_params = item.get("parameters") if isinstance(item.get("parameters"), list) else []
        own_params = op.node.get("parameters") if isinstance(op.node.get("parameters"), list) else []
        for base, params in ((pointer + "/parameters", path_params), (op.pointer + "/parameters", own_params)):
            for index, raw in enumerate(params):
                param, _, _ = self.resolve(raw, f"{base}/{index}")
                if isinstance(param, dict) and isinstance(param.get("name"), str):
                    # the reference site (where the operation uses it); an operation's own
                    # parameter overrides the path's with the same name and location
                    seen[(param["name"], str(param.get("in")))] = (param, f"{base}/{index}")
        # A name used in two locations (Swagger allows it): the operation's own parameter keeps the
        # name, the other is told apart by its location — so a parameter that moves is still matched.
        own_first = sorted(seen.items(), key=lambda entry: not entry[1][1].startswith(op.pointer + "/"))
        named: set[str] = set()
        for (name, location), (param, site) in own_first:
            key = ("parameter", name if name not in named else f"{name} ({location})")
            named.add(name)
            op.inputs[key] = FieldView(key, site, param, param.get("required") is True, location)
            if location == "body" and "schema" in param:
                shape = self.resolve(param["schema"], site + "/schema")[0]
                op.inputs[key].shape = shape if isinstance(shape, dict) else None
                self.schema(param["schema"], site + "/schema", key, op.inputs, param.get("required") is True,
                            frozenset(), 0, root=False)
        responses = op.node.get("responses")
        for code, raw in (responses.items() if isinstance(responses, dict) else ()):
            response, where, _ = self.resolve(raw, op.pointer + pointer_of("responses", code))
            if not isinstance(response, dict):
                continue
            key = ("responses", str(code))
            op.outputs[key] = FieldView(key, where, response, True)
            if "schema" in response:
                self.schema(response["schema"], where + "/schema", key + ("schema",), op.outputs, True,
                            frozenset(), 0)
        content = op.node.get("x-ms-notification-content")
        if isinstance(content, dict) and "schema" in content:
            self.schema(content["schema"], op.pointer + "/x-ms-notification-content/schema",
                        ("notification", "schema"), op.outputs, True, frozenset(), 0)

    def schema(self, raw: Any, pointer: str, key: tuple, into: dict, required: bool, refs: frozenset,
               depth: int, root: bool = True) -> None:
        node, pointer, ref = self.resolve(raw, pointer)
        if not isinstance(node, dict) or depth > MAX_DEPTH or (ref is not None and ref in refs):
            return
        refs = refs | {ref} if ref else refs
        properties, required_names = self.members(node, pointer, refs)
        if root:
            into[key] = FieldView(key, pointer, node, required)
        for name, (prop, prop_pointer) in properties.items():
            self.schema(prop, prop_pointer, key + (name,), into, name in required_names, refs, depth + 1)
        if "items" in node:
            self.schema(node["items"], pointer + "/items", key + (ITEMS,), into, False, refs, depth + 1)

    def members(self, node: dict, pointer: str, refs: frozenset) -> tuple[dict[str, tuple[Any, str]], set]:
        """Properties (with pointers) and required names, allOf parts merged in."""
        parts = [(node, pointer)]
        all_of = node.get("allOf")
        for index, raw in enumerate(all_of if isinstance(all_of, list) else []):
            part, where, ref = self.resolve(raw, f"{pointer}/allOf/{index}")
            if isinstance(part, dict) and (ref is None or ref not in refs):
                parts.append((part, where))
        properties: dict[str, tuple[Any, str]] = {}
        required: set = set()
        for part, where in parts:
            props = part.get("properties")
            for name, prop in (props.items() if isinstance(props, dict) else ()):
                properties.setdefault(name, (prop, where + pointer_of("properties", name)))
            if isinstance(part.get("required"), list):
                required.update(r for r in part["required"] if isinstance(r, str))
        return properties, required
