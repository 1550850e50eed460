"""The connection rules of issue 15 item 3 beyond their docstring examples: multi-auth sets,
policy-sent parameters, a lone swagger, one finding per defect, and pacgen's own output."""

import json

import pytest
from click.testing import CliRunner

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


def test_a_webhook_is_not_judged_as_a_polling_trigger_nor_an_action_as_either():
    paths = {"/hooks": WEBHOOK_BY_REFERENCE, "/hooks/{id}": {"delete": {"operationId": "Unhook", "responses": OK}},
             "/items": {"get": {"operationId": "ListItems", "responses": OK}}}
    assert trigger_findings(paths) == []
