"""The default-value shortcuts of generator/validate/oas2.py against the validator they stand in for.

check_oas2 decides simple defaults (a plain type, an enum of strings, an int32/int64/float/double
format, parameter fields) without importing openapi-schema-validator. These properties hold that
shortcut to OAS30Validator with the format checker openapi-spec-validator uses: whatever the
shortcut calls valid has no error there, and a type mismatch it reports is that validator's only
error, word for word.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from generator.validate.oas2 import _plain_type_mismatch, _plainly_valid_default, check_oas2

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(1 << 70), max_value=1 << 70),
    st.sampled_from([0, 1, -1, (1 << 31) - 1, 1 << 31, -(1 << 31), -(1 << 31) - 1, (1 << 63) - 1, 1 << 63,
                     -(1 << 63), -(1 << 63) - 1]),
    st.floats(allow_nan=False),
    st.sampled_from(["", "a", "false", "1", "Black", "QUJD", "2024-01-01", "not a date"]),
    st.text(max_size=8),
)
TYPES = st.sampled_from(["string", "integer", "number", "boolean", "array", "object", "file"])
FORMATS = st.sampled_from(["int32", "int64", "float", "double", "byte", "date-time", "date", "email",
                           "uuid", "binary", "password", "regex", "unknown"])
EXTRA = st.dictionaries(
    st.sampled_from(["title", "description", "x-ms-summary", "x-ms-visibility", "name", "in", "required",
                     "collectionFormat", "allowEmptyValue", "readOnly", "example", "nullable",
                     "maxLength", "minimum", "pattern", "items", "$ref"]),
    st.one_of(st.booleans(), st.integers(-3, 3), st.sampled_from(["x", "query", "csv", "^a", "#/x"])),
    max_size=3,
)


@st.composite
def schemas(draw):
    schema = dict(draw(EXTRA))
    if draw(st.booleans()):
        schema["type"] = draw(TYPES)
    if draw(st.booleans()):
        schema["format"] = draw(FORMATS)
    if draw(st.booleans()):
        schema["enum"] = draw(st.one_of(st.lists(SCALARS, max_size=4), st.just("abc"),
                                        st.lists(st.sampled_from(["a", "Black", "1", 1, True]), max_size=3)))
    return schema


INERT_EXTRA = st.dictionaries(
    st.sampled_from(["title", "description", "x-ms-summary", "name", "in", "required", "collectionFormat",
                     "allowEmptyValue", "readOnly", "example"]),
    st.one_of(st.booleans(), st.sampled_from(["x", "query", "csv"])),
    max_size=3,
)


@st.composite
def eligible_schemas(draw):
    """Schemas of the shapes the shortcuts decide (so that both of their branches are exercised)."""
    schema = dict(draw(INERT_EXTRA))
    schema["type"] = draw(st.sampled_from(["string", "integer", "number", "boolean"]))
    if draw(st.booleans()):
        schema["format"] = draw(st.sampled_from(["int32", "int64", "float", "double", "date-time", "byte"]))
    if draw(st.booleans()):
        schema["enum"] = draw(st.lists(st.one_of(st.sampled_from(["a", "Black", "1", "false"]), SCALARS),
                                       max_size=4))
    return schema


VALUES_OF_TYPE = {
    "string": st.one_of(st.sampled_from(["a", "Black", "1", "false"]), st.text(max_size=4)),
    "integer": st.one_of(st.integers(-(1 << 64), 1 << 64), st.sampled_from([(1 << 31) - 1, 1 << 31, -(1 << 31)])),
    "number": st.one_of(st.integers(-5, 5), st.floats(allow_nan=False)),
    "boolean": st.booleans(),
}


@st.composite
def eligible_cases(draw):
    """A schema of a shape the shortcuts decide, and mostly a value of its type or from its enum."""
    schema = draw(eligible_schemas())
    choices = [VALUES_OF_TYPE[schema["type"]], SCALARS]
    if schema.get("enum"):
        choices.append(st.sampled_from(schema["enum"]))
    return schema, draw(st.one_of(choices))


CASES = st.one_of(st.tuples(schemas(), SCALARS), eligible_cases())


def reference_messages(schema: dict, value) -> list[str] | None:
    """The reference's error messages for ``value``, or None when the reference itself fails."""
    try:
        validator = OAS30Validator(schema, format_checker=oas30_format_checker)
        return [error.message for error in validator.iter_errors(value)]
    except Exception:
        return None


@settings(max_examples=1500, deadline=None)
@given(CASES)
def test_a_default_called_valid_has_no_error_in_the_reference(case):
    schema, value = case
    if _plainly_valid_default(schema, value):
        assert reference_messages(schema, value) == []


@settings(max_examples=1500, deadline=None)
@given(CASES)
def test_a_type_mismatch_is_the_references_only_error(case):
    schema, value = case
    mismatch = _plain_type_mismatch(schema, value)
    if mismatch is not None:
        assert reference_messages(schema, value) == [mismatch]


def test_shortcuts_cover_the_common_defaults():
    """The cases the shortcuts exist for (they would silently stop helping if these broke)."""
    assert _plainly_valid_default({"type": "string", "enum": ["Low", "High"], "x-ms-summary": "S"}, "Low")
    assert _plainly_valid_default({"type": "integer", "format": "int32", "name": "n", "in": "query"}, 5)
    assert _plainly_valid_default({"type": "number", "format": "double"}, 10)
    assert not _plainly_valid_default({"type": "integer", "format": "int32"}, 1 << 31)
    assert not _plainly_valid_default({"type": "string", "enum": ["Low"]}, "low")
    assert not _plainly_valid_default({"type": "string", "format": "date-time"}, "2024-01-01")
    assert _plain_type_mismatch({"type": "boolean", "description": "d"}, "false") == \
        "'false' is not of type 'boolean'"
    assert _plain_type_mismatch({"type": "boolean", "enum": [True]}, "false") is None


def test_a_wrong_default_is_reported_at_its_place():
    doc = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"parameters": [
            {"name": "flag", "in": "query", "type": "boolean", "default": "false"},
            {"name": "size", "in": "query", "type": "integer", "format": "int32", "default": 1 << 40},
        ], "responses": {"200": {"description": "ok"}}}}},
    }
    problems = check_oas2(doc)
    assert [(p.pointer, p.message.split(": ", 1)[1]) for p in problems] == [
        ("/paths/~1a/get/parameters/0/default",
         "invalid default for this parameter: 'false' is not of type 'boolean'"),
        ("/paths/~1a/get/parameters/1/default",
         f"invalid default for this parameter: {1 << 40} is not a 'int32'"),
    ]
