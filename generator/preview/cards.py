"""A connector's swagger and apiProperties → the designer's cards and connection dialog
(``generator.preview.model``), following how the Power Automate designer reads the extensions:

* operations: ``x-ms-visibility: internal`` ones are never listed; ``x-ms-trigger`` makes a trigger;
  title = ``summary`` (else the operationId), info text = ``description``; ``important`` ones first,
  ``advanced`` ones last (the page folds them behind "See more"); ``deprecated`` ones are kept but
  flagged (the designer hides them; the page, behind a switch), with their replacement.
* inputs: every parameter that is not internal; a body parameter whose schema is an object is
  replaced by its properties (``$ref`` followed, ``allOf`` merged), nested objects as groups, arrays
  as items with "Add new item". Label = ``x-ms-summary`` (else ``title``, else the key), placeholder
  = ``description``; a credential (by the validator's definition) is a masked box whose value is never
  shown. Order: required and ``important`` first, then the rest, ``advanced`` last —
  each group in document order. A required field is never hidden behind the advanced toggle: the
  designer must ask for it.
* outputs: the leaves of the first 2xx response (a trigger: its ``x-ms-notification-content``),
  each labelled with its parents' labels in front, plus the response's headers; a batch trigger
  whose response is an array fires once per item, so its outputs are the item's.

Every built element records the JSON pointers it came from (the use site and each ``$ref`` target),
so that ``generator.preview.placement`` can put the validator's findings on it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from generator.findings import pointer_of, value_at
from generator.preview.model import (
    ACTION,
    TRIGGER,
    Card,
    ConnectionField,
    ConnectionSet,
    Field,
    Option,
    Preview,
    Token,
)
from generator.validate.rules.secrets.secret_parameter_has_value import is_secret_parameter

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
DYNAMIC_DROPDOWNS = ("x-ms-dynamic-values", "x-ms-dynamic-list", "x-ms-dynamic-tree")
DYNAMIC_SCHEMAS = ("x-ms-dynamic-schema", "x-ms-dynamic-properties")
# Keys written beside a "$ref" that the designer still honours.
_REF_ANNOTATIONS = ("x-ms-summary", "description", "title", "x-ms-visibility")
_MAX_DEPTH = 12  # nesting shown; deeper schemas are cut (a recursive schema would never end)
# Elements built per card: definitions that share definitions can multiply without a cycle
# (10 properties × 10 × ... reach millions); past this the card says what it left out.
MAX_ELEMENTS = 3000


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _scalar(value: Any) -> str:
    """A default or enum value as a form shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (int, float, str)):
        return str(value)
    from generator.jsontext import dumps

    return dumps(value)


