"""Stage "b": check_oas2 must give openapi-spec-validator's verdict on every Swagger 2.0 document.

Unit cases cover each kind of check (each pairs a valid and an invalid document, and asserts the
pointer and the words of the message); every unit case is also run through openapi-spec-validator
so the cases double as evidence that the replicated behaviour is the reference's.  The oracle test
runs both over the whole corpus (~1.5 min) and asserts the verdicts agree on every file.
"""

from __future__ import annotations

import copy
import json
import random
import time
import warnings

import pytest

from generator.validate.oas2 import Problem, check_oas2

# ----------------------------------------------------------------------------- the reference


def reference_class():
    """openapi-spec-validator's OAS 2.0 validator, with its pure-Python schema backend.

    openapi-spec-validator >= 0.8 switches its JSON Schema pass to jsonschema-rs whenever that
    package is importable (it is a dependency of this project).  The Rust backend asserts
    `format`s (uri, email, ECMA regex) and skips some draft-04 checks (unique `enum`s), so its
    verdicts differ on such documents (not on any document of the corpus).  check_oas2 replicates
    the default, pure-Python backend, so that is the reference pinned here.
    """
    from openapi_spec_validator import OpenAPIV2SpecValidator

    try:
        from openapi_spec_validator.schemas import schema_v2
        from openapi_spec_validator.schemas.backend.jsonschema import create_validator
    except ImportError:  # older releases only have the pure-Python backend
        return OpenAPIV2SpecValidator
    return type(
        "PythonBackendV2SpecValidator",
        (OpenAPIV2SpecValidator,),
        {"schema_validator": create_validator(dict(schema_v2))},
    )


_REFERENCE = None


def reference_valid(doc: dict) -> bool:
    """The reference's verdict: any error, or any exception while validating, means invalid."""
    global _REFERENCE
    if _REFERENCE is None:
        _REFERENCE = reference_class()
    from openapi_spec_validator import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            validate(doc, cls=_REFERENCE)
        except Exception:  # noqa: BLE001 - its crashes (KeyError, Unresolvable...) are verdicts too
            return False
    return True


# ----------------------------------------------------------------------------- unit cases


def minimal() -> dict:
    return {
        "swagger": "2.0",
        "info": {"title": "Things", "version": "1.0"},
        "host": "api.example.com",
        "basePath": "/v1",
        "tags": [{"name": "things"}],
        "paths": {
            "/things/{id}": {
                "parameters": [{"name": "id", "in": "path", "required": True, "type": "string"}],
                "get": {
                    "operationId": "GetThing",
                    "parameters": [
                        {"name": "limit", "in": "query", "type": "integer", "format": "int32", "default": 10},
                        {"$ref": "#/parameters/verbose"},
                    ],
                    "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Thing"}}},
                },
            },
            "/things": {
                "post": {
                    "operationId": "CreateThing",
                    "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Thing"}}],
                    "responses": {"201": {"$ref": "#/responses/Created"}, "x-ms-note": 1},
                }
            },
        },
        "parameters": {"verbose": {"name": "verbose", "in": "query", "type": "boolean", "default": False}},
        "responses": {"Created": {"description": "Created"}},
        "definitions": {
            "Thing": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z]+$"},
                    "size": {"type": "integer", "default": 1, "maximum": 9, "exclusiveMaximum": True},
                    "when": {"type": "string", "format": "date-time", "default": "2024-01-02T03:04:05Z"},
                    "tags": {"type": "array", "items": {"type": "string"}, "default": []},
                },
            },
            "Base": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Unused": {"type": "object", "default": "not checked: nothing refers to it"},
        },
        "securityDefinitions": {
            "oauth": {
                "type": "oauth2",
                "flow": "accessCode",
                "authorizationUrl": "https://login.example.com/authorize",
                "tokenUrl": "https://login.example.com/token",
                "scopes": {},
            },
            "key": {"type": "apiKey", "name": "X-Key", "in": "header"},
        },
        "x-ms-connector-metadata": [{"propertyName": "Website", "propertyValue": "https://example.com"}],
    }


