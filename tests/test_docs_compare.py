"""Comparing a documented page with a connector: matching, one finding code per kind of difference."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import SEED, need_shared

from generator.docs import (
    DocOperation,
    DocParam,
    DocReturn,
    Page,
    compare,
    page_from_connector,
    read_page,
    render_page,
)
from generator.docs.compare import CODES, match_operations, similarity
from generator.findings import Severity

MINI = Path(__file__).parent / "fixtures" / "docs" / "mini"
THROTTLING = [{"calls": 100, "period": 60}]


def load_mini() -> tuple[dict, dict]:
    return (json.loads((MINI / "apiDefinition.swagger.json").read_text(encoding="utf-8")),
            json.loads((MINI / "apiProperties.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def documented() -> Page:
    """The mini connector's English page, as published (rendered, then read back)."""
    swagger, properties = load_mini()
    return read_page(render_page(page_from_connector(swagger, properties, THROTTLING), "Mini SMS"))


def localized(page: Page) -> Page:
    """The same page in another language: other names and descriptions, no operation IDs."""
    return Page([DocOperation(f"Operace {i}", "Popis", op.kind, None,
                              [DocParam(f"Pole {p.key}", p.key, p.required, p.type, "x") for p in op.parameters],
                              [DocReturn("Návrat", r.path, r.type, "") for r in op.returns])
                 for i, op in enumerate(reversed(page.operations))],
                [type(c)(f"Jméno {i}", c.type, "", c.required) for i, c in enumerate(page.connection_parameters)],
                page.throttling)


def run(documented: Page, swagger: dict, properties: dict, throttling=THROTTLING):
    return compare(documented, page_from_connector(swagger, properties, throttling))


def codes(result) -> list[str]:
    return sorted(f.code for f in result.findings)


# --- clean --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["english", "localized"])
def test_unchanged_connector_has_no_findings(documented: Page, language: str) -> None:
    page = documented if language == "english" else localized(documented)
    result = run(page, *load_mini())
    assert result.findings == ()
    assert (result.matched_operations, result.parameter_rows, result.return_rows) == (4, 9, 16)
    expected_how = "operation_id" if language == "english" else "signature"
    assert {m.how for m in result.matches} == {expected_how}
    if language == "localized":  # the matching found the right operations without names or IDs
        assert {m.documented.name: m.actual.operation_id for m in result.matches} == {
            "Operace 0": "on_inbound", "Operace 1": "upload_media", "Operace 2": "send_message",
            "Operace 3": "list_contacts"}


# --- one code per kind of difference --------------------------------------------------------------

def _message_definition(swagger: dict) -> dict:
    return swagger["definitions"]["Message"]


def mutate_type(swagger: dict, properties: dict) -> None:
    _message_definition(swagger)["properties"]["schedule"]["format"] = "date"


def mutate_return_type(swagger: dict, properties: dict) -> None:
    data = swagger["paths"]["/messages/send"]["post"]["responses"]["200"]["schema"]["properties"]["data"]
    data["properties"]["total_price"]["format"] = "float"


def mutate_required(swagger: dict, properties: dict) -> None:
    _message_definition(swagger)["required"].remove("body")


def mutate_remove_return(swagger: dict, properties: dict) -> None:
    data = swagger["paths"]["/messages/send"]["post"]["responses"]["200"]["schema"]["properties"]["data"]
    del data["properties"]["messages"]["items"]["properties"]["status"]


def mutate_add_return(swagger: dict, properties: dict) -> None:
    swagger["definitions"]["Contact"]["properties"]["phone"] = {"type": "string"}


def mutate_rename_key(swagger: dict, properties: dict) -> None:
    swagger["parameters"]["page"]["name"] = "page_number"


def mutate_add_parameter(swagger: dict, properties: dict) -> None:
    _message_definition(swagger)["properties"]["priority"] = {"type": "integer"}


def mutate_extra_operation(swagger: dict, properties: dict) -> None:
    swagger["paths"]["/account"] = {"get": {"operationId": "get_account", "summary": "Get Account",
                                            "responses": {"200": {"schema": {"type": "object", "properties": {
                                                "balance": {"type": "number"}}}}}}}


def mutate_remove_operation(swagger: dict, properties: dict) -> None:
    del swagger["paths"]["/uploads"]


def mutate_kind(swagger: dict, properties: dict) -> None:
    swagger["paths"]["/uploads"]["post"]["x-ms-trigger"] = "single"