class _Swagger:
    """The swagger with ``$ref`` resolution that remembers every pointer it went through."""

    def __init__(self, swagger: dict) -> None:
        self.swagger = swagger
        self.budget = MAX_ELEMENTS  # elements the current card may still build
        self.summaries = {}
        for _, _, operation, _ in self.operations():
            operation_id = _text(operation.get("operationId"))
            if operation_id:
                self.summaries.setdefault(operation_id, _text(operation.get("summary")))

    def operations(self):
        """(path, method, operation, pointer) in document order."""
        for path, item in _dict(self.swagger.get("paths")).items():
            for method, operation in _dict(item).items():
                if method.lower() in METHODS and isinstance(operation, dict):
                    yield path, method.lower(), operation, pointer_of("paths", path, method)

    def lookup(self, pointer: str) -> Any:
        return value_at(self.swagger, pointer)

    def resolve(self, node: Any, pointer: str, seen: frozenset[str] = frozenset()
                ) -> tuple[dict, tuple[str, ...], frozenset[str]]:
        """The node behind any chain of local ``$ref``s, the pointers passed, and the refs seen."""
        pointers = [pointer]
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                break
            target_pointer = unquote(ref[1:])
            target = self.lookup(target_pointer)
            if not isinstance(target, dict):
                break
            seen = seen | {ref}
            notes = {key: node[key] for key in _REF_ANNOTATIONS if key in node}
            node = {**target, **notes} if notes else target
            pointers.append(target_pointer)
        return _dict(node), tuple(pointers), seen

    def merged(self, node: dict, pointers: tuple[str, ...], seen: frozenset[str]
               ) -> tuple[dict, dict[str, tuple[Any, str]], list[str]]:
        """An object schema's properties (with ``allOf`` members merged) as name → (schema,
        pointer), and its required names."""
        properties: dict[str, tuple[Any, str]] = {}
        required: list[str] = []
        for index, member in enumerate(_list(node.get("allOf"))):
            part, part_pointers, part_seen = self.resolve(member, pointer_of_index(pointers[-1], "allOf", index),
                                                          seen)
            _, more, more_required = self.merged(part, part_pointers, part_seen)
            properties.update(more)
            required += more_required
        for name, schema in _dict(node.get("properties")).items():
            properties[name] = (schema, pointers[-1] + pointer_of("properties", name))
        required += [name for name in _list(node.get("required")) if isinstance(name, str)]
        return node, properties, required

    def operation_label(self, operation_id: str) -> str:
        summary = self.summaries.get(operation_id)
        if summary is None:
            return f"{operation_id} (not in this connector)"
        return f"‘{summary}’ ({operation_id})" if summary else operation_id


def pointer_of_index(base: str, key: str, index: int) -> str:
    return base + pointer_of(key, index)


def build_preview(swagger: Any, properties: Any, source: str) -> Preview:
    """The page's content (without findings) for a connector's two documents."""
    swagger = _dict(swagger)
    document = _Swagger(swagger)
    info = _dict(swagger.get("info"))
    props = _dict(_dict(properties).get("properties"))
    preview = Preview(title=_text(info.get("title")) or source, description=_text(info.get("description")),
                      source=source, brand_color=_text(props.get("iconBrandColor")))
    for path, method, operation, pointer in document.operations():
        if operation.get("x-ms-visibility") == "internal":
            continue
        card = _card(document, path, method, operation, pointer)
        (preview.triggers if card.kind == TRIGGER else preview.actions).append(card)
    # The designer lists important operations first and hides advanced ones behind "See more".
    preview.triggers.sort(key=_operation_rank)
    preview.actions.sort(key=_operation_rank)
    preview.connection_label, preview.connection = _connection(props, swagger, properties is not None)
    return preview


def _operation_rank(card: Card) -> int:
    return {"important": 0, "advanced": 2}.get(card.visibility, 1)


def _card(document: _Swagger, path: str, method: str, operation: dict, pointer: str) -> Card:
    operation_id = _text(operation.get("operationId"))
    trigger = operation.get("x-ms-trigger")
    annotation = _dict(operation.get("x-ms-api-annotation"))
    replacement = _text(_dict(annotation.get("replacement")).get("operationId"))
    card = Card(operation_id=operation_id, title=_text(operation.get("summary")) or operation_id or
                f"{method.upper()} {path}", description=_text(operation.get("description")),
                kind=TRIGGER if trigger else ACTION, method=method.upper(), path=path, pointer=pointer,
                trigger_type=str(trigger) if trigger else "", deprecated=operation.get("deprecated") is True,
                visibility=_text(operation.get("x-ms-visibility")),
                trigger_hint=_text(operation.get("x-ms-trigger-hint")) if trigger else "",
                status=_text(annotation.get("status")),
                replacement=document.operation_label(replacement) if replacement else "")
    fields = _inputs(document, path, operation, pointer)
    card.inputs = [f for f in fields if f.required or f.visibility != "advanced"]
    card.advanced = [f for f in fields if not f.required and f.visibility == "advanced"]
    card.outputs, card.dynamic_outputs = _outputs(document, operation, pointer, bool(trigger))
    card.truncated = document.budget <= 0
    document.budget = MAX_ELEMENTS
    return card


