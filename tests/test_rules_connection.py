"""The connection rules of issue 15 item 3 beyond their docstring examples: multi-auth sets,
policy-sent parameters, a lone swagger, one finding per defect, and pacgen's own output."""

import json

import pytest
from click.testing import CliRunner
from conftest import assert_findings_are_sound
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.validate.rule import load_all_rules, run_rules

RULES = load_all_rules()
CONNECTION_RULES = ("SecurityDefinitionWithoutConnectionParameter", "SecurityDefinitionsMoreThanOne",
                    "ConnectionParameterWithoutSecurityDefinition")
BASE = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "host": "api.contoso.com",
        "paths": {}}
OAUTH = {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.contoso.com/a",
         "tokenUrl": "https://login.contoso.com/t", "scopes": {}}
API_KEY = {"type": "apiKey", "in": "header", "name": "X-Api-Key"}


def found(definitions, properties):
    swagger = {**BASE, "securityDefinitions": definitions} if definitions is not None else BASE
    return sorted((f.code, f.pointer) for f in run_rules(swagger, properties, [RULES[c] for c in CONNECTION_RULES]))


def test_one_parameter_set_serving_a_definition_is_enough():
    sets = {"values": [
        {"name": "key", "parameters": {"api_key": {"type": "securestring"}}},
        {"name": "basic", "parameters": {"username": {"type": "string"}, "password": {"type": "securestring"}}},
    ]}
    properties = {"properties": {"connectionParameters": {}, "connectionParameterSets": sets}}
    assert found({"key": API_KEY}, properties) == [
        ("ConnectionParameterWithoutSecurityDefinition",
         "/properties/connectionParameterSets/values/1/parameters/password")]
    assert found({"key": API_KEY, "basic": {"type": "basic"}}, properties) == []


def test_clicksends_username_and_api_key_serve_basic_authentication():
    properties = {"properties": {"connectionParameters": {"username": {"type": "securestring"},
                                                          "api_key": {"type": "securestring"}}}}
    assert found({"basic_auth": {"type": "basic"}}, properties) == []


def test_username_and_password_in_different_sets_do_not_serve_basic():
    sets = {"values": [{"name": "a", "parameters": {"username": {"type": "string"}}},
                       {"name": "b", "parameters": {"password": {"type": "securestring"}}}]}
    assert found({"basic": {"type": "basic"}}, {"properties": {"connectionParameterSets": sets}}) == [
        ("SecurityDefinitionWithoutConnectionParameter", "/securityDefinitions/basic")]


def test_a_parameter_a_policy_sends_needs_no_definition():
    policy = {"templateId": "setheader", "parameters": {
        "x-ms-apimTemplateParameter.name": "Authorization",
        "x-ms-apimTemplateParameter.value": "Bearer @connectionParameters('api_key')"}}
    properties = {"properties": {"connectionParameters": {"api_key": {"type": "securestring"}},
                                 "policyTemplateInstances": [policy]}}
    assert found(None, properties) == []
    del properties["properties"]["policyTemplateInstances"]
    assert found(None, properties) == [("ConnectionParameterWithoutSecurityDefinition",
                                        "/properties/connectionParameters/api_key")]


def test_a_lone_swagger_is_not_judged_against_missing_properties():
    assert found({"oauth": OAUTH, "basic": {"type": "basic"}}, None) == [
        ("SecurityDefinitionsMoreThanOne", "/securityDefinitions")]


def test_an_extra_definition_is_one_finding_not_two():
    properties = {"properties": {"connectionParameters": {"token": {"type": "oauthSetting"}}}}
    findings = run_rules({**BASE, "securityDefinitions": {"oauth": OAUTH, "key": API_KEY}}, properties,
                         [RULES[c] for c in CONNECTION_RULES])
    assert [(f.code, f.pointer) for f in findings] == [("SecurityDefinitionsMoreThanOne", "/securityDefinitions")]
    assert "no connection parameter serves 'key'" in findings[0].message


def test_a_missing_oauth2_definition_is_reported_once_across_parameter_sets():
    token = {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "aad"}}
    sets = {"values": [{"name": f"set{i}", "parameters": {"token": token}} for i in range(3)]}
    properties = {"properties": {"connectionParameters": {"token": token}, "connectionParameterSets": sets}}
    assert found(None, properties) == [("ConnectionParameterWithoutSecurityDefinition",
                                        "/properties/connectionParameters/token")]


@pytest.mark.parametrize("kind", ["oauthSetting", "oAuthSetting"])
def test_the_oauth_setting_type_is_read_in_any_case(kind):
    properties = {"properties": {"connectionParameters": {"token": {"type": kind}}}}
    assert found({"oauth": OAUTH}, properties) == []


