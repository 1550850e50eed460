"""The inverse of ``generator.spec.model.expand``: swagger + apiProperties values → spec data.

Every concise form is used only when ``expand`` turns it back into exactly the original value;
otherwise the original member is kept verbatim (an ``x-*`` key passes through unchanged) and a
note says why. What no spec can say is noted too, so the caller can count the connector as
differing with a reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.importer.layout import (
    LAYOUT_COMMENT,
    OperationEmpties,
    OperationKeys,
    empty_sections,
    is_canonical_empty,
    path_keys,
    teaching_order,
)
from generator.spec.layout import operation_name
from generator.spec.model import METADATA_NAMES, METHODS, path_order
from generator.spec.model import connection_parameter as expand_connection_parameter

Path_ = tuple  # a path of keys and indices into the spec data

VISIBILITIES = ("important", "advanced", "internal", "none")


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


#: extension → (short key, test the value must pass for the short key to be valid)
FIELD_SUGAR = {
    "x-ms-summary": ("title", lambda v: isinstance(v, str)),
    "x-ms-visibility": ("visibility", lambda v: v in VISIBILITIES),
    "x-ms-url-encoding": ("urlEncoding", lambda v: v in ("single", "double")),
    "x-ms-dynamic-values": ("dynamicValues", _is_dict),
    "x-ms-dynamic-list": ("dynamicList", _is_dict),
    "x-ms-dynamic-schema": ("dynamicSchema", _is_dict),
    "x-ms-dynamic-properties": ("dynamicProperties", _is_dict),
    "x-ms-dynamic-tree": ("dynamicTree", _is_dict),
    "x-ms-test-value": ("testValue", lambda v: True),
    "x-ms-notification-url": ("notificationUrl", lambda v: isinstance(v, bool)),
}
OPERATION_SUGAR = {
    "x-ms-visibility": ("visibility", lambda v: v in VISIBILITIES),
    "x-ms-trigger": ("trigger", lambda v: v in ("single", "batch")),
    "x-ms-trigger-hint": ("triggerHint", lambda v: isinstance(v, str)),
    "x-ms-api-annotation": ("annotation", _is_dict),
    "x-ms-notification-content": ("notificationContent", _is_dict),
}
#: Keys the spec format accepts in each kind of object besides x-* and the short keys.
SCHEMA_KEYS = frozenset(
    "$ref type format description default example required properties additionalProperties items "
    "allOf readOnly discriminator xml externalDocs maximum exclusiveMaximum minimum exclusiveMinimum "
    "maxLength minLength pattern maxItems minItems uniqueItems maxProperties minProperties multipleOf "
    "enum".split())
PARAMETER_KEYS = frozenset(
    "$ref name in description required schema type format allowEmptyValue items collectionFormat "
    "default maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems "
    "minItems uniqueItems multipleOf enum".split())
RESPONSE_KEYS = frozenset(("$ref", "description", "schema", "headers", "examples"))
OPERATION_KEYS = frozenset(
    "summary description tags consumes produces schemes security deprecated externalDocs parameters "
    "responses".split())
INFO_KEYS = frozenset(("title", "description", "version", "termsOfService", "contact", "license"))
SWAGGER_SECTIONS = ("info", "host", "basePath", "schemes", "consumes", "produces")
SWAGGER_VERBATIM = ("securityDefinitions", "security", "tags", "externalDocs")
BRAND_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
CONNECTION_PARAMETER_TYPES = frozenset((
    "string", "securestring", "int", "bool", "oauthSetting", "gatewaySetting", "clientCertificate",
    "array", "object", "secureobject"))
CONNECTION_PARAMETER_KEYS = frozenset((
    "type", "uiDefinition", "oAuthSettings", "gatewaySettings", "allowedValues", "defaultValue", "metadata"))
#: apiProperties members with a spec key of their own: name → (spec key, test)
PROPERTY_SUGAR = {
    "connectionParameterSets": ("connectionParameterSets", lambda v: isinstance(v, dict)),
    "iconBrandColor": ("brandColor", lambda v: isinstance(v, str) and BRAND_COLOR.fullmatch(v)),
    "capabilities": ("capabilities", lambda v: _is_string_list(v)),
    "policyTemplateInstances": ("policyTemplateInstances",
                                lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v)),
    "publisher": ("publisher", lambda v: isinstance(v, str)),
    "stackOwner": ("stackOwner", lambda v: isinstance(v, str)),
    "scriptOperations": ("scriptOperations", lambda v: _is_string_list(v)),
}


def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@dataclass
class Note:
    """Something about the import at ``path`` in the spec; ``lossy`` when the rebuilt connector
    cannot equal the original."""

    path: Path_
    text: str
    lossy: bool = False


@dataclass
class Inverse:
    spec: dict
    notes: list[Note] = field(default_factory=list)

    @property
    def lossy(self) -> list[Note]:
        return [note for note in self.notes if note.lossy]


class _Inverter:
    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.operation_keys = OperationKeys()
        self.operation_empties = OperationEmpties()
        self.path_keys: dict[str, list[str]] = {}

    def note(self, path: Path_, text: str, lossy: bool = False) -> None:
        self.notes.append(Note(tuple(path), text, lossy))

    # --- swagger ----------------------------------------------------------------------------
    def swagger(self, swagger: dict, spec: dict) -> None:
        if swagger.get("swagger") != "2.0":
            self.note((), f"'swagger' is {swagger.get('swagger')!r}; pacgen always writes \"2.0\"", True)
        for key in SWAGGER_SECTIONS:
            if key in swagger and not is_canonical_empty(key, swagger[key]):
                spec[key] = swagger[key]
        self.check_info(swagger.get("info"))
        for key in swagger:
            known = key in SWAGGER_SECTIONS or key in SWAGGER_VERBATIM or key.startswith("x-")
            if not known and key not in ("swagger", "paths", "definitions", "parameters", "responses"):
                self.note((), f"top-level member {key!r} is not Swagger 2.0 and has no place in a spec: "
                              "it was dropped", True)

    def check_info(self, info: Any) -> None:
        if not isinstance(info, dict):
            self.note(("info",), "'info' is missing or not an object", True)
            return
        for key in info:
            if key not in INFO_KEYS and not key.startswith("x-"):
                self.note(("info", key), f"info member {key!r} is not Swagger 2.0: the spec refuses it", True)

    def swagger_tail(self, swagger: dict, spec: dict) -> None:
        for key in SWAGGER_VERBATIM:
            if key in swagger and not is_canonical_empty(key, swagger[key]):
                spec[key] = swagger[key]
        for key, value in swagger.items():
            if key.startswith("x-") and key != "x-ms-connector-metadata":
                spec[key] = value
        if "x-ms-connector-metadata" in swagger:
            self.connector_metadata(swagger["x-ms-connector-metadata"], spec)

    def connector_metadata(self, metadata: Any, spec: dict) -> None:
        """The Website / Privacy policy / Categories entries as short keys when they fit exactly."""
        names = [display for _, display in METADATA_NAMES]
        fits = isinstance(metadata, list) and bool(metadata) and all(
            isinstance(e, dict) and list(e) == ["propertyName", "propertyValue"]
            and e["propertyName"] in names and isinstance(e["propertyValue"], str) for e in metadata)
        order = [names.index(e["propertyName"]) for e in metadata] if fits else []
        if not fits or order != sorted(set(order)):
            spec["x-ms-connector-metadata"] = metadata
            self.note(("x-ms-connector-metadata",),
                      "kept verbatim: website/privacyPolicy/categories stand only for those three entries, "
                      "once each and in that order")
            return
        for entry in metadata:
            key = next(k for k, display in METADATA_NAMES if display == entry["propertyName"])
            value = entry["propertyValue"]
            spec[key] = value.split(";") if key == "categories" else value

    def operations(self, paths: Any) -> tuple[list, dict]:
        operations: list[dict] = []
        extras: dict[str, dict] = {}
        if not isinstance(paths, dict):
            self.note(("operations",), "'paths' is missing or not an object", True)
            return operations, extras
        operation_paths: list[str] = []
        for path, item in paths.items():
            if not isinstance(item, dict):
                self.note(("paths", path), "a path item that is not an object cannot be written", True)
                continue
            methods = [m for m in item if m in METHODS]
            rest = {k: v for k, v in item.items() if k not in METHODS}
            for method in methods:
                here = ("operations", len(operations))
                operations.append(self.operation(item[method], method, path, here))
            if methods:
                operation_paths.append(path)
                order = path_keys(item, methods)
                if order is not None:
                    self.path_keys[path] = order
            if rest or not methods:
                extras[path] = self.path_item(rest, ("paths", path))
        return operations, self.keep_path_order(list(paths), operation_paths, extras)

    def keep_path_order(self, original: list[str], operation_paths: list[str], extras: dict) -> dict:
        """`paths:` entries in the original order, plus (as `{}`) the operation path just before
        each path without operations, where that is needed for the rebuild to keep the order."""
        if path_order(operation_paths, list(extras)) == original:
            return extras
        wanted = set(extras)
        previous = None
        for path in original:
            if path in operation_paths:
                previous = path
            elif previous is not None:
                wanted.add(previous)
        section = {}
        for path in original:
            if path in wanted:
                section[path] = extras.get(path, {})
                if path not in extras:
                    self.note(("paths", path), "listed (empty) to keep the next path where it was")
        return section

    def path_item(self, item: dict, here: Path_) -> dict:
        out = {}
        for key, value in item.items():
            if key == "parameters" and isinstance(value, list):
                out[key] = [self.parameter(p, here + (key, i)) for i, p in enumerate(value)]
            else:
                if key not in ("$ref", "parameters") and not key.startswith("x-"):
                    self.note(here + (key,), f"path item member {key!r} is not Swagger 2.0: the spec "
                                             "refuses it", True)
                out[key] = value
        return out

    def operation(self, op: Any, method: str, path: str, here: Path_) -> dict:
        if not isinstance(op, dict):
            self.note(here, f"{method.upper()} {path} is not an object", True)
            return {method: path, "responses": {}}
        out: dict[str, Any] = {}
        for key, value in op.items():
            if key == "operationId":
                if isinstance(value, str) and value:
                    out["id"] = value
                else:
                    self.note(here, f"operationId {value!r} is not a name", True)
            elif key == "parameters" and isinstance(value, list):
                out[key] = [self.parameter(p, here + (key, i)) for i, p in enumerate(value)]
            elif key == "responses" and isinstance(value, dict):
                out[key] = {code: self.response(r, here + (key, code)) for code, r in value.items()}
            elif key in OPERATION_SUGAR:
                self.sugar(out, key, value, OPERATION_SUGAR, here)
            else:
                if key not in OPERATION_KEYS and not key.startswith("x-"):
                    self.note(here + (key,), f"operation member {key!r} is not Swagger 2.0: the spec "
                                             "refuses it", True)
                out[key] = value
        out[method] = path
        if "responses" not in op:
            self.note(here, f"{method.upper()} {path} has no responses (the spec requires them)", True)
        out = teaching_order(out, method)
        self.operation_keys.add(operation_name(out, method, path), list(op))
        self.operation_empties.add(operation_name(out, method, path), op, out)
        return out

    def layout(self, swagger: dict, supplied: list[frozenset[str]]) -> dict[str, Any]:
        """How this connector departs from the build's default layout (see generator.spec.layout);
        ``supplied``: per operation, the empty lists left out of its spec, which the layout writes."""
        section = self.operation_keys.section(supplied)
        if self.path_keys:
            section["pathKeysOf"] = self.path_keys
        empties = empty_sections(swagger)
        if empties is not None:
            section["emptySections"] = empties
        section.update(self.operation_empties.section())
        if section:
            self.note(("layout",), LAYOUT_COMMENT)
        return section

    def sugar(self, out: dict, key: str, value: Any, table: dict, here: Path_) -> None:
        short, fits = table[key]
        if not fits(value):
            out[key] = value
            self.note(here + (key,), f"kept verbatim: '{short}' cannot hold {_show(value)}")
            return
        if short == "notificationContent":
            value = {k: self.schema(v, here + (short, k)) if k == "schema" else v for k, v in value.items()}
        out[short] = value

    def response(self, response: Any, here: Path_) -> Any:
        if not isinstance(response, dict):
            self.note(here, "a response that is not an object cannot be written", True)
            return response
        out: dict[str, Any] = {}
        for key, value in response.items():
            if key == "schema":
                value = self.schema(value, here + (key,))
            elif key == "headers" and isinstance(value, dict):
                value = {name: self.schema(h, here + (key, name)) for name, h in value.items()}
            elif key not in RESPONSE_KEYS and not key.startswith("x-"):
                self.note(here + (key,), f"response member {key!r} is not Swagger 2.0: the spec refuses it",
                          True)
            out[key] = value
        return out

    def parameter(self, param: Any, here: Path_) -> Any:
        if not isinstance(param, dict):
            self.note(here, "a parameter that is not an object cannot be written", True)
            return param
        return self.fields(param, here, PARAMETER_KEYS, schema_title=False)

    def schema(self, schema: Any, here: Path_) -> Any:
        if not isinstance(schema, dict):
            return schema
        out = self.fields(schema, here, SCHEMA_KEYS, schema_title=True)
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {name: self.schema(sub, here + (key, name)) for name, sub in value.items()}
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                out[key] = self.schema(value, here + (key,))
            elif key in ("items", "allOf") and isinstance(value, list):
                out[key] = [self.schema(sub, here + (key, i)) for i, sub in enumerate(value)]
        return out

    def fields(self, obj: dict, here: Path_, allowed: frozenset, schema_title: bool) -> dict:
        """Members of a parameter or schema, with the short keys where they fit."""
        out: dict[str, Any] = {}
        folded = self.foldable_enum(obj)
        for key, value in obj.items():
            if key == "enum":
                out[key] = folded if folded is not None else value
                if folded is None and _has_value_items(value):
                    self.note(here + (key,), "enum items that are objects with 'value' read as display "
                                             "names in a spec: this enum cannot be written", True)
            elif key == "x-ms-enum-values" and folded is not None:
                continue
            elif key == "title" and schema_title:
                out["schemaTitle"] = value
            elif key in FIELD_SUGAR:
                self.sugar(out, key, value, FIELD_SUGAR, here)
            elif key == "schema" and not schema_title:
                out[key] = self.schema(value, here + (key,))
            elif key == "items" and not schema_title:
                out[key] = self.schema(value, here + (key,))
            else:
                if key not in allowed and not key.startswith("x-"):
                    self.note(here + (key,), f"member {key!r} is not Swagger 2.0 here: the spec refuses it",
                              True)
                out[key] = value
        return out

    @staticmethod
    def foldable_enum(obj: dict) -> list | None:
        """`enum` with display names when x-ms-enum-values names exactly the enum's values, in order."""
        values, names = obj.get("enum"), obj.get("x-ms-enum-values")
        if not isinstance(values, list) or not isinstance(names, list) or len(values) != len(names):
            return None
        if _has_value_items(values) or any(isinstance(v, dict) for v in values):
            return None
        keys = list(obj)  # expand() writes x-ms-enum-values right after enum: fold only if it stood there
        if keys.index("x-ms-enum-values") != keys.index("enum") + 1:
            return None
        folded = []
        for value, entry in zip(values, names):
            if not (isinstance(entry, dict) and list(entry) == ["value", "displayName"]
                    and same_json(entry["value"], value)):
                return None
            folded.append({"value": value, "title": entry["displayName"]})
        return folded

    # --- apiProperties ------------------------------------------------------------------------
    def properties(self, document: Any, spec: dict) -> None:
        if document is None:
            self.note((), "no apiProperties.json: pacgen always writes one", True)
            return
        if not isinstance(document, dict) or not isinstance(document.get("properties"), dict):
            self.note((), "apiProperties.json has no 'properties' object", True)
            return
        for key in document:
            if key != "properties":
                self.note((), f"apiProperties.json member {key!r} (beside 'properties') has no place in "
                              "a spec: it was dropped", True)
        verbatim: dict[str, Any] = {}
        for key, value in document["properties"].items():
            if key == "connectionParameters":
                params = self.connection_parameters(value)
                if params is None:
                    verbatim[key] = value
                else:
                    spec[key] = params
            elif key in PROPERTY_SUGAR and PROPERTY_SUGAR[key][1](value):
                spec[PROPERTY_SUGAR[key][0]] = value
            else:
                verbatim[key] = value
        if verbatim:
            spec["apiProperties"] = verbatim

    def connection_parameters(self, params: Any) -> dict | None:
        if not isinstance(params, dict):
            return None
        out = {}
        for name, param in params.items():
            short = best_connection_parameter(param)
            if short is None:
                self.note(("apiProperties", "connectionParameters", name),
                          "connectionParameters kept verbatim: this parameter has no short form")
                return None
            out[name] = short
        return out