def at(doc: dict, *tokens):
    """The element at tokens (for editing a copy)."""
    for token in tokens:
        doc = doc[token]
    return doc


GET = ("paths", "/things/{id}", "get")
POST = ("paths", "/things", "post")
THING = ("definitions", "Thing")


def edit(fn):
    def make() -> dict:
        doc = minimal()
        fn(doc)
        return doc

    return make


# (id, document maker, expected pointer, words the message must contain)
INVALID = [
    # ---- stage 1: the Swagger 2.0 JSON Schema
    ("missing top-level field", edit(lambda d: d.pop("info")), "", ["info", "'info' is a required property"]),
    ("wrong swagger version", edit(lambda d: d.update(swagger="3.0")), "/swagger", ["'2.0'", "'3.0'"]),
    (
        "operation without responses",
        edit(lambda d: at(d, *GET).pop("responses")),
        "/paths/~1things~1{id}/get",
        ["paths./things/{id}.get.responses: 'responses' is a required property"],
    ),
    (
        "unknown operation field",
        edit(lambda d: at(d, *GET).update(summry="x")),
        "/paths/~1things~1{id}/get/summry",
        ["property 'summry' is not allowed", "x-"],
    ),
    (
        "empty responses",
        edit(lambda d: at(d, *GET).update(responses={})),
        "/paths/~1things~1{id}/get/responses",
        ["must not be empty"],
    ),
    (
        "only extension responses",
        edit(lambda d: at(d, *GET).update(responses={"x-a": 1})),
        "/paths/~1things~1{id}/get/responses",
        ["at least one response code"],
    ),
    (
        "bad response code",
        edit(lambda d: at(d, *GET, "responses").update({"20": {"description": "x"}})),
        "/paths/~1things~1{id}/get/responses/20",
        ["not a response code"],
    ),
    (
        "response without description",
        edit(lambda d: at(d, *GET, "responses", "200").pop("description")),
        "/paths/~1things~1{id}/get/responses/200",
        ["'description' is a required property"],
    ),
    ("host with scheme", edit(lambda d: d.update(host="https://api.example.com")), "/host", ["host name"]),
    ("basePath without slash", edit(lambda d: d.update(basePath="v1")), "/basePath", ["start with '/'"]),
    (
        "path without slash",
        edit(lambda d: d["paths"].update({"things": {}})),
        "/paths/things",
        ["must start with '/'"],
    ),
    (
        "unknown parameter location",
        edit(lambda d: at(d, *GET, "parameters", 0).update({"in": "cookie"})),
        "/paths/~1things~1{id}/get/parameters/0/in",
        ["'body'", "'formData'", "'cookie'"],
    ),
    (
        "body parameter without schema",
        edit(lambda d: at(d, *POST, "parameters", 0).pop("schema")),
        "/paths/~1things/post/parameters/0",
        ["'schema' is a required property"],
    ),
    (
        "query parameter without type",
        edit(lambda d: at(d, *GET, "parameters", 0).pop("type")),
        "/paths/~1things~1{id}/get/parameters/0",
        ["'type' is a required property"],
    ),
    (
        "query parameter with a schema",
        edit(lambda d: at(d, *GET, "parameters", 0).update(schema={})),
        "/paths/~1things~1{id}/get/parameters/0/schema",
        ["'schema' is not allowed"],
    ),
    (
        "path parameter not required",
        edit(lambda d: at(d, "paths", "/things/{id}", "parameters", 0).update(required=False)),
        "/paths/~1things~1{id}/parameters/0/required",
        ["must be true"],
    ),
    (
        "file type outside formData",
        edit(lambda d: at(d, *GET, "parameters", 0).update(type="file")),
        "/paths/~1things~1{id}/get/parameters/0/type",
        ["'file'"],
    ),
    (
        "$ref with a sibling",
        edit(lambda d: at(d, *GET, "parameters", 1).update(description="x")),
        "/paths/~1things~1{id}/get/parameters/1/description",
        ["beside '$ref'"],
    ),
    (
        "identical parameters",
        edit(lambda d: at(d, *GET, "parameters").append(copy.deepcopy(at(d, *GET, "parameters", 0)))),
        "/paths/~1things~1{id}/get/parameters/2",
        ["items must be unique"],
    ),
    (
        "repeated enum value",
        edit(lambda d: at(d, *THING, "properties", "id").update(enum=["a", "b", "a"])),
        "/definitions/Thing/properties/id/enum/2",
        ["items must be unique"],
    ),
    (
        "true and 1 differ, 1 and 1.0 do not",
        edit(lambda d: at(d, *THING, "properties", "size").update(enum=[True, 1, 1.0])),
        "/definitions/Thing/properties/size/enum/2",
        ["items must be unique"],
    ),
    (
        "unknown schema type",
        edit(lambda d: at(d, *THING, "properties", "id").update(type="strin")),
        "/definitions/Thing/properties/id/type",
        ["'strin'"],
    ),
    (
        "negative maxLength",
        edit(lambda d: at(d, *THING, "properties", "id").update(maxLength=-1)),
        "/definitions/Thing/properties/id/maxLength",
        [">= 0"],
    ),
    (
        "float maxLength",
        edit(lambda d: at(d, *THING, "properties", "id").update(maxLength=2.0)),
        "/definitions/Thing/properties/id/maxLength",
        ["integer"],
    ),
    (
        "empty required list",
        edit(lambda d: at(d, *THING).update(required=[])),
        "/definitions/Thing/required",
        ["must not be empty"],
    ),
    (
        "schema keyword Swagger lacks",
        edit(lambda d: at(d, *THING).update(oneOf=[{"type": "object"}])),
        "/definitions/Thing/oneOf",
        ["'oneOf' is not allowed"],
    ),
    (
        "oauth2 without a known flow",
        edit(lambda d: d["securityDefinitions"]["oauth"].update(flow="code")),
        "/securityDefinitions/oauth/flow",
        ["'accessCode'"],
    ),
    (
        "apiKey without in",
        edit(lambda d: d["securityDefinitions"]["key"].pop("in")),
        "/securityDefinitions/key",
        ["'in' is a required property"],
    ),
    (
        "duplicate tag objects",
        edit(lambda d: d["tags"].append({"name": "things"})),
        "/tags/1",
        ["items must be unique"],
    ),
    # ---- stage 2: tags
    (
        "duplicate tag names",
        edit(lambda d: d["tags"].append({"name": "things", "description": "again"})),
        "/tags/1/name",
        ["duplicate tag name 'things'"],
    ),
    # ---- stage 3: operations, parameters, path templates
    (
        "duplicate operationId",
        edit(lambda d: at(d, *POST).update(operationId="GetThing")),
        "/paths/~1things/post/operationId",
        ["'GetThing'", "not unique", "paths./things/{id}.get.operationId"],
    ),
    (
        "duplicate parameter name and in",
        edit(lambda d: at(d, *GET, "parameters").append({"name": "limit", "in": "query", "type": "string"})),
        "/paths/~1things~1{id}/get/parameters/2",
        ["duplicate parameter 'limit'", "query"],
    ),
    (
        "template variable not declared",
        edit(lambda d: d["paths"].update({"/things/{id}/{part}": d["paths"].pop("/things/{id}")})),
        "/paths/~1things~1{id}~1{part}/get",
        ["path parameter 'part'", "not declared"],
    ),
    (
        "path parameter not in template",
        edit(lambda d: d["paths"].update({"/things/{key}": d["paths"].pop("/things/{id}")})),
        "/paths/~1things~1{key}/parameters/0",
        ["path parameter 'id'", "does not appear"],
    ),
    (
        "malformed template",
        edit(lambda d: d["paths"].update({"/things/{id": d["paths"].pop("/things/{id}")})),
        "/paths/~1things~1{id",
        ["malformed"],
    ),
    (
        "scalar vendor extension in paths",
        edit(lambda d: d["paths"].update({"x-note": "paths are walked"})),
        "/paths/x-note",
        ["must be an object"],
    ),
    # ---- stage 4: schemas reached from parameters and responses
    (
        "response schema of type file",
        edit(lambda d: at(d, *GET, "responses", "200").update(schema={"type": "file"})),
        "/paths/~1things~1{id}/get/responses/200/schema/type",
        ["'file'", "format: binary"],
    ),
    (
        "pattern that is not a regex",
        edit(lambda d: at(d, *THING, "properties", "id").update(pattern="([a-z]")),
        "/definitions/Thing/properties/id/pattern",
        ["not a valid regular expression"],
    ),
    (
        "exclusiveMaximum without maximum",
        edit(lambda d: at(d, *THING, "properties", "size").pop("maximum")),
        "/definitions/Thing/properties/size/exclusiveMaximum",
        ["needs 'maximum'"],
    ),
    (
        "allOf requires an undefined property",
        edit(
            lambda d: d["definitions"].update(
                Thing={
                    "allOf": [{"$ref": "#/definitions/Base"}],
                    "required": ["ghost"],
                    "properties": {"id": {"type": "string"}},
                }
            )
        ),
        "/definitions/Thing/required",
        ["ghost", "allOf"],
    ),
    (
        "schema default of the wrong type",
        edit(lambda d: at(d, *THING, "properties", "size").update(default="1")),
        "/definitions/Thing/properties/size/default",
        ["invalid default for this schema", "'1' is not of type 'integer'"],
    ),
    (
        "schema default null",
        edit(lambda d: at(d, *THING, "properties", "id").update(default=None)),
        "/definitions/Thing/properties/id/default",
        ["null is not allowed"],
    ),
    (
        "schema default not a date-time",
        edit(lambda d: at(d, *THING, "properties", "when").update(default="2024-01-02")),
        "/definitions/Thing/properties/when/default",
        ["is not a 'date-time'"],
    ),
    (
        "object default missing a required property",
        edit(lambda d: at(d, *THING).update(default={"size": 1})),
        "/definitions/Thing/default",
        ["'id' is a required property"],
    ),
    (
        "nested default of the wrong type",
        edit(lambda d: at(d, *THING).update(default={"id": "a", "tags": [1]})),
        "/definitions/Thing/default/tags/0",
        ["1 is not of type 'string'"],
    ),
    (
        "parameter default of the wrong type",
        edit(lambda d: at(d, *GET, "parameters", 0).update(default="10")),
        "/paths/~1things~1{id}/get/parameters/0/default",
        ["invalid default for this parameter", "'10'"],
    ),
    (
        "parameter default beyond int32",
        edit(lambda d: at(d, *GET, "parameters", 0).update(default=2**31)),
        "/paths/~1things~1{id}/get/parameters/0/default",
        ["int32"],
    ),
    (
        "referenced parameter default",
        edit(lambda d: d["parameters"]["verbose"].update(default="yes")),
        "/parameters/verbose/default",
        ["'yes' is not of type 'boolean'"],
    ),
    (
        "parameter default not in its enum",
        edit(lambda d: at(d, *GET, "parameters", 0).update(enum=[1, 2])),
        "/paths/~1things~1{id}/get/parameters/0/default",
        ["10 is not one of [1, 2]"],
    ),
    # ---- stage 5: references the walk follows
    (
        "dangling schema $ref",
        edit(lambda d: at(d, *GET, "responses", "200", "schema").update({"$ref": "#/definitions/Nope"})),
        "/paths/~1things~1{id}/get/responses/200/schema/$ref",
        ["cannot resolve '#/definitions/Nope'"],
    ),
    (
        "dangling parameter $ref",
        edit(lambda d: at(d, *GET, "parameters", 1).update({"$ref": "#/parameters/nope"})),
        "/paths/~1things~1{id}/get/parameters/1/$ref",
        ["cannot resolve"],
    ),
    (
        "dangling response $ref",
        edit(lambda d: at(d, *POST, "responses", "201").update({"$ref": "#/responses/Nope"})),
        "/paths/~1things/post/responses/201/$ref",
        ["cannot resolve"],
    ),
    (
        "external $ref",
        edit(lambda d: at(d, *THING, "properties", "id").update({"$ref": "other.json#/definitions/Id"})),
        "/definitions/Thing/properties/id/$ref",
        ["only references inside this document"],
    ),
    (
        "circular $ref",
        edit(lambda d: d["definitions"].update(Thing={"$ref": "#/definitions/Thing"})),
        "/definitions/Thing/$ref",
        ["circular"],
    ),
    (
        "schema reached through a vendor extension",
        edit(
            lambda d: (
                d.update({"x-defs": {"Bad": {"type": "strin"}}}),
                at(d, *GET, "responses", "200").update(schema={"$ref": "#/x-defs/Bad"}),
            )
        ),
        "/x-defs/Bad/type",
        ["not a valid JSON Schema"],
    ),
]

