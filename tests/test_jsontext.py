"""generator.jsontext writes exactly what json.dumps writes with an indent (it exists for speed)."""

import json
import math
import random

import pytest

from generator.jsontext import dumps

ODD = {"é\u2028\"\\/": [[], {}, [1, [2.0, 1e300, -0.0, 1e-7]]], 200: True, 1.5: None, False: "x",
       "nested": {"a": {"b": {"c": [{"d": []}]}}}, "big": 2 ** 70, "tab\t": "line\nbreak"}


def _random_value(chance, depth=0):
    kind = chance.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return chance.choice([None, True, False])
    if kind == 1:
        return chance.randint(-10 ** 20, 10 ** 20)
    if kind == 2:
        return chance.uniform(-1e6, 1e6) * chance.choice([1, 1e-9, 1e12])
    if kind in (3, 4):
        return "".join(chance.choice("aé\u0001\u20ac\"\\/\n\t 𝄞") for _ in range(chance.randrange(6)))
    if kind == 5:
        return [_random_value(chance, depth + 1) for _ in range(chance.randrange(4))]
    return {"".join(chance.choice("kéy\"") for _ in range(chance.randrange(4))): _random_value(chance, depth + 1)
            for _ in range(chance.randrange(4))}


@pytest.mark.parametrize("indent, ascii_only", [("    ", True), ("  ", False)])
def test_same_text_as_the_standard_library(indent, ascii_only):
    chance = random.Random(11)
    values = [ODD] + [_random_value(chance) for _ in range(400)]
    for value in values:
        expected = json.dumps(value, indent=len(indent), ensure_ascii=ascii_only, allow_nan=False)
        assert dumps(value, indent=indent, ensure_ascii=ascii_only) == expected


def test_nested_level_indents_continuation_lines():
    assert dumps({"a": [1]}, level=2) == '{\n            "a": [\n                1\n            ]\n        }'


@pytest.mark.parametrize("bad", [math.nan, math.inf, {"k": -math.inf}, {math.nan: 1}])
def test_not_a_number_is_refused_like_allow_nan_false(bad):
    with pytest.raises(ValueError):
        dumps(bad)


def test_unserialisable_values_are_refused():
    with pytest.raises(TypeError):
        dumps({"k": object()})
    with pytest.raises(TypeError):
        dumps({(1, 2): "tuple key"})


def test_same_text_on_every_corpus_file(corpus_path):
    compared = 0
    for path in sorted(corpus_path.rglob("*.json")):
        try:
            value = json.loads(path.read_bytes().decode("utf-8-sig"))
        except ValueError:
            continue  # the corpus's broken files
        assert dumps(value) == json.dumps(value, indent=4, ensure_ascii=True, allow_nan=False), path
        compared += 1
    assert compared > 1200
