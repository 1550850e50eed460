"""What Microsoft's reference page shows for a connector, computed from its swagger and apiProperties.

The page's own flattening, as the seed page shows it:

* operations: every operation that is not ``x-ms-visibility: internal``; a trigger has ``x-ms-trigger``;
  name = ``summary`` (fallback operationId), description = ``description``; actions first, then
  triggers, each sorted by name.
* parameters: every parameter that is not internal.  A body parameter is replaced by the leaves of its
  schema (``$ref`` followed, ``allOf`` merged), each under its *leaf* key: nested objects give no row
  of their own, an array of objects gives no row but its items' properties, an array of primitives
  gives one row ``array of string``.  Required = the parameter's ``required``; for a body leaf, whether
  its key is in its parent object's ``required`` list.
* returns: the leaves of the 2xx response schema (for a trigger, the ``x-ms-notification-content``
  schema when there is one) under dotted paths; an object gives no row, an array of objects gives an
  ``array of object`` row and then its items' properties under the same path.  A response that is not
  an object (a bare string or array) gives no rows: the page shows no table for it.
* types: the format replaces the type for numbers (``float``, ``double``, ``decimal``) and for strings
  with a format from :data:`STRING_FORMATS` (``byte``, ``date-time``...); integers stay ``integer``
  whatever their format (int32/int64), as on Microsoft's pages.
* name column = ``x-ms-summary``, else ``title``, else the key; description = ``description``.
* connection parameters: ``apiProperties.properties.connectionParameters`` (or every set of
  ``connectionParameterSets``), except hidden ones and OAuth token settings, which the page does not
  list: display name, type, description, ``constraints.required == "true"``.

Each row records the JSON pointer it came from (into the swagger, or ``/properties/...`` into
apiProperties), so that findings can be placed.
"""

from __future__ import annotations

from typing import Any

from generator.docs.model import (
    ACTION,
    TRIGGER,
    DocConnParam,
    DocOperation,
    DocParam,
    DocReturn,
    DocThrottle,
    Page,
)
from generator.findings import join_pointer, pointer_of, value_at

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
STRING_FORMATS = frozenset(("byte", "binary", "date", "date-time", "date-no-tz", "time", "email", "uri",
                            "uuid", "html"))
NUMBER_FORMATS = frozenset(("float", "double", "decimal"))
DEFAULT_THROTTLING_NAME = "API calls per connection"
# Keys next to a "$ref" that still count (Power Platform honours these annotations on a reference).
_REF_ANNOTATIONS = ("x-ms-summary", "description", "title", "x-ms-visibility")
_MAX_DEPTH = 40


def _text(value: Any) -> str:
    """A name or description as a page shows it: trimmed, line breaks as \\n."""
    if not isinstance(value, str):
        return ""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _internal(node: dict) -> bool:
    return str(node.get("x-ms-visibility", "")).lower() == "internal"


class _Swagger:
    def __init__(self, swagger: dict) -> None:
        self.swagger = swagger

    def get(self, pointer: str) -> Any:
        return value_at(self.swagger, pointer)

    def resolve(self, node: Any, pointer: str, seen: frozenset[str]) -> tuple[Any, str, frozenset[str]]:
        """Follow local ``$ref`` chains; annotations beside a ``$ref`` win over the target's.
        A reference back into a schema being expanded (a cycle) is shown as a plain ``object``;
        a reference that cannot be followed as an untyped schema."""
        overlay: dict = {}
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            for key in _REF_ANNOTATIONS:
                if key in node and key not in overlay:
                    overlay[key] = node[key]
            if ref in seen:
                return {"type": "object", **overlay}, pointer, seen
            if not ref.startswith("#"):
                return {**overlay}, pointer, seen
            seen = seen | {ref}
            pointer = ref[1:]
            node = self.get(pointer)
        if overlay and isinstance(node, dict):
            node = {**node, **overlay}
        return node, pointer, seen