VALID = [
    ("minimal document", minimal),
    # what openapi-spec-validator does not check, so neither may check_oas2
    (
        "unreferenced definitions are not walked",
        edit(
            lambda d: d["definitions"].update(
                Lost={"type": "integer", "default": "x", "properties": {"a": {"$ref": "#/definitions/Nope"}}}
            )
        ),
    ),
    (
        "formats are not asserted by the schema pass",
        edit(lambda d: d["info"].update(contact={"email": "nope", "url": "::"})),
    ),
    (
        "array default of the right type",
        edit(lambda d: at(d, *THING, "properties", "tags").update(default=["a"])),
    ),
    (
        "percent-encoded $ref",
        edit(
            lambda d: (
                d["definitions"].update({"A Thing": d["definitions"].pop("Thing")}),
                at(d, *GET, "responses", "200", "schema").update({"$ref": "#/definitions/A%20Thing"}),
                at(d, *POST, "parameters", 0, "schema").update({"$ref": "#/definitions/A Thing"}),
            )
        ),
    ),
    (
        "file response schema in a shared response is not reached",
        edit(lambda d: d["responses"].update(File={"description": "a file", "schema": {"type": "file"}})),
    ),
    ("x- path entry that is an object", edit(lambda d: d["paths"].update({"x-note": {"anything": 1}}))),
    (
        "path item $ref",
        edit(
            lambda d: (
                d.update({"x-items": {"thing": d["paths"].pop("/things/{id}")}}),
                d["paths"].update({"/things/{id}": {"$ref": "#/x-items/thing"}}),
            )
        ),
    ),
    (
        "allOf whose branches define the required property",
        edit(
            lambda d: d["definitions"].update(
                Thing={
                    "allOf": [{"$ref": "#/definitions/Base"}, {"properties": {"id": {"type": "string"}}}],
                    "required": ["id", "kind"],
                }
            )
        ),
    ),
    (
        "response code 'default' and x- extensions",
        edit(
            lambda d: at(d, *GET, "responses").update(
                {"default": {"description": "error"}, "x-ms-foo": "bar"}
            )
        ),
    ),
]