# --- inputs -----------------------------------------------------------------------------------------


def _parameters(document: _Swagger, path: str, operation: dict, pointer: str) -> list[tuple[Any, str]]:
    """Path-level parameters, overridden by the operation's own ones of the same name and place."""
    item_pointer = pointer_of("paths", path)
    found: dict[tuple[str, str], tuple[Any, str]] = {}
    for base, entries in ((item_pointer, _dict(document.swagger["paths"][path]).get("parameters")),
                          (pointer, operation.get("parameters"))):
        for index, entry in enumerate(_list(entries)):
            resolved, _, _ = document.resolve(entry, "")
            key = (str(resolved.get("name")), str(resolved.get("in")))
            found.pop(key, None)  # the operation's own one takes the path-level one's place, at the end
            found[key] = (entry, pointer_of_index(base, "parameters", index))
    return list(found.values())


def _inputs(document: _Swagger, path: str, operation: dict, pointer: str) -> list[Field]:
    fields: list[Field] = []
    for entry, entry_pointer in _parameters(document, path, operation, pointer):
        parameter, pointers, seen = document.resolve(entry, entry_pointer)
        if parameter.get("x-ms-visibility") == "internal":
            continue
        if parameter.get("in") == "body":
            fields += _body_fields(document, parameter, pointers, seen)
        else:
            field = _field(document, _text(parameter.get("name")), parameter, pointers, seen,
                           parameter.get("required") is True, 0)
            field.location = _text(parameter.get("in"))
            fields.append(field)
    return designer_order(fields)


def designer_order(fields: list[Field]) -> list[Field]:
    """Required and important first, then the rest, advanced last; stable within each group."""
    def rank(field: Field) -> int:
        if field.required or field.visibility == "important":
            return 0
        return 2 if field.visibility == "advanced" else 1

    return sorted(fields, key=rank)


def _body_fields(document: _Swagger, parameter: dict, pointers: tuple[str, ...], seen: frozenset[str]
                 ) -> list[Field]:
    schema_pointer = pointers[-1] + "/schema"
    schema, schema_pointers, seen = document.resolve(parameter.get("schema"), schema_pointer, seen)
    if schema.get("x-ms-visibility") == "internal":
        return []
    if _is_object(schema) and not any(key in schema for key in DYNAMIC_SCHEMAS):
        fields = _object_children(document, schema, schema_pointers, seen, 0)
        for field in fields:
            field.location = "body"
        # Properties that are all internal show nothing: the designer fills them in itself.
        if document.merged(schema, schema_pointers, seen)[1] or not parameter.get("required"):
            return fields
    label_source = {**schema, **{k: parameter[k] for k in ("x-ms-summary", "description") if k in parameter}}
    field = _field(document, _text(parameter.get("name")) or "body", label_source, pointers + schema_pointers,
                   seen, parameter.get("required") is True, 0)
    field.location = "body"
    return [field]


def _is_object(schema: dict) -> bool:
    return schema.get("type") == "object" or (
        "type" not in schema and ("properties" in schema or "allOf" in schema))


def _object_children(document: _Swagger, schema: dict, pointers: tuple[str, ...], seen: frozenset[str],
                     depth: int) -> list[Field]:
    if depth >= _MAX_DEPTH or document.budget <= 0:
        return []
    _, properties, required = document.merged(schema, pointers, seen)
    document.budget -= len(properties)
    children = []
    for name, (node, pointer) in properties.items():
        child, child_pointers, child_seen = document.resolve(node, pointer, seen)
        if child.get("x-ms-visibility") == "internal":
            continue
        children.append(_field(document, name, child, child_pointers, child_seen, name in required, depth + 1))
    return designer_order(children)


