"""The round trip's comparison (first_difference) on its own, and an import of a connector that
holds every swagger key the importer supports (the lists in generator.importer.inverse)."""

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.findings import pointer_of
from generator.importer import inverse
from generator.importer.convert import build_documents, import_connector
from generator.importer.inverse import first_difference, same_json

# --- first_difference --------------------------------------------------------------------------


@pytest.mark.parametrize("a, b, where", [
    (1, 1.0, ""), (1.0, 1, ""), (True, 1, ""), (0, False, ""), (None, 0, ""), ("1", 1, ""),
    ({"a": 1}, {"a": 1.0}, "/a"),
    ([1, [2, [3, 4]]], [1, [2, [3, 4.0]]], "/1/1/1"),
    ([1, 2], [1, 2, 3], "/2"), ([1, 2, 3], [1, 2], "/2"), ([], {}, ""),
    ({"a": 1, "b": 2}, {"a": 1}, "/b"), ({"a": 1}, {"a": 1, "b": 2}, "/b"),
    ({"x/y~z": {"": [0]}}, {"x/y~z": {"": [1]}}, "/x~1y~0z//0"),
    ({"a": [1], "b": [2]}, {"a": [9], "b": [9]}, "/a/0"),  # the first difference in a's order
    ({"b": [2], "a": [1]}, {"a": [9], "b": [9]}, "/b/0"),
])
def test_first_difference_names_the_first_differing_place(a, b, where):
    assert first_difference(a, b) == where
    assert not same_json(a, b)


@pytest.mark.parametrize("a, b", [
    ({"a": 1, "b": [1.5, {"c": None}]}, {"b": [1.5, {"c": None}], "a": 1}),  # member order is not a value
    ([[], {}, "", 0, 0.0, False, None], [[], {}, "", 0, 0.0, False, None]),
    (12345678901234567890123, 12345678901234567890123),
])
def test_equal_json_values_have_no_difference(a, b):
    assert first_difference(a, b) is None and same_json(a, b)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=20)


def _places(value, tokens=()):
    yield tokens
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for token, child in children:
        yield from _places(child, (*tokens, token))