def best_connection_parameter(param: Any) -> dict | None:
    """The shortest form whose expansion keeps the original's member order too, else the shortest."""
    forms = [connection_parameter(param, labels, required)
             for labels, required in ((True, True), (True, False), (False, False))]
    original = json.dumps(param)
    for form in forms:
        if form is not None and json.dumps(expand_connection_parameter(form)) == original:
            return form
    return forms[0]


def connection_parameter(param: Any, labels: bool = True, required: bool = True) -> dict | None:
    """A short form of one connection parameter (title/description/tooltip with ``labels``,
    ``required`` from its constraints), or None when it has none."""
    if not (isinstance(param, dict) and isinstance(param.get("type"), str)
            and param["type"] in CONNECTION_PARAMETER_TYPES):
        return None
    if any(k not in CONNECTION_PARAMETER_KEYS and not k.startswith("x-") for k in param):
        return None
    ui = param.get("uiDefinition", {})
    if not isinstance(ui, dict) or ui == {} and "uiDefinition" in param:  # expand() drops an empty one
        return None
    short: dict[str, Any] = {}  # what stands for uiDefinition, where uiDefinition stood
    rest = dict(ui)
    for key, name in (("displayName", "title"), ("description", "description"), ("tooltip", "tooltip")):
        if labels and isinstance(rest.get(key), str):
            short[name] = rest.pop(key)
    constraints = rest.get("constraints")
    if required and isinstance(constraints, dict) and constraints.get("required") in ("true", "false"):
        short["required"] = constraints["required"] == "true"
        others = {k: v for k, v in constraints.items() if k != "required"}
        del rest["constraints"]
        if others:  # expand() writes the merged constraints before the other uiDefinition members
            rest = {"constraints": others, **rest}
    if rest:
        short["uiDefinition"] = rest
    out: dict[str, Any] = {}
    for key, value in param.items():
        if key == "uiDefinition":
            out.update(short)
        else:
            out[key] = value
    return out


