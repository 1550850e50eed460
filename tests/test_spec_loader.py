"""The spec loader builds data straight from YAML events: values, YAML 1.1 scalars without dates,
anchors, aliases and merge keys as YAML defines them, and a line:column for every key and value."""

import pytest

from generator.spec.loader import SpecError, load_spec_text


def load(text):
    return load_spec_text(text, "s.yaml")


def codes(text):
    with pytest.raises(SpecError) as caught:
        load(text)
    return [(f.code, f.line, f.column) for f in caught.value.findings]


def test_scalars_follow_yaml_but_dates_stay_strings():
    data = load("a: [1, 2.5, 0x1F, 1_000, yes, ~, '1', 2024-01-31, 12:30]\n200: ok\ntrue: t\n").data
    assert data == {"a": [1, 2.5, 31, 1000, True, None, "1", "2024-01-31", 750], "200": "ok", "true": "t"}


def test_positions_of_keys_and_values():
    source = load("a:\n  b: [x, {c: 1}]\n")
    assert source.locate(("a",), key=True) == (1, 1)
    assert source.locate(("a", "b"), key=True) == (2, 3)
    assert source.locate(("a", "b", 1, "c")) == (2, 14)
    assert source.locate(("a", "b", 1, "missing")) == (2, 10)  # its nearest ancestor


def test_alias_is_a_fresh_copy_placed_where_the_anchor_is():
    source = load("x: &x {a: [1]}\ny: *x\n")
    assert source.data["y"] == {"a": [1]}
    assert source.data["y"] is not source.data["x"] and source.data["y"]["a"] is not source.data["x"]["a"]
    assert source.locate(("y", "a")) == source.locate(("x", "a")) == (1, 11)


def test_merge_order_first_source_wins_own_keys_win():
    source = load("a: &a {k: 1, x: 1}\nb: &b {k: 2, y: 2}\n"
                  "c: {z: 0, <<: [*a, *b], x: 3}\n")
    c = source.data["c"]
    assert c == {"k": 1, "x": 3, "y": 2, "z": 0}
    assert list(c) == ["k", "x", "y", "z"]  # merged keys first, in the order of the sources
    assert source.locate(("c", "k")) == (1, 11)   # from the first source
    assert source.locate(("c", "y")) == (2, 17)
    assert source.locate(("c", "x")) == (3, 28)   # the mapping's own key


def test_merged_content_is_not_shared_between_mappings():
    data = load("base: &b {p: {q: 1}}\nm: {<<: *b}\nn: {<<: *b}\n").data
    assert data["m"] == data["n"] == {"p": {"q": 1}}
    assert data["m"]["p"] is not data["n"]["p"]


@pytest.mark.parametrize("text, expected", [
    ("a: 1\na: 2\n", [("DuplicateKey", 2, 1)]),
    ("a: !!python/name:os.system x\n", [("YamlTagNotAllowed", 1, 4)]),
    ("a: !!set {x}\n", [("YamlTagNotAllowed", 1, 4)]),
    ("? [a]\n: 1\nb: 2\n", [("YamlKeyNotScalar", 1, 3)]),
    ("a: *nope\n", [("YamlSyntaxError", 1, 4)]),
    ("a: &x 1\nb: &x 2\n", [("YamlSyntaxError", 2, 4)]),
    ("a: {<<: 5}\n", [("YamlSyntaxError", 1, 9)]),
    ("a: 1\n---\nb: 2\n", [("YamlSyntaxError", 2, 1)]),
    ("a: [1, 2\n", [("YamlSyntaxError", 2, 1)]),
    ("# nothing\n", [("SpecEmpty", 1, 1)]),
])
def test_broken_yaml_is_located(text, expected):
    assert codes(text) == expected


def test_an_anchor_cannot_refer_to_itself():
    assert codes("a: &a {b: *a}\n")[0][0] == "YamlSyntaxError"
