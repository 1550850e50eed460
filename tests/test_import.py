"""`pacgen import`: readable spec, exact rebuild, fidelity of awkward values, idempotence, errors."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from generator.importer.convert import build_documents, import_connector, same_import
from generator.importer.emit import dump_yaml
from generator.importer.inverse import first_difference
from generator.spec.loader import load_spec_text

ROOT = Path(__file__).resolve().parents[1]
PACGEN = [sys.executable, "-m", "generator"]

AWKWARD_STRINGS = [
    "yes", "no", "on", "off", "y", "n", "true", "False", "null", "~", "", "1.0", "1e5", "0x1F", "012",
    "2024-01-31", "2024-01-31T10:00:00Z", "12:30", " lead", "trail ", "a: b", "a:", "#hash", "a #b",
    "C#", "multi\nline\n", "multi\nline", "two\n\ntrailing\n\n", "\nleading newline", "tab\there",
    "line\u2028sep", "nel\x85", "bell\x07", "bom\ufeff", "é ü 中文 😀", "'single'", '"double"',
    "back\\slash", "<<", "- dash", "? q", "{braces}", "[list]", "a, b", "@at", "`tick`", "!tag", "&anchor",
    "*alias", "%percent", "|pipe", ">fold", "...", "---", "=", "{{ jinja }}", "{% tag %}", "cr\r\nlf",
    "  indented\nblock", "trailing space \nline", ".inf", ".NaN", "+1", "-1", "1_000", "0o17", "https://x.io/a?b=c#d",
]
AWKWARD_NUMBERS = [0, 1, -1, 1.0, -0.5, 100000.0, 1e-07, 1.5e300, 12345678901234567890123456789,
                   -98765432109876543210, 0.1, 3.141592653589793]


def swagger_fixture() -> dict:
    """A connector touching every construct the round trip must keep."""
    enum_names = [{"value": "a", "displayName": "Alpha"}, {"value": "b", "displayName": "Beta"}]
    return {
        "swagger": "2.0",
        "info": {"title": "Awkward", "description": "Every corner.", "version": "1.0",
                 "contact": {"name": "Team", "email": "team@example.com"}, "x-ms-keywords": ["a"]},
        "host": "api.example.com",
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": [],
        "produces": ["application/json"],
        "paths": {
            "/things/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "type": "string",
                                "x-ms-summary": "Thing ID", "x-ms-url-encoding": "double"}],
                "get": {
                    "operationId": "GetThing",
                    "summary": "Get thing",
                    "x-ms-visibility": "Important",  # not a valid short form: stays verbatim
                    "x-ms-api-annotation": {"status": "Production", "family": "GetThing", "revision": 1},
                    "parameters": [
                        {"$ref": "#/parameters/Top"},
                        {"name": "kind", "in": "query", "type": "string", "enum": ["a", "b"],
                         "x-ms-enum-values": enum_names, "x-ms-visibility": "advanced"},
                        {"name": "partial", "in": "query", "type": "string", "enum": ["a", "b"],
                         "x-ms-enum-values": enum_names[:1]},
                    ],
                    "responses": {"200": {"description": "OK", "schema": {
                        "$ref": "#/definitions/Thing", "description": "ref with a sibling"}},
                        "default": {"$ref": "#/responses/Error"}},
                },
                "delete": {"operationId": "DeleteThing", "responses": {}},
            },
            "/empty": {},
            "/hooks": {
                "x-ms-notification-content": {"description": "payload", "schema": {
                    "type": "object", "title": "Payload", "properties": {"x": {"type": "string"}}}},
                "post": {
                    "operationId": "OnThing",
                    "x-ms-trigger": "single",
                    "x-ms-notification-content": {"schema": {"type": "object", "title": "Event",
                                                             "properties": {"n": {"type": "integer"}}}},
                    "parameters": [{"name": "body", "in": "body", "schema": {"type": "object", "properties": {
                        "callback": {"type": "string", "x-ms-notification-url": True,
                                     "x-ms-visibility": "internal"}}}}],
                    "responses": {"201": {"description": "Created"}},
                },
            },
        },
        "definitions": {
            "Thing": {
                "type": "object",
                "title": "A JSON-schema title",
                "required": ["id"],
                "x-ms-summary": "Thing",
                "properties": {
                    "id": {"type": "integer", "format": "int64", "minimum": 1.0, "maximum": 1e5,
                           "x-ms-test-value": 12345678901234567890123},
                    "ratio": {"type": "number", "default": -0.5, "multipleOf": 1e-07},
                    "words": {"type": "array", "items": {"type": "string", "enum": AWKWARD_STRINGS}},
                    "numbers": {"type": "array", "example": AWKWARD_NUMBERS},
                    "meta": {"type": "object", "properties": {}, "additionalProperties": {"type": "string"}},
                    "mixed": {"allOf": [{"$ref": "#/definitions/Base"}, {"type": "object", "x-nullable": True}]},
                    "dynamic": {"type": "string", "x-ms-dynamic-values": {"operationId": "GetThing",
                                                                          "value-path": "id"}},
                },
                "example": {"<<": 1, "200": True, "true": None, "a/b~c": [], "": {}},
            },
            "Base": {},
        },
        "parameters": {"Top": {"name": "top", "in": "query", "type": "integer", "default": 10,
                               "x-ms-summary": "Top"}},
        "responses": {"Error": {"description": "Error", "headers": {"x-id": {"type": "string",
                                                                        "x-ms-summary": "Request"}}}},
        "securityDefinitions": {
            "basic": {"type": "basic"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a.example.com",
                      "tokenUrl": "https://t.example.com", "scopes": {"read": "Read"}},
        },
        "security": [{"oauth": ["read"]}],
        "tags": [],
        "x-ms-capabilities": {"testConnection": {"operationId": "GetThing"}},
        "x-ms-connector-metadata": [
            {"propertyName": "Website", "propertyValue": "https://example.com"},
            {"propertyName": "Privacy policy", "propertyValue": "https://example.com/privacy"},
            {"propertyName": "Categories", "propertyValue": "AI;Data"},
        ],
    }


def properties_fixture() -> dict:
    return {"properties": {
        "connectionParameters": {
            "api_key": {"type": "securestring", "uiDefinition": {
                "displayName": "API key", "description": "Your key", "tooltip": "Key",
                "constraints": {"required": "true", "tabIndex": 2, "clearText": False}}},
            # 'required' in the middle of constraints: the short form would move it, so it stays
            "secret": {"type": "securestring", "uiDefinition": {
                "displayName": "Secret", "constraints": {"tabIndex": 3, "required": "false"}}},
            "token": {"oAuthSettings": {"identityProvider": "oauth2", "clientId": "abc", "scopes": []},
                      "type": "oauthSetting"},
            "region": {"type": "string", "uiDefinition": {"displayName": "Region", "constraints": {
                "allowedValues": [{"text": "EU", "value": "eu"}]}}},
        },
        "connectionParameterSets": {"uiDefinition": {"displayName": "Auth"}, "values": [
            {"name": "key", "uiDefinition": {"displayName": "Key"}, "parameters": {}}]},
        "iconBrandColor": "#007ee5",
        "capabilities": ["actions"],
        "policyTemplateInstances": [{"templateId": "setheader", "title": "Set",
                                     "parameters": {"x-ms-apimTemplateParameter.name": "X-A"}}],
        "publisher": "Example",
        "stackOwner": "Example Inc.",
        "scriptOperations": ["GetThing"],
        "someFutureMember": {"kept": [1.0]},
    }}


def write_connector(folder: Path, swagger, properties, indent=4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=indent), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(properties, indent=indent), "utf-8")
    return folder


# The awkward original is not valid OpenAPI 2.0 (an operation without responses); build refuses
# such a spec unless it suppresses the finding.
ALLOW_INVALID_ORIGINAL = "suppress: [{code: OpenApiInvalid, reason: the original has an operation without responses}]\n"


def run(*args, cwd=ROOT):
    return subprocess.run([*PACGEN, *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def awkward(tmp_path) -> Path:
    folder = write_connector(tmp_path / "awkward", swagger_fixture(), properties_fixture())
    (folder / "icon.png").write_bytes(b"\x89PNG fake")
    (folder / "script.csx").write_text("public class Script {}\n", "utf-8")
    return folder


def test_import_then_build_gives_the_same_connector(awkward, tmp_path):
    spec = tmp_path / "spec" / "awkward.yaml"
    result = run("import", awkward, "-o", spec)
    assert result.returncode == 0, result.stderr
    assert "gives the same connector" in result.stderr
    built = tmp_path / "built"
    # The original is not valid OpenAPI 2.0 (an operation without responses): build refuses it,
    # at the spec's line, unless the spec suppresses that finding with a reason.
    refused = run("build", spec, "-o", built)
    assert refused.returncode == 2 and "OpenApiInvalid" in refused.stderr and not built.exists()
    with spec.open("a", encoding="utf-8") as stream:
        stream.write(ALLOW_INVALID_ORIGINAL)
    result = run("build", spec, "-o", built)
    assert result.returncode == 0, result.stderr
    for name in ("apiDefinition.swagger.json", "apiProperties.json"):
        original = json.loads((awkward / name).read_text("utf-8"))
        rebuilt = json.loads((built / name).read_text("utf-8"))
        assert first_difference(original, rebuilt) is None, name
    original = json.loads((awkward / "apiProperties.json").read_text("utf-8"))["properties"]
    rebuilt = json.loads((built / "apiProperties.json").read_text("utf-8"))["properties"]
    # member order inside connection parameters survives (json.dumps keeps order)
    assert json.dumps(rebuilt["connectionParameters"]) == json.dumps(original["connectionParameters"])
    assert (built / "icon.png").read_bytes() == b"\x89PNG fake"
    assert (built / "script.csx").read_text("utf-8") == "public class Script {}\n"
    # operations and paths keep their order, also paths without operations ("/empty")
    rebuilt = json.loads((built / "apiDefinition.swagger.json").read_text("utf-8"))
    assert list(rebuilt["paths"]) == ["/things/{id}", "/empty", "/hooks"]
    assert list(rebuilt["paths"]["/things/{id}"]) == ["parameters", "get", "delete"]
    assert list(rebuilt["paths"]["/things/{id}"]["get"]) == list(swagger_fixture()["paths"]["/things/{id}"]["get"])
    assert list(rebuilt["definitions"]["Thing"]["properties"]) == list(
        swagger_fixture()["definitions"]["Thing"]["properties"])


def test_the_spec_uses_the_concise_forms(awkward, tmp_path):
    text = import_connector(awkward, tmp_path / "a.yaml").text
    spec = load_spec_text(text).data
    op = spec["operations"][0]
    assert (op["id"], op["get"]) == ("GetThing", "/things/{id}")
    assert op["parameters"][1]["enum"] == [{"value": "a", "title": "Alpha"}, {"value": "b", "title": "Beta"}]
    assert op["parameters"][1]["visibility"] == "advanced"
    assert "x-ms-enum-values" in op["parameters"][2]  # display names for only some values: verbatim
    assert op["x-ms-visibility"] == "Important"
    assert spec["paths"]["/things/{id}"]["parameters"][0]["title"] == "Thing ID"
    assert spec["paths"]["/things/{id}"]["parameters"][0]["urlEncoding"] == "double"
    thing = spec["definitions"]["Thing"]
    assert (thing["schemaTitle"], thing["title"]) == ("A JSON-schema title", "Thing")
    assert thing["properties"]["id"]["testValue"] == 12345678901234567890123
    assert spec["operations"][2]["trigger"] == "single"
    assert spec["operations"][2]["notificationContent"]["schema"]["schemaTitle"] == "Event"
    assert (spec["website"], spec["categories"]) == ("https://example.com", ["AI", "Data"])
    assert spec["connectionParameters"]["api_key"] == {
        "type": "securestring", "title": "API key", "description": "Your key", "tooltip": "Key",
        "required": True, "uiDefinition": {"constraints": {"tabIndex": 2, "clearText": False}}}
    assert spec["connectionParameters"]["secret"] == {"type": "securestring", "title": "Secret", "uiDefinition": {
        "constraints": {"tabIndex": 3, "required": "false"}}}
    assert (spec["brandColor"], spec["publisher"]) == ("#007ee5", "Example")
    assert spec["apiProperties"] == {"someFutureMember": {"kept": [1.0]}}
    assert (spec["icon"], spec["script"]) == ("awkward/icon.png", "awkward/script.csx")
    # the verbatim member carries a comment right above it saying why
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("x-ms-visibility: Important"))
    assert lines[index - 1].strip().startswith("# kept verbatim: 'visibility' cannot hold 'Important'")
    assert "\n    200:" in text or "\n      200:" in text  # status codes unquoted


def test_numbers_keep_their_json_type(awkward, tmp_path):
    swagger, _ = build_documents(import_connector(awkward).text)
    thing = swagger["definitions"]["Thing"]["properties"]
    assert thing["numbers"]["example"] == AWKWARD_NUMBERS
    assert [type(n) for n in thing["numbers"]["example"]] == [type(n) for n in AWKWARD_NUMBERS]
    assert type(thing["id"]["minimum"]) is float and type(thing["id"]["maximum"]) is float
    assert thing["words"]["items"]["enum"] == AWKWARD_STRINGS


def test_import_is_idempotent(awkward):
    imported = import_connector(awkward)
    swagger, properties = build_documents(imported.text)
    assert same_import(imported, swagger, properties)
    rebuilt = write_connector(awkward.parent / "rebuilt", swagger, properties)
    for name in ("icon.png", "script.csx"):
        (rebuilt / name).write_bytes((awkward / name).read_bytes())
    again = import_connector(rebuilt).text
    assert again.replace("from rebuilt.", "from awkward.").replace("rebuilt/", "awkward/") == imported.text


def test_clicksend_connector_comes_back_byte_identical(tmp_path):
    spec = tmp_path / "clicksend.yaml"
    assert run("import", ROOT / "connector", "-o", spec).returncode == 0
    built = tmp_path / "built"
    assert run("build", spec, "-o", built).returncode == 0
    for name in ("apiDefinition.swagger.json", "apiProperties.json", "readme.md"):
        assert (built / name).read_bytes() == (ROOT / "connector" / name).read_bytes()


def test_yaml_emitter_round_trips_random_text():
    rng = random.Random(5)
    alphabet = "ab :#-?'\"\\\n\t\r{}[],&*!|>%@`~=<.0123456789éü中😀\x85\u2028\ufeff\x00\x7f"
    values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    data = {"values": values, "keys": {v: i for i, v in enumerate(values)}, "flow": [{"k": v} for v in values]}
    assert load_spec_text(dump_yaml(data)).data == data


def test_bad_json_is_a_located_error(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text('{\n  "swagger": "2.0",\n  oops\n}', "utf-8")
    result = run("import", folder, "-o", tmp_path / "out.yaml")
    assert result.returncode == 2
    assert "apiDefinition.swagger.json:3:3: error JsonSyntaxError" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_bad_utf8_is_a_located_error(tmp_path):
    folder = write_connector(tmp_path / "latin1", swagger_fixture(), properties_fixture())
    (folder / "apiProperties.json").write_bytes(b'{"properties": {\n "publisher": "Caf\xe9"}}')
    result = run("import", folder)
    assert result.returncode == 2
    assert "apiProperties.json:2:" in result.stderr and "not valid UTF-8" in result.stderr


def test_existing_output_needs_force(awkward, tmp_path):
    spec = tmp_path / "a.yaml"
    spec.write_text("keep me", "utf-8")
    assert run("import", awkward, "-o", spec).returncode == 2
    assert spec.read_text("utf-8") == "keep me"
    assert run("import", awkward, "-o", spec, "--force").returncode == 0
    assert spec.read_text("utf-8").startswith("# Imported by `pacgen import`")


def test_what_a_spec_cannot_say_is_reported(tmp_path):
    swagger = swagger_fixture()
    swagger["basepath"] = "/typo"
    folder = write_connector(tmp_path / "odd", swagger, properties_fixture())
    result = run("import", folder, "-o", tmp_path / "odd.yaml")
    assert result.returncode == 1
    assert "differs at apiDefinition.swagger.json#/basepath" in result.stderr
    text = (tmp_path / "odd.yaml").read_text("utf-8")
    assert "top-level member 'basepath' is not Swagger 2.0" in text.split("info:")[0]


def test_roundtrip_command_counts_and_points(awkward, tmp_path):
    swagger = swagger_fixture()
    swagger["basepath"] = "/typo"
    write_connector(tmp_path / "odd", swagger, properties_fixture())
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "apiDefinition.swagger.json").write_text("{", "utf-8")
    result = run("roundtrip", tmp_path, "--jobs", "1")
    assert result.returncode == 1  # 1 of 2 parseable exact is below 99 %
    assert "connectors: 3  parseable: 2  exact: 1  differing: 1" in result.stdout
    assert "odd at apiDefinition.swagger.json#/basepath" in result.stdout
    assert run("roundtrip", tmp_path, "--min-exact", "50").returncode == 0


def test_nan_is_not_json(tmp_path):
    folder = tmp_path / "nan"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(
        '{"swagger": "2.0",\n "info": {"title": "N", "version": "1"}, "host": "h", "paths": {},\n "x-n": NaN, "x-big": 1e400}', "utf-8")
    result = run("import", folder)
    assert result.returncode == 2
    assert "apiDefinition.swagger.json:3:9: error JsonSyntaxError" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_spec_that_does_not_build_is_reported_without_a_traceback(tmp_path):
    swagger = swagger_fixture()
    del swagger["host"]  # a spec needs its host
    folder = write_connector(tmp_path / "hostless", swagger, properties_fixture())
    result = run("import", folder, "-o", tmp_path / "hostless.yaml")
    assert result.returncode == 1
    assert "SpecInvalid" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "hostless.yaml").exists(), "the spec is written so the user can fix it"


README = """# Awkward