def _has_value_items(values: Any) -> bool:
    return isinstance(values, list) and any(isinstance(v, dict) and "value" in v for v in values)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def same_json(a: Any, b: Any) -> bool:
    """Equal as JSON values, telling true from 1 and 1 from 1.0 (Python's == does not)."""
    return first_difference(a, b) is None


def first_difference(a: Any, b: Any, pointer: str = "") -> str | None:
    """The JSON pointer of the first place where ``a`` and ``b`` differ, or None."""
    if type(a) is not type(b):
        return pointer
    if isinstance(a, dict):
        for key in a:
            if key not in b:
                return f"{pointer}/{_escape(key)}"
            found = first_difference(a[key], b[key], f"{pointer}/{_escape(key)}")
            if found is not None:
                return found
        for key in b:
            if key not in a:
                return f"{pointer}/{_escape(key)}"
        return None
    if isinstance(a, list):
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{pointer}/{index}")
            if found is not None:
                return found
        return None if len(a) == len(b) else f"{pointer}/{min(len(a), len(b))}"
    return None if a == b else pointer


def first_order_difference(a: Any, b: Any, unordered: frozenset[str] = frozenset(), pointer: str = "") -> str | None:
    """The JSON pointer of the first object whose members stand in another order in ``b`` than in
    ``a`` (same values assumed), or None; objects at the ``unordered`` pointers are not compared."""
    if isinstance(a, dict) and isinstance(b, dict):
        if pointer not in unordered and list(a) != list(b):
            return pointer
        pairs = ((f"{pointer}/{_escape(key)}", a[key], b[key]) for key in a if key in b)
    elif isinstance(a, list) and isinstance(b, list):
        pairs = ((f"{pointer}/{index}", x, y) for index, (x, y) in enumerate(zip(a, b)))
    else:
        return None
    for where, x, y in pairs:
        found = first_order_difference(x, y, unordered, where)
        if found is not None:
            return found
    return None