def mutate_missing_connection_parameter(swagger: dict, properties: dict) -> None:
    del properties["properties"]["connectionParameters"]["region"]


def mutate_extra_connection_parameter(swagger: dict, properties: dict) -> None:
    properties["properties"]["connectionParameters"]["tenant"] = {"type": "string"}


def mutate_connection_type(swagger: dict, properties: dict) -> None:
    properties["properties"]["connectionParameters"]["api_key"]["type"] = "string"


def mutate_connection_required(swagger: dict, properties: dict) -> None:
    properties["properties"]["connectionParameters"]["region"]["uiDefinition"]["constraints"]["required"] = "true"


SCENARIOS = {
    "changed parameter type": (mutate_type, ["DocsParameterTypeMismatch"]),
    "changed return type": (mutate_return_type, ["DocsReturnTypeMismatch"]),
    "flipped required": (mutate_required, ["DocsParameterRequiredMismatch"]),
    "removed return path": (mutate_remove_return, ["DocsReturnMissing"]),
    "added return path": (mutate_add_return, ["DocsReturnExtra"]),
    "renamed key": (mutate_rename_key, ["DocsParameterExtra", "DocsParameterMissing"]),
    "added parameter": (mutate_add_parameter, ["DocsParameterExtra"]),
    "extra operation": (mutate_extra_operation, ["DocsOperationUndocumented"]),
    "removed operation": (mutate_remove_operation, ["DocsOperationMissing"]),
    "action became trigger": (mutate_kind, ["DocsOperationKindMismatch"]),
    "missing connection parameter": (mutate_missing_connection_parameter, ["DocsConnectionParameterMissing"]),
    "extra connection parameter": (mutate_extra_connection_parameter, ["DocsConnectionParameterExtra"]),
    "connection parameter type": (mutate_connection_type, ["DocsConnectionParameterTypeMismatch"]),
    "connection parameter required": (mutate_connection_required, ["DocsConnectionParameterRequiredMismatch"]),
}


@pytest.mark.parametrize("language", ["english", "localized"])
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_each_difference_has_its_own_code(documented: Page, scenario: str, language: str) -> None:
    mutate, expected = SCENARIOS[scenario]
    swagger, properties = load_mini()
    mutate(swagger, properties)
    page = documented if language == "english" else localized(documented)
    result = run(page, swagger, properties)
    assert codes(result) == expected
    assert all(f.severity == Severity.ERROR and f.hint for f in result.findings)
    assert all(f.code in CODES for f in result.findings)


def test_changed_throttling_limit(documented: Page) -> None:
    result = run(documented, *load_mini(), throttling=[{"calls": 50, "period": 60}])
    assert codes(result) == ["DocsThrottlingMismatch"]
    assert "100 calls per 60 s" in result.findings[0].message and "50 calls per 60 s" in result.findings[0].message
    extra = run(documented, *load_mini(), throttling=[{"calls": 100, "period": 60}, {"calls": 5, "period": 1}])
    assert codes(extra) == ["DocsThrottlingMismatch"]
    skipped = compare(documented, page_from_connector(*load_mini(), None), check_throttling=False)
    assert skipped.findings == ()


def test_messages_and_pointers(documented: Page) -> None:
    swagger, properties = load_mini()
    mutate_type(swagger, properties)
    mutate_rename_key(swagger, properties)
    mutate_remove_return(swagger, properties)
    mutate_missing_connection_parameter(swagger, properties)
    by_code = {f.code: f for f in run(documented, swagger, properties).findings}
    finding = by_code["DocsParameterTypeMismatch"]
    assert finding.pointer == "/definitions/Message/properties/schedule"
    assert "operation 'Send Message' (send_message)" in finding.message
    assert "'schedule' is 'date-time' on the page but 'date' in the connector" in finding.message
    extra = by_code["DocsParameterExtra"]
    assert extra.pointer == "/parameters/page" and "'page_number'" in extra.message
    assert "renamed" in by_code["DocsParameterMissing"].hint  # one missing + one extra of the same type
    assert by_code["DocsParameterMissing"].pointer == "/paths/~1lists~1{list_id}~1contacts/get"
    assert "'data.messages.status'" in by_code["DocsReturnMissing"].message
    assert by_code["DocsConnectionParameterMissing"].pointer == "/properties/connectionParameters"


