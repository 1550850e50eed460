"""`pacgen import FILE`: OpenAPI 3.0/3.1 → Swagger 2.0 spec (one test per conversion rule, every
change or loss a located finding), lone Swagger 2.0 files, bad input, and `validate` on OpenAPI 3."""

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_swagger

from generator.cli import main
from generator.importer.convert import build_documents, import_api_file
from generator.importer.reader import ImportError_
from generator.spec.loader import load_spec_text
from tests.conftest import SHARED, need_shared
from tests.test_import_hostile import mutate

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def document(**members) -> dict:
    doc = {"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.0"},
           "servers": [{"url": "https://api.pets.example/v1"}], "paths": {}}
    doc.update(members)
    return doc


def operation(**members) -> dict:
    return {"operationId": "Op", "responses": {"200": {"description": "OK"}}, **members}


def imported(tmp_path: Path, doc: dict, name: str = "api.yaml"):
    """(swagger built from the imported spec, apiProperties, findings by code)."""
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False) if name.endswith(".yaml") else json.dumps(doc), "utf-8")
    result = import_api_file(path)
    swagger, properties = build_documents(result.text)
    validate_swagger(swagger)
    codes: dict[str, list] = {}
    for finding in result.warnings:
        codes.setdefault(finding.code, []).append(finding)
    return swagger, properties, codes, result


def op_of(swagger: dict, path: str = "/x", method: str = "get") -> dict:
    return swagger["paths"][path][method]


def effective(swagger: dict, op: dict, key: str) -> list | None:
    """An operation's consumes/produces as Swagger 2.0 reads it: its own, else the top level's."""
    return op.get(key, swagger.get(key))


# --- the shared documents ------------------------------------------------------------------------

def shared_documents():
    folder = SHARED / "openapi3"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@pytest.mark.parametrize("path", shared_documents(), ids=lambda p: p.name)
def test_every_shared_document_imports_builds_and_keeps_or_reports_every_operation(path):
    need_shared(path)
    original = yaml.safe_load(path.read_text("utf-8"))
    result = import_api_file(path)
    swagger, _ = build_documents(result.text)
    validate_swagger(swagger)
    wanted = [(p, m) for p, item in original.get("paths", {}).items() for m in item if m in METHODS]
    kept = [(p, m) for p, item in swagger["paths"].items() for m in item if m in METHODS]
    dropped = [f for f in result.warnings if "TRACE" in f.message]
    assert len(kept) + len(dropped) == len(wanted)
    assert set(kept) <= set(wanted)
    for webhook in original.get("webhooks", {}):
        assert any(f.code == "Oas3Webhook" and webhook in f.message for f in result.warnings)
    for finding in result.warnings:  # each is in the header comment, located in the document
        assert finding.line >= 1 and f":{finding.line}:{finding.column}: {finding.code}:" in result.text


def test_shared_documents_exist():
    assert len(shared_documents() or need_shared(SHARED / "openapi3").glob("*.yaml")) >= 10


# --- servers ---------------------------------------------------------------------------------

