"""Stage "b": OpenAPI 2.0 (Swagger) structural validation, fast.

``check_oas2(doc)`` gives the verdict openapi-spec-validator gives a Swagger 2.0 document
(with its default, pure-Python JSON Schema backend), tens of times faster, and says where
and why.  It checks, in the reference's order:

1. The document against the Swagger 2.0 JSON Schema: one hand-written pass that mirrors the
   schema's definitions keyword by keyword (draft-04 semantics; formats not asserted, as in
   the reference).  Its ``oneOf``s are decided by the value that tells the branches apart
   (``in``, ``$ref``, ``type``, ``flow``), so each element is visited once.  Like the
   reference's verdict (its ``validate`` raises the first error; only ``iter_errors`` goes
   on), stages 2-5 run only if this one passes: a document with a structural error gets no
   default checked here (the rule DefaultValueMustMatchType reports those, e.g. PDF4me's).
2. Duplicate tag names.
3. For every entry of ``paths`` (vendor extensions included, as the reference does):
   path-level and operation-level parameter lists (duplicate ``name`` + ``in``), every
   parameter's ``schema`` and ``default``, every response's ``schema``, duplicate
   ``operationId``s, and the path template's variables against the ``in: path`` parameters.
4. Every schema reached from a parameter or response, following ``$ref`` and descending
   through ``allOf``/``anyOf``/``oneOf``/``not``/``items``/``properties`` (definitions
   nothing refers to are not checked, as in the reference): the schema reached directly
   must be a valid draft-04 JSON Schema (no ``type: file``, ``pattern`` must compile,
   ``exclusiveMaximum`` needs ``maximum``...); a schema with ``allOf`` must not require
   properties that nothing defines; a ``default`` must be valid against its own schema with
   OpenAPI 3.0 value semantics (``nullable``, ``int32``, ``date-time``, ``byte``... formats).
   A parameter's ``default`` is validated against the parameter itself.
5. Every ``$ref`` that walk follows must resolve inside the document.

Defaults are validated with ``openapi_schema_validator.OAS30Validator`` and its format
checker, as the reference does, so those verdicts are the reference's by construction; only
the simplest (a plain type, a string enum, an int32/int64/float/double format) are decided
here without importing it, and tests/test_oas2_defaults.py holds those to it.
Where the reference itself crashes (a dangling ``$ref``, a scalar under ``paths``...), that
is an "invalid" verdict here too, reported as a problem.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin

from generator.findings import pointer_of

__all__ = ["Problem", "check_oas2"]

_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_REF_HOPS = 64
_MAX_SHOWN = 80


class Problem(NamedTuple):
    """One reason why the document is not a valid OpenAPI 2.0 document. (A NamedTuple: `pacgen
    build` checks every swagger it writes, and importing dataclasses costs it start-up time.)"""

    pointer: str  # RFC 6901 pointer to the offending element ("" = the whole document)
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


# --------------------------------------------------------------------------- helpers


def _where(tokens: tuple) -> str:
    """paths./a.get.parameters[0] — the human form of a location."""
    out = ""
    for token in tokens:
        if isinstance(token, int):
            out += f"[{token}]"
        else:
            out += ("." if out else "") + str(token)
    return out or "(document root)"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return f"a string ({_short(value)})"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if value is None:
        return "null"
    return type(value).__name__


def _canon(value: Any) -> Any:
    """A hashable stand-in with JSON Schema equality: true != 1, 1 == 1.0, deep for containers."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return (1, value)
    if isinstance(value, (int, float)):
        return (2, value)
    if value is None:
        return (0,)
    if isinstance(value, list):
        return (4, tuple(_canon(item) for item in value))
    if isinstance(value, dict):
        return (5, frozenset((key, _canon(item)) for key, item in value.items()))
    return (6, id(value))


def _first_repeat(items: list) -> int | None:
    """Index of the first item equal (JSON Schema equality) to an earlier one, if any."""
    if all(type(item) is str for item in items):
        if len(set(items)) == len(items):
            return None
        seen_text: set[str] = set()
        for index, item in enumerate(items):
            if item in seen_text:
                return index
            seen_text.add(item)
    buckets: dict[Any, list[int]] = {}  # by a cheap necessary condition for equality
    for index, item in enumerate(items):
        if isinstance(item, dict):
            cheap: Any = (len(item), frozenset((k, v) for k, v in item.items() if type(v) is str))
        elif isinstance(item, list):
            cheap = (4, len(item))
        else:
            cheap = _canon(item)
        bucket = buckets.setdefault(cheap, [])
        if bucket and any(_canon(items[earlier]) == _canon(item) for earlier in bucket):
            return index
        bucket.append(index)
    return None


def preload() -> None:
    """Import now what checking some documents needs (openapi-schema-validator, jsonschema): a
    corpus run calls this once before its worker processes fork, so they share the import."""
    _value_validator_class()
    _format_checker()


# Defaults the reference's value validator would judge, decided here without importing it.
#
# Why: openapi-schema-validator pulls in pydantic-settings and jsonschema (~0.18 s of imports
# alone, python -X importtime) and most defaults need none of it. Before these shortcuts covered
# enums, int32/int64/float/double formats and parameter fields, 294 defaults of Encodian (the
# largest corpus connector) loaded it; now none does (its 4 wrong ones are plain type
# mismatches). Median CPU before -> after: `pacgen build` of Entersoft 567 -> 297 ms,
# `pacgen preview` of it 907 -> 599 ms (bench/preview_speed.py: preview/build 1.93x, target 2x).
# Every shortcut answers only where the outcome under OAS30Validator is certain for any
# installation (formats whose checker depends on optional packages, such as date-time, are left
# to it); the oracle test in tests/test_oas2.py holds the verdicts to openapi-spec-validator's.

#: Members that cannot make a scalar value invalid: annotations, and a parameter's own fields
#: (`required` asserts only on objects). Vendor extensions (x-...) neither.
_INERT = frozenset({"type", "title", "description", "default", "example", "readOnly", "externalDocs",
                    "name", "in", "required", "collectionFormat", "allowEmptyValue"})
_PLAIN_TYPES = {"string": lambda v: isinstance(v, str),
                "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
                "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
                "boolean": lambda v: isinstance(v, bool)}