def ids(cases):
    return [case[0] for case in cases]


@pytest.mark.parametrize("name,make,pointer,words", INVALID, ids=ids(INVALID))
def test_invalid_documents(name, make, pointer, words):
    problems = check_oas2(make())
    assert problems, f"{name}: expected a problem, got none"
    matching = [p for p in problems if p.pointer == pointer]
    assert matching, f"{name}: no problem at {pointer!r}; got {[str(p) for p in problems]}"
    for word in words:
        assert any(word in p.message for p in matching), (
            f"{name}: {word!r} not in {[p.message for p in matching]}"
        )


@pytest.mark.parametrize("name,make", VALID, ids=ids(VALID))
def test_valid_documents(name, make):
    assert check_oas2(make()) == []


@pytest.mark.parametrize(
    "name,make,valid",
    [(n, m, False) for n, m, _, _ in INVALID] + [(n, m, True) for n, m in VALID],
    ids=ids(INVALID) + ids(VALID),
)
def test_unit_cases_match_the_reference(name, make, valid):
    """Each unit case gets the same verdict from openapi-spec-validator: the replication is faithful."""
    assert reference_valid(make()) is valid


def test_messages_name_the_element():
    doc = minimal()
    at(doc, *GET).pop("responses")
    (problem,) = check_oas2(doc)
    assert problem == Problem(
        "/paths/~1things~1{id}/get", "paths./things/{id}.get.responses: 'responses' is a required property"
    )
    assert str(problem).startswith("/paths/~1things~1{id}/get: ")


