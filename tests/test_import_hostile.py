"""`pacgen import` on hostile connector folders (issue 11): nothing read from the input reaches the
spec unescaped, comments included; huge numbers, lone surrogates, deep nesting and odd connection
parameters give a clear message or an honest spec, never a traceback. Plus a bounded property
test over mutated small connectors."""

import json
import os
import string
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.importer.commands import import_command
from generator.importer.convert import build_documents
from generator.importer.emit import comment_text, emit_spec
from generator.importer.reader import MAX_DEPTH
from generator.spec.loader import load_spec_text


def connector(folder: Path, swagger, properties=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = swagger if isinstance(swagger, str) else json.dumps(swagger)
    (folder / "apiDefinition.swagger.json").write_text(text, "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(properties or {"properties": {}}), "utf-8")
    return folder


def swagger_with(paths: dict, **extra) -> dict:
    return {"swagger": "2.0", "info": {"title": "T", "version": "1.0"}, "host": "x.io", "paths": paths,
            **extra}


def run_import(folder: Path, output: Path):
    return CliRunner().invoke(import_command, [str(folder), "-o", str(output), "--force"])


def top_level_keys(text: str) -> list[str]:
    return list(load_spec_text(text, "spec.yaml").data)


def test_path_key_with_newlines_cannot_inject_yaml(tmp_path):
    payload = "/a\nsuppress:\n- {code: X, reason: y}\nscript: /etc/hostname\n#"
    folder = connector(tmp_path / "c", swagger_with({payload: 5}))
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    text = (tmp_path / "spec.yaml").read_text("utf-8")
    # (`layout:` says the original has none of the empty sections the build writes by default)
    assert top_level_keys(text) == ["info", "host", "operations", "layout"]
    assert "\\u000ascript: /etc/hostname" in text  # the key is named, escaped, in the comment
    assert all(line.startswith("#") for line in text.splitlines()[:3])
    assert "\nscript:" not in result.output  # nor does the terminal get the raw key


def test_control_characters_in_keys_are_escaped_in_comments(tmp_path):
    responses = {"\x1b[31m": 5, "200": {"description": "d"}}
    folder = connector(tmp_path / "c", swagger_with({"/a": {"get": {"operationId": "A",
                                                                    "responses": responses}}}))
    run_import(folder, tmp_path / "spec.yaml")
    text = (tmp_path / "spec.yaml").read_text("utf-8")
    assert "\x1b" not in text
    assert "responses/\\u001b[31m" in text
    load_spec_text(text, "spec.yaml")  # the spec is readable YAML


def test_comment_text_escapes_every_line_break_and_control_character():
    for char in "\n\r\x85\u2028\u2029\x00\x1b\x7f\ud800":
        line = comment_text(f"a{char}b")
        assert char not in line and line.startswith("a\\u") and line.endswith("b")
    header = ["from x\nsuppress: []", "é 中文 ok"]
    text = emit_spec({"info": {"title": "T"}}, {("info", "title"): ["note\u2028host: evil"]}, header)
    assert list(yaml.safe_load(text)) == ["info"]
    assert "é 中文 ok" in text


def test_integer_with_more_than_4300_digits_is_a_located_error(tmp_path):
    text = '{"swagger": "2.0",\n "x-n": ' + "1" * 5000 + "}"
    folder = connector(tmp_path / "c", text)
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exit_code == 2
    assert "apiDefinition.swagger.json:2:9: error NumberTooLong" in result.output
    assert not (tmp_path / "spec.yaml").exists()


def test_lone_surrogates_are_replaced_and_the_import_says_the_rebuild_differs(tmp_path):
    text = ('{"swagger": "2.0", "info": {"title": "T\\ud800", "version": "1.0"}, "host": "x.io", '
            '"paths": {"/a": {"get": {"operationId": "A", "responses": {"200": {"description": "\\udc00"}}}}}}')
    folder = connector(tmp_path / "c", text)
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exit_code == 1
    assert result.output.count("warning LoneSurrogate") == 2
    assert "differs at apiDefinition.swagger.json#/info/title" in result.output
    spec = (tmp_path / "spec.yaml").read_text("utf-8")
    swagger, _ = build_documents(spec)
    assert swagger["info"]["title"] == "T\ufffd"


def nested_all_of(levels: int) -> dict:
    schema: dict = {"type": "string"}
    for _ in range(levels):
        schema = {"allOf": [schema]}
    return schema


def test_300_nested_all_of_is_refused_at_the_documented_depth(tmp_path):
    operation = {"operationId": "A", "responses": {"200": {"description": "d", "schema": nested_all_of(300)}}}
    folder = connector(tmp_path / "c", swagger_with({"/a": {"get": operation}}))
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exit_code == 2
    assert f"error NestingTooDeep: objects and arrays nest more than {MAX_DEPTH} levels" in result.output
    assert "Traceback" not in result.output


def test_nesting_just_within_the_limit_imports_and_rebuilds(tmp_path):
    # paths/p/get/responses/200/schema = 6 levels with the document; each allOf adds two
    operation = {"operationId": "A", "responses": {"200": {"description": "d",
                                                           "schema": nested_all_of((MAX_DEPTH - 7) // 2)}}}
    folder = connector(tmp_path / "c", swagger_with({"/a": {"get": operation}}))
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exit_code == 0, result.output
    assert "gives the same connector" in result.output


def test_connection_parameter_whose_type_is_an_object_is_kept_verbatim(tmp_path):
    properties = {"properties": {"connectionParameters": {"k": {"type": {"a": 1}}}}}
    folder = connector(tmp_path / "c", swagger_with({}), properties)
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    spec = load_spec_text((tmp_path / "spec.yaml").read_text("utf-8"), "spec.yaml").data
    assert spec["apiProperties"]["connectionParameters"] == {"k": {"type": {"a": 1}}}


# --- property: mutated small connectors --------------------------------------------------------

BASE_SWAGGER = swagger_with({
    "/items/{id}": {"get": {
        "operationId": "GetItem", "summary": "Get item",
        "parameters": [{"name": "id", "in": "path", "required": True, "type": "string",
                        "x-ms-summary": "Item ID"}],
        "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Item"}}}}}},
    definitions={"Item": {"type": "object", "properties": {"name": {"type": "string", "x-ms-summary": "Name"}}}})
BASE_PROPERTIES = {"properties": {"connectionParameters": {"api_key": {
    "type": "securestring", "uiDefinition": {"displayName": "API key", "constraints": {"required": "true"}}}}}}

HOSTILE_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(["\n", "\ud800", "\x1b[31m", "a\nb: c", "#", "- x", "{{ x }}", "\u2028", "<<", "&a", "*a"]),
    st.text(alphabet=string.printable, max_size=12))
JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                      st.floats(allow_nan=False, allow_infinity=False), HOSTILE_TEXT)
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(HOSTILE_TEXT, inner, max_size=3)), max_leaves=8)