#: Formats whose OAS 3.0 check is known for a value of the type the schema names (None: no check).
_INT_RANGES = {"int32": 1 << 31, "int64": 1 << 63}
_FORMATS_OF_TYPE = {"integer": ("int32", "int64"), "number": ("float", "double")}


def _inert(schema: dict, also: tuple = ()) -> bool:
    return all(key in _INERT or key in also or key.startswith("x-") for key in schema)


def _format_holds(schema: dict, value: Any) -> bool:
    """True when the schema's format (if any) is one decided here and ``value`` passes it."""
    if "format" not in schema:
        return True
    fmt = schema["format"]
    if fmt not in _FORMATS_OF_TYPE.get(schema["type"], ()):
        return False
    bound = _INT_RANGES.get(fmt)
    return bound is None or -bound <= value < bound


def _enum_holds(schema: dict, value: Any) -> bool:
    """True when there is no enum, or a string value equals one of its strings (JSON Schema equality
    for strings is plain ==); other enums are left to the validator."""
    if "enum" not in schema:
        return True
    enum = schema["enum"]
    return isinstance(enum, list) and isinstance(value, str) and any(
        isinstance(each, str) and each == value for each in enum)


def _plainly_valid_default(schema: dict, value: Any) -> bool:
    """True when ``value`` is certainly valid against ``schema`` under OAS30Validator: the schema
    names a plain type the value has, and only an enum or a numeric format constrains it."""
    check = _PLAIN_TYPES.get(schema.get("type"))  # type: ignore[arg-type]
    return (check is not None and check(value) and _inert(schema, ("enum", "format"))
            and _enum_holds(schema, value) and _format_holds(schema, value))


def _plain_type_mismatch(schema: dict, value: Any) -> str | None:
    """OAS30Validator's only error for a non-null ``value`` of the wrong type against a schema that
    names nothing but a plain type (a string "false" for a boolean, say); None when it is not that
    case. The message is the one openapi-schema-validator's ``type`` keyword gives."""
    kind = schema.get("type")
    check = _PLAIN_TYPES.get(kind)  # type: ignore[arg-type]
    if check is None or value is None or check(value) or not _inert(schema):
        return None
    return _clip(f"{value!r} is not of type {kind!r}")


@functools.cache
def _format_checker():
    """The format checker openapi-spec-validator applies to defaults and schema patterns."""
    from openapi_schema_validator import oas30_format_checker

    return oas30_format_checker


@functools.cache
def _value_validator_class():
    from openapi_schema_validator import OAS30Validator

    return OAS30Validator


@functools.cache
def _meta_validator():
    """The meta-schema check the reference runs (OAS30Validator.check_schema), listing every error.

    Only for schemas stage 1 never checked as Swagger schema objects (reached by a $ref into a
    vendor extension, say): for the others the difference is known and checked directly.
    """
    from jsonschema import Draft4Validator

    oas30 = _value_validator_class()
    return Draft4Validator(oas30.META_SCHEMA, format_checker=oas30.FORMAT_CHECKER)


def _message_of(error) -> str:
    """A jsonschema error message, minus the long instance dumps some of them carry."""
    if error.message == "None for not nullable":
        return "null is not allowed (the schema is not nullable)"
    if error.validator in ("oneOf", "anyOf"):
        return f"{_short(error.instance)} is not valid under any of the given schemas ({error.validator})"
    return _clip(error.message)


def _clip(message: str) -> str:
    return message if len(message) <= 300 else message[:297] + "..."


# --------------------------------------------------------------------------- stage 1
#
# The Swagger 2.0 JSON Schema (the one openapi-spec-validator ships), definition by
# definition.  Each checker takes (self, value, tokens) and records (tokens, message).

_RESPONSE_CODE = re.compile(r"^([0-9]{3})$|^(default)$")  # the schema's own pattern (re.search)
_HOST = re.compile(r"^[^{}/ :\\]+(?::\d+)?$")
_SIMPLE_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
_PRIMITIVE_TYPES = ("string", "number", "integer", "boolean", "array")
_NON_BODY = ("header", "formData", "query", "path")
_OAUTH2_FLOWS = ("implicit", "password", "application", "accessCode")

Check = Callable[["_Swagger", Any, tuple], None]


