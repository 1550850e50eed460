"""Secrets in the connector files are errors: values on password/API-key parameters, an OAuth
client secret in apiProperties.json, credentials inside a URL."""

import json

import pytest

from generator.findings import Severity
from generator.pipeline import load_connector
from generator.validate.pipeline import validate
from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()
SECRETS = ("SecretParameterHasValue", "OAuthClientSecretPresent", "CredentialsInUrl")


def _hits(example: dict, code: str) -> list:
    swagger, properties = example_documents(example)
    return [f for f in run_rules(swagger, properties, [RULES[code]]) if f.code == code]


def _with_parameter(param: dict) -> dict:
    return {"paths": {"/items": {"get": {"operationId": "ListItems", "parameters": [param],
                                         "responses": {"200": {"description": "OK"}}}}}}


@pytest.mark.parametrize("code", SECRETS)
def test_secret_rules_are_errors(code):
    assert RULES[code].severity is Severity.ERROR


@pytest.mark.parametrize("param, fires", [
    ({"name": "api_key", "in": "query", "type": "string", "default": "abc123"}, True),
    ({"name": "X-API-Key", "in": "header", "type": "string", "x-ms-test-value": "abc123"}, True),
    ({"name": "pwd", "in": "query", "type": "string", "format": "password", "default": "hunter2"}, True),
    ({"name": "token", "in": "query", "type": "string", "x-ms-summary": "Access Token", "default": "t"}, True),
    ({"name": "Authorization", "in": "header", "type": "string", "default": "Bearer xyz"}, True),
    ({"name": "api_key", "in": "query", "type": "string", "default": ""}, False),
    ({"name": "api_key", "in": "query", "type": "string"}, False),
    ({"name": "page_size", "in": "query", "type": "integer", "default": 50}, False),
    ({"name": "keyword", "in": "query", "type": "string", "default": "all"}, False),
])
def test_secret_parameter_values(param, fires):
    hits = _hits(_with_parameter(param), "SecretParameterHasValue")
    assert bool(hits) is fires
    if fires:
        assert hits[0].pointer.startswith("/paths/~1items/get/parameters/0/")


def test_secure_connection_parameter_with_default_value():
    props = {"properties": {"connectionParameters": {
        "api_key": {"type": "securestring", "defaultValue": "abc123"},
        "region": {"type": "string", "defaultValue": "eu"}}}}
    hits = _hits({"apiProperties": props}, "SecretParameterHasValue")
    assert [h.pointer for h in hits] == ["/properties/connectionParameters/api_key/defaultValue"]


def test_client_secret_in_parameter_sets_too():
    oauth = {"identityProvider": "oauth2", "clientId": "app", "clientSecret": "s3cret"}
    props = {"properties": {"connectionParameterSets": {"values": [
        {"name": "oauth", "parameters": {"token": {"type": "oauthSetting", "oAuthSettings": oauth}}}]}}}
    hits = _hits({"apiProperties": props}, "OAuthClientSecretPresent")
    assert [h.pointer for h in hits] == [
        "/properties/connectionParameterSets/values/0/parameters/token/oAuthSettings/clientSecret"]


def test_empty_client_secret_is_accepted():
    oauth = {"identityProvider": "oauth2", "clientId": "app", "clientSecret": None}
    props = {"properties": {"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": oauth}}}}
    assert not _hits({"apiProperties": props}, "OAuthClientSecretPresent")


@pytest.mark.parametrize("example, pointer", [
    ({"host": "admin:pw@api.contoso.com"}, None),  # no scheme: a host is never a URL with user info
    ({"info": {"description": "Mail us at help@contoso.com via https://contoso.com."}}, None),
    ({"info": {"termsOfService": "https://u:p@contoso.com/terms"}}, "/info/termsOfService"),
    ({"securityDefinitions": {"o": {"type": "oauth2", "flow": "accessCode",
                                    "authorizationUrl": "https://app:key@login.contoso.com/auth",
                                    "tokenUrl": "https://login.contoso.com/token"}}},
     "/securityDefinitions/o/authorizationUrl"),
    ({"definitions": {"A": {"type": "string", "example": "sftp://bot:pa55@files.contoso.com/in"}}},
     "/definitions/A/example"),
])
def test_credentials_in_urls(example, pointer):
    hits = _hits(example, "CredentialsInUrl")
    assert [h.pointer for h in hits] == ([pointer] if pointer else [])
    for hit in hits:
        assert "pa55" not in hit.message and ":p@" not in hit.message  # the password is not repeated