def display_type(schema: dict, resolver: _Swagger | None = None, seen: frozenset[str] = frozenset()) -> str:
    """The type column for a schema (or a non-body parameter)."""
    kind = schema.get("type")
    fmt = schema.get("format")
    fmt = fmt if isinstance(fmt, str) else None  # an object here is an error validation reports
    if kind == "array":
        items = schema.get("items")
        if resolver is not None:
            items, _, seen = resolver.resolve(items, "", seen)
        if not isinstance(items, dict):
            return "array"
        return "array of " + (display_type(items, resolver, seen) or "object")
    if kind == "string" and fmt in STRING_FORMATS:
        return str(fmt)
    if kind == "number" and fmt in NUMBER_FORMATS:
        return str(fmt)
    if kind is None and ("properties" in schema or "allOf" in schema or "additionalProperties" in schema):
        return "object"
    return str(kind) if isinstance(kind, str) else ""


class _Flattener:
    def __init__(self, swagger: dict) -> None:
        self.sw = _Swagger(swagger)

    # -- objects ----------------------------------------------------------------------------------

    def _properties(self, schema: dict, pointer: str, seen: frozenset[str], depth: int
                    ) -> list[tuple[str, Any, str, bool, frozenset[str]]]:
        """(key, subschema, pointer, required, seen) of an object, allOf members merged in order."""
        found: list[tuple[str, Any, str, frozenset[str]]] = []
        required: set[str] = set()

        def collect(node: dict, node_pointer: str, node_seen: frozenset[str], level: int) -> None:
            if level > _MAX_DEPTH:
                return
            if isinstance(node.get("required"), list):
                required.update(k for k in node["required"] if isinstance(k, str))
            for i, member in enumerate(node.get("allOf") or []):
                member, member_pointer, member_seen = self.sw.resolve(
                    member, join_pointer(node_pointer, "allOf", i), node_seen)
                if isinstance(member, dict):
                    collect(member, member_pointer, member_seen, level + 1)
            props = node.get("properties")
            if isinstance(props, dict):
                for key, sub in props.items():
                    found.append((key, sub, join_pointer(node_pointer, "properties", key), node_seen))

        collect(schema, pointer, seen, depth)
        return [(key, sub, sub_pointer, key in required, sub_seen) for key, sub, sub_pointer, sub_seen in found]

    @staticmethod
    def _has_properties(schema: dict) -> bool:
        return isinstance(schema.get("properties"), dict) or isinstance(schema.get("allOf"), list)

    def _resolved_items(self, schema: dict, pointer: str, seen: frozenset[str]):
        return self.sw.resolve(schema.get("items"), join_pointer(pointer, "items"), seen)

    # -- parameters -------------------------------------------------------------------------------

    def _body_rows(self, schema: Any, pointer: str, key: str, required: bool, seen: frozenset[str],
                   depth: int, out: list[DocParam], fallback: dict | None = None) -> None:
        schema, pointer, seen = self.sw.resolve(schema, pointer, seen)
        if not isinstance(schema, dict) or _internal(schema) or depth > _MAX_DEPTH:
            return
        if self._has_properties(schema) and schema.get("type") in (None, "object"):
            for sub_key, sub, sub_pointer, sub_required, sub_seen in self._properties(schema, pointer, seen,
                                                                                      depth):
                self._body_rows(sub, sub_pointer, sub_key, sub_required, sub_seen, depth + 1, out)
            return
        if schema.get("type") == "array":
            items, items_pointer, items_seen = self._resolved_items(schema, pointer, seen)
            if isinstance(items, dict) and self._has_properties(items) and items.get("type") in (None, "object"):
                if not _internal(items):
                    self._body_rows(items, items_pointer, key, required, items_seen, depth + 1, out)
                return
        fallback = fallback or {}
        name = (_text(fallback.get("x-ms-summary")) or _text(schema.get("x-ms-summary"))
                or _text(schema.get("title")) or _text(fallback.get("title")) or key)
        description = _text(fallback.get("description")) or _text(schema.get("description"))
        out.append(DocParam(name, key, required, display_type(schema, self.sw, seen), description, pointer))

    def parameters(self, path_item: dict, operation: dict, path: str, method: str) -> list[DocParam]:
        merged: dict[tuple[str, str], tuple[dict, str, frozenset[str]]] = {}
        sources = [(path_item.get("parameters"), pointer_of("paths", path, "parameters")),
                   (operation.get("parameters"), pointer_of("paths", path, method, "parameters"))]
        for params, base in sources:
            if not isinstance(params, list):
                continue
            for i, raw in enumerate(params):
                param, param_pointer, seen = self.sw.resolve(raw, join_pointer(base, i), frozenset())
                if isinstance(param, dict):
                    merged[(str(param.get("name")), str(param.get("in")))] = (param, param_pointer, seen)
        rows: list[DocParam] = []
        for param, param_pointer, seen in merged.values():
            if _internal(param):
                continue
            key = str(param.get("name", ""))
            required = param.get("required") is True
            if param.get("in") == "body":
                self._body_rows(param.get("schema"), join_pointer(param_pointer, "schema"), key, required, seen,
                                0, rows, fallback=param)
                continue
            name = _text(param.get("x-ms-summary")) or _text(param.get("title")) or key
            rows.append(DocParam(name, key, required, display_type(param, self.sw, seen),
                                 _text(param.get("description")), param_pointer))
        return rows

    # -- returns ----------------------------------------------------------------------------------

    def _return_rows(self, schema: Any, pointer: str, path: str, seen: frozenset[str], depth: int,
                     out: list[DocReturn]) -> None:
        schema, pointer, seen = self.sw.resolve(schema, pointer, seen)
        if not isinstance(schema, dict) or _internal(schema) or depth > _MAX_DEPTH:
            return
        leaf = path.rsplit(".", 1)[-1]
        name = _text(schema.get("x-ms-summary")) or _text(schema.get("title")) or leaf
        if self._has_properties(schema) and schema.get("type") in (None, "object"):
            for key, sub, sub_pointer, _, sub_seen in self._properties(schema, pointer, seen, depth):
                self._return_rows(sub, sub_pointer, f"{path}.{key}" if path else key, sub_seen, depth + 1, out)
            return
        if schema.get("type") == "array":
            items, items_pointer, items_seen = self._resolved_items(schema, pointer, seen)
            if isinstance(items, dict) and self._has_properties(items) and items.get("type") in (None, "object"):
                if path:
                    description = _text(schema.get("description")) or _text(items.get("description"))
                    out.append(DocReturn(name, path, "array of object", description, pointer))
                if not _internal(items):
                    for key, sub, sub_pointer, _, sub_seen in self._properties(items, items_pointer, items_seen,
                                                                              depth):
                        self._return_rows(sub, sub_pointer, f"{path}.{key}" if path else key, sub_seen,
                                          depth + 1, out)
                return
        if path:
            out.append(DocReturn(name, path, display_type(schema, self.sw, seen),
                                 _text(schema.get("description")), pointer))

    def returns(self, operation: dict, op_pointer: str) -> list[DocReturn]:
        rows: list[DocReturn] = []
        if "x-ms-trigger" in operation:
            content = operation.get("x-ms-notification-content")
            if isinstance(content, dict) and "schema" in content:
                self._return_rows(content["schema"], join_pointer(op_pointer, "x-ms-notification-content", "schema"),
                                  "", frozenset(), 0, rows)
                return rows
        responses = operation.get("responses")
        if not isinstance(responses, dict):
            return rows
        for code in sorted(str(c) for c in responses):
            if not (len(code) == 3 and code.startswith("2") and code.isdigit()):
                continue
            response, response_pointer, seen = self.sw.resolve(
                responses[code], join_pointer(op_pointer, "responses", code), frozenset())
            if isinstance(response, dict) and "schema" in response:
                self._return_rows(response["schema"], join_pointer(response_pointer, "schema"), "", seen, 0, rows)
                return rows
        return rows

    # -- operations -------------------------------------------------------------------------------

    def operations(self) -> list[DocOperation]:
        paths = self.sw.swagger.get("paths")
        ops: list[DocOperation] = []
        if not isinstance(paths, dict):
            return ops
        for path, path_item in paths.items():
            if not isinstance(path_item, dict):
                continue
            for method, operation in path_item.items():
                if method.lower() not in METHODS or not isinstance(operation, dict) or _internal(operation):
                    continue
                op_pointer = pointer_of("paths", path, method)
                op_id = operation.get("operationId")
                op_id = op_id if isinstance(op_id, str) and op_id else None
                name = _text(operation.get("summary")) or op_id or f"{method.upper()} {path}"
                ops.append(DocOperation(
                    name=name,
                    description=_text(operation.get("description")),
                    kind=TRIGGER if "x-ms-trigger" in operation else ACTION,
                    operation_id=op_id,
                    parameters=self.parameters(path_item, operation, path, method),
                    returns=self.returns(operation, op_pointer),
                    pointer=op_pointer,
                ))
        return ops


