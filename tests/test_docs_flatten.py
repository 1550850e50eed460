"""From a swagger (+ apiProperties, throttling) to the page Microsoft would show."""

from __future__ import annotations

import json
from pathlib import Path

from generator.docs import DocConnParam, DocThrottle, page_from_connector
from generator.docs.flatten import display_type

MINI = Path(__file__).parent / "fixtures" / "docs" / "mini"


def load_mini() -> tuple[dict, dict]:
    return (json.loads((MINI / "apiDefinition.swagger.json").read_text(encoding="utf-8")),
            json.loads((MINI / "apiProperties.json").read_text(encoding="utf-8")))


def rows(op) -> tuple[list, list]:
    return ([(p.name, p.key, p.required, p.type) for p in op.parameters],
            [(r.name, r.path, r.type) for r in op.returns])


def test_operations_visible_sorted_actions_then_triggers() -> None:
    swagger, properties = load_mini()
    page = page_from_connector(swagger, properties)
    assert [(op.name, op.kind, op.operation_id) for op in page.operations] == [
        ("List Contacts", "action", "list_contacts"),
        ("Send Message", "action", "send_message"),
        ("Upload Media", "action", "upload_media"),
        ("When a message arrives", "trigger", "on_inbound"),  # delete_hook is internal
    ]
    assert page.operations[1].description == "Send one or more messages."
    assert page.operations[1].pointer == "/paths/~1messages~1send/post"


def test_body_flattened_to_leaf_keys_through_refs_and_arrays() -> None:
    page = page_from_connector(*load_mini())
    send = page.operations[1]
    params, returns = rows(send)
    # messages[] items (a $ref) give their properties; "source" is internal
    assert params == [("To", "to", True, "string"), ("Body", "body", True, "string"),
                      ("Schedule", "schedule", False, "date-time"), ("Price limit", "price_limit", False, "float"),
                      ("Labels", "labels", False, "array of string")]
    assert send.parameters[0].description == "Recipient in E.164."
    assert send.parameters[0].pointer == "/definitions/Message/properties/to"
    # objects give no row; an array of objects gives one row, then its items' fields; internal fields hidden
    assert returns == [("HTTP Code", "http_code", "integer"), ("Total Price", "data.total_price", "double"),
                       ("messages", "data.messages", "array of object"),
                       ("Message ID", "data.messages.message_id", "string"),
                       ("Status", "data.messages.status", "string"),
                       ("tags", "data.tags", "array of string")]
    assert send.returns[2].description == "Messages"
    assert send.returns[3].pointer.endswith("/messages/items/properties/message_id")


def test_path_level_parameters_refs_and_internal_parameters() -> None:
    contacts = page_from_connector(*load_mini()).operations[0]
    params, returns = rows(contacts)
    assert params == [("List ID", "list_id", True, "integer"), ("Page", "page", False, "integer")]
    assert contacts.parameters[1].pointer == "/parameters/page"
    assert contacts.parameters[0].pointer == "/paths/~1lists~1{list_id}~1contacts/parameters/0"
    # the response is a $ref into #/responses; nested objects flatten to dotted paths
    assert returns == [("total", "data.total", "integer"), ("data", "data.data", "array of object"),
                       ("Contact ID", "data.data.contact_id", "integer"), ("Email", "data.data.email", "email"),
                       ("City", "data.data.address.city", "string")]


def test_query_plus_byte_body_and_201_response() -> None:
    upload = page_from_connector(*load_mini()).operations[2]
    assert rows(upload) == ([("Convert for", "convert", True, "string"), ("File", "content", True, "byte")],
                            [("url", "data.url", "uri"), ("meta", "data.meta", "object")])


def test_webhook_trigger_returns_the_notification_content() -> None:
    trigger = page_from_connector(*load_mini()).triggers[0]
    assert rows(trigger) == ([], [("From", "from", "string"), ("Body", "body", "string"),
                                  ("Timestamp", "timestamp", "integer")])


def test_trigger_without_notification_content_uses_the_2xx_response() -> None:
    swagger = {"paths": {"/poll": {"get": {
        "operationId": "poll", "summary": "Poll", "x-ms-trigger": "batch",
        "responses": {"202": {"description": "none"},
                      "200": {"schema": {"type": "array", "items": {"type": "object",
                                                                    "properties": {"id": {"type": "string"}}}}}}}}}}
    trigger = page_from_connector(swagger).operations[0]
    # a bare array of objects: its items' fields at the top, no row for the array itself
    assert trigger.kind == "trigger" and [(r.path, r.type) for r in trigger.returns] == [("id", "string")]