class _Swagger:
    def __init__(self) -> None:
        self.errors: list[tuple[tuple, str, tuple]] = []  # (pointer tokens, message, shown tokens)
        self.schema_ids: set[int] = set()  # objects valid as Swagger "schema" objects
        self.file_ids: set[int] = set()  # objects valid as Swagger "fileSchema" objects
        self.meta_flaws = 0  # draft-04 meta-schema violations within valid schema objects
        self.meta_flawed: set[int] = set()  # schema objects with such a violation in them

    # -- reporting ----------------------------------------------------------------------

    def err(self, at: tuple, message: str) -> None:
        self.errors.append((at, message, at))

    def missing(self, at: tuple, key: str) -> None:
        self.errors.append((at, f"'{key}' is a required property", at + (key,)))

    def extra(self, at: tuple, key: str, hint: str = " (only 'x-' vendor extensions may be added)") -> None:
        self.err(at + (key,), f"property '{key}' is not allowed here{hint}")

    def not_in(self, value: Any, at: tuple, allowed: tuple) -> None:
        self.err(at, f"must be one of {', '.join(repr(a) for a in allowed)}, not {_kind(value)}")

    # -- draft-04 building blocks -------------------------------------------------------------

    def any_value(self, value: Any, at: tuple) -> None:
        pass

    def string(self, value: Any, at: tuple) -> None:
        if not isinstance(value, str):
            self.err(at, f"must be a string, not {_kind(value)}")

    def boolean(self, value: Any, at: tuple) -> None:
        if not isinstance(value, bool):
            self.err(at, f"must be a boolean, not {_kind(value)}")

    def number(self, value: Any, at: tuple) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.err(at, f"must be a number, not {_kind(value)}")

    def positive_integer(self, value: Any, at: tuple) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.err(at, f"must be an integer >= 0, not {_kind(value)}")
        elif value < 0:
            self.err(at, f"must be >= 0, not {value}")

    def multiple_of(self, value: Any, at: tuple) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.err(at, f"must be a number > 0, not {_kind(value)}")
        elif value <= 0:
            self.err(at, f"must be > 0, not {value}")

    def unique(self, value: list, at: tuple) -> None:
        repeat = _first_repeat(value)
        if repeat is not None:
            self.err(
                at + (repeat,), f"repeats an earlier item ({_short(value[repeat])}); items must be unique"
            )

    def array(
        self, value: Any, at: tuple, item: Check | None, min_items: int = 0, unique: bool = False
    ) -> bool:
        if not isinstance(value, list):
            self.err(at, f"must be an array, not {_kind(value)}")
            return False
        if len(value) < min_items:
            self.err(at, "must not be empty")
        if item is not None:
            for index, element in enumerate(value):
                item(self, element, at + (index,))
        if unique:
            self.unique(value, at)
        return True

    def string_array(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.string, min_items=1, unique=True)

    def enum_values(self, value: Any, at: tuple) -> None:
        self.array(value, at, None, min_items=1, unique=True)

    def json_type(self, value: Any, at: tuple) -> None:
        if isinstance(value, str) and value in _SIMPLE_TYPES:
            return
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and v in _SIMPLE_TYPES for v in value)
        ):
            if _first_repeat(value) is None:
                return
        if value == "file":
            self.err(at, "'file' is not a JSON Schema type (Swagger allows it for formData parameters only)")
        else:
            self.err(at, f"must be one of {', '.join(_SIMPLE_TYPES)} (or a list of them), not {_kind(value)}")

    def fields(
        self, value: Any, at: tuple, table: dict[str, Check], required: tuple = (), ext: bool = True
    ) -> bool:
        """An object with fixed fields (additionalProperties: false) plus 'x-' extensions."""
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return False
        for key in required:
            if key not in value:
                self.missing(at, key)
        string = _Swagger.string
        for key, item in value.items():
            check = table.get(key)
            if check is string:  # the most common check, inlined
                if type(item) is not str:
                    self.string(item, at + (key,))
            elif check is not None:
                check(self, item, at + (key,))
            elif not (ext and key.startswith("x-")):
                self.extra(at, key, "" if not ext else " (only 'x-' vendor extensions may be added)")
        return True

    def map_of(self, value: Any, at: tuple, item: Check) -> None:
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        for key, element in value.items():
            item(self, element, at + (key,))

    # -- document ------------------------------------------------------------------------

    def root(self, doc: Any) -> None:
        self.fields(doc, (), _ROOT, ("swagger", "info", "paths"))

    def swagger_version(self, value: Any, at: tuple) -> None:
        if value != "2.0" or not isinstance(value, str):
            self.err(at, f"must be '2.0', not {_kind(value)}")

    def info(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _INFO, ("version", "title"))

    def contact(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _CONTACT)

    def license(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _LICENSE, ("name",))

    def host(self, value: Any, at: tuple) -> None:
        if not isinstance(value, str):
            self.err(at, f"must be a string, not {_kind(value)}")
        elif not _HOST.search(value):
            self.err(
                at,
                f"{_short(value)} is not a host name (with an optional ':port', no scheme, path or template)",
            )

    def base_path(self, value: Any, at: tuple) -> None:
        if not isinstance(value, str):
            self.err(at, f"must be a string, not {_kind(value)}")
        elif not value.startswith("/"):
            self.err(at, f"{_short(value)} must start with '/'")

    def schemes(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.scheme, unique=True)

    def scheme(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in ("http", "https", "ws", "wss")):
            self.not_in(value, at, ("http", "https", "ws", "wss"))

    def media_types(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.string, unique=True)

    def external_docs(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _EXTERNAL_DOCS, ("url",))

    def tags(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.tag, unique=True)

    def tag(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _TAG, ("name",))

    def security(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.security_requirement, unique=True)

    def security_requirement(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.scope_list)

    def scope_list(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.string, unique=True)

    def scopes(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.string)

    def security_definitions(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.security_scheme)

    def security_scheme(self, value: Any, at: tuple) -> None:
        # oneOf six schemes, told apart by 'type' (and 'flow' for oauth2)
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        kind = value.get("type")
        if kind == "basic":
            self.fields(value, at, _BASIC, ("type",))
        elif kind == "apiKey":
            self.fields(value, at, _API_KEY, ("type", "name", "in"))
        elif kind == "oauth2":
            flow = value.get("flow")
            if "flow" not in value:
                self.missing(at, "flow")
            elif not (isinstance(flow, str) and flow in _OAUTH2_FLOWS):
                self.not_in(flow, at + ("flow",), _OAUTH2_FLOWS)
            else:
                table, required = _OAUTH2[flow]
                self.fields(value, at, table, required)
        elif "type" not in value:
            self.missing(at, "type")
        else:
            self.not_in(kind, at + ("type",), ("basic", "apiKey", "oauth2"))

    def api_key_in(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in ("header", "query")):
            self.not_in(value, at, ("header", "query"))

    # -- paths and operations ---------------------------------------------------------------

    def paths(self, value: Any, at: tuple) -> None:
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        for key, item in value.items():
            if key.startswith("/"):
                self.path_item(item, at + (key,))
            elif not key.startswith("x-"):
                self.err(at + (key,), f"path '{key}' must start with '/' (or be an 'x-' vendor extension)")

    def path_item(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _PATH_ITEM)

    def operation(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _OPERATION, ("responses",))

    def operation_tags(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.string, unique=True)

    def responses(self, value: Any, at: tuple) -> None:
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        if not value:
            self.err(at, "must not be empty: declare at least one response code or 'default'")
            return
        only_extensions = True
        for key, item in value.items():
            if _RESPONSE_CODE.search(key):
                only_extensions = False
                self.response_value(item, at + (key,))
            elif key.startswith("x-"):
                continue
            else:
                only_extensions = False
                self.err(
                    at + (key,), f"'{key}' is not a response code: use a 3-digit HTTP status or 'default'"
                )
        if only_extensions:
            self.err(at, "must declare at least one response code or 'default' (found only 'x-' extensions)")

    def response_value(self, value: Any, at: tuple) -> None:
        # oneOf [response, jsonReference]: a response may not carry '$ref', a reference nothing else
        if isinstance(value, dict) and "$ref" in value:
            self.json_reference(value, at)
        else:
            self.response(value, at)

    def response(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _RESPONSE, ("description",))

    def response_schema(self, value: Any, at: tuple) -> None:
        # oneOf [schema, fileSchema]: only a fileSchema may (and must) have type 'file'
        if isinstance(value, dict) and value.get("type") == "file":
            self.file_schema(value, at)
        else:
            self.schema(value, at)

    def headers(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.header)

    def header(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _HEADER, ("type",))

    def examples(self, value: Any, at: tuple) -> None:
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")

    def json_reference(self, value: Any, at: tuple) -> None:
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        for key, item in value.items():
            if key == "$ref":
                self.string(item, at + (key,))
            else:
                self.err(
                    at + (key,),
                    f"property '{key}' is not allowed beside '$ref' (a reference holds nothing else)",
                )

    # -- parameters -----------------------------------------------------------------------

    def parameters_list(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.parameter_or_reference, unique=True)

    def parameter_or_reference(self, value: Any, at: tuple) -> None:
        # oneOf [parameter, jsonReference]: no parameter kind allows a '$ref' property
        if isinstance(value, dict) and "$ref" in value:
            self.json_reference(value, at)
        else:
            self.parameter(value, at)

    def parameter(self, value: Any, at: tuple) -> None:
        # oneOf [bodyParameter, nonBodyParameter (oneOf header/formData/query/path)], told apart by 'in'
        if not isinstance(value, dict):
            self.err(at, f"must be an object, not {_kind(value)}")
            return
        where = value.get("in")
        if where == "body" and isinstance(where, str):
            self.fields(value, at, _BODY_PARAMETER, ("name", "in", "schema"))
        elif isinstance(where, str) and where in _NON_BODY:
            for key in ("name", "in", "type"):
                if key not in value:
                    self.missing(at, key)
            table, required = _NON_BODY_PARAMETER[where]
            self.fields(value, at, table, required)
        elif "in" not in value:
            self.missing(at, "in")
        else:
            self.not_in(where, at + ("in",), ("body", *_NON_BODY))

    def primitives_items(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _PRIMITIVES_ITEMS)

    def primitive_type(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in _PRIMITIVE_TYPES):
            self.not_in(value, at, _PRIMITIVE_TYPES)

    def form_data_type(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in (*_PRIMITIVE_TYPES, "file")):
            self.not_in(value, at, (*_PRIMITIVE_TYPES, "file"))

    def header_type(self, value: Any, at: tuple) -> None:
        self.primitive_type(value, at)

    def collection_format(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in ("csv", "ssv", "tsv", "pipes")):
            self.not_in(value, at, ("csv", "ssv", "tsv", "pipes"))

    def collection_format_multi(self, value: Any, at: tuple) -> None:
        if not (isinstance(value, str) and value in ("csv", "ssv", "tsv", "pipes", "multi")):
            self.not_in(value, at, ("csv", "ssv", "tsv", "pipes", "multi"))

    def path_required(self, value: Any, at: tuple) -> None:
        if value is not True:
            self.err(at, f"must be true for a path parameter, not {_kind(value)}")

    @staticmethod
    def in_is(expected: str) -> Check:
        def check(self: _Swagger, value: Any, at: tuple) -> None:
            if value != expected or not isinstance(value, str):
                self.err(at, f"must be '{expected}', not {_kind(value)}")

        return check

    # -- schemas ----------------------------------------------------------------------------

    def schema(self, value: Any, at: tuple) -> None:
        before = self.meta_flaws
        if not self.fields(value, at, _SCHEMA):
            return
        self.schema_ids.add(id(value))
        # What the draft-04 meta-schema would add (checked later, for some schemas only):
        if ("exclusiveMaximum" in value and "maximum" not in value) or (
            "exclusiveMinimum" in value and "minimum" not in value
        ):
            self.meta_flaws += 1
        pattern = value.get("pattern")
        if isinstance(pattern, str) and not _format_checker().conforms(pattern, "regex"):
            self.meta_flaws += 1
        if self.meta_flaws != before:
            self.meta_flawed.add(id(value))  # flawed here or in a nested schema

    def file_schema(self, value: Any, at: tuple) -> None:
        if self.fields(value, at, _FILE_SCHEMA, ("type",)):
            self.file_ids.add(id(value))

    def file_type(self, value: Any, at: tuple) -> None:
        if value != "file" or not isinstance(value, str):
            self.err(at, f"must be 'file', not {_kind(value)}")

    def additional_properties(self, value: Any, at: tuple) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, dict):
            self.schema(value, at)
        else:
            self.err(at, f"must be a schema object or a boolean, not {_kind(value)}")

    def items(self, value: Any, at: tuple) -> None:
        if isinstance(value, dict):
            self.schema(value, at)
        elif isinstance(value, list):
            self.array(value, at, _Swagger.schema, min_items=1)
        else:
            self.err(at, f"must be a schema object (or a non-empty array of them), not {_kind(value)}")

    def all_of(self, value: Any, at: tuple) -> None:
        self.array(value, at, _Swagger.schema, min_items=1)

    def properties(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.schema)

    def xml(self, value: Any, at: tuple) -> None:
        self.fields(value, at, _XML)

    def definitions(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.schema)

    def parameter_definitions(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.parameter)

    def response_definitions(self, value: Any, at: tuple) -> None:
        self.map_of(value, at, _Swagger.response)