def test_a_string_api_key_is_reported_with_what_to_change():
    properties = {"properties": {"connectionParameters": {"api_key": {"type": "string"}}}}
    findings = run_rules({**BASE, "securityDefinitions": {"key": API_KEY}}, properties,
                         [RULES["SecurityDefinitionWithoutConnectionParameter"]])
    assert [f.pointer for f in findings] == ["/securityDefinitions/key"]
    assert "securestring" in findings[0].hint


def test_the_clicksend_spec_has_no_connection_or_trigger_finding():
    codes = (*CONNECTION_RULES, "WebhookTriggerWithoutDeleteOperation", "PollingTriggerWithoutState")
    options = [arg for code in codes for arg in ("--select", code)]
    result = CliRunner().invoke(main, ["validate", "spec/clicksend.yaml", "--format", "json", *options])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["findings"] == []


# --- triggers -----------------------------------------------------------------------------------

def trigger_findings(paths, properties=None, codes=("WebhookTriggerWithoutDeleteOperation",
                                                    "PollingTriggerWithoutState")):
    swagger = {**BASE, "paths": paths, "definitions": {
        "Hook": {"type": "object", "properties": {"target": {"$ref": "#/definitions/Target"}}},
        "Target": {"type": "object", "properties": {"url": {"type": "string", "x-ms-notification-url": True}}}}}
    return [(f.code, f.pointer) for f in run_rules(swagger, properties, [RULES[c] for c in codes])]


OK = {"200": {"description": "OK"}}
WEBHOOK_BY_REFERENCE = {"post": {"operationId": "OnEvent", "x-ms-trigger": "single", "responses": OK,
                                 "parameters": [{"name": "body", "in": "body",
                                                 "schema": {"$ref": "#/definitions/Hook"}}]}}


def test_a_webhook_marked_deep_in_a_referenced_body_schema_is_a_webhook():
    assert trigger_findings({"/hooks": WEBHOOK_BY_REFERENCE}) == [
        ("WebhookTriggerWithoutDeleteOperation", "/paths/~1hooks/post")]
    with_delete = {"/hooks": WEBHOOK_BY_REFERENCE,
                   "/hooks/{id}": {"delete": {"operationId": "Unhook", "responses": OK}}}
    assert trigger_findings(with_delete) == []


def test_several_webhooks_without_delete_are_one_finding_naming_them_all():
    second = {"post": {**WEBHOOK_BY_REFERENCE["post"], "operationId": "OnOther"}}
    swagger = {**BASE, "paths": {"/a": WEBHOOK_BY_REFERENCE, "/b": second}, "definitions": {
        "Hook": {"type": "object", "properties": {"url": {"type": "string", "x-ms-notification-url": "true"}}}}}
    findings = run_rules(swagger, None, [RULES["WebhookTriggerWithoutDeleteOperation"]])
    assert len(findings) == 1 and "OnEvent, OnOther" in findings[0].message


def test_a_polling_trigger_named_by_a_pollingtrigger_policy_carries_state():
    paths = {"/items": {"get": {"operationId": "OnNewItem", "x-ms-trigger": "batch", "responses": OK}}}
    policy = {"templateId": "pollingtrigger", "parameters": {
        "x-ms-apimTemplateParameter.triggerConfig": {"since": "@{triggerBody().value[0].id}"},
        "x-ms-apimTemplateParameter.triggerDataPath": "@triggerBody().value",
        "x-ms-apimTemplate-operationName": ["OnNewItem"]}}
    assert trigger_findings(paths) == [("PollingTriggerWithoutState", "/paths/~1items/get")]
    assert trigger_findings(paths, {"properties": {"policyTemplateInstances": [policy]}}) == []


@pytest.mark.parametrize("state", [
    {"x-ms-trigger-metadata": {"kind": "query", "mode": "polling"}},
    {"parameters": [{"name": "since", "in": "query", "type": "string", "x-ms-visibility": "internal",
                     "default": "@{triggerBody().value[0].created}"}]},
])
def test_other_ways_of_carrying_polling_state(state):
    paths = {"/items": {"get": {"operationId": "OnNewItem", "x-ms-trigger": "batch", "responses": OK, **state}}}
    assert trigger_findings(paths) == []


