"""Placing a finding: Document.locate (which scans only the containers a pointer enters) gives the
same line:column as the full position index of the text, for values, keys and missing members."""

import json
import random

from generator.findings import pointer_of, split_pointer
from generator.source import index_positions, parse_json_text

TEXT = """{
  "a~b/c": [1, {"x": "y\\"z"}, [], {}],
  "\\u00e9": {"deep": {"er": [null, {"est": 0.5}]}},
  "empty": {}
}"""


def _index_locate(text, pointer, key=False, index=None, doc=None):
    """The reference: look the pointer up in the full index (nearest existing ancestor)."""
    values, keys, _ = index or index_positions(text)
    doc = doc or parse_json_text(text, "x.json")
    tokens = split_pointer(pointer)
    while True:
        current = pointer_of(*tokens)
        table = keys if key and tokens else values
        if current in table:
            return doc.line_col(table[current])
        if not tokens:
            return (1, 1)
        tokens.pop()
        key = False


def _pointers(text):
    values, keys, _ = index_positions(text)
    return sorted(values), sorted(keys)


def test_same_positions_as_the_full_index_on_a_tricky_text():
    doc = parse_json_text(TEXT, "x.json")
    values, keys = _pointers(TEXT)
    for pointer in values + [p + "/missing" for p in values]:
        assert doc.locate(pointer) == _index_locate(TEXT, pointer), pointer
    for pointer in keys:
        assert doc.locate(pointer, key=True) == _index_locate(TEXT, pointer, key=True), pointer


def test_same_positions_as_the_full_index_on_corpus_files(corpus_path):
    chance = random.Random(3)
    files = sorted(corpus_path.rglob("apiDefinition.swagger.json"))[::9]
    checked = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
        try:
            json.loads(text)
        except ValueError:
            continue
        doc = parse_json_text(text, str(path))
        index = index_positions(text)
        if index[2]:
            continue  # repeated keys: the index keeps the first value, JSON readers the last
        values, keys = sorted(index[0]), sorted(index[1])
        for pointer in chance.sample(values, min(60, len(values))):
            assert doc.locate(pointer) == _index_locate(text, pointer, False, index, doc), (path, pointer)
            missing = pointer + "/nope"
            assert doc.locate(missing) == _index_locate(text, missing, False, index, doc), (path, pointer)
        for pointer in chance.sample(keys, min(30, len(keys))):
            assert doc.locate(pointer, key=True) == _index_locate(text, pointer, True, index, doc), (path, pointer)
        checked += 1
    assert checked > 50


def test_a_repeated_key_is_placed_where_it_last_occurs():
    text = '{\n  "a": [1],\n  "a": {"late": true}\n}'
    doc = parse_json_text(text, "x.json")
    assert doc.data == {"a": {"late": True}}  # what JSON readers keep
    assert doc.locate("/a") == (3, 8) and doc.locate("/a", key=True) == (3, 3)
    assert doc.locate("/a/late") == (3, 17)