S = _Swagger
_VALIDATION: dict[str, Check] = {  # the value keywords parameters, headers and items share
    "format": S.string,
    "default": S.any_value,
    "maximum": S.number,
    "exclusiveMaximum": S.boolean,
    "minimum": S.number,
    "exclusiveMinimum": S.boolean,
    "maxLength": S.positive_integer,
    "minLength": S.positive_integer,
    "pattern": S.string,
    "maxItems": S.positive_integer,
    "minItems": S.positive_integer,
    "uniqueItems": S.boolean,
    "enum": S.enum_values,
    "multipleOf": S.multiple_of,
}
_ROOT = {
    "swagger": S.swagger_version,
    "info": S.info,
    "host": S.host,
    "basePath": S.base_path,
    "schemes": S.schemes,
    "consumes": S.media_types,
    "produces": S.media_types,
    "paths": S.paths,
    "definitions": S.definitions,
    "parameters": S.parameter_definitions,
    "responses": S.response_definitions,
    "security": S.security,
    "securityDefinitions": S.security_definitions,
    "tags": S.tags,
    "externalDocs": S.external_docs,
}
_INFO = {
    "title": S.string,
    "version": S.string,
    "description": S.string,
    "termsOfService": S.string,
    "contact": S.contact,
    "license": S.license,
}
_CONTACT = {"name": S.string, "url": S.string, "email": S.string}
_LICENSE = {"name": S.string, "url": S.string}
_EXTERNAL_DOCS = {"description": S.string, "url": S.string}
_TAG = {"name": S.string, "description": S.string, "externalDocs": S.external_docs}
_PATH_ITEM = {
    "$ref": S.string,
    **{method: S.operation for method in ("get", "put", "post", "delete", "options", "head", "patch")},
    "parameters": S.parameters_list,
}
_OPERATION = {
    "tags": S.operation_tags,
    "summary": S.string,
    "description": S.string,
    "externalDocs": S.external_docs,
    "operationId": S.string,
    "produces": S.media_types,
    "consumes": S.media_types,
    "parameters": S.parameters_list,
    "responses": S.responses,
    "schemes": S.schemes,
    "deprecated": S.boolean,
    "security": S.security,
}
_RESPONSE = {
    "description": S.string,
    "schema": S.response_schema,
    "headers": S.headers,
    "examples": S.examples,
}
_HEADER = {
    "type": S.header_type,
    "items": S.primitives_items,
    "collectionFormat": S.collection_format,
    **_VALIDATION,
    "description": S.string,
}
_PRIMITIVES_ITEMS = {
    "type": S.primitive_type,
    "items": S.primitives_items,
    "collectionFormat": S.collection_format,
    **_VALIDATION,
}
_BODY_PARAMETER = {
    "description": S.string,
    "name": S.string,
    "in": S.in_is("body"),
    "required": S.boolean,
    "schema": S.schema,
}
_PARAMETER_COMMON = {
    "required": S.boolean,
    "description": S.string,
    "name": S.string,
    "type": S.primitive_type,
    "items": S.primitives_items,
    "collectionFormat": S.collection_format,
    **_VALIDATION,
}
_NON_BODY_PARAMETER: dict[str, tuple[dict[str, Check], tuple]] = {
    "header": ({**_PARAMETER_COMMON, "in": S.in_is("header")}, ()),
    "query": (
        {
            **_PARAMETER_COMMON,
            "in": S.in_is("query"),
            "allowEmptyValue": S.boolean,
            "collectionFormat": S.collection_format_multi,
        },
        (),
    ),
    "formData": (
        {
            **_PARAMETER_COMMON,
            "in": S.in_is("formData"),
            "allowEmptyValue": S.boolean,
            "type": S.form_data_type,
            "collectionFormat": S.collection_format_multi,
        },
        (),
    ),
    "path": ({**_PARAMETER_COMMON, "in": S.in_is("path"), "required": S.path_required}, ("required",)),
}
_SCHEMA = {
    "$ref": S.string,
    "format": S.string,
    "title": S.string,
    "description": S.string,
    "default": S.any_value,
    "multipleOf": S.multiple_of,
    "maximum": S.number,
    "exclusiveMaximum": S.boolean,
    "minimum": S.number,
    "exclusiveMinimum": S.boolean,
    "maxLength": S.positive_integer,
    "minLength": S.positive_integer,
    "pattern": S.string,
    "maxItems": S.positive_integer,
    "minItems": S.positive_integer,
    "uniqueItems": S.boolean,
    "maxProperties": S.positive_integer,
    "minProperties": S.positive_integer,
    "required": S.string_array,
    "enum": S.enum_values,
    "additionalProperties": S.additional_properties,
    "type": S.json_type,
    "items": S.items,
    "allOf": S.all_of,
    "properties": S.properties,
    "discriminator": S.string,
    "readOnly": S.boolean,
    "xml": S.xml,
    "externalDocs": S.external_docs,
    "example": S.any_value,
}
_FILE_SCHEMA = {
    "format": S.string,
    "title": S.string,
    "description": S.string,
    "default": S.any_value,
    "required": S.string_array,
    "type": S.file_type,
    "readOnly": S.boolean,
    "externalDocs": S.external_docs,
    "example": S.any_value,
}
_XML = {
    "name": S.string,
    "namespace": S.string,
    "prefix": S.string,
    "attribute": S.boolean,
    "wrapped": S.boolean,
}
_BASIC = {"type": S.string, "description": S.string}
_API_KEY = {"type": S.string, "name": S.string, "in": S.api_key_in, "description": S.string}
_OAUTH2_COMMON = {"type": S.string, "flow": S.string, "scopes": S.scopes, "description": S.string}
_OAUTH2: dict[str, tuple[dict[str, Check], tuple]] = {
    "implicit": ({**_OAUTH2_COMMON, "authorizationUrl": S.string}, ("type", "flow", "authorizationUrl")),
    "password": ({**_OAUTH2_COMMON, "tokenUrl": S.string}, ("type", "flow", "tokenUrl")),
    "application": ({**_OAUTH2_COMMON, "tokenUrl": S.string}, ("type", "flow", "tokenUrl")),
    "accessCode": (
        {**_OAUTH2_COMMON, "authorizationUrl": S.string, "tokenUrl": S.string},
        ("type", "flow", "authorizationUrl", "tokenUrl"),
    ),
}
del S


