"""The connector model: what a spec means, as the two documents Power Platform reads.

``expand(spec)`` turns the spec's concise forms into plain swagger / apiProperties values and
remembers, for every swagger element it creates, which spec element it came from (``origins``),
so validation findings can point back at the YAML line.
"""

from __future__ import annotations

from typing import Any

from generator.findings import escape_token
from generator.spec.layout import EMPTY_SECTIONS, Layout, arrange, operation_name

#: Short spec keys and the extension each one stands for (parameters, schemas, operations).
SUGAR = {
    "title": "x-ms-summary",
    "visibility": "x-ms-visibility",
    "urlEncoding": "x-ms-url-encoding",
    "dynamicValues": "x-ms-dynamic-values",
    "dynamicList": "x-ms-dynamic-list",
    "dynamicSchema": "x-ms-dynamic-schema",
    "dynamicProperties": "x-ms-dynamic-properties",
    "dynamicTree": "x-ms-dynamic-tree",
    "testValue": "x-ms-test-value",
    "notificationUrl": "x-ms-notification-url",
}
SCHEMA_SUGAR = {**SUGAR, "schemaTitle": "title"}
OPERATION_SUGAR = {
    "id": "operationId",
    "visibility": "x-ms-visibility",
    "trigger": "x-ms-trigger",
    "triggerHint": "x-ms-trigger-hint",
    "annotation": "x-ms-api-annotation",
    "notificationContent": "x-ms-notification-content",
}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
METADATA_NAMES = (("website", "Website"), ("privacyPolicy", "Privacy policy"), ("categories", "Categories"))



class Connector:
    """Both documents plus what only the spec knows (throttling) and where things came from:
    ``origins`` maps a swagger pointer to the spec path it was expanded from."""

    def __init__(self, swagger: dict, properties: dict, throttling: list[dict] | None = None,
                 origins: dict[str, tuple] | None = None):
        self.swagger = swagger
        self.properties = properties
        self.throttling = throttling
        self.origins = origins if origins is not None else {}

    @property
    def title(self) -> str:
        return str(self.swagger.get("info", {}).get("title", ""))

    def origin(self, pointer: str) -> tuple:
        """The spec path an element of the swagger came from (nearest known ancestor)."""
        while True:
            if pointer in self.origins:
                return self.origins[pointer]
            if not pointer:
                return ()
            pointer = pointer.rsplit("/", 1)[0]


