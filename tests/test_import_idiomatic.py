"""Idiomatic imports: small objects on one line, repeated subtrees written once (anchor) and then
as aliases, never across a comment — and the spec always reads back as the same data."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.convert import build_documents, import_connector
from generator.importer.emit import dump_yaml, plan_sharing
from generator.spec.loader import load_spec_text

PAGE_SCHEMA = {"type": "object", "properties": {
    "items": {"type": "array", "items": {"type": "string"}, "description": "The items of this page of results"},
    "next": {"type": "string", "description": "Link to the next page, absent on the last page", "title": "Next"},
    "count": {"type": "integer", "description": "How many items there are in all pages together"}}}


def spec_with_repeats() -> dict:
    operation = lambda n: {"id": f"List{n}", "get": f"/{n}", "responses": {"200": {  # noqa: E731
        "description": "OK", "schema": json.loads(json.dumps(PAGE_SCHEMA))}}}
    return {"info": {"title": "T", "version": "1.0"}, "host": "x.example",
            "operations": [operation("A"), operation("B"), operation("C")]}


def test_a_repeated_subtree_is_written_once_and_read_back_three_times():
    spec = spec_with_repeats()
    text = dump_yaml(spec, share=True)
    assert text.count("&") == 1 and text.count("*") == 2
    assert load_spec_text(text).data == spec
    assert len(text.splitlines()) < len(dump_yaml(spec).splitlines()) - 10


def test_a_subtree_with_a_comment_inside_is_not_shared():
    spec = spec_with_repeats()
    comments = {("operations", 1, "responses", "200", "schema", "properties", "next"): ["why"]}
    anchors, aliases = plan_sharing(spec, {p[:end] for p in comments for end in range(len(p) + 1)})
    assert not any(path[:2] == ("operations", 1) for path in (*anchors, *aliases))
    text = dump_yaml(spec, comments, share=True)
    assert "# why" in text and load_spec_text(text).data == spec


def test_an_anchored_list_item_starts_below_its_anchor():
    parameter = {"name": "top", "in": "query", "type": "integer", "description": "How many results to return at most, "
                 "counted over all pages; the service caps it at a thousand whatever is asked for here",
                 "title": "Top", "default": 10, "minimum": 1, "maximum": 1000, "visibility": "advanced",
                 "x-ms-test-value": 5}
    spec = {"operations": [{"get": f"/{n}", "parameters": [dict(parameter), {"name": n, "in": "query"}]}
                           for n in "abc"]}
    text = dump_yaml(spec, share=True)
    assert "- &top_parameter\n" in text
    assert load_spec_text(text).data == spec


KEYS = st.sampled_from(["a", "b", "type", "name", "200", "x-y", "a b", "<<", "-k", "é", "*s", "&t"])
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(
    ["yes", "1.0", "", "#x", "a: b", "*alias", "&anchor", "multi\nline", "long " * 20]))
TREES = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(KEYS, inner, max_size=4)), max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(tree=TREES, copies=st.integers(2, 4))
def test_shared_subtrees_always_read_back_as_the_same_data(tree, copies):
    data = {"keep": [json.loads(json.dumps({"v": tree, "w": [tree, tree]})) for _ in range(copies)],
            "other": {"x": tree}}
    text = dump_yaml(data, share=True)
    assert load_spec_text(text).data == data


def test_a_corpus_connector_gets_shorter_and_still_rebuilds(corpus_path):
    folder = corpus_path / "certified-connectors" / "Cognito Forms"
    imported = import_connector(folder)
    json_lines = sum(len(p.read_text("utf-8").splitlines()) for p in folder.glob("api*.json"))
    assert len(imported.text.splitlines()) < 0.35 * json_lines
    assert "&" in imported.text and "*" in imported.text
    swagger, _ = build_documents(imported.text)
    assert swagger == imported.files.swagger