def _escape(token: str) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


SPEC_ORDER = (
    "info", "host", "basePath", "schemes", "consumes", "produces", "publisher", "stackOwner", "brandColor",
    "website", "privacyPolicy", "categories", "capabilities", "icon", "script", "securityDefinitions",
    "security", "connectionParameters", "connectionParameterSets", "policyTemplateInstances",
    "scriptOperations", "apiProperties", "tags", "externalDocs")


def invert(swagger: Any, properties: Any, files: dict[str, str] | None = None, layout: bool = True) -> Inverse:
    """The spec whose build is ``swagger`` and ``properties``; ``files`` adds icon/script paths;
    without ``layout`` the spec takes the canonical layout (no `layout:` section, so the operations'
    empty lists are left out for good)."""
    inverter = _Inverter()
    spec: dict[str, Any] = {}
    if not isinstance(swagger, dict):
        inverter.note((), "the swagger document is not an object", True)
        return Inverse({}, inverter.notes)
    inverter.swagger(swagger, spec)
    inverter.swagger_tail(swagger, spec)
    inverter.properties(properties, spec)
    spec.update(files or {})
    operations, path_items = inverter.operations(swagger.get("paths"))
    sections: dict[str, Any] = {"operations": operations}
    if path_items:
        sections["paths"] = path_items
    if "definitions" in swagger and not is_canonical_empty("definitions", swagger["definitions"]):
        definitions = swagger["definitions"]
        sections["definitions"] = ({name: inverter.schema(body, ("definitions", name))
                                    for name, body in definitions.items()}
                                   if isinstance(definitions, dict) else definitions)
    if "parameters" in swagger and not is_canonical_empty("parameters", swagger["parameters"]):
        parameters = swagger["parameters"]
        sections["parameters"] = ({name: inverter.parameter(body, ("parameters", name))
                                   for name, body in parameters.items()}
                                  if isinstance(parameters, dict) else parameters)
    if "responses" in swagger and not is_canonical_empty("responses", swagger["responses"]):
        responses = swagger["responses"]
        sections["responses"] = ({code: inverter.response(body, ("responses", code))
                                  for code, body in responses.items()}
                                 if isinstance(responses, dict) else responses)
    ordered = {key: spec[key] for key in SPEC_ORDER if key in spec}
    ordered.update({key: value for key, value in spec.items() if key not in ordered})
    ordered.update(sections)
    supplied = inverter.operation_empties.leave_out()  # without layout, a new connector has none
    section = inverter.layout(swagger, supplied) if layout else {}
    if section:
        ordered["layout"] = section
    return Inverse(ordered, inverter.notes)