def test_secret_in_a_connector_folder_is_an_error_located_in_api_properties(tmp_path):
    swagger = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "host": "contoso.com",
               "basePath": "/", "schemes": ["https"], "paths": {}}
    oauth = {"identityProvider": "oauth2", "clientId": "app", "clientSecret": "s3cret", "scopes": []}
    props = {"properties": {"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": oauth}}}}
    (tmp_path / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4) + "\n", "utf-8")
    (tmp_path / "apiProperties.json").write_text(json.dumps(props, indent=4) + "\n", "utf-8")
    outcome = validate(load_connector(tmp_path))
    hit = next(f for f in outcome.findings if f.code == "OAuthClientSecretPresent")
    assert hit.severity is Severity.ERROR
    assert hit.file.endswith("apiProperties.json")
    text = (tmp_path / "apiProperties.json").read_text("utf-8").splitlines()
    assert '"clientSecret"' in text[hit.line - 1]


@pytest.mark.parametrize("value, real", [
    ("Bearer <Access token>", False), ("{apiKey}", False), ("[[DUMMY]]", False), ("YOUR_CLIENT_SECRET", False),
    ("Value-From-Your-App-Registration", False), ("****", False), ("", False), (None, False),
    ("evapps", True), ("s3cr3t-v4lue", True), ("yourself", True),
])
def test_placeholders_are_not_secrets(value, real):
    oauth = {"identityProvider": "oauth2", "clientId": "app", "clientSecret": value}
    props = {"properties": {"connectionParameters": {"token": {"type": "oauthSetting", "oAuthSettings": oauth}}}}
    assert bool(_hits({"apiProperties": props}, "OAuthClientSecretPresent")) is real
    param = {"name": "password", "in": "query", "type": "string", "default": value}
    assert bool(_hits(_with_parameter(param), "SecretParameterHasValue")) is real


# --- issue 15: the three false positives measured on unseen connectors, as regressions ------

@pytest.mark.parametrize("param", [
    {"name": "X-Api-Key", "in": "header", "type": "string", "default": "@connectionParameters('key')"},
    {"name": "api_key", "in": "query", "type": "string", "x-ms-test-value": "@parameters('api_key')"},
    {"name": "includeDynamicSecrets", "in": "query", "type": "boolean",
     "x-ms-summary": "Include Dynamic Secrets", "default": False},
    {"name": "includeManagedSecrets", "in": "query", "type": "boolean",
     "x-ms-summary": "Include Managed Secrets", "default": True},
    {"name": "secretCount", "in": "query", "type": "integer", "default": 3},
    {"name": "password", "in": "query", "type": "string", "default": "YOUR_PASSWORD"},
])
def test_no_finding_for_references_switches_numbers_and_placeholders(param):
    assert _hits(_with_parameter(param), "SecretParameterHasValue") == []


def test_connection_parameter_default_named_as_a_key_is_reported():
    props = {"properties": {"connectionParameters": {
        "token": {"type": "string", "uiDefinition": {"displayName": "API Key"}, "defaultValue": "k3y-v4lue"},
        "host": {"type": "string", "uiDefinition": {"displayName": "Host"}, "defaultValue": "eu.example.com"},
        "ref": {"type": "securestring", "defaultValue": "@connectionParameters('token')"}}}}
    hits = _hits({"apiProperties": props}, "SecretParameterHasValue")
    assert [h.pointer for h in hits] == ["/properties/connectionParameters/token/defaultValue"]
    assert "k3y-v4lue" not in hits[0].message + (hits[0].hint or "")


def test_literal_key_in_setproperty_policy_is_reported():
    key = "0123456789abcdef0123456789abcdef01234567"
    props = {"properties": {"policyTemplateInstances": [{
        "templateId": "setproperty", "title": "key",
        "parameters": {"x-ms-apimTemplateParameter.newPropertyParentPathTemplate": "@body()",
                       "x-ms-apimTemplateParameter.newPropertySubPathTemplate": "apikey",
                       "x-ms-apimTemplateParameter.propertyValuePathTemplate": key,
                       "x-ms-apimTemplate-policySection": "Request"}}]}}
    hits = _hits({"apiProperties": props}, "PolicyTemplateHasCredential")
    assert [h.pointer for h in hits] == [
        "/properties/policyTemplateInstances/0/parameters/"
        "x-ms-apimTemplateParameter.propertyValuePathTemplate"]
    assert key not in hits[0].message + (hits[0].hint or "")


def test_oauth_grant_type_password_is_a_word_not_a_password():
    param = {"name": "grant_type", "in": "query", "type": "string", "format": "password", "default": "password"}
    assert _hits(_with_parameter(param), "SecretParameterHasValue") == []