def test_locate_supplies_pointers_for_rows_without_one(documented: Page) -> None:
    swagger, properties = load_mini()
    mutate_extra_operation(swagger, properties)
    actual = page_from_connector(swagger, properties, THROTTLING)
    stripped = Page([DocOperation(op.name, op.description, op.kind, op.operation_id, op.parameters, op.returns)
                     for op in actual.operations], actual.connection_parameters, actual.throttling)
    asked = []

    def locate(kind, op_id, key):
        asked.append((kind, op_id, key))
        return f"/located/{op_id}"

    result = compare(documented, stripped, locate)
    assert [f.pointer for f in result.findings] == ["/located/get_account"]
    assert asked == [("operation", "get_account", None)]


def test_matching_prefers_id_then_name_then_signature() -> None:
    def op(name, op_id, keys, paths, kind="action"):
        return DocOperation(name, "", kind, op_id, [DocParam(k, k, False, "string") for k in keys],
                            [DocReturn(p, p, "string") for p in paths])

    actual = [op("Send", "send", ["to", "body"], ["id"]), op("Delete", "delete", ["id"], ["ok"]),
              op("Remove", "remove", ["id", "force"], ["ok"])]
    documented = [op("Whatever", "send", ["x"], ["y"]),         # by ID although nothing else matches
                  op("Remove", None, ["id"], ["ok"]),             # by name although the signature fits Delete
                  op("Smazat", None, ["id"], ["ok"]),             # by signature: Delete is the best left
                  op("Nothing like it", None, ["q"], ["r"])]      # no match at all
    matches = match_operations(documented, actual)
    assert [(m.documented.name, m.actual.operation_id, m.how) for m in matches] == [
        ("Whatever", "send", "operation_id"), ("Remove", "remove", "name"), ("Smazat", "delete", "signature")]
    assert similarity(documented[2], actual[1]) == 1.0 and similarity(documented[3], actual[0]) == 0.0
    result = compare(Page(documented), Page(actual))
    assert "DocsOperationMissing" in codes(result) and "Nothing like it" in " ".join(f.message for f in result.findings)


def test_row_without_key_pairs_with_a_left_over_row_of_its_type() -> None:
    actual = Page([DocOperation("Op", "", "action", "op", [DocParam("A", "a", True, "string"),
                                                           DocParam("Email", "email", False, "string"),
                                                           DocParam("N", "n", False, "integer")])])
    lost = Page([DocOperation("Op", "", "action", None, [DocParam("A", "a", True, "string"),
                                                         DocParam("Email", "", False, "string"),
                                                         DocParam("N", "n", False, "integer")])])
    assert compare(lost, actual).findings == ()
    no_partner = Page([DocOperation("Op", "", "action", "op", [DocParam("A", "a", True, "string"),
                                                               DocParam("N", "n", False, "integer")])])
    result = compare(lost, no_partner)
    assert codes(result) == ["DocsParameterMissing"] and "no key shown" in result.findings[0].message


def test_connection_and_throttling_can_be_skipped(documented: Page) -> None:
    swagger, _ = load_mini()
    bare = page_from_connector(swagger)
    assert codes(compare(documented, bare, check_throttling=False)) == ["DocsConnectionParameterMissing"] * 3
    assert compare(documented, bare, check_connection=False, check_throttling=False).findings == ()


# --- the Czech seed against a connector shaped like ClickSend ----------------------------------------
# The swagger below is built from the seed's own rows, laid out as the facts file says the real requests
# are (message/recipient arrays, query parameters, an internal "source", a webhook trigger whose
# notification schema is the page's trigger table, internal helper operations).  The page names nothing
# in English and shows no operation IDs, so every operation must be found by its signature.