def test_all_problems_are_reported_not_just_the_first():
    doc = minimal()
    doc.update(host="a b", basePath="v1")
    at(doc, *GET).pop("responses")
    pointers = {p.pointer for p in check_oas2(doc)}
    assert pointers == {"/host", "/basePath", "/paths/~1things~1{id}/get"}


def test_problem_is_frozen():
    problem = Problem("/a", "m")
    with pytest.raises(AttributeError):  # (dataclasses' FrozenInstanceError is one too)
        problem.pointer = "/b"  # type: ignore[misc]


@pytest.mark.parametrize(
    "value", [None, [], "swagger", 2, {"swagger": "2.0", "paths": {1: {}}}, {"paths": {"/a": {"get": None}}}]
)
def test_never_raises(value):
    problems = check_oas2(value)  # type: ignore[arg-type]
    assert problems and all(isinstance(p, Problem) for p in problems)


def test_input_is_not_modified():
    doc = minimal()
    at(doc, *GET, "parameters", 0).update(default="10")
    before = json.dumps(doc, sort_keys=True)
    assert check_oas2(doc)
    assert json.dumps(doc, sort_keys=True) == before


def test_tables_match_the_installed_swagger_schema():
    """The hand-written pass knows every field the Swagger 2.0 JSON Schema (as shipped) allows."""
    from importlib.resources import files

    from generator.validate import oas2

    resource = files("openapi_spec_validator") / "resources" / "schemas" / "v2.0" / "schema.json"
    schema = json.loads(resource.read_text(encoding="utf-8"))
    definitions = schema["definitions"]
    tables = {
        "info": oas2._INFO,
        "contact": oas2._CONTACT,
        "license": oas2._LICENSE,
        "externalDocs": oas2._EXTERNAL_DOCS,
        "tag": oas2._TAG,
        "pathItem": oas2._PATH_ITEM,
        "operation": oas2._OPERATION,
        "response": oas2._RESPONSE,
        "header": oas2._HEADER,
        "primitivesItems": oas2._PRIMITIVES_ITEMS,
        "bodyParameter": oas2._BODY_PARAMETER,
        "schema": oas2._SCHEMA,
        "fileSchema": oas2._FILE_SCHEMA,
        "xml": oas2._XML,
        "basicAuthenticationSecurity": oas2._BASIC,
        "apiKeySecurity": oas2._API_KEY,
        **{f"{where}ParameterSubSchema": oas2._NON_BODY_PARAMETER[where][0] for where in oas2._NON_BODY},
        "oauth2ImplicitSecurity": oas2._OAUTH2["implicit"][0],
        "oauth2PasswordSecurity": oas2._OAUTH2["password"][0],
        "oauth2ApplicationSecurity": oas2._OAUTH2["application"][0],
        "oauth2AccessCodeSecurity": oas2._OAUTH2["accessCode"][0],
    }
    assert set(schema["properties"]) == set(oas2._ROOT)
    for name, table in tables.items():
        assert set(definitions[name]["properties"]) == set(table), name
        assert definitions[name].get("additionalProperties") is False, name
    assert definitions["pathParameterSubSchema"]["required"] == list(oas2._NON_BODY_PARAMETER["path"][1])
    for flow, (_, required) in oas2._OAUTH2.items():
        assert set(definitions[f"oauth2{flow[0].upper()}{flow[1:]}Security"]["required"]) == set(required)