def test_a_webhook_missing_its_url_is_not_also_judged_as_a_polling_trigger():
    """WebhookOperationsMissingNotificationUrlProperty reports the missing URL; one defect, one finding."""
    paths = {"/hooks": {"x-ms-notification-content": {"schema": {"type": "object"}},
                        "post": {"operationId": "OnEvent", "x-ms-trigger": "single", "responses": OK}},
             "/hooks/{id}": {"delete": {"operationId": "Unhook", "responses": OK}}}
    assert trigger_findings(paths) == []


def test_a_webhook_is_not_judged_as_a_polling_trigger_nor_an_action_as_either():
    paths = {"/hooks": WEBHOOK_BY_REFERENCE, "/hooks/{id}": {"delete": {"operationId": "Unhook", "responses": OK}},
             "/items": {"get": {"operationId": "ListItems", "responses": OK}}}
    assert trigger_findings(paths) == []


# --- independent publishers (issue 15 item 4) -----------------------------------------------------

IP_CODES = ("IndependentPublisherTitle", "IndependentPublisherBrandColor",
            "IndependentPublisherSameAsStackOwner", "IndependentPublisherOAuth")


def write_connector(folder, title="Contoso", color="#1a2b3c", publisher="Jane Doe"):
    folder.mkdir(parents=True)
    swagger = {**BASE, "info": {"title": title, "version": "1.0"},
               "securityDefinitions": {"oauth": OAUTH}}
    properties = {"properties": {"iconBrandColor": color, "publisher": publisher, "stackOwner": "Contoso",
                                 "connectionParameters": {"token": {"type": "oauthSetting"}}}}
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(properties, indent=4), "utf-8")
    return folder


def ip_findings(target):
    options = [arg for code in IP_CODES for arg in ("--select", code)]
    result = CliRunner().invoke(main, ["validate", str(target), "--format", "json", *options])
    assert result.exit_code in (0, 1), result.output
    return sorted((f["code"], f["file"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(result.output)["findings"])


def test_a_folder_under_independent_publisher_connectors_is_held_to_the_conventions(tmp_path):
    folder = write_connector(tmp_path / "independent-publisher-connectors" / "Contoso", publisher="contoso ")
    assert [(code, file) for code, file, _line in ip_findings(folder)] == [
        ("IndependentPublisherBrandColor", "apiProperties.json"),
        ("IndependentPublisherOAuth", "apiDefinition.swagger.json"),
        ("IndependentPublisherSameAsStackOwner", "apiProperties.json"),
        ("IndependentPublisherTitle", "apiDefinition.swagger.json"),
    ]


def test_the_same_connector_elsewhere_is_not_an_independent_publishers(tmp_path):
    folder = write_connector(tmp_path / "certified-connectors" / "Contoso", publisher="contoso ")
    assert ip_findings(folder) == []


def test_an_independent_publisher_following_the_conventions_passes(tmp_path):
    folder = write_connector(tmp_path / "independent-publisher-connectors" / "Contoso",
                             title="Contoso (Independent Publisher)", color="#DA3B01")
    assert [code for code, _file, _line in ip_findings(folder)] == ["IndependentPublisherOAuth"]


def test_a_rejected_colour_is_one_finding_not_two(tmp_path):
    folder = write_connector(tmp_path / "independent-publisher-connectors" / "Contoso",
                             title="Contoso (Independent Publisher)", color="#007ee5")
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "--select",
                                       "BrandColorNotAllowed", "--select", "IndependentPublisherBrandColor"])
    assert [f["code"] for f in json.loads(result.output)["findings"]] == ["BrandColorNotAllowed"]


def test_a_title_that_only_mentions_independent_publisher_is_reported_with_the_exact_suffix():
    findings = run_rules({**BASE, "info": {"title": "Contoso (independent publisher)", "version": "1"}}, None,
                         [RULES["IndependentPublisherTitle"]])
    assert [f.pointer for f in findings] == ["/info/title"]
    assert "(Independent Publisher)" in findings[0].hint


# --- the corpus -----------------------------------------------------------------------------------

NEW_CHECKS = (*CONNECTION_RULES, "WebhookTriggerWithoutDeleteOperation", "PollingTriggerWithoutState", *IP_CODES)


def _load(path):
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None


