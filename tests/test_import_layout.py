"""Imported specs in the order docs/spec.md teaches, without empty sections or operations' empty lists — and still
rebuilding the connector's JSON member for member, in its original order, through the spec's `layout:`."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.importer.convert import build_documents, compare, import_connector
from generator.importer.inverse import first_order_difference
from generator.importer.layout import connector_order
from generator.spec.layout import EMPTY_OPERATION_KEYS, EMPTY_SECTIONS, OPERATION_KEYS, arrange
from generator.spec.loader import load_spec_text
from generator.spec.model import expand

OK = {"200": {"description": "OK"}}


def scrambled_swagger() -> dict:
    """Operations whose members stand in the JSON's own orders: most in one order (responses
    first, operationId last), one in an order of its own; a path item with its own member after
    its operation; some empty sections, others absent."""
    def op(name: str, **extra) -> dict:
        return {"responses": OK, "x-ms-visibility": "important", "summary": f"{name} it",
                "parameters": [], "description": f"{name}s it", **extra, "operationId": name}
    return {
        "swagger": "2.0", "info": {"title": "Scrambled", "version": "1.0"}, "host": "api.example.com",
        "paths": {
            "/a": {"get": op("GetA"), "post": op("PostA")},
            "/b": {"get": op("GetB"),
                   "put": {"operationId": "PutB", "responses": OK, "summary": "Put B", "description": "Puts B"}},
            "/hooks": {"post": op("Hook"), "x-ms-notification-content": {"description": "Event"}},
        },
        "definitions": {}, "tags": [], "security": [],
    }


def write_connector(folder: Path, swagger: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=2), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {"publisher": "Contoso"}}), "utf-8")
    return folder


@pytest.fixture
def scrambled(tmp_path) -> Path:
    return write_connector(tmp_path / "scrambled", scrambled_swagger())


def test_imported_operations_read_in_the_taught_order(scrambled):
    text = import_connector(scrambled).text
    spec = load_spec_text(text).data
    for op in spec["operations"]:
        keys = [key for key in op if key not in ("get", "post", "put")]
        assert keys[:3] == ["id", "summary", "description"], keys
        assert keys[-2:] == ["parameters", "responses"] or keys[-1] == "responses", keys
        method = next(m for m in ("get", "post", "put") if m in op)
        assert list(op).index(method) == 1  # `- id: X` then `get: /path`
    assert "- {id: PostA, post: /a, summary: PostA it, description: PostAs it, visibility: important, " in text
    assert "- {id: PutB, put: /b, summary: Put B, description: Puts B, responses:" in text


def test_the_scrambled_connector_still_rebuilds_in_its_own_order(scrambled):
    imported = import_connector(scrambled)
    swagger, properties = build_documents(imported.text)
    assert compare(imported.files, swagger, properties) is None
    original = scrambled_swagger()
    assert first_order_difference(original, swagger, frozenset([""])) is None
    assert list(swagger["paths"]["/a"]["get"]) == list(original["paths"]["/a"]["get"])
    assert list(swagger["paths"]["/b"]["put"]) == ["operationId", "responses", "summary", "description"]
    assert list(swagger["paths"]["/hooks"]) == ["post", "x-ms-notification-content"]


def test_the_layout_records_only_the_departures(scrambled):
    text = import_connector(scrambled).text
    layout = load_spec_text(text).data["layout"]
    # one connector-wide order, one operation of its own, one path item, the empty sections present,
    # the empty parameters most operations carry and the one operation without them
    assert layout == {
        "operationKeys": ["responses", "x-ms-visibility", "summary", "parameters", "description", "operationId"],
        "operationKeysOf": {"PutB": ["operationId", "responses", "summary", "description"]},
        "pathKeysOf": {"/hooks": ["post", "x-ms-notification-content"]},
        "emptySections": ["definitions", "security", "tags"],
        "emptyOperationKeys": ["parameters"],
        "emptyOperationKeysOf": {"PutB": []},
    }
    # it closes the spec, below a comment saying it may be deleted
    tail = text.split("\nlayout:\n")
    assert len(tail) == 2 and "delete it" in tail[0].splitlines()[-1] + tail[0].splitlines()[-2]
    assert not any(line and not line.startswith(" ") for line in tail[1].splitlines())


def test_empty_sections_are_left_out_of_the_spec_yet_rebuilt(scrambled):
    text = import_connector(scrambled).text
    spec = load_spec_text(text).data
    assert not {"definitions", "tags", "security"} & set(spec)
    assert "definitions: {}" not in text and "tags: []" not in text
    swagger, _ = build_documents(text)
    assert (swagger["definitions"], swagger["tags"], swagger["security"]) == ({}, [], [])
    # the sections the original lacks stay absent, although the canonical layout has them
    assert not {"parameters", "responses", "securityDefinitions", "consumes", "produces"} & set(swagger)


def test_a_connector_laid_out_canonically_needs_no_layout(tmp_path):
    swagger = scrambled_swagger()
    for path, item in swagger["paths"].items():  # canonically, no operation carries empty members
        swagger["paths"][path] = arrange({k: v for k, v in item.items() if k.startswith("x-")} |
                                         {k: arrange({m: x for m, x in v.items() if x != []}, OPERATION_KEYS)
                                          for k, v in item.items() if not k.startswith("x-")}, [])
    swagger.update({key: type(empty)() for key, empty in EMPTY_SECTIONS.items()})
    imported = import_connector(write_connector(tmp_path / "canonical", swagger))
    assert "layout" not in imported.spec and "layout:" not in imported.text
    rebuilt, properties = build_documents(imported.text)
    assert compare(imported.files, rebuilt, properties) is None


SPEC_WITHOUT_LAYOUT = """\
info: {title: Hand, version: "1.0"}
host: api.example.com
operations:
  - id: ListThings
    get: /things
    summary: List things
    description: Lists the things.
    visibility: important
    deprecated: false
    tags: [Things]
    parameters: [{name: top, in: query, type: integer}]
    responses: {200: {description: OK}}