def _field(document: _Swagger, key: str, node: dict, pointers: tuple[str, ...], seen: frozenset[str],
           required: bool, depth: int) -> Field:
    control, type_label = _control(node)
    field = Field(key=key, label=_text(node.get("x-ms-summary")) or _text(node.get("title")) or key,
                  control=control, type_label=type_label, placeholder=_text(node.get("description")),
                  required=required, visibility=_text(node.get("x-ms-visibility")),
                  default=_scalar(node.get("default")), pointers=pointers)
    if control == "text" and is_secret_parameter(node):
        # A credential: a masked box, and its value (if the swagger carries one) never on the page.
        field.control, field.default = "secret", ""
    field.options = _options(node)
    for kind in (*DYNAMIC_DROPDOWNS, *DYNAMIC_SCHEMAS):
        if isinstance(node.get(kind), dict):
            field.dynamic_kind = kind
            field.dynamic_source = _dynamic_source(document, kind, node[kind])
            break
    if control == "object":
        field.children = _object_children(document, node, pointers, seen, depth)
    elif control == "array":
        items, item_pointers, item_seen = document.resolve(node.get("items"), pointers[-1] + "/items", seen)
        if _is_object(items):
            field.children = _object_children(document, items, item_pointers, item_seen, depth)
        elif depth < _MAX_DEPTH:
            item = _field(document, "item", items, item_pointers, item_seen, False, depth + 1)
            item.label = field.label + " item"
            item.placeholder = item.placeholder or field.placeholder
            field.children = [item]
    return field


def _control(node: dict) -> tuple[str, str]:
    kind, fmt = node.get("type"), _text(node.get("format"))
    type_label = f"{kind} ({fmt})" if isinstance(kind, str) and fmt else (kind if isinstance(kind, str) else "any")
    if "$ref" in node:  # a reference not followed (a cycle, or outside the document): a JSON value
        return "object", "object"
    if any(isinstance(node.get(k), dict) for k in DYNAMIC_DROPDOWNS):
        return "dynamic", type_label
    if _list(node.get("enum")) or _list(node.get("x-ms-enum-values")):
        return "select", type_label
    if kind == "boolean":
        return "boolean", type_label
    if kind == "file" or fmt in ("binary", "byte"):
        return "file", type_label
    if kind == "string" and fmt == "date-time":
        return "datetime", type_label
    if kind == "string" and fmt == "date":
        return "date", type_label
    if kind in ("integer", "number"):
        return "number", type_label
    if kind == "array":
        return "array", type_label
    if _is_object(node):
        return "object", "object"
    return "text", type_label


def _options(node: dict) -> list[Option]:
    """A static dropdown: the enum values, shown by their ``x-ms-enum-values`` display names."""
    names = {}
    for entry in _list(node.get("x-ms-enum-values")):
        if isinstance(entry, dict) and "value" in entry:
            names[_scalar(entry["value"])] = _text(entry.get("displayName")) or _scalar(entry["value"])
    values = [_scalar(v) for v in _list(node.get("enum"))] or list(names)
    if node.get("type") == "boolean" and not values:
        return [Option("true", "Yes"), Option("false", "No")]
    return [Option(value, names.get(value, value)) for value in values]


def _dynamic_source(document: _Swagger, kind: str, extension: dict) -> str:
    """The operation that fills the field, and the inputs it passes on (the designer asks for
    those first)."""
    if kind == "x-ms-dynamic-tree":
        extension = _dict(extension.get("open")) or _dict(extension.get("browse"))
    operation_id = _text(extension.get("operationId"))
    label = document.operation_label(operation_id) if operation_id else "an operation it does not name"
    inputs = sorted({_text(_dict(value).get("parameter") or _dict(value).get("parameterReference"))
                     for value in _dict(extension.get("parameters")).values()} - {""})
    return f"{label}, given {', '.join(inputs)}" if inputs else label


# --- outputs ----------------------------------------------------------------------------------------


