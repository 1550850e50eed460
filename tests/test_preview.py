"""`pacgen preview` without a browser: the designer model built from ClickSend and from small
swaggers, findings placed on cards and fields, the command's exit codes and atomic writes, escaping
of hostile strings (property test), determinism, and every corpus connector."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.findings import Finding, Severity
from generator.pipeline import load_connector
from generator.preview import build_preview, place_findings, preview_connector, render_page
from generator.validate.pipeline import Selection, discover, validate

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "clicksend.yaml"


def preview(*args: object):
    return CliRunner().invoke(main, ["preview", *map(str, args)])


@pytest.fixture(scope="module")
def clicksend():
    connector = load_connector(SPEC)
    return build_preview(connector.swagger, connector.properties, str(SPEC))


def card(model, operation_id: str):
    return next(c for c in model.cards if c.operation_id == operation_id)


def keys(fields) -> list[str]:
    return [f.key for f in fields]


def walk(fields):
    for field in fields:
        yield field
        yield from walk(field.children)


def swagger_with(operation: dict, **extra) -> dict:
    return {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "example.com",
            "paths": {"/x": {"post": {"operationId": "Op", "summary": "Do it",
                                      "responses": {"200": {"description": "OK"}}, **operation}}}, **extra}


# --- ClickSend as the designer shows it --------------------------------------------------------------


def test_clicksend_has_15_cards_one_trigger_and_no_internal_operation(clicksend) -> None:
    assert len(clicksend.cards) == 15
    assert [c.operation_id for c in clicksend.triggers] == ["sms_inbound_automation"]
    assert "sms_inbound_automation_delete" not in [c.operation_id for c in clicksend.cards]


def test_send_sms_flattens_its_body_the_designer_way(clicksend) -> None:
    send = card(clicksend, "sms_send")
    assert keys(send.inputs) == ["messages"]
    messages = send.inputs[0]
    assert messages.control == "array" and messages.required
    assert [(f.key, f.label, f.required) for f in messages.children] == [
        ("to", "To", True), ("body", "Body", True), ("custom_string", "Custom String", False)]
    assert messages.children[0].placeholder.startswith("Mobile number in local or international format")


def test_advanced_parameters_go_behind_the_toggle(clicksend) -> None:
    lists = card(clicksend, "get_contact_lists")
    assert lists.inputs == []
    assert [(f.key, f.label) for f in lists.advanced] == [("page", "Page Number"),
                                                          ("limit", "Number of records per page")]
    assert lists.has_advanced() and not card(clicksend, "sms_send").has_advanced()


def test_internal_fields_are_never_built(clicksend) -> None:
    trigger = card(clicksend, "sms_inbound_automation")
    assert trigger.inputs == [] and trigger.advanced == []
    every_key = {f.key for c in clicksend.cards for f in walk([*c.inputs, *c.advanced])}
    assert "source" not in every_key and "action_address" not in every_key


def test_enum_becomes_a_dropdown_of_display_names(clicksend) -> None:
    convert = next(f for f in card(clicksend, "upload_media").inputs if f.key == "convert")
    assert convert.control == "select"
    assert [(o.value, o.label) for o in convert.options] == [("fax", "Fax"), ("mms", "MMS"), ("csv", "CSV"),
                                                             ("post", "Post")]


def test_trigger_outputs_come_from_its_notification_content(clicksend) -> None:
    outputs = card(clicksend, "sms_inbound_automation").outputs
    assert [t.label for t in outputs][:3] == ["Body", "To", "From"]
    assert all(t.pointers[-1].startswith("/definitions/InboundSms") for t in outputs)


def test_nested_outputs_carry_their_parents_label(clicksend) -> None:
    labels = {t.path: t.label for t in card(clicksend, "sms_send").outputs}
    assert labels["body/http_code"] == "HTTP Code"
    assert labels["body/data/messages"] == "data Messages" or labels["body/data/messages"] == "data messages"
    assert labels["body/data/messages/to"].endswith(" To") and labels["body/data/messages/to"].startswith("data ")
    assert labels["body/data/_currency/currency_name_short"] == "data _currency Currency Name Short"


def test_connection_dialog_masks_secure_fields(clicksend) -> None:
    (dialog,) = clicksend.connection
    assert [(f.label, f.kind, f.required) for f in dialog.fields] == [("Username", "secure", True),
                                                                      ("API Key", "secure", True)]


# --- small swaggers: controls, order, dynamic dropdowns ----------------------------------------------


def test_controls_order_and_dynamic_sources() -> None:
    swagger = swagger_with({"parameters": [
        {"name": "when", "in": "query", "type": "string", "format": "date-time", "x-ms-visibility": "advanced"},
        {"name": "flag", "in": "query", "type": "boolean"},
        {"name": "file", "in": "formData", "type": "file", "required": True},
        {"name": "list", "in": "query", "type": "string", "x-ms-summary": "List", "x-ms-visibility": "important",
         "x-ms-dynamic-values": {"operationId": "GetLists", "value-path": "id",
                                 "parameters": {"kind": {"parameter": "flag"}, "fixed": 1}}},
        {"name": "folder", "in": "query", "type": "string",
         "x-ms-dynamic-tree": {"settings": {}, "open": {"operationId": "Missing"}}},
    ]})
    swagger["paths"]["/lists"] = {"get": {"operationId": "GetLists", "summary": "Get lists", "responses": {}}}
    model = build_preview(swagger, None, "t")
    op = card(model, "Op")
    assert keys(op.inputs) == ["file", "list", "flag", "folder"]  # required / important first
    assert keys(op.advanced) == ["when"]
    controls = {f.key: f.control for f in [*op.inputs, *op.advanced]}
    assert controls == {"file": "file", "list": "dynamic", "flag": "boolean", "folder": "dynamic",
                        "when": "datetime"}
    lists = op.inputs[1]
    assert lists.dynamic_source == "‘Get lists’ (GetLists), given flag"
    assert lists.dynamic_kind == "x-ms-dynamic-values"
    assert op.inputs[3].dynamic_source == "Missing (not in this connector)"


def test_a_credential_is_masked_and_its_value_never_shown() -> None:
    swagger = swagger_with({"parameters": [
        {"name": "X-Api-Key", "in": "header", "type": "string", "default": "sk-live-0123456789abcdef"},
        {"name": "user", "in": "query", "type": "string", "default": "alice"}]})
    model = build_preview(swagger, None, "t")
    assert [(f.key, f.control, f.default) for f in card(model, "Op").inputs] == [
        ("X-Api-Key", "secret", ""), ("user", "text", "alice")]
    page = render_page(model).decode()
    assert "sk-live-0123456789abcdef" not in page and 'type="password"' in page and 'value="alice"' in page


def test_required_advanced_field_stays_visible_and_refs_are_followed() -> None:
    swagger = swagger_with(
        {"parameters": [{"$ref": "#/parameters/Id"},
                        {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Thing"}}]},
        parameters={"Id": {"name": "id", "in": "query", "type": "string", "required": True,
                           "x-ms-visibility": "advanced"}},
        definitions={"Thing": {"type": "object", "properties": {
            "name": {"type": "string", "x-ms-summary": "Name"},
            "self": {"$ref": "#/definitions/Thing"}}}})
    op = card(build_preview(swagger, None, "t"), "Op")
    assert keys(op.inputs) == ["id", "name", "self"]
    assert op.inputs[0].pointers == ("/paths/~1x/post/parameters/0", "/parameters/Id")
    recursive = op.inputs[2]
    assert recursive.control == "object" and recursive.children == []  # the cycle is cut: a JSON value


def test_a_dynamic_schema_body_says_where_its_fields_come_from() -> None:
    swagger = swagger_with({"parameters": [{"name": "body", "in": "body", "required": True, "schema": {
        "type": "object", "x-ms-dynamic-schema": {"operationId": "Op", "parameters": {"id": {"parameter": "x"}}}}}]})
    (body,) = card(build_preview(swagger, None, "t"), "Op").inputs
    assert (body.control, body.dynamic_kind, body.dynamic_source) == ("object", "x-ms-dynamic-schema",
                                                                      "‘Do it’ (Op), given x")
    assert "Fields loaded at design time from ‘Do it’ (Op), given x" in render_page(
        build_preview(swagger, None, "t")).decode()


def test_operations_in_the_designer_order_with_hint_and_replacement() -> None:
    ok = {"responses": {"200": {"description": "OK"}}}
    swagger = swagger_with({"x-ms-visibility": "advanced"})
    swagger["paths"]["/b"] = {"get": {**ok, "operationId": "B", "summary": "B"},
                              "put": {**ok, "operationId": "C", "summary": "C", "x-ms-visibility": "important"},
                              "post": {**ok, "operationId": "T", "summary": "When", "x-ms-trigger": "batch",
                                       "x-ms-trigger-hint": "Add a row."},
                              "patch": {**ok, "operationId": "Old", "summary": "Old", "deprecated": True,
                                        "x-ms-api-annotation": {"status": "Preview",
                                                                "replacement": {"operationId": "B"}}}}
    model = build_preview(swagger, None, "t")
    assert [c.operation_id for c in model.actions] == ["C", "B", "Old", "Op"]
    trigger, old = card(model, "T"), card(model, "Old")
    assert (trigger.trigger_hint, trigger.trigger_type) == ("Add a row.", "batch")
    assert (old.replacement, old.status) == ("‘B’ (B)", "Preview")
    page = render_page(model).decode()
    assert "See more (1)" in page and "To make it fire: Add a row." in page and "Replaced by ‘B’ (B)" in page


def test_schemas_that_multiply_are_cut_not_hung() -> None:
    """Ten levels of ten properties that each point at the next level: 10**10 fields unfolded."""
    definitions = {f"L{level}": {"type": "object", "properties": {
        f"p{i}": {"$ref": f"#/definitions/L{level + 1}"} for i in range(10)}} for level in range(10)}
    definitions["L10"] = {"type": "string"}
    swagger = swagger_with({"parameters": [{"name": "b", "in": "body", "schema": {"$ref": "#/definitions/L0"}}],
                            "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/L0"}}}},
                           definitions=definitions)
    op = card(build_preview(swagger, None, "t"), "Op")
    assert op.truncated
    assert sum(1 for _ in walk(op.inputs)) + len(op.outputs) < 4000
    assert "Some nested fields and outputs are left out" in render_page(build_preview(swagger, None, "t")).decode()


def test_deprecated_and_security_fallback() -> None:
    swagger = swagger_with({"deprecated": True}, securityDefinitions={"k": {"type": "apiKey", "name": "X-Key",
                                                                            "in": "header"}})
    model = build_preview(swagger, None, "t")
    assert card(model, "Op").deprecated
    assert [(f.label, f.kind) for f in model.connection[0].fields] == [("X-Key", "secure")]
    page = render_page(model).decode()
    assert 'class="card kind-action deprecated"' in page and "Show deprecated operations (1)" in page


def test_connection_parameter_sets_and_oauth() -> None:
    properties = {"properties": {"connectionParameterSets": {"uiDefinition": {"displayName": "Auth"}, "values": [
        {"name": "oauth", "uiDefinition": {"displayName": "Sign in"},
         "parameters": {"token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad"}}}},
        {"name": "key", "uiDefinition": {"displayName": "API key"},
         "parameters": {"key": {"type": "securestring", "uiDefinition": {"displayName": "Key",
                                                                         "tooltip": "From settings"}}}}]}}}
    model = build_preview(swagger_with({}), properties, "t")
    assert model.connection_label == "Auth"
    assert [(s.label, [(f.kind, f.provider or f.tooltip) for f in s.fields]) for s in model.connection] == [
        ("Sign in", [("oauth", "aad")]), ("API key", [("secure", "From settings")])]
    page = render_page(model).decode()
    assert "Sign in (aad)" in page and 'type="password"' in page


# --- findings on cards and fields --------------------------------------------------------------------


def unsuppressed_spec(tmp_path: Path) -> Path:
    """ClickSend without its `suppress:` list: the validator then reports findings on fields."""
    text = SPEC.read_text("utf-8")
    start = text.index("\nsuppress:\n")
    end = text.index("\n# Blocks used more than once.")
    spec = tmp_path / "clicksend.yaml"
    spec.write_text(text[:start] + "\n" + text[end:], "utf-8")
    return spec


def test_findings_land_on_the_field_they_are_about(tmp_path: Path) -> None:
    connector = load_connector(unsuppressed_spec(tmp_path))
    findings = validate(connector, Selection(select=("*",))).findings  # XMsSummaryNotTitleCase is opt-in
    model = build_preview(connector.swagger, connector.properties, "s")
    place_findings(model, findings)
    limit = next(f for f in card(model, "get_contact_lists").advanced if f.key == "limit")
    assert sorted(m.code for m in limit.markers) == ["SummarySameAsDescription", "XMsSummaryNotTitleCase"]
    assert all(re.fullmatch(r".*clicksend\.yaml:\d+:\d+", m.where) for m in limit.markers)
    page_number = next(f for f in card(model, "get_contact_lists").advanced if f.key == "page")
    assert "XMsSummaryNotTitleCase" not in [m.code for m in page_number.markers]
    trigger = card(model, "sms_inbound_automation")
    assert "TriggerSummaryNotWhen" in [m.code for m in trigger.markers]
    shown = sum(len(c.all_markers()) for c in model.cards) + len(model.markers)
    assert shown >= len(findings)  # every finding is on the page (shared definitions may show twice)


def test_a_finding_on_a_shared_definition_shows_on_every_card_using_it() -> None:
    swagger = swagger_with({"parameters": [{"name": "b", "in": "body", "schema": {"$ref": "#/definitions/D"}}]},
                           definitions={"D": {"type": "object", "properties": {"p": {"type": "string"}}}})
    swagger["paths"]["/y"] = {"get": {"operationId": "Other", "summary": "Other", "responses": {
        "200": {"description": "OK", "schema": {"$ref": "#/definitions/D"}}}}}
    model = build_preview(swagger, None, "t")
    place_findings(model, [Finding("X", Severity.WARNING, "no summary", "f", "/definitions/D/properties/p"),
                           Finding("Y", Severity.ERROR, "bad host", "f", "/host")])
    assert [m.code for m in card(model, "Op").inputs[0].markers] == ["X"]
    assert [m.code for m in card(model, "Other").outputs[0].markers] == ["X"]
    assert [m.code for m in model.markers] == ["Y"]


# --- the command -------------------------------------------------------------------------------------


def test_command_writes_the_page_and_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert preview(SPEC, "-o", first).exit_code == 0
    assert preview(SPEC, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    page = first.read_text("utf-8")
    assert page.count('<article class="card') == 15
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)  # nothing from the network


def test_same_page_in_interpreters_with_other_hash_seeds(tmp_path: Path) -> None:
    """Findings, cards and markers come out in one order whatever the hash seed (set order)."""
    import os
    import subprocess
    import sys

    spec = unsuppressed_spec(tmp_path)  # many findings to place
    pages = []
    for seed in ("1", "2"):
        output = tmp_path / f"page{seed}.html"
        done = subprocess.run([sys.executable, "-m", "generator", "preview", str(spec), "-o", str(output)],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        pages.append(output.read_bytes())
    assert pages[0] == pages[1] and b'class="marker ' in pages[0]


def test_folder_and_spec_give_the_same_cards(tmp_path: Path) -> None:
    assert preview(ROOT / "connector", "-o", tmp_path / "folder.html").exit_code == 0
    assert preview(SPEC, "-o", tmp_path / "spec.html").exit_code == 0
    cards = [re.findall(r'data-operation-id="([^"]*)"', (tmp_path / n).read_text()) for n in ("folder.html",
                                                                                              "spec.html")]
    assert cards[0] == cards[1] and len(cards[0]) == 15


def test_a_broken_spec_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("info:\n  title: X\n  version: [1\n", "utf-8")
    output = tmp_path / "page.html"
    output.write_text("previous", "utf-8")
    result = preview(spec, "-o", output)
    assert result.exit_code == 2
    assert re.search(r"bad\.yaml:\d+:\d+", result.output) and "Traceback" not in result.output
    assert output.read_text("utf-8") == "previous"


def test_the_page_never_replaces_its_input(tmp_path: Path) -> None:
    spec = tmp_path / "c.yaml"
    spec.write_bytes(SPEC.read_bytes())
    assert preview(spec, "-o", spec).exit_code == 2
    assert spec.read_bytes() == SPEC.read_bytes()
    folder_swagger = ROOT / "connector" / "apiDefinition.swagger.json"
    before = folder_swagger.read_bytes()
    result = preview(ROOT / "connector", "-o", folder_swagger)
    assert result.exit_code == 2 and "that is the input" in result.output
    assert folder_swagger.read_bytes() == before


def test_a_batch_trigger_offers_the_item_fields() -> None:
    items = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string",
                                                                               "x-ms-summary": "Row ID"}}}}
    swagger = swagger_with({"x-ms-trigger": "batch", "responses": {"200": {"description": "OK", "schema": items}}})
    assert [(t.label, t.path) for t in card(build_preview(swagger, None, "t"), "Op").outputs] == [
        ("Row ID", "body/id")]


@pytest.mark.parametrize("make", ["missing", "empty folder", "not json"])
def test_unusable_input_exits_2(tmp_path: Path, make: str) -> None:
    target = tmp_path / "in"
    if make == "empty folder":
        target.mkdir()
    elif make == "not json":
        target.mkdir()
        (target / "apiDefinition.swagger.json").write_text("{oops", "utf-8")
    result = preview(target, "-o", tmp_path / "p.html")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "p.html").exists()


# --- hostile strings ---------------------------------------------------------------------------------


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data) -> None:
        self.text.append(data)


def hostile_swagger(text: str) -> dict:
    schema = {"type": "object", "properties": {text or "k": {
        "type": "string", "x-ms-summary": text, "description": text, "enum": [text],
        "x-ms-enum-values": [{"value": text, "displayName": text}]}}}
    swagger = swagger_with({"summary": text, "description": text, "operationId": text,
                            "parameters": [{"name": "b", "in": "body", "schema": schema}],
                            "responses": {"200": {"description": "OK", "schema": schema}}})
    swagger["info"] = {"title": text, "description": text, "version": "1"}
    return swagger


def page_structure(text: str) -> _Elements:
    model = build_preview(hostile_swagger(text), {"properties": {"iconBrandColor": text}}, text)
    place_findings(model, [Finding(text, Severity.ERROR, text, text, "/paths/~1x/post", 1, 1, text)])
    parsed = _Elements()
    parsed.feed(render_page(model).decode("utf-8"))
    return parsed


BENIGN = page_structure("plain")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>\"'&/=` ;:{}%#\u202e\u05d0ascript()")), min_size=1, max_size=30)
       | st.sampled_from(["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                          "'; alert(1); '", "</style><script>x()</script>", "{{ 7*7 }}", "שלום \u202e evil"]))
def test_hostile_strings_never_change_the_page_structure(text: str) -> None:
    parsed = page_structure(f"a{text}a")  # not blank: an empty description rightly drops its paragraph
    assert parsed.tags == BENIGN.tags  # no element added or removed by the text
    assert parsed.handlers == []
    assert parsed.tags.count("script") == 1


def test_hostile_text_is_shown_as_text() -> None:
    hostile = "<script>alert(1)</script>"
    parsed = page_structure(hostile)
    assert any(hostile in chunk for chunk in parsed.text)


# --- the corpus --------------------------------------------------------------------------------------


def test_every_corpus_connector_previews(corpus_path: Path) -> None:
    """One card per operation that is not internal, for each of the 639 real connectors."""
    count = 0
    for folder in discover([corpus_path]):
        connector = load_connector(folder)
        if not isinstance(connector.swagger, dict):
            continue
        page = preview_connector(connector, [], folder.name).decode("utf-8")
        operations = [op for item in (connector.swagger.get("paths") or {}).values() if isinstance(item, dict)
                      for method, op in item.items()
                      if method in ("get", "put", "post", "delete", "options", "head", "patch")
                      and isinstance(op, dict) and op.get("x-ms-visibility") != "internal"]
        assert page.count('<article class="card') == len(operations), folder
        count += 1
    assert count > 600