class _Expander:
    def __init__(self, layout: Layout) -> None:
        self.origins: dict[str, tuple] = {}
        self.layout = layout

    def note(self, pointer: str, spec_path: tuple) -> None:
        self.origins[pointer] = spec_path

    # --- swagger -------------------------------------------------------------------------
    def swagger(self, spec: dict) -> dict:
        out: dict[str, Any] = {"swagger": "2.0"}
        self.note("", ())
        for key in ("info", "host", "basePath", "schemes", "consumes", "produces"):
            if key in spec:
                out[key] = spec[key]
                self.note("/" + key, (key,))
        out["paths"] = self.paths(spec)
        self.note("/paths", ("operations",))
        if "definitions" in spec:
            out["definitions"] = {
                name: self.schema(body, f"/definitions/{escape_token(name)}", ("definitions", name))
                for name, body in spec["definitions"].items()}
        if "parameters" in spec:
            out["parameters"] = {
                name: self.parameter(body, f"/parameters/{escape_token(name)}", ("parameters", name))
                for name, body in spec["parameters"].items()}
        if "responses" in spec:
            out["responses"] = {
                str(code): self.response(body, f"/responses/{escape_token(code)}", ("responses", code))
                for code, body in spec["responses"].items()}
        for key in ("securityDefinitions", "security", "tags", "externalDocs"):
            if key in spec:
                out[key] = spec[key]
                self.note("/" + key, (key,))
        for key, value in spec.items():
            if key.startswith("x-") and key != "x-ms-connector-metadata":
                out[key] = value
                self.note("/" + escape_token(key), (key,))
        metadata = self.connector_metadata(spec)
        if metadata is not None:
            out["x-ms-connector-metadata"] = metadata
        self.empty_sections(out, "layout" in spec)
        return out

    def empty_sections(self, out: dict, written: bool) -> None:
        """The canonical empty sections (or the layout's) that the spec leaves out."""
        for key in self.layout.empty_sections:
            if key not in out:
                out[key] = type(EMPTY_SECTIONS[key])()
                if written:
                    self.note("/" + key, ("layout", "emptySections"))

    def connector_metadata(self, spec: dict) -> list | None:
        if "x-ms-connector-metadata" in spec:
            self.note("/x-ms-connector-metadata", ("x-ms-connector-metadata",))
            return spec["x-ms-connector-metadata"]
        entries = []
        for key, display in METADATA_NAMES:
            if key in spec:
                value = spec[key]
                value = ";".join(value) if isinstance(value, list) else value
                self.note(f"/x-ms-connector-metadata/{len(entries)}", (key,))
                entries.append({"propertyName": display, "propertyValue": value})
        return entries or None

    def paths(self, spec: dict) -> dict:
        paths: dict[str, dict] = {}
        for index, op in enumerate(spec.get("operations", [])):
            method = next(m for m in METHODS if m in op)
            path = op[method]
            pointer = f"/paths/{escape_token(path)}"
            if path not in paths:
                paths[path] = {}
                self.note(pointer, ("operations", index, method))
            name = operation_name(op, method, path)
            members = self.operation(op, f"{pointer}/{method}", ("operations", index))
            self.operation_empties(members, name, f"{pointer}/{method}")
            paths[path][method] = arrange(members, self.layout.operation_order(name))
        section = spec.get("paths", {})
        paths = {path: paths.get(path, {}) for path in path_order(list(paths), list(section))}
        for path, extra in section.items():
            pointer = f"/paths/{escape_token(path)}"
            item: dict[str, Any] = {}  # path-level members first, as Swagger documents usually have them
            for key, value in extra.items():
                if key == "parameters":
                    item[key] = [self.parameter(p, f"{pointer}/parameters/{i}", ("paths", path, key, i))
                                 for i, p in enumerate(value)]
                else:
                    item[key] = value
            paths[path] = {**item, **paths[path]}
            self.note(pointer, ("paths", path))
        for path, order in self.layout.path_keys_of.items():
            if path in paths:
                paths[path] = arrange(paths[path], order)
        return paths

    def operation_empties(self, members: dict, name: str, pointer: str) -> None:
        """The empty lists the layout writes for the members operation ``name`` leaves out."""
        own = name in self.layout.empty_operation_keys_of
        here = ("layout", "emptyOperationKeysOf", name) if own else ("layout", "emptyOperationKeys")
        for key in self.layout.operation_empties(name):
            if key not in members:
                members[key] = []
                self.note(f"{pointer}/{key}", here)

    def operation(self, op: dict, pointer: str, here: tuple) -> dict:
        self.note(pointer, here)
        out: dict[str, Any] = {}
        for key, value in op.items():
            if key in METHODS:
                continue
            name = OPERATION_SUGAR.get(key, key)
            if key == "parameters":
                value = [self.parameter(p, f"{pointer}/parameters/{i}", here + (key, i))
                         for i, p in enumerate(value)]
            elif key == "notificationContent" and isinstance(value, dict):
                value = {k: self.schema(v, f"{pointer}/x-ms-notification-content/schema", here + (key, k))
                         if k == "schema" else v for k, v in value.items()}
            elif key == "responses":
                value = {str(code): self.response(r, f"{pointer}/responses/{escape_token(code)}",
                                                  here + (key, code))
                         for code, r in value.items()}
            else:
                self.note(f"{pointer}/{escape_token(name)}", here + (key,))
            out[name] = value
        return out

    def response(self, response: dict, pointer: str, here: tuple) -> dict:
        self.note(pointer, here)
        out: dict[str, Any] = {}
        for key, value in response.items():
            if key == "schema":
                value = self.schema(value, pointer + "/schema", here + ("schema",))
            elif key == "headers":
                value = {name: self.schema(h, f"{pointer}/headers/{escape_token(name)}",
                                           here + ("headers", name))
                         for name, h in value.items()}
            out[key] = value
        return out

    def parameter(self, param: dict, pointer: str, here: tuple) -> dict:
        self.note(pointer, here)
        out: dict[str, Any] = {}
        for key, value in param.items():
            if key == "schema":
                out[key] = self.schema(value, pointer + "/schema", here + (key,))
            elif key == "items":
                out[key] = self.schema(value, pointer + "/items", here + (key,))
            elif key == "enum":
                self.enum(out, value, pointer, here + (key,))
            else:
                name = SUGAR.get(key, key)
                self.note(f"{pointer}/{escape_token(name)}", here + (key,))
                out[name] = value
        return out

    def schema(self, schema: Any, pointer: str, here: tuple) -> Any:
        if not isinstance(schema, dict):
            return schema
        self.note(pointer, here)
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {name: self.schema(sub, f"{pointer}/properties/{escape_token(name)}",
                                              here + (key, name))
                            for name, sub in value.items()}
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                out[key] = self.schema(value, f"{pointer}/{key}", here + (key,))
            elif key in ("items", "allOf") and isinstance(value, list):
                out[key] = [self.schema(sub, f"{pointer}/{key}/{i}", here + (key, i))
                            for i, sub in enumerate(value)]
            elif key == "enum":
                self.enum(out, value, pointer, here + (key,))
            else:
                name = SCHEMA_SUGAR.get(key, key)
                self.note(f"{pointer}/{escape_token(name)}", here + (key,))
                out[name] = value
        return out

    def enum(self, out: dict, values: list, pointer: str, here: tuple) -> None:
        """`enum: [{value: 1, title: One}]` → enum [1] plus x-ms-enum-values display names."""
        self.note(pointer + "/enum", here)
        if not any(isinstance(v, dict) and "value" in v for v in values):
            out["enum"] = values
            return
        out["enum"] = [v["value"] if isinstance(v, dict) else v for v in values]
        out["x-ms-enum-values"] = [{"value": v["value"], "displayName": v["title"]}
                                   for v in values if isinstance(v, dict) and "title" in v]
        self.note(pointer + "/x-ms-enum-values", here)

    # --- apiProperties -------------------------------------------------------------------
    def properties(self, spec: dict) -> dict:
        props: dict[str, Any] = {}
        params = spec.get("connectionParameters")
        if params is not None:
            props["connectionParameters"] = {name: connection_parameter(p) for name, p in params.items()}
        simple = {"connectionParameterSets": "connectionParameterSets", "brandColor": "iconBrandColor",
                  "capabilities": "capabilities", "policyTemplateInstances": "policyTemplateInstances",
                  "publisher": "publisher", "stackOwner": "stackOwner",
                  "scriptOperations": "scriptOperations"}
        for spec_key, name in simple.items():
            if spec_key in spec:
                props[name] = spec[spec_key]
        props.update(spec.get("apiProperties", {}))
        return {"properties": props}