def _changed(value):
    """A value no JSON reader takes for ``value``."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        return float(value)
    if isinstance(value, float):
        return [value]
    return None


@given(JSON, st.data())
def test_one_change_is_found_where_it_was_made(value, data):
    assert first_difference(value, copy.deepcopy(value)) is None
    place = data.draw(st.sampled_from(list(_places(value))))
    changed = copy.deepcopy(value)
    if not place:
        changed = _changed(changed)
    else:
        parent = changed
        for token in place[:-1]:
            parent = parent[token]
        parent[place[-1]] = _changed(parent[place[-1]])
    assert first_difference(value, changed) == pointer_of(*place)
    assert first_difference(changed, value) == pointer_of(*place)


# --- import of every supported key -------------------------------------------------------------

DYNAMIC = {"operationId": "ListThings", "value-path": "id"}


def _schema_with_every_key() -> dict:
    return {
        "type": "object", "format": "thing", "description": "A thing.", "default": {"id": 1},
        "example": {"id": 2}, "required": ["id"], "readOnly": False, "discriminator": "kind",
        "xml": {"name": "thing"}, "externalDocs": {"url": "https://example.com/thing"},
        "maximum": 10, "exclusiveMaximum": True, "minimum": 0, "exclusiveMinimum": False,
        "maxLength": 9, "minLength": 1, "pattern": "^[a-z]+$", "maxItems": 3, "minItems": 1,
        "uniqueItems": True, "maxProperties": 8, "minProperties": 1, "multipleOf": 2, "enum": [{"id": 1}],
        "additionalProperties": {"type": "string"},
        "allOf": [{"$ref": "#/definitions/Base"}],
        "properties": {
            "id": {"type": "integer", "x-ms-summary": "ID", "x-ms-visibility": "important",
                   "x-ms-test-value": 7},
            "kind": {"type": "string", "x-ms-dynamic-values": DYNAMIC, "x-ms-dynamic-list": {
                "operationId": "ListThings", "itemValuePath": "id"}},
            "shape": {"type": "object", "x-ms-dynamic-schema": DYNAMIC,
                      "x-ms-dynamic-properties": {"operationId": "ListThings"}},
            "folder": {"type": "string", "x-ms-dynamic-tree": {"settings": {"canSelectParentNodes": True}}},
            "hook": {"type": "string", "x-ms-notification-url": True, "x-ms-visibility": "internal"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "base": {"$ref": "#/definitions/Base"},
        },
    }


def _parameter_with_every_key() -> dict:
    return {
        "name": "ids", "in": "query", "description": "Ids.", "required": False, "type": "array",
        "format": "csv-ids", "allowEmptyValue": True, "items": {"type": "integer"},
        "collectionFormat": "pipes", "default": [1], "maximum": 9, "exclusiveMaximum": True,
        "minimum": 1, "exclusiveMinimum": True, "maxLength": 20, "minLength": 1, "pattern": "^\\d+$",
        "maxItems": 5, "minItems": 1, "uniqueItems": True, "multipleOf": 1, "enum": [[1], [2]],
        "x-ms-summary": "Ids", "x-ms-visibility": "advanced", "x-ms-url-encoding": "double",
        "x-ms-test-value": [1], "x-ms-dynamic-values": DYNAMIC, "x-ms-dynamic-list": DYNAMIC,
        "x-ms-dynamic-tree": {"settings": {}}, "x-ms-dynamic-schema": DYNAMIC,
        "x-ms-dynamic-properties": DYNAMIC, "x-ms-notification-url": False,
    }


def every_key_swagger() -> dict:
    operation = {
        "operationId": "ListThings", "summary": "List things", "description": "Lists things.",
        "tags": ["Things"], "consumes": ["application/json"], "produces": ["application/json"],
        "schemes": ["https"], "security": [{"key": []}], "deprecated": True,
        "externalDocs": {"url": "https://example.com/list"},
        "x-ms-visibility": "important", "x-ms-trigger": "batch", "x-ms-trigger-hint": "Polls.",
        "x-ms-api-annotation": {"status": "Preview", "family": "ListThings", "revision": 2},
        "x-ms-notification-content": {"description": "A thing", "schema": {"$ref": "#/definitions/Thing"}},
        "parameters": [_parameter_with_every_key(),
                       {"$ref": "#/parameters/Top"},
                       {"name": "body", "in": "body", "schema": _schema_with_every_key()}],
        "responses": {
            "200": {"description": "OK", "schema": {"$ref": "#/definitions/Thing"},
                    "headers": {"X-Total": {"type": "integer", "x-ms-summary": "Total"}},
                    "examples": {"application/json": {"id": 1}}},
            "default": {"$ref": "#/responses/Error"},
        },
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Every Key", "description": "Every key the importer supports.", "version": "1.0",
                 "termsOfService": "https://example.com/terms",
                 "contact": {"name": "Team", "email": "team@example.com"},
                 "license": {"name": "MIT", "url": "https://example.com/license"}},
        "host": "api.example.com", "basePath": "/v1", "schemes": ["https"],
        "consumes": ["application/json"], "produces": ["application/json"],
        "paths": {"/things": {"get": operation}},
        "definitions": {"Thing": _schema_with_every_key(), "Base": {"type": "object"}},
        "parameters": {"Top": {"name": "top", "in": "query", "type": "integer", "x-ms-summary": "Top"}},
        "responses": {"Error": {"description": "Error", "schema": {"type": "object"}}},
        "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
        "security": [{"key": []}],
        "tags": [{"name": "Things"}],
        "externalDocs": {"url": "https://example.com"},
        "x-ms-connector-metadata": [
            {"propertyName": "Website", "propertyValue": "https://example.com"},
            {"propertyName": "Privacy policy", "propertyValue": "https://example.com/privacy"},
            {"propertyName": "Categories", "propertyValue": "Data"},
        ],
    }


def every_key_properties() -> dict:
    return {"properties": {
        "connectionParameters": {"api_key": {
            "type": "securestring", "uiDefinition": {"displayName": "API key", "description": "Key",
                                                     "tooltip": "Key", "constraints": {"required": "true"}},
            "allowedValues": [], "defaultValue": "", "metadata": {"sensitive": True}},
            "token": {"type": "oauthSetting", "oAuthSettings": {
                "identityProvider": "oauth2", "clientId": "abc", "scopes": ["read"],
                "redirectMode": "Global", "customParameters": {"authorizationUrl": {"value": "https://a.example.com"}}}},
            "gateway": {"type": "gatewaySetting", "gatewaySettings": {"dataSourceType": "CustomConnector",
                                                                     "connectionDetails": []}}},
        "connectionParameterSets": {"uiDefinition": {"displayName": "Sign in"}, "values": []},
        "iconBrandColor": "#007ee5",
        "capabilities": ["actions"],
        "policyTemplateInstances": [{"templateId": "routerequesttoendpoint", "title": "Route",
                                     "parameters": {"x-ms-apimTemplate-operationName": ["ListThings"]}}],
        "publisher": "Contoso",
        "stackOwner": "Contoso Ltd",
        "scriptOperations": ["ListThings"],
    }}


def _keys_by_kind(swagger: dict, properties: dict) -> dict[str, set]:
    op = swagger["paths"]["/things"]["get"]
    schema_keys = set(swagger["definitions"]["Thing"])
    for prop in swagger["definitions"]["Thing"]["properties"].values():
        schema_keys |= set(prop)
    return {
        "schema": schema_keys, "parameter": set(op["parameters"][0]) | {"$ref", "schema"},
        "response": set(op["responses"]["200"]) | {"$ref"}, "operation": set(op),
        "info": set(swagger["info"]), "swagger": set(swagger),
        "connection parameter": set().union(*properties["properties"]["connectionParameters"].values()),
        "apiProperties": set(properties["properties"]),
    }


def test_the_fixture_holds_every_key_the_importer_supports():
    """When the importer learns a key, this fixture must learn it too."""
    keys = _keys_by_kind(every_key_swagger(), every_key_properties())
    field_sugar = set(inverse.FIELD_SUGAR)
    expected = {
        "schema": inverse.SCHEMA_KEYS | field_sugar - {"x-ms-url-encoding"},
        "parameter": inverse.PARAMETER_KEYS | field_sugar,
        "response": inverse.RESPONSE_KEYS, "operation": inverse.OPERATION_KEYS | set(inverse.OPERATION_SUGAR),
        "info": inverse.INFO_KEYS,
        "swagger": set(inverse.SWAGGER_SECTIONS) | set(inverse.SWAGGER_VERBATIM),
        "connection parameter": inverse.CONNECTION_PARAMETER_KEYS, "apiProperties": set(inverse.PROPERTY_SUGAR),
    }
    for kind, wanted in expected.items():
        assert not wanted - keys[kind], f"{kind}: the fixture lacks {sorted(wanted - keys[kind])}"


def test_import_of_every_key_rebuilds_the_same_connector(tmp_path):
    swagger, properties = every_key_swagger(), every_key_properties()
    folder = tmp_path / "every-key"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(properties, indent=4), "utf-8")
    imported = import_connector(folder, tmp_path / "every-key.yaml")
    assert imported.lossy == []
    rebuilt_swagger, rebuilt_properties = build_documents(imported.text)
    assert first_difference(swagger, rebuilt_swagger) is None
    assert first_difference(properties, rebuilt_properties) is None
    # the concise forms are used where they are exact
    operation = imported.spec["operations"][0]
    assert operation["get"] == "/things" and operation["trigger"] == "batch"
    assert operation["annotation"] == {"status": "Preview", "family": "ListThings", "revision": 2}
    ids = operation["parameters"][0]
    assert (ids["title"], ids["urlEncoding"], ids["collectionFormat"]) == ("Ids", "double", "pipes")
    assert "x-ms-summary" not in ids and ids["allowEmptyValue"] is True
    assert imported.spec["brandColor"] == "#007ee5" and imported.spec["publisher"] == "Contoso"