def _outputs(document: _Swagger, operation: dict, pointer: str, trigger: bool) -> tuple[list[Token], str]:
    if trigger and isinstance(operation.get("x-ms-notification-content"), dict):
        content_pointer = pointer + "/x-ms-notification-content"
        content = operation["x-ms-notification-content"]
        return _schema_tokens(document, content.get("schema"), content_pointer + "/schema",
                              operation.get("x-ms-trigger") == "batch"), ""
    code, response = _chosen_response(operation)
    if response is None:
        return [], ""
    response_pointer = pointer + pointer_of("responses", code)
    response, pointers, seen = document.resolve(response, response_pointer)
    schema, schema_pointers, seen = document.resolve(response.get("schema"), pointers[-1] + "/schema", seen)
    dynamic = next((document.operation_label(_text(schema[k].get("operationId"))) for k in DYNAMIC_SCHEMAS
                    if isinstance(schema.get(k), dict)), "")
    tokens = _schema_tokens(document, response.get("schema"), pointers[-1] + "/schema",
                            operation.get("x-ms-trigger") == "batch") if schema else []
    for name, header in _dict(response.get("headers")).items():
        header = _dict(header)
        tokens.append(Token(label=_text(header.get("x-ms-summary")) or name,
                            type_label=_control(header)[1], description=_text(header.get("description")),
                            path=f"headers/{name}",
                            pointers=(pointers[-1] + pointer_of("headers", name),)))
    return tokens, dynamic


def _chosen_response(operation: dict) -> tuple[str, Any]:
    """The response the designer takes outputs from: the first 2xx, else ``default``."""
    responses = _dict(operation.get("responses"))
    success = sorted(code for code in responses if str(code).startswith("2"))
    for code in (*success, "default"):
        if code in responses:
            return code, responses[code]
    return "", None


def _schema_tokens(document: _Swagger, node: Any, pointer: str, batch: bool = False) -> list[Token]:
    schema, pointers, seen = document.resolve(node, pointer)
    if not schema:
        return []
    if batch and schema.get("type") == "array":  # a batch trigger fires once per item of the array
        items, item_pointers, seen = document.resolve(schema.get("items"), pointers[-1] + "/items", seen)
        if _is_object(items) and (items.get("properties") or items.get("allOf")):
            return _object_tokens(document, items, item_pointers, seen, "", "body", 0)
    if _is_object(schema) and (schema.get("properties") or schema.get("allOf")):
        return _object_tokens(document, schema, pointers, seen, "", "body", 0)
    return [Token(label="Body", type_label=_control(schema)[1], description=_text(schema.get("description")),
                  path="body", pointers=pointers)]


def _object_tokens(document: _Swagger, schema: dict, pointers: tuple[str, ...], seen: frozenset[str],
                   prefix: str, path: str, depth: int) -> list[Token]:
    if depth >= _MAX_DEPTH or document.budget <= 0:
        return []
    _, properties, _ = document.merged(schema, pointers, seen)
    document.budget -= len(properties)
    tokens = []
    for name, (node, pointer) in properties.items():
        child, child_pointers, child_seen = document.resolve(node, pointer, seen)
        if child.get("x-ms-visibility") == "internal":
            continue
        label = " ".join(filter(None, (prefix, _text(child.get("x-ms-summary")) or _text(child.get("title"))
                                       or name)))
        child_path = f"{path}/{name}"
        if _is_object(child) and (child.get("properties") or child.get("allOf")):
            tokens += _object_tokens(document, child, child_pointers, child_seen, label, child_path, depth + 1)
            continue
        tokens.append(Token(label=label, type_label=_control(child)[1], description=_text(child.get("description")),
                            path=child_path, pointers=child_pointers))
        if child.get("type") == "array":
            items, item_pointers, item_seen = document.resolve(child.get("items"), child_pointers[-1] + "/items",
                                                               child_seen)
            if _is_object(items):
                tokens += _object_tokens(document, items, item_pointers, item_seen, label, child_path, depth + 1)
    return tokens