def test_first_server_gives_host_base_path_and_scheme_others_are_reported(tmp_path):
    doc = document(servers=[{"url": "http://api.pets.example:8080/v2/"}, {"url": "https://other.example"}],
                   paths={"/x": {"get": operation()}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    assert (swagger["host"], swagger["basePath"], swagger["schemes"]) == ("api.pets.example:8080", "/v2", ["http"])
    assert "'https://other.example'" in codes["Oas3ServerDropped"][0].message


def test_server_variable_in_the_path_takes_its_default(tmp_path):
    doc = document(servers=[{"url": "https://api.example.com/{version}",
                             "variables": {"version": {"default": "v3", "enum": ["v2", "v3"]}}}],
                   paths={"/x": {"get": operation()}})
    swagger, properties, codes, _ = imported(tmp_path, doc)
    assert swagger["basePath"] == "/v3"
    assert "other values: v2, v3" in codes["Oas3ServerVariable"][0].message
    assert "policyTemplateInstances" not in properties["properties"]


def test_server_variable_in_the_host_becomes_a_connection_parameter_and_dynamichosturl(tmp_path):
    doc = document(servers=[{"url": "https://{tenant}.example.com/api",
                             "variables": {"tenant": {"default": "demo", "description": "Your tenant"}}}],
                   paths={"/x": {"get": operation()}})
    swagger, properties, codes, _ = imported(tmp_path, doc)
    assert swagger["host"] == "demo.example.com"
    props = properties["properties"]
    assert props["connectionParameters"]["tenant"]["uiDefinition"]["description"] == "Your tenant"
    policy = props["policyTemplateInstances"][0]
    assert policy["templateId"] == "dynamichosturl"
    assert policy["parameters"]["x-ms-apimTemplateParameter.urlTemplate"] == \
        "https://@connectionParameters('tenant').example.com"
    assert "Oas3ServerVariable" in codes


def test_no_servers_uses_a_placeholder_host_and_says_so(tmp_path):
    doc = document(paths={"/x": {"get": operation()}})
    del doc["servers"]
    swagger, _, codes, _ = imported(tmp_path, doc)
    assert swagger["host"] == "api.example.com" and "Oas3HostMissing" in codes


# --- request bodies ----------------------------------------------------------------------------

def test_json_request_body_is_preferred_and_the_other_types_reported(tmp_path):
    body = {"required": True, "description": "The pet", "content": {
        "application/xml": {"schema": {"type": "string"}},
        "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    doc = document(paths={"/x": {"post": operation(requestBody=body)}},
                   components={"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    op = op_of(swagger, method="post")
    assert effective(swagger, op, "consumes") == ["application/json"]
    assert op["parameters"] == [{"name": "body", "in": "body", "description": "The pet", "required": True,
                                 "schema": {"$ref": "#/definitions/Pet"}}]
    assert "'application/xml'" in codes["Oas3Dropped"][0].message


def test_form_body_becomes_form_data_parameters_with_files(tmp_path):
    schema = {"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string", "description": "Pet name"},
        "photo": {"type": "string", "format": "binary"},
        "tags": {"type": "array", "items": {"type": "string"}}}}
    doc = document(paths={"/x": {"post": operation(requestBody={"content": {"multipart/form-data": {"schema": schema}}})}})
    swagger, _, _, _ = imported(tmp_path, doc)
    op = op_of(swagger, method="post")
    assert effective(swagger, op, "consumes") == ["multipart/form-data"]
    assert op["parameters"] == [
        {"name": "name", "in": "formData", "required": True, "type": "string", "description": "Pet name"},
        {"name": "photo", "in": "formData", "type": "file"},
        {"name": "tags", "in": "formData", "type": "array", "items": {"type": "string"},
         "collectionFormat": "multi"}]


def test_octet_stream_body_is_a_binary_body(tmp_path):
    doc = document(paths={"/x": {"put": operation(requestBody={"content": {"application/octet-stream": {}}})}})
    swagger, _, _, _ = imported(tmp_path, doc)
    parameter = op_of(swagger, method="put")["parameters"][0]
    assert parameter["in"] == "body" and parameter["schema"] == {"type": "string", "format": "binary"}


# --- responses and components --------------------------------------------------------------------

def test_response_content_gives_schema_produces_and_example(tmp_path):
    responses = {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}, "example": [{"id": 1}]}}},
        "2XX": {"description": "Other success"}}
    doc = document(paths={"/x": {"get": operation(responses=responses)}},
                   components={"schemas": {"Pet": {"type": "object"}}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    op = op_of(swagger)
    assert swagger["produces"] == ["application/json"] and "produces" not in op  # the only operation
    assert op["responses"]["200"]["schema"] == {"type": "array", "items": {"$ref": "#/definitions/Pet"}}
    assert op["responses"]["200"]["examples"] == {"application/json": [{"id": 1}]}
    assert "2XX" not in op["responses"] and "already" not in str(codes)
    assert any("'2XX'" in f.message for f in codes["Oas3Dropped"])  # 200 exists: the range is dropped


def test_media_types_every_operation_shares_are_said_once_at_the_top(tmp_path):
    json_body = {"content": {"application/json": {"schema": {"type": "object"}}}}
    json_response = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
    doc = document(paths={"/x": {"get": operation(operationId="A", responses=json_response),
                                 "post": operation(operationId="B", requestBody=json_body, responses=json_response)},
                          "/y": {"put": operation(operationId="C", requestBody=json_body, responses={
                              "200": {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}}})}})
    swagger, _, _, result = imported(tmp_path, doc)
    assert not swagger.get("produces")  # C answers text/plain: each operation keeps its own
    assert [op_of(swagger, p, m)["produces"] for p, m in (("/x", "get"), ("/x", "post"), ("/y", "put"))] == [
        ["application/json"], ["application/json"], ["text/plain"]]
    assert not swagger.get("consumes")  # A has no body, so not every operation has the list
    doc["paths"]["/y"]["put"]["responses"] = json_response
    doc["paths"]["/x"]["get"]["requestBody"] = json_body
    swagger, _, _, result = imported(tmp_path, doc)
    assert swagger["produces"] == swagger["consumes"] == ["application/json"]
    assert not any("produces" in op or "consumes" in op for item in swagger["paths"].values() for op in item.values())
    assert "\nproduces: [application/json]\n" in result.text


def test_components_become_definitions_parameters_and_responses_with_refs_rewritten(tmp_path):
    doc = document(
        paths={"/x": {"get": operation(parameters=[{"$ref": "#/components/parameters/Limit"}],
                                       responses={"404": {"$ref": "#/components/responses/NotFound"}})}},
        components={"parameters": {"Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}},
                    "responses": {"NotFound": {"description": "Missing", "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
                    "schemas": {"Error": {"type": "object", "properties": {"code": {"type": "integer"}}}}})
    swagger, _, _, _ = imported(tmp_path, doc)
    op = op_of(swagger)
    assert op["parameters"] == [{"$ref": "#/parameters/Limit"}]
    assert op["responses"]["404"] == {"$ref": "#/responses/NotFound"}
    assert swagger["parameters"]["Limit"] == {"name": "limit", "in": "query", "type": "integer"}
    assert swagger["responses"]["NotFound"]["schema"] == {"$ref": "#/definitions/Error"}
    assert "Error" in swagger["definitions"]


def test_refs_to_another_local_file_are_read(tmp_path):
    (tmp_path / "common.yaml").write_text(yaml.safe_dump({"Owner": {"type": "object", "properties": {
        "name": {"type": "string"}}}}), "utf-8")
    responses = {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"$ref": "common.yaml#/Owner"}}}}}
    swagger, _, _, _ = imported(tmp_path, document(paths={"/x": {"get": operation(responses=responses)}}))
    assert op_of(swagger)["responses"]["200"]["schema"] == {"$ref": "#/definitions/Owner"}
    assert swagger["definitions"]["Owner"]["properties"] == {"name": {"type": "string"}}