"""


def test_a_spec_without_layout_renders_the_canonical_order():
    swagger, _ = build_documents(SPEC_WITHOUT_LAYOUT)
    op = swagger["paths"]["/things"]["get"]
    assert list(op) == ["tags", "summary", "description", "operationId", "parameters", "responses",
                        "x-ms-visibility", "deprecated"]
    for key, empty in EMPTY_SECTIONS.items():
        assert swagger[key] == empty and type(swagger[key]) is type(empty), key


def test_the_layout_applies_to_a_hand_written_spec_too():
    text = SPEC_WITHOUT_LAYOUT + ("layout:\n  operationKeys: [operationId, responses]\n"
                                  "  emptySections: [tags]\n")
    swagger, _ = build_documents(text)
    assert list(swagger["paths"]["/things"]["get"])[:2] == ["operationId", "responses"]
    assert swagger["tags"] == [] and "definitions" not in swagger and "security" not in swagger


def test_a_layout_entry_naming_nothing_is_a_located_error(tmp_path):
    spec = tmp_path / "hand.yaml"
    spec.write_text(SPEC_WITHOUT_LAYOUT + "layout:\n  operationKeysOf:\n    ListThing: [responses]\n"
                    "  pathKeysOf: {/thing: [get]}\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{spec}:15:5: error SpecLayoutUnknown: layout.operationKeysOf: no operation 'ListThing'" in result.output
    assert "did you mean 'ListThings'?" in result.output
    assert "SpecLayoutUnknown: layout.pathKeysOf: no path '/thing'" in result.output
    assert not (tmp_path / "out").exists()


def test_a_layout_of_the_wrong_shape_is_a_schema_error(tmp_path):
    spec = tmp_path / "hand.yaml"
    spec.write_text(SPEC_WITHOUT_LAYOUT + "layout:\n  emptySections: [paths]\n  order: []\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "SpecUnknownKey: unknown key 'order'" in result.output


def empties_swagger(empty: dict[str, list[str]]) -> dict:
    """Five operations: ``empty`` maps an operationId to the members it carries as empty lists
    (the others leave them out); Search has parameters of its own."""
    query = [{"name": "q", "in": "query", "type": "string"}]
    paths = {}
    for name in ("ListA", "ListB", "ListC", "Ping", "Search"):
        op = {"operationId": name, "summary": f"{name} it"}
        op.update({key: [] for key in empty.get(name, [])})
        if name == "Search":
            op["parameters"] = query
        paths[f"/{name.lower()}"] = {"get": {**op, "responses": OK}}
    return {"swagger": "2.0", "info": {"title": "Empties", "version": "1.0"}, "host": "api.example.com",
            "paths": paths, **{key: type(value)() for key, value in EMPTY_SECTIONS.items()}}


def test_empty_operation_lists_most_operations_carry_are_written_by_the_layout(tmp_path):
    # parameters: [] on three of the four parameterless operations; consumes: [] on one operation only
    swagger = empties_swagger({"ListA": ["parameters"], "ListB": ["parameters"],
                               "ListC": ["consumes", "parameters"]})
    for op in (swagger["paths"]["/listc"]["get"],):  # consumes before parameters, as OPERATION_KEYS has it
        assert list(op) == ["operationId", "summary", "consumes", "parameters", "responses"]
    imported = import_connector(write_connector(tmp_path / "empties", swagger))
    spec = load_spec_text(imported.text).data
    assert "[]" not in imported.text.split("# Only so that")[0]
    assert [op.get("parameters") for op in spec["operations"]] == [None] * 4 + [
        [{"name": "q", "in": "query", "type": "string"}]]
    empties = {key: value for key, value in spec["layout"].items() if key.startswith("empty")}
    assert empties == {"emptyOperationKeys": ["parameters"],
                       "emptyOperationKeysOf": {"ListC": ["parameters", "consumes"], "Ping": []}}
    rebuilt, properties = build_documents(imported.text)
    assert compare(imported.files, rebuilt, properties) is None
    assert "parameters" not in rebuilt["paths"]["/ping"]["get"]


def test_an_empty_list_few_operations_carry_is_listed_for_them_alone(tmp_path):
    imported = import_connector(write_connector(tmp_path / "few", empties_swagger({"Ping": ["parameters"]})))
    spec = load_spec_text(imported.text).data
    assert "parameters: []" not in imported.text
    assert "emptyOperationKeys" not in spec["layout"]
    assert spec["layout"]["emptyOperationKeysOf"] == {"Ping": ["parameters"]}
    rebuilt, properties = build_documents(imported.text)
    assert compare(imported.files, rebuilt, properties) is None
    assert "parameters" not in rebuilt["paths"]["/lista"]["get"]


def test_a_corpus_connector_with_empty_parameters_on_its_parameterless_operations(corpus_path):
    # CloudConvert writes `parameters: []` on its 5 operations without parameters (of 14); the
    # spec says so once.
    imported = import_connector(corpus_path / "certified-connectors" / "CloudConvert")
    assert "parameters: []" not in imported.text
    assert "\n  emptyOperationKeys: [parameters]\n" in imported.text
    assert "emptyOperationKeysOf" not in imported.text
    swagger, properties = build_documents(imported.text)
    assert compare(imported.files, swagger, properties) is None
    parameterless = [op for item in swagger["paths"].values() for op in item.values() if op.get("parameters") == []]
    assert len(parameterless) == 5


def test_a_hand_written_spec_gets_no_empty_operation_lists_without_a_layout():
    text = SPEC_WITHOUT_LAYOUT + "  - {id: Ping, get: /ping, responses: {200: {description: OK}}}\n"
    swagger, _ = build_documents(text)
    assert list(swagger["paths"]["/ping"]["get"]) == ["operationId", "responses"]


def test_the_layout_writes_empty_operation_lists_where_an_operation_has_none():
    text = SPEC_WITHOUT_LAYOUT + (
        "  - {id: Ping, get: /ping, responses: {200: {description: OK}}}\n"
        "  - {id: Pong, get: /pong, responses: {200: {description: OK}}}\n"
        "  - {id: Pang, get: /pang, consumes: [text/plain], responses: {200: {description: OK}}}\n"
        "layout:\n  emptyOperationKeys: [parameters, consumes]\n  emptyOperationKeysOf: {Pong: [produces]}\n")
    swagger, _ = build_documents(text)
    paths = swagger["paths"]
    assert list(paths["/ping"]["get"]) == ["operationId", "consumes", "parameters", "responses"]
    assert paths["/ping"]["get"]["parameters"] == [] and paths["/ping"]["get"]["consumes"] == []
    assert list(paths["/pong"]["get"]) == ["operationId", "produces", "responses"]  # its own list instead
    assert paths["/pang"]["get"]["consumes"] == ["text/plain"] and paths["/pang"]["get"]["parameters"] == []
    assert paths["/things"]["get"]["parameters"] == [{"name": "top", "in": "query", "type": "integer"}]
    assert paths["/things"]["get"]["consumes"] == []


def test_empty_operation_lists_of_the_wrong_kind_or_for_no_operation_are_located_errors(tmp_path):
    spec = tmp_path / "hand.yaml"
    spec.write_text(SPEC_WITHOUT_LAYOUT + "layout:\n  emptyOperationKeysOf: {ListThing: [parameters]}\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert (f"{spec}:14:26: error SpecLayoutUnknown: layout.emptyOperationKeysOf: no operation 'ListThing'"
            in result.output)
    assert "did you mean 'ListThings'?" in result.output
    spec.write_text(SPEC_WITHOUT_LAYOUT + "layout:\n  emptyOperationKeys: [tags]\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f'{spec}:14:24: error SpecInvalid: layout/emptyOperationKeys/0: "tags" is not one of' in result.output
    assert not (tmp_path / "out").exists()


def test_the_connector_order_follows_the_most_common_orders_without_contradiction():
    orders = [("a", "b", "c")] * 3 + [("c", "a")] + [("b", "d")]
    assert connector_order(orders) == ["a", "b", "c", "d"]  # ("c", "a") contradicts the majority
    assert connector_order([("summary", "operationId"), ("operationId", "responses")]) == [
        "summary", "operationId", "responses"]


def test_order_differences_are_found_below_the_top_level_only():
    assert first_order_difference({"a": 1, "b": {"x": 1, "y": 2}}, {"b": {"x": 1, "y": 2}, "a": 1},
                                  frozenset([""])) is None
    assert first_order_difference({"b": [{"x": 1, "y": 2}]}, {"b": [{"y": 2, "x": 1}]}) == "/b/0"


def test_a_corpus_connector_needs_its_layout_to_come_back_in_order(corpus_path):
    # Office 365 Groups writes its operation members alphabetically; without `layout:` the rebuild
    # has the same values in the canonical order, which the round trip counts as differing.
    imported = import_connector(corpus_path / "custom-connectors" / "Office365Groups")
    assert "\nlayout:\n  operationKeys: [description, operationId, parameters, responses, summary," in imported.text
    swagger, properties = build_documents(imported.text)
    assert compare(imported.files, swagger, properties) is None
    # its parameterless operations carry `parameters: []`: the layout writes them, the spec does not
    assert "\n  emptyOperationKeys: [parameters]\n" in imported.text
    assert "parameters: []" not in imported.text
    without = imported.text.split("# Only so that")[0]
    swagger, properties = build_documents(without)
    assert compare(imported.files, swagger, properties) == (
        "apiDefinition.swagger.json#/paths/~1v1.0~1groups/get/parameters")
    swagger, properties = build_documents(without + "layout: {emptyOperationKeys: [parameters]}\n")
    assert compare(imported.files, swagger, properties) == (
        "apiDefinition.swagger.json#/paths/~1v1.0~1groups/get (member order)")


def test_a_converted_document_gets_the_canonical_layout_without_a_layout_section(tmp_path):
    document = tmp_path / "api.json"
    document.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "New", "version": "1.0"},
        "servers": [{"url": "https://api.example.com/v1"}],
        "paths": {"/things": {"get": {"responses": {"200": {"description": "OK"}}, "summary": "List things",
                                      "operationId": "ListThings", "tags": []}}}}), "utf-8")
    result = CliRunner().invoke(main, ["import", str(document), "-o", str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    assert "gives the same connector" in result.output
    text = (tmp_path / "new.yaml").read_text("utf-8")
    assert "layout:" not in text
    op = load_spec_text(text).data["operations"][0]
    assert list(op)[:3] == ["id", "get", "summary"] and list(op)[-1] == "responses"


def test_a_lone_swagger_file_becomes_a_spec_without_empty_operation_lists(tmp_path):
    document = tmp_path / "api.json"
    document.write_text(json.dumps(empties_swagger({"ListA": ["parameters"], "ListB": ["parameters", "produces"]})),
                        "utf-8")
    result = CliRunner().invoke(main, ["import", str(document), "-o", str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    assert "gives the same connector" in result.output
    text = (tmp_path / "new.yaml").read_text("utf-8")
    spec = load_spec_text(text).data
    assert "layout" not in spec and "[]" not in text.split("\noperations:\n")[1]
    swagger, _ = build_documents(text)
    assert "parameters" not in swagger["paths"]["/lista"]["get"] and "produces" not in swagger["paths"]["/listb"]["get"]


def test_layout_lines_count_the_section_and_its_comment(scrambled):
    from generator.importer.roundtrip import layout_lines

    text = import_connector(scrambled).text
    assert layout_lines(text) == 2 + 7  # the comment, `layout:` and its six entries
    assert layout_lines(text.split("# Only so that")[0]) == 0


def test_an_operation_named_by_method_and_path_takes_its_own_order():
    text = SPEC_WITHOUT_LAYOUT.replace("  - id: ListThings\n    get: /things\n", "  - get: /things\n") + (
        "layout:\n  operationKeysOf: {get /things: [responses, summary]}\n")
    swagger, _ = build_documents(text)
    assert list(swagger["paths"]["/things"]["get"])[:2] == ["responses", "summary"]


OPERATION_MEMBERS = {"summary": "Do it", "description": "Does it", "tags": ["T"], "deprecated": False,
                     "x-ms-visibility": "advanced", "consumes": ["application/json"], "produces": ["text/plain"],
                     "parameters": [{"name": "q", "in": "query", "type": "string"}], "x-custom": {"a": 1}}


@st.composite
def laid_out_connectors(draw) -> dict:
    """A connector whose operations, path items, empty sections and operations' empty lists are
    laid out at random."""
    paths = {}
    for index in range(draw(st.integers(1, 6))):
        members = {"operationId": f"Op{index}", "responses": OK,
                   **{key: OPERATION_MEMBERS[key] for key in draw(st.sets(st.sampled_from(list(OPERATION_MEMBERS))))}}
        for key in draw(st.sets(st.sampled_from(EMPTY_OPERATION_KEYS))):  # empty, not left out
            members[key] = []
        operation = {key: members[key] for key in draw(st.permutations(list(members)))}
        item = {"get": operation}
        if draw(st.booleans()):
            item["x-ms-notification-content"] = {"description": "Event"}
        paths[f"/p{index}"] = {key: item[key] for key in draw(st.permutations(list(item)))}
    swagger = {"swagger": "2.0", "info": {"title": "Random", "version": "1.0"}, "host": "api.example.com",
               "paths": paths}
    for key in draw(st.sets(st.sampled_from(list(EMPTY_SECTIONS)))):
        swagger[key] = type(EMPTY_SECTIONS[key])()
    return swagger


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(swagger=laid_out_connectors())
def test_any_layout_comes_back_in_its_own_order(tmp_path_factory, swagger):
    folder = write_connector(tmp_path_factory.mktemp("random") / "c", swagger)
    imported = import_connector(folder)
    spec = load_spec_text(imported.text).data
    assert not set(EMPTY_SECTIONS) & set(spec)
    for op in spec["operations"]:
        assert list(op)[:2] == ["id", "get"] and list(op)[-1] == "responses"
        assert not any(op.get(key) == [] for key in EMPTY_OPERATION_KEYS), op
    rebuilt, properties = build_documents(imported.text)
    assert compare(imported.files, rebuilt, properties) is None
    # each operation listed with its own empty lists departs from the connector-wide choice, which
    # is the majority's: never more of them than the smaller side, summed over the members
    operations = [item["get"] for item in swagger["paths"].values()]
    departures = sum(min(sum(op.get(key) == [] for op in operations), sum(key not in op for op in operations))
                     for key in EMPTY_OPERATION_KEYS)
    assert len(spec.get("layout", {}).get("emptyOperationKeysOf", {})) <= departures
    # without its layout, the spec is built canonically: no operation gets an empty list
    canonical = expand({key: value for key, value in spec.items() if key != "layout"}).swagger
    assert not any(op.get(key) == [] for item in canonical["paths"].values() for op in item.values()
                   if isinstance(op, dict) for key in EMPTY_OPERATION_KEYS)


def test_a_long_list_of_member_names_wraps_and_reads_back():
    from generator.importer.emit import FLOW_WIDTH, dump_yaml

    names = [f"x-ms-member-{'n' * index}" for index in range(12)] + ["it's", "a, b", "#c", "", "line\nbreak"]
    data = {"layout": {"operationKeysOf": {"Op": names, "Short": ["a"]}}}
    text = dump_yaml(data, share=True)
    lines = text.splitlines()
    assert lines[2].startswith("    Op: [x-ms-member-, ") and lines[3].startswith("      x-ms-member-")
    assert all(len(line) <= FLOW_WIDTH for line in lines) and "    Short: [a]" in lines
    assert load_spec_text(text).data == data