def test_new_checks_report_no_error_and_no_warning_on_a_quarter_of_merged_connectors(corpus_path):
    """No exceptions are listed: no new check reports an error on a merged connector (the one
    error-level check, IndependentPublisherBrandColor, concerns a folder the corpus lacks)."""
    rules = [RULES[code] for code in NEW_CHECKS]
    errors, fired, readable = [], {}, 0
    for folder in sorted(p.parent for p in corpus_path.rglob("apiDefinition.swagger.json")):
        swagger, properties = _load(folder / "apiDefinition.swagger.json"), _load(folder / "apiProperties.json")
        if not isinstance(swagger, dict):
            continue
        readable += 1
        for finding in run_rules(swagger, properties if isinstance(properties, dict) else None, rules,
                                 location=str(folder)):
            fired.setdefault(finding.code, set()).add(folder.name)
            if finding.severity.value == "error":
                errors.append(f"{folder.name}: {finding.code} {finding.pointer}")
    assert readable > 600
    assert errors == []
    assert {code: len(names) for code, names in fired.items() if len(names) > readable / 4} == {}
    # each check measured in its docstring still fires where it did (a silent rule is a broken one)
    assert {code: len(names) for code, names in fired.items()} == {
        "SecurityDefinitionWithoutConnectionParameter": 5, "SecurityDefinitionsMoreThanOne": 11,
        "ConnectionParameterWithoutSecurityDefinition": 31, "WebhookTriggerWithoutDeleteOperation": 38,
        "PollingTriggerWithoutState": 4}


# --- properties over generated connectors -----------------------------------------------------------

NAMES = st.sampled_from(["api_key", "username", "password", "token", "a/b", "x~y", "Key"])
PARAMETER_TYPES = st.sampled_from(["string", "securestring", "oauthSetting", "OAUTHSETTING", "bool", 3, None])
DEFINITIONS = st.sampled_from([OAUTH, API_KEY, {"type": "basic"}, {"type": None}, "not an object"])
GROUP = st.dictionaries(NAMES, st.builds(lambda kind: {"type": kind}, PARAMETER_TYPES) | st.none(), max_size=4)
PROPERTIES = st.one_of(
    st.none(),
    st.builds(lambda plain: {"properties": {"connectionParameters": plain}}, GROUP),
    st.builds(lambda plain, sets: {"properties": {"connectionParameters": plain,
                                                  "connectionParameterSets": {"values": [{"parameters": s} for s in sets]}}},
              GROUP, st.lists(GROUP, max_size=3)),
)
ALL_NEW = [RULES[code] for code in NEW_CHECKS]
CANONICAL = {"oauth2": {"token": {"type": "oauthSetting"}}, "apiKey": {"api_key": {"type": "securestring"}},
             "basic": {"username": {"type": "string"}, "password": {"type": "securestring"}}}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.dictionaries(NAMES, DEFINITIONS, max_size=3), PROPERTIES, st.booleans())
def test_any_connector_gives_sound_and_repeatable_findings(definitions, properties, in_ip_folder):
    swagger = {**BASE, "securityDefinitions": definitions}
    location = "/repo/independent-publisher-connectors/X" if in_ip_folder else "/repo/connectors/X"
    findings = run_rules(swagger, properties, ALL_NEW, location=location)
    assert_findings_are_sound(findings, swagger, properties, ALL_NEW)
    assert findings == run_rules(swagger, properties, ALL_NEW, location=location)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.sampled_from(sorted(CANONICAL)), PROPERTIES)
def test_adding_the_canonical_parameters_satisfies_one_definition(kind, properties):
    """Whatever else the connection parameters hold, one definition and the parameters
    Microsoft's pages name for it leave nothing to report between the two documents."""
    definition = {"oauth2": OAUTH, "apiKey": API_KEY, "basic": {"type": "basic"}}[kind]
    fixed = {"properties": {"connectionParameters": dict(CANONICAL[kind])}}
    if properties is not None:
        extra = properties["properties"].get("connectionParameters") or {}
        kept = {name: node for name, node in extra.items() if name not in fixed["properties"]["connectionParameters"]
                and (node or {}).get("type") not in ("oauthSetting", "OAUTHSETTING", "securestring")
                and name not in ("api_key", "username", "password")}
        fixed["properties"]["connectionParameters"].update(kept)
    assert found({"only": definition}, fixed) == []


def test_findings_stand_at_the_element_in_either_file(tmp_path):
    folder = write_connector(tmp_path / "independent-publisher-connectors" / "Contoso")
    swagger_lines = (folder / "apiDefinition.swagger.json").read_text("utf-8").splitlines()
    properties_lines = (folder / "apiProperties.json").read_text("utf-8").splitlines()
    found_at = {(code, file): line for code, file, line in ip_findings(folder)}
    assert '"iconBrandColor"' in properties_lines[found_at["IndependentPublisherBrandColor", "apiProperties.json"] - 1]
    assert '"title"' in swagger_lines[found_at["IndependentPublisherTitle", "apiDefinition.swagger.json"] - 1]
    assert '"oauth"' in swagger_lines[found_at["IndependentPublisherOAuth", "apiDefinition.swagger.json"] - 1]