# ----------------------------------------------------------------------------- the corpus


def corpus_documents(corpus) -> list[tuple[str, dict]]:
    docs = []
    for path in sorted(corpus.glob("*/*/apiDefinition.swagger.json")):
        try:
            doc = json.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue  # unreadable JSON is the read stage's business
        docs.append((str(path.relative_to(corpus)), doc))
    return docs


def test_corpus_verdicts_agree_with_openapi_spec_validator(corpus_path, capsys):
    """Every corpus swagger: check_oas2 and openapi-spec-validator agree on valid / invalid."""
    docs = corpus_documents(corpus_path)
    assert len(docs) > 500, f"only {len(docs)} readable swaggers under {corpus_path}"

    started = time.perf_counter()
    ours = {name: not check_oas2(doc) for name, doc in docs}
    ours_time = time.perf_counter() - started

    started = time.perf_counter()
    theirs = {name: reference_valid(doc) for name, doc in docs}
    theirs_time = time.perf_counter() - started

    disagreements = [
        f"{name}: check_oas2 says {'valid' if ours[name] else 'invalid'}, "
        f"openapi-spec-validator says {'valid' if theirs[name] else 'invalid'}"
        for name, _ in docs
        if ours[name] != theirs[name]
    ]
    summary = (
        f"{len(docs) - len(disagreements)}/{len(docs)} verdicts agree "
        f"({sum(theirs.values())} valid); check_oas2 {ours_time:.2f} s, "
        f"openapi-spec-validator {theirs_time:.2f} s, ratio {theirs_time / ours_time:.1f}x"
    )
    with capsys.disabled():
        print(f"\n[oas2 oracle] {summary}")
    assert not disagreements, summary + "\n" + "\n".join(disagreements)