FACTS = {  # Czech name on the page → (operationId, method, path, English summary)
    "Odeslat dopis": ("send_letter", "post", "/post/letters/send", "Send Letter"),
    "Odeslat fax": ("send_fax", "post", "/fax/send", "Send Fax"),
    "Odeslat hlasovou zprávu": ("send_voice", "post", "/voice/send", "Send Voice Message"),
    "Odeslat MMS": ("send_mms", "post", "/mms/send", "Send MMS"),
    "Odeslat pohlednici": ("send_postcard", "post", "/post/postcards/send", "Send Postcard"),
    "Odeslat SMS": ("sms_send", "post", "/sms/send", "Send SMS"),
    "Odstranit seznam": ("delete_list", "delete", "/lists/{list_id}", "Delete List"),
    "Odstranění kontaktu": ("delete_list_contact", "delete", "/lists/{list_id}/contacts/{contact_id}",
                            "Delete a Contact"),
    "Prohledat seznamy kontaktů": ("search_contact_list", "get", "/search/contacts-lists", "Search Contact Lists"),
    "Převést formát multimediálního souboru": ("upload_media", "post", "/uploads", "Convert Media File Format"),
    "Vytvořit nový kontakt": ("create_list_contact", "post", "/lists/{list_id}/contacts", "Create New Contact"),
    "Vytvořit nový seznam kontaktů": ("create_list", "post", "/lists", "Create New Contact List"),
    "Získání kontaktů v seznamu": ("view_list_contacts", "get", "/lists/{list_id}/contacts", "Get Contacts in a List"),
    "Získání seznamů kontaktů": ("get_contact_lists", "get", "/lists", "Get Contact Lists"),
    "Příchozí automatizace SMS": ("sms_inbound_automation", "post", "/automations/sms/inbound",
                                  "SMS Inbound Automation"),
}
ITEMS = {  # operationId → (array property, keys that live in its items; None = all body keys)
    "sms_send": ("messages", None), "send_voice": ("messages", None),
    "send_mms": ("messages", {"to", "subject", "body", "custom_string"}),
    "send_fax": ("messages", {"to", "custom_string"}),
    "send_letter": ("recipients", "address"), "send_postcard": ("recipients", "address"),
}
QUERY = {"q", "convert", "page", "limit"}


def _schema(type_text: str, row=None) -> dict:
    if type_text.startswith("array of "):
        return {"type": "array", "items": _schema(type_text[len("array of "):])}
    schema = {"string": {"type": "string"}, "integer": {"type": "integer", "format": "int32"},
              "byte": {"type": "string", "format": "byte"}, "float": {"type": "number", "format": "float"},
              "double": {"type": "number", "format": "double"}, "object": {"type": "object"}}[type_text]
    if row is not None:
        schema = {**schema, "x-ms-summary": row.name, "description": row.description}
    return schema


def _returns_schema(rows) -> dict:
    root: dict = {"type": "object", "properties": {}}
    nodes = {"": root}

    def node(path: str) -> dict:
        if path not in nodes:
            parent_path, _, leaf = path.rpartition(".")
            parent = node(parent_path)
            container = parent["items"] if parent.get("type") == "array" else parent
            nodes[path] = container["properties"].setdefault(leaf, {"type": "object", "properties": {}})
        return nodes[path]

    for row in rows:
        parent_path, _, leaf = row.path.rpartition(".")
        parent = node(parent_path)
        container = parent["items"] if parent.get("type") == "array" else parent
        if row.type == "array of object":
            new = {"type": "array", "description": row.description, "items": {"type": "object", "properties": {}}}
        else:
            new = _schema(row.type, row)
        container["properties"][leaf] = new
        nodes[row.path] = new
    return root


def clicksend_like(seed: Page) -> tuple[dict, dict]:
    paths: dict = {}
    for op in sorted(seed.operations, key=lambda o: FACTS[o.name][0]):  # not the page's order
        op_id, method, path, summary = FACTS[op.name]
        params, body, required = [], {}, []
        for row in op.parameters:
            key = row.key or "email"  # the page lost this key; the contact's returns show data.email
            if "{" + key + "}" in path:
                params.append({"name": key, "in": "path", "required": True, **_schema(row.type)})
            elif key in QUERY:
                params.append({"name": key, "in": "query", "required": row.required, **_schema(row.type)})
            else:
                body[key] = _schema(row.type, row)
                if row.required:
                    required.append(key)
        if op_id in ITEMS:
            array, keys = ITEMS[op_id]
            inner = [k for k in body if keys is None or (k in keys if isinstance(keys, set)
                                                       else k.startswith("address_") or k == "return_address_id")]
            items = {"type": "object", "required": [k for k in required if k in inner],
                     "properties": {k: body.pop(k) for k in inner}}
            required = [k for k in required if k not in inner] + [array]
            body[array] = {"type": "array", "items": items}
        if op_id == "send_letter":
            body["source"] = {"type": "string", "x-ms-visibility": "internal", "default": "pacgen"}
        if body:
            params.append({"name": "body", "in": "body", "required": True,
                           "schema": {"type": "object", "required": required, "properties": body}})
        operation = {"operationId": op_id, "summary": summary, "description": summary, "parameters": params}
        if op.kind == "trigger":
            operation["x-ms-trigger"] = "single"
            operation["parameters"] = [{"name": "body", "in": "body", "required": True, "schema": {
                "type": "object", "properties": {
                    "rule_name": {"type": "string", "x-ms-visibility": "internal", "default": "flow"},
                    "action_address": {"type": "string", "x-ms-notification-url": True,
                                       "x-ms-visibility": "internal"}}}}]
            operation["responses"] = {"201": {"description": "Created", "schema": {
                "type": "object", "properties": {"http_code": {"type": "integer"}}}}}
            operation["x-ms-notification-content"] = {"description": "Inbound SMS",
                                                      "schema": _returns_schema(op.returns)}
        else:
            operation["responses"] = {"200": {"description": "OK", "schema": _returns_schema(op.returns)}}
        paths.setdefault(path, {})[method] = operation
    paths["/automations/sms/inbound/{inbound_rule_id}"] = {"delete": {
        "operationId": "delete_inbound_automation", "x-ms-visibility": "internal",
        "parameters": [{"name": "inbound_rule_id", "in": "path", "required": True, "type": "integer"}],
        "responses": {"200": {"description": "OK"}}}}
    paths["/sms-campaigns/send"] = {"post": {"operationId": "sms_campaign_send", "summary": "Send SMS Campaign",
                                             "x-ms-visibility": "internal", "responses": {"200": {"description": "OK"}}}}
    swagger = {"swagger": "2.0", "info": {"title": "ClickSend SMS", "version": "1.0"}, "host": "rest.clicksend.com",
               "basePath": "/v3", "paths": paths}
    properties = {"properties": {"connectionParameters": {
        name: {"type": "securestring", "uiDefinition": {"displayName": display, "constraints": {"required": "true"}}}
        for name, display in (("username", "Username"), ("api_key", "API Key"))}}}
    return swagger, properties