def test_connection_parameters_and_throttling() -> None:
    swagger, properties = load_mini()
    page = page_from_connector(swagger, properties, [{"calls": 100, "period": 60},
                                                     {"name": "Daily", "calls": 5000, "period": 86400}])
    assert page.connection_parameters == (
        DocConnParam("Username", "securestring", "Your user name", True),
        DocConnParam("API Key", "securestring", "Your API key", True),
        DocConnParam("Region", "string", "Data centre", False),
    )
    assert page.connection_parameters[1].pointer == "/properties/connectionParameters/api_key"
    assert page.throttling == (DocThrottle("API calls per connection", 100, 60), DocThrottle("Daily", 5000, 86400))
    bare = page_from_connector(swagger)
    assert bare.connection_parameters == () and bare.throttling == ()


def test_oauth_hidden_and_parameter_sets() -> None:
    properties = {"properties": {
        "connectionParameters": {
            "token": {"type": "oauthSetting", "oAuthSettings": {}},
            "hidden": {"type": "string", "uiDefinition": {"constraints": {"hidden": "true"}}},
            "shown": {"type": "string", "uiDefinition": {"displayName": "Shown"}},
        }}}
    assert [c.name for c in page_from_connector({}, properties).connection_parameters] == ["Shown"]
    sets = {"properties": {"connectionParameterSets": {"uiDefinition": {}, "values": [
        {"name": "a", "parameters": {"k": {"type": "securestring", "uiDefinition": {
            "displayName": "Key", "constraints": {"required": "true"}}}}},
        {"name": "b", "parameters": {"u": {"type": "string"}}},
    ]}}}
    conn = page_from_connector({}, sets).connection_parameters
    assert [(c.name, c.type, c.required) for c in conn] == [("Key", "securestring", True), ("u", "string", False)]
    assert conn[0].pointer == "/properties/connectionParameterSets/values/0/parameters/k"


def test_all_of_cycles_and_names() -> None:
    swagger = {
        "paths": {"/x": {"post": {
            "operationId": "x",
            "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Node"}},
                           {"name": "raw", "in": "query", "type": "string", "title": "Raw title"}],
            "responses": {"200": {"schema": {"allOf": [{"$ref": "#/definitions/Base"},
                                                       {"properties": {"extra": {"type": "boolean"}},
                                                        "required": ["extra"]}]}}}}}},
        "definitions": {
            "Node": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "string", "title": "Identifier"},
                "child": {"$ref": "#/definitions/Node"},  # a cycle stops, it does not recurse forever
            }},
            "Base": {"type": "object", "properties": {"base": {"type": "number"}}},
        },
    }
    op = page_from_connector(swagger).operations[0]
    assert op.name == "x"  # no summary: the operationId
    assert [(p.name, p.key, p.required, p.type) for p in op.parameters][:2] == [
        ("Identifier", "id", True, "string"), ("child", "child", False, "object")]
    assert op.parameters[-1].name == "Raw title"
    assert [(r.path, r.type) for r in op.returns] == [("base", "number"), ("extra", "boolean")]


def test_display_type() -> None:
    assert display_type({"type": "integer", "format": "int64"}) == "integer"
    assert display_type({"type": "number"}) == "number"
    assert display_type({"type": "number", "format": "decimal"}) == "decimal"
    assert display_type({"type": "string", "format": "date-time"}) == "date-time"
    assert display_type({"type": "string", "format": "guid"}) == "string"  # not a format the page shows
    assert display_type({"type": "array", "items": {"type": "number", "format": "float"}}) == "array of float"
    assert display_type({"type": "array", "items": {"type": "array", "items": {"type": "string"}}}) == \
        "array of array of string"
    assert display_type({"properties": {}}) == "object"
    assert display_type({}) == ""


def test_not_a_swagger() -> None:
    assert page_from_connector([]).operations == ()  # type: ignore[arg-type]
    assert page_from_connector({"paths": {"/a": {"get": "nonsense", "parameters": []}}}).operations == ()