# --------------------------------------------------------------------------- stages 2-5


_WALKED_KEYWORDS = frozenset(("allOf", "anyOf", "oneOf", "not", "items", "properties", "required", "default"))


class _Stop(Exception):
    """Where openapi-spec-validator itself would stop with an exception (still a verdict: invalid)."""

    def __init__(self, tokens: tuple, message: str):
        super().__init__(message)
        self.tokens = tokens
        self.message = message


class _Walker:
    """openapi-spec-validator's OAS 2.0 keyword validators, replicated in one walk.

    Like the reference, every step follows ``$ref``; a schema is visited once (by identity)
    and meta-checked once, only where it is reached directly from a parameter or response.
    """

    def __init__(self, doc: dict, swagger: _Swagger):
        self.doc = doc
        self.schema_ids = swagger.schema_ids
        self.file_ids = swagger.file_ids
        self.meta_flawed = swagger.meta_flawed
        self.problems: list[Problem] = []
        self.operation_ids: dict[Any, tuple] = {}  # hashable operationIds -> first use
        self.operation_id_list: list[tuple[Any, tuple]] = []  # all of them, for unhashable ones
        self.visited: set[int] = set()
        self.meta_checked: set[int] = set()
        self._resolver = None

    # -- reporting --------------------------------------------------------------------------

    def report(self, tokens: tuple, message: str) -> None:
        self.problems.append(Problem(pointer_of(*tokens), f"{_where(tokens)}: {message}"))

    def guarded(self, tokens: tuple, fn: Callable, *args: Any) -> None:
        """Run one check; where the reference would crash, report it and carry on with the rest."""
        try:
            fn(*args)
        except _Stop as stop:
            self.report(stop.tokens, stop.message)
        except RecursionError:
            self.report(tokens, "nesting is too deep (or circular) to validate")

    # -- $ref resolution --------------------------------------------------------------------

    def resolve(self, value: Any, tokens: tuple) -> tuple[Any, tuple]:
        """Follow $ref (chains too) as the reference does at every step of its walk."""
        if type(value) is not dict or not isinstance(value.get("$ref"), str):
            return value, tokens
        seen: set[tuple] = set()
        while isinstance(value, dict) and isinstance(value.get("$ref"), str):
            ref, ref_tokens = value["$ref"], tokens + ("$ref",)
            value, tokens = self.lookup(ref, ref_tokens)
            if tokens in seen or len(seen) > _MAX_REF_HOPS:
                raise _Stop(ref_tokens, f"$ref {ref!r} is circular (it leads back to itself)")
            seen.add(tokens)
        return value, tokens

    def lookup(self, ref: str, at: tuple) -> tuple[Any, tuple]:
        """A $ref inside this document, resolved like `referencing` does (percent-decoded pointer)."""
        if ref.startswith("#"):
            uri, fragment = "", ref[1:]
        else:
            uri, fragment = urldefrag(urljoin("", ref))
        if uri:
            raise _Stop(
                at,
                f"cannot resolve {ref!r}: only references inside this document ('#/...') can be checked offline",
            )
        if not fragment:
            return self.doc, ()
        if not fragment.startswith("/"):
            raise _Stop(at, f"cannot resolve {ref!r}: '#{fragment}' is not a JSON pointer")
        contents: Any = self.doc
        tokens: list = []
        for segment in unquote(fragment[1:]).split("/"):
            try:
                if isinstance(contents, (list, str)):
                    index = int(segment)
                    item = contents[index]
                    tokens.append(index if index >= 0 else index + len(contents))
                elif isinstance(contents, dict):
                    key = segment.replace("~1", "/").replace("~0", "~")
                    item = contents[key]
                    tokens.append(key)
                else:
                    raise LookupError(segment)
            except (LookupError, ValueError):
                where = pointer_of(*tokens) or "the document root"
                raise _Stop(at, f"cannot resolve {ref!r}: {where} has no '{segment}'") from None
            contents = item
        return contents, tuple(tokens)

    def child(self, value: dict, tokens: tuple, key: Any) -> tuple[Any, tuple]:
        return self.resolve(value[key], tokens + (key,))

    def entries(self, value: Any, tokens: tuple, what: str) -> list[tuple[Any, Any, tuple]]:
        """(key, raw child, tokens) of an object or array; the reference crashes on anything else."""
        if isinstance(value, dict):
            return [(key, item, tokens + (key,)) for key, item in value.items()]
        if isinstance(value, list):
            return [(index, item, tokens + (index,)) for index, item in enumerate(value)]
        raise _Stop(tokens, f"{what} must be an object or an array, not {_kind(value)}")

    def read_str(self, value: Any, tokens: tuple, key: str) -> str:
        if not isinstance(value, dict) or key not in value:
            raise _Stop(tokens, f"'{key}' is missing")
        text, _ = self.child(value, tokens, key)
        if not isinstance(text, str):
            raise _Stop(tokens + (key,), f"'{key}' must be a string, not {_kind(text)}")
        return text

    # -- document ----------------------------------------------------------------------------

    def run(self) -> list[Problem]:
        root, root_tokens = self.resolve(self.doc, ())
        if isinstance(root, dict) and "tags" in root:
            self.guarded(root_tokens, self.check_tags, root, root_tokens)
        if isinstance(root, dict) and "paths" in root:
            self.guarded(root_tokens, self.check_paths, root, root_tokens)
        return self.problems

    def check_tags(self, root: dict, root_tokens: tuple) -> None:
        tags, tags_tokens = self.child(root, root_tokens, "tags")
        seen: dict[str, tuple] = {}
        for _, raw, tokens in self.entries(tags, tags_tokens, "tags"):
            tag, tokens = self.resolve(raw, tokens)
            name = self.read_str(tag, tokens, "name")
            if name in seen:
                self.report(
                    tokens + ("name",),
                    f"duplicate tag name '{name}' (first declared at {_where(seen[name])})",
                )
            else:
                seen[name] = tokens

    def check_paths(self, root: dict, root_tokens: tuple) -> None:
        paths, paths_tokens = self.child(root, root_tokens, "paths")
        for url, raw, tokens in self.entries(paths, paths_tokens, "paths"):
            self.guarded(tokens, self.check_path_item, url, raw, tokens)

    def check_path_item(self, url: Any, raw: Any, path_tokens: tuple) -> None:
        path_item, tokens = self.resolve(raw, path_tokens)
        path_params = None
        if isinstance(path_item, dict) and "parameters" in path_item:
            path_params = self.child(path_item, tokens, "parameters")
            self.guarded(path_params[1], self.check_parameters, *path_params)
        for name, operation, op_tokens in self.entries(path_item, tokens, f"path item '{url}'"):
            if not isinstance(name, str):
                raise _Stop(tokens, f"path item '{url}' must be an object, not an array")
            if name in _OPERATIONS:
                self.guarded(
                    op_tokens, self.check_operation, url, name, operation, op_tokens, path_params, path_tokens
                )

    # -- operations ---------------------------------------------------------------------------

    def check_operation(
        self, url: str, method: str, raw: Any, tokens: tuple, path_params: tuple | None, path_tokens: tuple
    ) -> None:
        operation, tokens = self.resolve(raw, tokens)
        is_object = isinstance(operation, dict)
        if is_object and "operationId" in operation:
            op_id, id_tokens = self.child(operation, tokens, "operationId")
            first = self.first_use(op_id) if op_id is not None else None
            if first is not None:
                self.report(
                    id_tokens,
                    f"operationId '{op_id}' of '{method}' in '{url}' is not unique (also used at {_where(first)})",
                )
            self.remember_id(op_id, id_tokens)
        if is_object and "responses" in operation:
            responses, responses_tokens = self.child(operation, tokens, "responses")
            for code, response, code_tokens in self.entries(responses, responses_tokens, "responses"):
                if not isinstance(code, str):
                    raise _Stop(responses_tokens, "responses must be an object, not an array")
                self.guarded(code_tokens, self.check_response, response, code_tokens)

        declared: list[tuple[str, tuple]] = []
        if is_object and "parameters" in operation:
            params = self.child(operation, tokens, "parameters")
            self.check_parameters(*params)
            declared += self.path_param_names(*params)
        if path_params is not None:
            declared += self.path_param_names(*path_params)

        try:
            in_template = {field for _, field, _, _ in string.Formatter().parse(url) if field}
        except ValueError as exc:
            raise _Stop(path_tokens, f"path template '{url}' is malformed ({exc})") from None
        names = {name for name, _ in declared}
        for name in sorted(in_template - names):
            self.report(
                tokens,
                f"path parameter '{name}' of '{method}' operation in '{url}' is not declared "
                f"(add a parameter with name '{name}' and in: path)",
            )
        first_at: dict[str, tuple] = {}
        for name, at in declared:
            first_at.setdefault(name, at)
        for name in sorted(names - in_template):
            self.report(
                first_at[name],
                f"path parameter '{name}' of '{method}' operation in '{url}' does not appear in the path template",
            )

    def first_use(self, op_id: Any) -> tuple | None:
        """Where an equal operationId was used before (by equality, like the reference's list test)."""
        try:
            return self.operation_ids.get(op_id)
        except TypeError:
            return next((at for seen, at in self.operation_id_list if seen == op_id), None)

    def remember_id(self, op_id: Any, tokens: tuple) -> None:
        self.operation_id_list.append((op_id, tokens))
        try:
            self.operation_ids.setdefault(op_id, tokens)
        except TypeError:
            pass

    def path_param_names(self, params: Any, tokens: tuple) -> list[tuple[str, tuple]]:
        found = []
        for _, raw, listed in self.entries(params, tokens, "parameters"):
            param, at = self.resolve(raw, listed)
            if self.read_str(param, at, "in") == "path":
                found.append((self.read_str(param, at, "name"), listed))
        return found

    def check_response(self, raw: Any, tokens: tuple) -> None:
        response, tokens = self.resolve(raw, tokens)
        if isinstance(response, dict) and "schema" in response:
            self.guarded(tokens + ("schema",), self.check_schema, response["schema"], tokens + ("schema",))

    # -- parameters ---------------------------------------------------------------------------

    def check_parameters(self, params: Any, tokens: tuple) -> None:
        seen: dict[tuple, tuple] = {}
        for _, raw, listed in self.entries(params, tokens, "parameters"):
            param, at = self.resolve(raw, listed)
            if isinstance(param, dict):
                if "schema" in param:
                    self.guarded(at + ("schema",), self.check_schema, param["schema"], at + ("schema",))
                if "default" in param:
                    default, found = self.child_or_report(param, at, "default")
                    if found:
                        self.check_default(param, default, at + ("default",), "parameter")
            name = _raw_member(param, "name", at)
            where = _raw_member(param, "in", at)
            key = (_hashable(name), _hashable(where))
            if key in seen:
                self.report(
                    listed,
                    f"duplicate parameter '{name}' (in: {where}); first declared at {_where(seen[key])}",
                )
            else:
                seen[key] = listed

    def child_or_report(self, value: dict, tokens: tuple, key: str) -> tuple[Any, bool]:
        try:
            return self.child(value, tokens, key)[0], True
        except _Stop as stop:
            self.report(stop.tokens, stop.message)
            return None, False

    # -- schemas ------------------------------------------------------------------------------

    def check_schema(
        self, raw: Any, tokens: tuple, require_properties: bool = True, meta_checked: bool = False
    ) -> None:
        schema, tokens = self.resolve(raw, tokens)
        if not isinstance(schema, (dict, bool)):
            self.report(tokens, f"a schema must be an object, not {_kind(schema)}")
            return
        schema_id = id(schema)
        if not meta_checked and schema_id not in self.meta_checked:
            self.meta_checked.add(schema_id)
            if self.meta_problems(schema, tokens):
                return
        if schema_id in self.visited:
            return
        self.visited.add(schema_id)
        if not isinstance(schema, dict) or schema.keys().isdisjoint(_WALKED_KEYWORDS):
            return

        nested: set = set()
        if "allOf" in schema:
            group, at = self.child(schema, tokens, "allOf")
            for _, sub, sub_tokens in self.entries(group, at, "allOf"):
                self.check_schema(sub, sub_tokens, False, True)
                nested |= self.collect_properties(sub, sub_tokens, frozenset())
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                group, at = self.child(schema, tokens, keyword)
                for _, sub, sub_tokens in self.entries(group, at, keyword):
                    self.check_schema(sub, sub_tokens, False, True)
        if "not" in schema:
            self.check_schema(schema["not"], tokens + ("not",), False, True)
        if "items" in schema:
            self.check_schema(schema["items"], tokens + ("items",), False, True)
        properties: list = []
        if "properties" in schema:
            group, at = self.child(schema, tokens, "properties")
            for key, sub, sub_tokens in self.entries(group, at, "properties"):
                properties.append(key)
                if type(sub) is dict and sub.keys().isdisjoint(_WALKED_KEYWORDS) and "$ref" not in sub:
                    continue  # a leaf: visiting it would change nothing
                self.check_schema(sub, sub_tokens, False, True)

        if "allOf" in schema:
            required = (self.child(schema, tokens, "required")[0] if "required" in schema else None) or []
            try:
                extra = set(required) - set(properties) - nested
            except TypeError:
                raise _Stop(tokens + ("required",), "'required' must be a list of property names") from None
            if extra and require_properties:
                self.report(
                    tokens + ("required",),
                    f"requires {sorted(extra, key=str)}, but neither 'properties' nor any 'allOf' branch defines "
                    f"{'it' if len(extra) == 1 else 'them'}",
                )
        elif "required" in schema:
            self.child(schema, tokens, "required")  # the reference reads it (and may fail to resolve it)

        if "default" in schema:
            default, found = self.child_or_report(schema, tokens, "default")
            if not found:
                return
            nullable = self.child(schema, tokens, "nullable")[0] if "nullable" in schema else False
            if default is not None or nullable is not True:
                self.check_default(schema, default, tokens + ("default",), "schema")

    def collect_properties(self, raw: Any, tokens: tuple, stack: frozenset) -> set:
        """Every property name an allOf branch defines (through allOf/anyOf/oneOf/items/not)."""
        schema, tokens = self.resolve(raw, tokens)
        if not isinstance(schema, dict):
            return set()
        if id(schema) in stack:
            raise _Stop(tokens, "schema refers to itself through allOf/anyOf/oneOf/items/not")
        stack = stack | {id(schema)}
        found: set = set()
        if "properties" in schema:
            group, at = self.child(schema, tokens, "properties")
            found.update(key for key, _, _ in self.entries(group, at, "properties"))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                group, at = self.child(schema, tokens, keyword)
                for _, sub, sub_tokens in self.entries(group, at, keyword):
                    found |= self.collect_properties(sub, sub_tokens, stack)
        for keyword in ("items", "not"):
            if keyword in schema:
                found |= self.collect_properties(schema[keyword], tokens + (keyword,), stack)
        return found

    # -- meta-schema --------------------------------------------------------------------------

    def meta_problems(self, schema: Any, tokens: tuple) -> bool:
        """Report why a schema is not a valid draft-04 JSON Schema; True if it is not."""
        before = len(self.problems)
        if id(schema) in self.schema_ids:
            if id(schema) in self.meta_flawed:
                self.meta_delta(schema, tokens)
        elif id(schema) in self.file_ids:
            self.report(
                tokens + ("type",),
                "type 'file' is not a JSON Schema type, and openapi-spec-validator checks response schemas "
                "as JSON Schemas (use type: string, format: binary)",
            )
        else:  # reached through a $ref to a place stage 1 did not check as a schema
            for error in _meta_validator().iter_errors(schema):
                at = tokens + tuple(error.absolute_path)
                self.report(at, f"not a valid JSON Schema: {_message_of(error)}")
        return len(self.problems) > before

    def meta_delta(self, schema: dict, tokens: tuple) -> None:
        """What the draft-04 meta-schema rejects in a valid Swagger schema object, nested ones too."""
        checker = _format_checker()
        stack = [(schema, tokens)]
        while stack:
            node, at = stack.pop()
            for exclusive, bound in (("exclusiveMaximum", "maximum"), ("exclusiveMinimum", "minimum")):
                if exclusive in node and bound not in node:
                    self.report(at + (exclusive,), f"'{exclusive}' needs '{bound}' beside it")
            pattern = node.get("pattern")
            if isinstance(pattern, str) and not checker.conforms(pattern, "regex"):
                self.report(at + ("pattern",), f"{_short(pattern)} is not a valid regular expression")
            children = []
            properties = node.get("properties")
            if isinstance(properties, dict):
                children += [(sub, at + ("properties", key)) for key, sub in properties.items()]
            items = node.get("items")
            if isinstance(items, dict):
                children.append((items, at + ("items",)))
            elif isinstance(items, list):
                children += [(sub, at + ("items", index)) for index, sub in enumerate(items)]
            all_of = node.get("allOf")
            if isinstance(all_of, list):
                children += [(sub, at + ("allOf", index)) for index, sub in enumerate(all_of)]
            additional = node.get("additionalProperties")
            if isinstance(additional, dict):
                children.append((additional, at + ("additionalProperties",)))
            stack.extend(reversed(children))

    # -- defaults -----------------------------------------------------------------------------

    def check_default(self, schema: dict, value: Any, tokens: tuple, holder: str) -> None:
        """A default against the schema (or parameter) that holds it, with OAS 3.0 value semantics."""
        if _plainly_valid_default(schema, value):
            return  # no need to load the value validator (see _plainly_valid_default)
        mismatch = _plain_type_mismatch(schema, value)
        if mismatch is not None:
            self.report(tokens, f"invalid default for this {holder}: {mismatch}")
            return
        try:
            validator = _value_validator_class()(
                schema, _resolver=self.resolver(), format_checker=_format_checker()
            )
            errors = list(validator.iter_errors(value))
        except Exception as exc:  # the reference fails the same way: invalid either way
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.report(
                tokens,
                f"the default cannot be checked against this {holder} ({type(exc).__name__}: {reason})",
            )
            return
        nulls = {tuple(e.absolute_path) for e in errors if e.message == "None for not nullable"}
        for error in errors:
            path = tuple(error.absolute_path)
            if path in nulls and error.validator == "type" and error.message != "None for not nullable":
                continue  # the same null, already reported as not nullable
            self.report(tokens + path, f"invalid default for this {holder}: {_message_of(error)}")

    def resolver(self) -> Any:
        if self._resolver is None:
            from referencing import Registry
            from referencing.jsonschema import DRAFT202012

            self._resolver = Registry().with_resource("", DRAFT202012.create_resource(self.doc)).resolver()
        return self._resolver


