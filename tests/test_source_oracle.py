"""Document.locate checked against oracles that share no code with generator.source: the JSON
decoder itself (decoding at the reported place must give the value the pointer names) and the
decoder's own error positions (json.JSONDecodeError turns an offset into line and column)."""

import json
import random

import pytest

from generator.findings import pointer_of
from generator.source import parse_json_text

# Distinct values throughout, so that decoding the right value at a wrong place is unlikely;
# tabs, CRLF, escapes, non-ASCII (é, an astral emoji), "~" and "/" in keys, an empty key.
TRICKY = (
    '{\r\n\t"a~b/c" :\t[1, {"x": "y\\"z"}, [], {}, -2.5e3],\r\n'
    '  "\\u00e9t\\u00e9": {"deep": {"er": [null, {"est": 0.5}]}},\n'
    '  "emoji 😀": "😀 ok", "": {"": true},\n'
    '  "after": [[["nested"]], false]\n'
    '}'
)


def _walk(value, tokens=()):
    """(pointer, key or None, value) for every member and element, in document order."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield pointer_of(*tokens, key), key, child
            yield from _walk(child, (*tokens, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield pointer_of(*tokens, index), None, child
            yield from _walk(child, (*tokens, index))


def _offset(text, line, column):
    """Line and column (1-based, lines end at "\\n") back to an offset."""
    lines = text.split("\n")
    assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1, (line, column)
    return sum(len(earlier) + 1 for earlier in lines[:line - 1]) + column - 1


def _decoder_position(text, offset):
    error = json.JSONDecodeError("", text, offset)
    return error.lineno, error.colno


def _same_json(a, b):
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)  # 1 and 1.0, True and 1 differ


def _check(text, pointers=None):
    doc = parse_json_text(text, "x.json")
    decode = json.JSONDecoder().raw_decode
    previous = -1
    members = list(_walk(doc.data))
    if pointers is not None:
        members = [m for m in members if m[0] in pointers]
    for pointer, key, value in members:
        line, column = doc.locate(pointer)
        offset = _offset(text, line, column)
        assert _decoder_position(text, offset) == (line, column), pointer
        assert _same_json(decode(text, offset)[0], value), (pointer, line, column)
        if pointers is None:
            assert offset > previous, f"{pointer} placed before the member preceding it"
        previous = offset
        if key is not None:
            key_line, key_column = doc.locate(pointer, key=True)
            key_offset = _offset(text, key_line, key_column)
            name, end = decode(text, key_offset)
            assert name == key, pointer
            assert text[end:offset].strip() == ":", f"{pointer}: the key is not the value's own"
    return len(members)


def test_every_member_of_a_tricky_text_decodes_at_its_place():
    assert _check(TRICKY) == 21


def test_lines_and_columns_of_a_hand_counted_text():
    doc = parse_json_text(TRICKY, "x.json")
    assert doc.locate("/a~0b~1c/1/x") == (2, 22)  # the tab counts as one column
    assert doc.locate("/\u00e9t\u00e9/deep/er/1/est") == (3, 51)
    assert doc.locate("/emoji \U0001F600", key=True) == (4, 3)
    assert doc.locate("/emoji \U0001F600") == (4, 14)
    assert doc.locate("//") == (4, 31)  # columns count characters, not bytes


@pytest.mark.parametrize("pointer, where", [("/after/missing", "/after"), ("/nope", "")])
def test_a_missing_member_points_at_its_nearest_ancestor(pointer, where):
    doc = parse_json_text(TRICKY, "x.json")
    assert doc.locate(pointer) == (doc.locate(where) if where else (1, 1))


def test_members_of_corpus_files_decode_at_their_place(corpus_path):
    chance = random.Random(7)
    checked = 0
    for path in sorted(corpus_path.rglob("apiDefinition.swagger.json"))[::25]:
        text = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
        try:
            json.loads(text, object_pairs_hook=_no_repeats)
        except ValueError:
            continue  # unreadable, or a repeated key (placed where it last occurs: another test)
        doc = parse_json_text(text, str(path))
        pointers = [pointer for pointer, _, _ in _walk(doc.data)]
        checked += _check(text, set(chance.sample(pointers, min(80, len(pointers)))))
    assert checked > 1000


def _no_repeats(pairs):
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("repeated key")
    return dict(pairs)