# --- schemas ---------------------------------------------------------------------------------------

def schema_of(tmp_path, schema: dict, version: str = "3.0.3"):
    doc = document(openapi=version, paths={}, components={"schemas": {"S": schema}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    return swagger["definitions"]["S"], codes


def test_nullable_becomes_x_nullable(tmp_path):
    assert schema_of(tmp_path, {"type": "string", "nullable": True})[0] == {"type": "string", "x-nullable": True}


def test_type_list_with_null_becomes_x_nullable_and_two_types_are_reported(tmp_path):
    assert schema_of(tmp_path, {"type": ["integer", "null"]}, "3.1.0")[0] == {"type": "integer", "x-nullable": True}
    schema, codes = schema_of(tmp_path, {"type": ["integer", "string"]}, "3.1.0")
    assert "type" not in schema and "Oas3TypeList" in codes


def test_one_of_same_type_becomes_that_type(tmp_path):
    schema, codes = schema_of(tmp_path, {"oneOf": [{"type": "string", "format": "date"}, {"type": "string"}]})
    assert schema["type"] == "string" and "Oas3OneOf" in codes


def test_one_of_objects_keeps_the_first_and_reports_the_rest(tmp_path):
    doc_schema = {"oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                            {"type": "object", "properties": {"b": {"type": "string"}}}]}
    schema, codes = schema_of(tmp_path, doc_schema)
    assert schema["properties"] == {"a": {"type": "string"}}
    assert "1 other(s) left out" in codes["Oas3OneOf"][0].message


def test_any_of_with_null_is_the_other_schema_nullable(tmp_path):
    schema, codes = schema_of(tmp_path, {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                                                   {"type": "null"}]}, "3.1.0")
    assert schema == {"type": "object", "properties": {"a": {"type": "string"}}, "x-nullable": True}
    assert "Oas3OneOf" not in codes


def test_const_examples_and_exclusive_bounds(tmp_path):
    schema, codes = schema_of(tmp_path, {"type": "number", "const": 3, "examples": [3, 4],
                                         "exclusiveMinimum": 1}, "3.1.0")
    assert schema["enum"] == [3] and schema["example"] == 3
    assert (schema["minimum"], schema["exclusiveMinimum"]) == (1, True)
    assert "1 more example(s)" in codes["Oas3Dropped"][0].message


def test_unknown_schema_keywords_are_reported_with_their_position(tmp_path):
    schema, codes = schema_of(tmp_path, {"type": "object", "not": {"type": "string"},
                                         "writeOnly": True})
    dropped = {f.pointer: f for f in codes["Oas3Dropped"]}
    assert "/components/schemas/S/not" in dropped and "/components/schemas/S/writeOnly" in dropped
    assert dropped["/components/schemas/S/not"].line > 1


# --- parameters ------------------------------------------------------------------------------------

def test_cookie_parameters_are_reported_and_array_styles_mapped(tmp_path):
    parameters = [{"name": "session", "in": "cookie", "schema": {"type": "string"}},
                  {"name": "ids", "in": "query", "style": "pipeDelimited", "explode": False,
                   "schema": {"type": "array", "items": {"type": "integer"}}},
                  {"name": "id", "in": "path", "schema": {"type": "string"}, "example": "x1"}]
    doc = document(paths={"/x/{id}": {"get": operation(parameters=parameters)}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    params = op_of(swagger, "/x/{id}")["parameters"]
    assert [p["name"] for p in params] == ["ids", "id"]
    assert params[0]["collectionFormat"] == "pipes" and params[1]["required"] is True
    messages = " ".join(f.message for f in codes["Oas3Dropped"])
    assert "cookie parameter 'session'" in messages and "'example'" in messages


def test_exploded_query_array_is_sent_comma_separated_with_a_finding(tmp_path):
    parameters = [{"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}]
    swagger, _, codes, _ = imported(tmp_path, document(paths={"/x": {"get": operation(parameters=parameters)}}))
    assert op_of(swagger)["parameters"][0]["collectionFormat"] == "csv"
    assert "not supported by Power Platform" in codes["Oas3Changed"][0].message


# --- operations ------------------------------------------------------------------------------------

def test_operation_ids_are_made_valid_and_unique_and_summaries_cut(tmp_path):
    paths = {"/a": {"get": operation(operationId="list pets", summary="S" * 100)},
             "/b": {"get": operation(operationId="ListPets")},
             "/c": {"get": {"responses": {"200": {"description": "OK"}}}}}
    swagger, _, codes, _ = imported(tmp_path, document(paths=paths))
    ids = [swagger["paths"][p]["get"]["operationId"] for p in ("/a", "/b", "/c")]
    assert ids == ["ListPets", "ListPets2", "GetC"]
    assert len(swagger["paths"]["/a"]["get"]["summary"]) == 80 and "Oas3Truncated" in codes
    assert len(codes["Oas3OperationId"]) == 3


def test_callbacks_links_and_webhooks_are_reported_with_a_trigger_suggestion(tmp_path):
    responses = {"200": {"description": "OK", "links": {"next": {"operationId": "Op"}}}}
    doc = document(openapi="3.1.0", paths={"/x": {"post": operation(
        responses=responses, callbacks={"onEvent": {"{$request.body#/url}": {"post": operation()}}})}},
        webhooks={"newPet": {"post": operation()}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    assert "trigger" in codes["Oas3Callback"][0].hint
    assert "'newPet'" in codes["Oas3Webhook"][0].message
    assert any("link 'next'" in f.message for f in codes["Oas3Dropped"])
    assert "callbacks" not in op_of(swagger, method="post")


# --- security --------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme, definition, parameter", [
    ({"type": "apiKey", "in": "header", "name": "X-Key"}, {"type": "apiKey", "in": "header", "name": "X-Key"},
     "api_key"),
    ({"type": "http", "scheme": "basic"}, {"type": "basic"}, "username"),
    ({"type": "http", "scheme": "bearer"}, {"type": "apiKey", "in": "header", "name": "Authorization"}, "api_key"),
])
def test_security_schemes(tmp_path, scheme, definition, parameter):
    doc = document(paths={"/x": {"get": operation()}}, security=[{"auth": []}],
                   components={"securitySchemes": {"auth": scheme}})
    swagger, properties, _, _ = imported(tmp_path, doc)
    assert swagger["securityDefinitions"] == {"auth": definition}
    assert swagger["security"] == [{"auth": []}]
    assert parameter in properties["properties"]["connectionParameters"]


def test_oauth_uses_one_flow_and_reports_the_others_and_other_schemes(tmp_path):
    flows = {"clientCredentials": {"tokenUrl": "https://a.example/token", "scopes": {}},
             "authorizationCode": {"authorizationUrl": "https://a.example/auth", "tokenUrl": "https://a.example/token",
                                   "refreshUrl": "https://a.example/refresh", "scopes": {"read": "Read"}}}
    doc = document(paths={"/x": {"get": operation(security=[{"oauth": ["read"]}, {"key": []}])}},
                   components={"securitySchemes": {"oauth": {"type": "oauth2", "flows": flows},
                                                   "key": {"type": "apiKey", "in": "cookie", "name": "k"}}})
    swagger, properties, codes, _ = imported(tmp_path, doc)
    assert swagger["securityDefinitions"]["oauth"]["flow"] == "accessCode"
    assert op_of(swagger)["security"] == [{"oauth": ["read"]}]
    settings = properties["properties"]["connectionParameters"]["token"]["oAuthSettings"]
    assert settings["customParameters"]["refreshUrl"]["value"] == "https://a.example/refresh"
    assert any("'clientCredentials'" in f.message for f in codes["Oas3SecurityChanged"])
    assert any("'key'" in f.message for f in codes["Oas3SecurityDropped"])


def test_open_id_connect_becomes_oauth_with_a_finding(tmp_path):
    doc = document(paths={"/x": {"get": operation()}}, components={"securitySchemes": {"oidc": {
        "type": "openIdConnect", "openIdConnectUrl": "https://id.example/.well-known/openid-configuration"}}})
    swagger, _, codes, _ = imported(tmp_path, doc)
    assert swagger["securityDefinitions"]["oidc"]["authorizationUrl"] == "https://id.example/authorize"
    assert "not fetched" in codes["Oas3SecurityChanged"][0].message


# --- the command, lone Swagger 2.0, bad input -----------------------------------------------------

def test_import_command_prints_findings_and_writes_them_escaped_into_the_header(tmp_path):
    doc = document(paths={"/x": {"get": operation(operationId="bad id\nsuppress: []")}})
    (tmp_path / "api.json").write_text(json.dumps(doc), "utf-8")
    result = CliRunner().invoke(main, ["import", str(tmp_path / "api.json"), "-o", str(tmp_path / "s.yaml")])
    assert result.exit_code == 0, result.output
    assert "warning Oas3OperationId" in result.output and "gives the same connector" in result.output
    text = (tmp_path / "s.yaml").read_text("utf-8")
    assert "# What the conversion changed or left out (1):" in text
    assert "'bad id\\nsuppress: []'" in text and "\nsuppress" not in text
    assert list(yaml.safe_load(text))[0] == "info"


def test_lone_swagger_file_in_yaml_imports_with_connection_parameters(tmp_path):
    swagger = {"swagger": "2.0", "info": {"title": "T", "version": "1.0"}, "host": "x.example",
               "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "X-Key"}},
               "paths": {"/x": {"get": operation()}}}
    (tmp_path / "sw.yaml").write_text(yaml.safe_dump(swagger), "utf-8")
    result = import_api_file(tmp_path / "sw.yaml")
    built, properties = build_documents(result.text)
    assert built["paths"] == swagger["paths"]
    assert "api_key" in properties["properties"]["connectionParameters"]


@pytest.mark.parametrize("content, code", [
    ("title: just yaml\n", "NotAnApiDocument"),
    ("openapi: 3.0.0\ninfo: [unclosed\n", "YamlSyntaxError"),
    ('{"openapi": "3.0.0",}', "JsonSyntaxError"),
])
def test_files_that_are_not_api_documents_exit_2_with_a_position(tmp_path, content, code):
    path = tmp_path / ("doc.json" if content.startswith("{") else "doc.yaml")
    path.write_text(content, "utf-8")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 2
    assert f"error {code}" in result.output and "Traceback" not in result.output


def test_unresolvable_ref_and_ring_of_refs_exit_2(tmp_path):
    missing = document(paths={"/x": {"get": operation(parameters=[{"$ref": "#/components/parameters/Nope"}])}})
    with pytest.raises(ImportError_) as caught:
        imported(tmp_path, missing)
    assert caught.value.findings[0].code == "RefUnresolvable" and caught.value.findings[0].line > 1
    ring = document(components={"schemas": {"A": {"$ref": "#/components/schemas/B"},
                                            "B": {"$ref": "#/components/schemas/A"}}})
    with pytest.raises(ImportError_) as caught:
        imported(tmp_path, ring)
    assert caught.value.findings[0].code == "RefCycle"


def test_self_referencing_schemas_are_fine(tmp_path):
    schema, _ = schema_of(tmp_path, {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/S"}}})
    assert schema["properties"]["child"] == {"$ref": "#/definitions/S"}


def test_url_refs_are_reported_not_fetched(tmp_path):
    responses = {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"$ref": "https://schemas.example/pet.json"}}}}}
    swagger, _, codes, _ = imported(tmp_path, document(paths={"/x": {"get": operation(responses=responses)}}))
    assert op_of(swagger)["responses"]["200"]["schema"] == {}
    assert "not fetched" in codes["Oas3UrlRef"][0].message


def test_a_document_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 2 and "error InputTooLarge" in result.output


def test_validate_answers_an_openapi3_file_with_one_finding(tmp_path):
    text = yaml.safe_dump(document(paths={"/x": {"get": operation()}}), sort_keys=False)
    (tmp_path / "api.yaml").write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "api.yaml"), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert [f["code"] for f in findings] == ["OpenApi3NotAccepted"]
    assert findings[0]["line"] == 1 and "pacgen import" in findings[0]["hint"]


# --- property: mutated small OpenAPI 3 documents ------------------------------------------------

BASE_DOCUMENT = document(
    servers=[{"url": "https://{region}.pets.example/v1", "variables": {"region": {"default": "eu"}}}],
    paths={"/pets/{id}": {
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "get": operation(operationId="getPet", responses={"200": {"description": "OK", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}),
        "put": operation(requestBody={"content": {"application/json": {"schema": {
            "oneOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]}}}})}},
    components={"schemas": {"Pet": {"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string", "nullable": True}, "tags": {"type": "array", "items": {"type": "string"}}}}},
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                            "oauth": {"type": "oauth2", "flows": {"implicit": {
                                "authorizationUrl": "https://a.example/auth", "scopes": {"r": "Read"}}}}}},
    security=[{"key": []}])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_import_of_a_mutated_openapi3_document_never_raises(tmp_path_factory, data):
    doc = BASE_DOCUMENT
    for _ in range(data.draw(st.integers(1, 3))):
        doc = mutate(doc, data)
    path = tmp_path_factory.mktemp("d") / "api.json"
    path.write_text(json.dumps(doc), "utf-8")
    output = path.parent / "spec.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(output)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert "error" in result.output and not output.exists()
    elif result.exit_code == 1:  # written, and says why it does not build (e.g. a path parameter missing)
        assert "does not build yet" in result.output
        load_spec_text(output.read_text("utf-8"), str(output))
    else:
        build_documents(output.read_text("utf-8"))  # "gives the same connector": it builds


def test_names_from_the_document_are_escaped_in_messages(tmp_path):
    doc = document(paths={"/x\x1b[2J": {"get": {"operationId": "A"}}})
    _, _, codes, _ = imported(tmp_path, doc)
    message = codes["Oas3Changed"][0].message
    assert "\x1b" not in message and "/x\\u001b[2J" in message


def test_findings_about_an_operation_or_schema_are_also_commented_where_they_apply(tmp_path):
    doc = document(paths={"/x": {"get": operation(summary="S" * 90)}},
                   components={"schemas": {"Pet": {"type": "object", "not": {"type": "string"}}}})
    _, _, codes, result = imported(tmp_path, doc)
    lines = result.text.splitlines()
    at_operation = lines.index("operations:") + 1
    assert lines[at_operation].startswith("  # Oas3Truncated (line 14): summary is 90 characters")
    assert lines[at_operation + 1].startswith("  - ")
    definitions = lines.index("definitions:")
    assert lines[definitions + 1].startswith("  # Oas3Dropped (line ") and "'not'" in lines[definitions + 1]
    assert lines[definitions + 2] == "  Pet: {type: object}"


def test_bearer_token_is_sent_with_its_prefix_by_a_policy(tmp_path):
    doc = document(paths={"/x": {"get": operation()}},
                   components={"securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}})
    swagger, properties, codes, _ = imported(tmp_path, doc)
    assert swagger["securityDefinitions"] == {"jwt": {"type": "apiKey", "in": "header", "name": "Authorization"}}
    props = properties["properties"]
    assert props["connectionParameters"]["api_key"]["uiDefinition"]["displayName"] == "Access token"
    policy = props["policyTemplateInstances"][0]
    assert policy["templateId"] == "setheader"
    assert policy["parameters"]["x-ms-apimTemplateParameter.value"] == "Bearer @connectionParameters('api_key')"
    assert "enter only the token" in codes["Oas3SecurityChanged"][0].message