@pytest.fixture(scope="module")
def seed() -> Page:
    return read_page(need_shared(SEED).read_text(encoding="utf-8"))


def test_seed_matches_a_faithful_connector_by_signature(seed: Page) -> None:
    swagger, properties = clicksend_like(seed)
    actual = page_from_connector(swagger, properties, THROTTLING)
    assert (len(actual.operations), sum(len(o.parameters) for o in actual.operations),
            sum(len(o.returns) for o in actual.operations)) == (15, 67, 308)
    result = compare(seed, actual)
    assert result.findings == ()
    assert (result.matched_operations, result.parameter_rows, result.return_rows) == (15, 67, 308)
    assert {m.documented.name: (m.actual.operation_id, m.how) for m in result.matches} == {
        name: (facts[0], "signature") for name, facts in FACTS.items()}


def test_seed_differences_are_found_in_czech(seed: Page) -> None:
    swagger, properties = clicksend_like(seed)
    postcard = swagger["paths"]["/post/postcards/send"]["post"]
    postcard["responses"]["200"]["schema"]["properties"]["data"]["properties"]["total_price"]["format"] = "float"
    letter_body = swagger["paths"]["/post/letters/send"]["post"]["parameters"][0]["schema"]
    letter_body["required"].append("template_used")
    contact_body = swagger["paths"]["/lists/{list_id}/contacts"]["post"]["parameters"][-1]["schema"]
    del contact_body["properties"]["email"]
    del properties["properties"]["connectionParameters"]["api_key"]
    result = compare(seed, page_from_connector(swagger, properties, [{"calls": 100, "period": 1}]))
    messages = {f.code: f.message for f in result.findings}
    assert sorted(messages) == ["DocsConnectionParameterMissing", "DocsParameterMissing",
                                "DocsParameterRequiredMismatch", "DocsReturnTypeMismatch", "DocsThrottlingMismatch"]
    assert "'Odeslat pohlednici' (send_postcard)" in messages["DocsReturnTypeMismatch"]
    assert "'data.total_price' is 'double' on the page but 'float'" in messages["DocsReturnTypeMismatch"]
    assert "'template_used' is optional on the page but required" in messages["DocsParameterRequiredMismatch"]
    assert "no key shown, name 'Email'" in messages["DocsParameterMissing"]
    assert "'Klíč rozhraní API'" in messages["DocsConnectionParameterMissing"]
    assert result.matched_operations == 15


def test_seed_extra_visible_operation_is_undocumented(seed: Page) -> None:
    swagger, properties = clicksend_like(seed)
    campaign = swagger["paths"]["/sms-campaigns/send"]["post"]
    del campaign["x-ms-visibility"]
    result = compare(seed, page_from_connector(swagger, properties, THROTTLING))
    assert codes(result) == ["DocsOperationUndocumented"]
    assert result.findings[0].pointer == "/paths/~1sms-campaigns~1send/post"
    copy.deepcopy(result)  # findings are plain values