def path_order(operation_paths: list[str], section_paths: list[str]) -> list[str]:
    """Operations' paths in their order; a path only in `paths:` comes where `paths:` lists it,
    after every operation path listed before it there (so an importer can keep any order)."""
    order: list[str] = []
    pending = list(operation_paths)
    for path in section_paths:
        if path in pending:
            upto = pending.index(path) + 1
            order += pending[:upto]
            del pending[:upto]
        elif path not in operation_paths:
            order.append(path)
    return order + pending


def connection_parameter(param: dict) -> dict:
    """`{type, title, description, required}` → apiProperties' connection parameter shape."""
    out: dict[str, Any] = {}
    ui: dict[str, Any] = {}
    for key, name in (("title", "displayName"), ("description", "description"), ("tooltip", "tooltip")):
        if key in param:
            ui[name] = param[key]
    if "required" in param:
        ui["constraints"] = {"required": "true" if param["required"] else "false"}
    for key, value in param.get("uiDefinition", {}).items():
        if key == "constraints" and isinstance(value, dict) and "constraints" in ui:
            ui["constraints"] = {**ui["constraints"], **value}
        else:
            ui[key] = value
    for key, value in param.items():  # the spec's order; uiDefinition where it first speaks of it
        if key in ("title", "description", "tooltip", "required", "uiDefinition"):
            if ui and "uiDefinition" not in out:
                out["uiDefinition"] = ui
        else:
            out[key] = value
    return out


def expand(spec: dict) -> Connector:
    """The connector a (schema-valid) spec describes."""
    expander = _Expander(Layout(spec.get("layout")))
    swagger = expander.swagger(spec)
    return Connector(swagger, expander.properties(spec), spec.get("throttling"), expander.origins)