Every corner, told at length.

## Publisher: Contoso Ltd

## Prerequisites

An account.\u0020\u0020

## Supported Operations

- **Old list**: dropped, the build writes it

## Obtaining Credentials

Ask the admin.


Then wait.

## Known Issues and Limitations

None known.

## Frequently Asked Questions

### Is it free?

Yes.

## Deployment Instructions

Run `make upload`.

## Extra Notes

Not part of the template.
"""


def test_readme_becomes_the_readme_block_and_comes_back(awkward, tmp_path):
    (awkward / "readme.md").write_text(README, "utf-8")  # with blanks at a line end
    spec = tmp_path / "awkward.yaml"
    first = import_connector(awkward, spec)
    assert first.spec["readme"] == {
        "introduction": "Every corner, told at length.", "publisher": "Contoso Ltd",
        "prerequisites": "An account.", "obtainingCredentials": "Ask the admin.\n\nThen wait.",
        "knownIssues": "None known.", "faq": [{"question": "Is it free?", "answer": "Yes."}],
        "deploymentInstructions": "Run `make upload`."}
    assert "section 'Extra Notes' has no place in the spec" in first.text
    spec.write_text(first.text + ALLOW_INVALID_ORIGINAL, "utf-8")
    built = tmp_path / "built"
    assert run("build", spec, "-o", built).returncode == 0
    (built / "icon.png").write_bytes((awkward / "icon.png").read_bytes())
    (built / "script.csx").write_bytes((awkward / "script.csx").read_bytes())
    assert import_connector(built).spec["readme"] == first.spec["readme"]


def test_a_readme_without_the_required_sections_is_left_out_with_a_note(awkward):
    (awkward / "readme.md").write_text("# Awkward\n\n## Prerequisites\n\nAn account.\n", "utf-8")
    imported = import_connector(awkward)
    assert "readme" not in imported.spec
    assert "lacks obtainingCredentials, knownIssues, deploymentInstructions" in imported.text