def test_mutated_corpus_documents_agree_with_the_reference(corpus_path):
    """A seeded fuzz: small documents built from corpus parts, randomly broken, same verdicts."""
    rnd = random.Random(20240601)
    sources = [doc for name, doc in corpus_documents(corpus_path) if len(json.dumps(doc)) < 30000]
    palette = [
        "",
        "x",
        "file",
        "2.0",
        "{id}",
        0,
        -1,
        1.5,
        True,
        None,
        [],
        {},
        ["a", "a"],
        {"type": "file"},
        {"$ref": "#/definitions/Nope"},
        {"type": "integer", "default": "1"},
        {"type": "string", "pattern": "("},
        {"name": "id", "in": "path", "required": True, "type": "string"},
        {"description": "ok"},
    ]
    keys = [
        "x-a",
        "foo",
        "$ref",
        "default",
        "required",
        "schema",
        "in",
        "name",
        "type",
        "format",
        "pattern",
        "items",
        "enum",
        "allOf",
        "properties",
        "operationId",
        "parameters",
        "responses",
        "200",
        "get",
    ]

    def containers(node, out):
        if isinstance(node, (dict, list)):
            out.append(node)
            for child in node.values() if isinstance(node, dict) else node:
                containers(child, out)
        return out

    disagreements = []
    for round_ in range(300):
        source = rnd.choice(sources)
        doc = {k: copy.deepcopy(v) for k, v in source.items() if k != "paths"}
        doc["paths"] = copy.deepcopy(
            dict(rnd.sample(sorted(source["paths"].items()), min(2, len(source["paths"]))))
        )
        for _ in range(rnd.randint(0, 3)):
            node = rnd.choice(containers(doc, []))
            if isinstance(node, dict) and node and rnd.random() < 0.4:
                del node[rnd.choice(sorted(node))]
            elif isinstance(node, dict):
                node[rnd.choice(keys)] = copy.deepcopy(rnd.choice(palette))
            elif node and rnd.random() < 0.5:
                node.append(copy.deepcopy(rnd.choice(node)))
            else:
                node.append(copy.deepcopy(rnd.choice(palette)))
        text = json.dumps(doc)
        ours = not check_oas2(json.loads(text))
        if ours != reference_valid(json.loads(text)):
            disagreements.append(
                f"round {round_}: check_oas2 says {'valid' if ours else 'invalid'}: {text[:300]}"
            )
    assert not disagreements, "\n".join(disagreements)