def _hashable(value: Any) -> Any:
    try:
        hash(value)
        return value
    except TypeError:
        return object()  # never equal to another one, like the reference's path objects


def _raw_member(value: Any, key: str, tokens: tuple) -> Any:
    """value[key] without following $ref, as the reference reads a parameter's name and in."""
    if isinstance(value, dict) and key in value:
        return value[key]
    raise _Stop(tokens, f"parameter has no '{key}'")


# --------------------------------------------------------------------------- entry point


def check_oas2(doc: dict) -> list[Problem]:
    """Problems that make ``doc`` an invalid OpenAPI 2.0 document; empty when it is valid.

    Same verdict as ``openapi_spec_validator.validate(doc)`` for a Swagger 2.0 document.
    Never raises: should the validator itself fail, that comes back as a problem at the root.
    """
    try:
        swagger = _Swagger()
        swagger.root(doc)
        if swagger.errors:
            return _dedupe(
                Problem(pointer_of(*at), f"{_where(shown)}: {message}")
                for at, message, shown in swagger.errors
            )
        return _dedupe(_Walker(doc, swagger).run())
    except RecursionError:
        return [Problem("", "the document is nested too deeply to validate")]
    except Exception as exc:  # never raise: a validator bug must not take the pipeline down
        return [Problem("", f"could not validate the document ({type(exc).__name__}: {exc})")]


def _dedupe(problems: Any) -> list[Problem]:
    return list(dict.fromkeys(problems))