def pointers(value, here=()):
    yield here
    if isinstance(value, dict):
        for key, member in value.items():
            yield from pointers(member, here + (key,))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from pointers(member, here + (index,))


def mutate(document, data) -> object:
    """Replace, add or rename one member somewhere in ``document`` (a deep copy)."""
    document = json.loads(json.dumps(document))
    places = [p for p in pointers(document) if p]
    where = data.draw(st.sampled_from(places))
    parent = document
    for token in where[:-1]:
        parent = parent[token]
    action = data.draw(st.sampled_from(["replace", "add", "rename"]))
    if action == "replace" or isinstance(parent, list):
        parent[where[-1]] = data.draw(JSON_VALUE)
    elif action == "add":
        parent[data.draw(HOSTILE_TEXT)] = data.draw(JSON_VALUE)
    else:
        parent[data.draw(HOSTILE_TEXT)] = parent.pop(where[-1])
    return document


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_import_of_a_mutated_connector_never_raises_and_its_spec_loads(tmp_path_factory, data):
    swagger, properties = BASE_SWAGGER, BASE_PROPERTIES
    for _ in range(data.draw(st.integers(1, 3))):
        if data.draw(st.booleans()):
            swagger = mutate(swagger, data)
        else:
            properties = mutate(properties, data)
    folder = connector(tmp_path_factory.mktemp("c") / "c", swagger, properties)
    output = folder.parent / "spec.yaml"
    result = run_import(folder, output)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 2:
        assert "error" in result.output and not output.exists()
        return
    text = output.read_text("utf-8")
    spec = load_spec_text(text, str(output)).data  # always YAML the loader reads
    assert set(spec) <= {"info", "host", "basePath", "schemes", "consumes", "produces", "definitions",
                         "operations", "paths", "parameters", "responses", "connectionParameters",
                         "apiProperties", "securityDefinitions", "security", "tags", "externalDocs", "layout"} \
        | {k for k in spec if k.startswith("x-")}
    if result.exit_code == 0:
        build_documents(text, str(output))  # "gives the same connector" means it builds


def _odd(folder: Path, name: str, kind: str) -> None:
    """Put a FIFO, a folder, a looping or a dangling symlink where the connector file ``name`` was."""
    (folder / name).unlink()
    if kind == "fifo":
        os.mkfifo(folder / name)
    elif kind == "folder":
        (folder / name).mkdir()
    elif kind == "loop":
        (folder / name).symlink_to(name)
    else:
        (folder / name).symlink_to(folder / "gone")


@pytest.mark.parametrize("kind", ["fifo", "folder", "loop", "dangling"])
@pytest.mark.parametrize("name", ["apiDefinition.swagger.json", "apiProperties.json"])
def test_a_connector_file_that_is_not_a_regular_file_is_unusable_input(tmp_path, name, kind):
    folder = connector(tmp_path / "c", swagger_with({"/a": {}}))
    _odd(folder, name, kind)
    result = run_import(folder, tmp_path / "spec.yaml")
    assert result.exit_code == 2, result.output  # neither a hang nor a connector imported without it
    assert isinstance(result.exception, SystemExit)
    assert f"{folder / name}: error InputUnreadable: cannot read: " in result.output
    assert not (tmp_path / "spec.yaml").exists()