# --- connection dialog ------------------------------------------------------------------------------


def _connection(props: dict, swagger: dict, has_properties: bool) -> tuple[str, list[ConnectionSet]]:
    sets = _dict(props.get("connectionParameterSets"))
    if _list(sets.get("values")):
        ui = _dict(sets.get("uiDefinition"))
        found = []
        for index, entry in enumerate(_list(sets["values"])):
            entry = _dict(entry)
            entry_ui = _dict(entry.get("uiDefinition"))
            base = pointer_of("properties", "connectionParameterSets", "values", index, "parameters")
            found.append(ConnectionSet(_text(entry_ui.get("displayName")) or _text(entry.get("name")),
                                       _text(entry_ui.get("description")),
                                       _connection_fields(_dict(entry.get("parameters")), base)))
        return _text(ui.get("displayName")) or "Authentication type", found
    parameters = _dict(props.get("connectionParameters"))
    if parameters or has_properties:
        fields = _connection_fields(parameters, pointer_of("properties", "connectionParameters"))
        return "", [ConnectionSet("", "", fields)] if fields else []
    return "", _security_fallback(swagger)


def _connection_fields(parameters: dict, base: str) -> list[ConnectionField]:
    fields = []
    ordered = sorted(parameters.items(), key=lambda item: _tab_index(_dict(item[1])))
    for name, parameter in ordered:
        parameter = _dict(parameter)
        ui = _dict(parameter.get("uiDefinition"))
        constraints = _dict(ui.get("constraints"))
        if str(constraints.get("hidden", "")).lower() == "true":
            continue
        kind = {"securestring": "secure", "secureobject": "secure", "oauthSetting": "oauth",
                "bool": "boolean"}.get(str(parameter.get("type")), "text")
        options = [Option(_scalar(_dict(v).get("value")), _text(_dict(v).get("text")) or _scalar(_dict(v).get("value")))
                   for v in _list(constraints.get("allowedValues"))]
        if options and kind == "text":
            kind = "select"
        fields.append(ConnectionField(
            key=name, label=_text(ui.get("displayName")) or name, kind=kind,
            description=_text(ui.get("description")), tooltip=_text(ui.get("tooltip")),
            required=str(constraints.get("required", "")).lower() == "true",
            provider=_text(_dict(parameter.get("oAuthSettings")).get("identityProvider")),
            options=options, pointers=(base + pointer_of(name),)))
    return fields


def _tab_index(parameter: dict) -> int:
    index = _dict(_dict(parameter.get("uiDefinition")).get("constraints")).get("tabIndex")
    try:
        return int(index)
    except (TypeError, ValueError):
        return 1_000_000  # no tabIndex: after those that have one, in document order (sorted is stable)


def _security_fallback(swagger: dict) -> list[ConnectionSet]:
    """Without apiProperties, the dialog the portal derives from securityDefinitions."""
    fields = []
    for name, scheme in _dict(swagger.get("securityDefinitions")).items():
        scheme = _dict(scheme)
        pointer = pointer_of("securityDefinitions", name)
        kind = scheme.get("type")
        if kind == "basic":
            fields += [ConnectionField("username", "Username", "secure", required=True, pointers=(pointer,)),
                       ConnectionField("password", "Password", "secure", required=True, pointers=(pointer,))]
        elif kind == "apiKey":
            fields.append(ConnectionField(_text(scheme.get("name")) or name, _text(scheme.get("x-ms-summary"))
                                          or _text(scheme.get("name")) or "API Key", "secure",
                                          description=_text(scheme.get("description")), required=True,
                                          pointers=(pointer,)))
        elif kind == "oauth2":
            fields.append(ConnectionField(name, "Sign in", "oauth", provider="OAuth 2.0", pointers=(pointer,)))
    return [ConnectionSet("", "", fields)] if fields else []