def connection_parameters(properties: dict | None) -> list[DocConnParam]:
    if not isinstance(properties, dict):
        return []
    inner = properties.get("properties")
    base = "/properties"
    if not isinstance(inner, dict):
        inner, base = properties, ""
    sets = inner.get("connectionParameterSets")
    groups: list[tuple[Any, str]] = []
    if isinstance(sets, dict) and isinstance(sets.get("values"), list):
        for i, value in enumerate(sets["values"]):
            if isinstance(value, dict):
                groups.append((value.get("parameters"),
                               join_pointer(base, "connectionParameterSets", "values", i, "parameters")))
    else:
        groups.append((inner.get("connectionParameters"), join_pointer(base, "connectionParameters")))
    rows: list[DocConnParam] = []
    for params, pointer in groups:
        if not isinstance(params, dict):
            continue
        for key, param in params.items():
            if not isinstance(param, dict):
                continue
            ui = param.get("uiDefinition") if isinstance(param.get("uiDefinition"), dict) else {}
            constraints = ui.get("constraints") if isinstance(ui.get("constraints"), dict) else {}
            kind = str(param.get("type", ""))
            if kind.lower() == "oauthsetting" or str(constraints.get("hidden", "")).lower() == "true":
                continue
            rows.append(DocConnParam(
                name=_text(ui.get("displayName")) or key,
                type=kind,
                description=_text(ui.get("description")),
                required=str(constraints.get("required", "")).lower() == "true",
                pointer=join_pointer(pointer, key),
            ))
    return rows


def throttling_rows(throttling: list | None) -> list[DocThrottle]:
    rows = []
    for item in throttling or []:
        if not isinstance(item, dict):
            continue
        calls, period = item.get("calls"), item.get("period", item.get("period_seconds"))
        if isinstance(calls, int) and isinstance(period, int):
            rows.append(DocThrottle(_text(item.get("name")) or DEFAULT_THROTTLING_NAME, calls, period))
    return rows


def page_from_connector(swagger: dict, properties: dict | None = None, throttling: list | None = None) -> Page:
    """The page Microsoft would publish for this connector (English names from the swagger).

    Like the page, it lists the actions and then the triggers, each sorted by name (case-insensitive;
    equal names keep the swagger's order)."""
    operations = _Flattener(swagger).operations() if isinstance(swagger, dict) else []
    operations.sort(key=lambda op: (op.kind != ACTION, op.name.casefold()))
    return Page(operations, connection_parameters(properties), throttling_rows(throttling))
