"""Stage "b": OpenAPI 2.0 (Swagger) structural validation, fast.

``check_oas2(doc)`` gives the same verdict as ``openapi-spec-validator`` (OAS 2.0) but
compiles its JSON Schemas once per process with fastjsonschema and walks the document in
one pass.  What it checks, in the validator's order:

1. The document against the Swagger 2.0 JSON Schema (draft-04, formats not asserted).
2. Duplicate tag names.
3. For every entry of ``paths`` (vendor extensions included, as the reference does):
   path-level and operation-level parameter lists (duplicate ``name``+``in``), every
   parameter's ``schema`` and ``default``; every response's ``schema``; duplicate
   ``operationId``; template variables of the path vs. ``in: path`` parameters.
4. Every schema reached from a parameter or response (following ``$ref``, through
   ``allOf``/``anyOf``/``oneOf``/``not``/``items``/``properties``): the schema that is
   reached directly is checked against the JSON Schema draft-04 meta-schema; a schema
   with ``allOf`` must not list ``required`` properties that no branch defines; a
   ``default`` must be valid against its own schema (OpenAPI 3.0 schema semantics:
   ``nullable``, ``int32``/``date-time``/``byte``... formats).  Parameter ``default``s
   are validated against the parameter itself.
5. Every ``$ref`` the walk follows must resolve inside the document.

Only when step 1 fails does it fall back to ``jsonschema`` (slow, but precise) to explain
the failures; the fast path never runs it.
"""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

from generator.findings import pointer_of

__all__ = ["Problem", "check_oas2"]

_OWN_SCHEMA_FILE = Path(__file__).with_name("swagger-2.0.schema.json")
_DRAFT4_URI = "http://json-schema.org/draft-04/schema"
_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_REF_HOPS = 64
_MAX_MESSAGE_VALUE = 80


@dataclass(frozen=True)
class Problem:
    """One reason why the document is not a valid OpenAPI 2.0 document."""

    pointer: str  # RFC 6901 pointer to the offending element ("" = the whole document)
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


# --------------------------------------------------------------------------- schemas


def _load_swagger_schema() -> dict:
    """The Swagger 2.0 JSON Schema: the one openapi-spec-validator ships, else our own copy."""
    try:
        resource = files("openapi_spec_validator") / "resources" / "schemas" / "v2.0" / "schema.json"
        return json.loads(resource.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, OSError):
        return json.loads(_OWN_SCHEMA_FILE.read_text(encoding="utf-8"))


@functools.cache
def _draft4_metaschema() -> dict:
    try:
        from jsonschema_specifications import REGISTRY

        return REGISTRY.contents(_DRAFT4_URI + "#")
    except Exception:  # pragma: no cover - older layouts
        resource = files("jsonschema_specifications") / "schemas" / "draft4" / "metaschema.json"
        return json.loads(resource.read_text(encoding="utf-8"))


def _offline_handler(uri: str) -> dict:
    """fastjsonschema fetches remote $refs through this: only the draft-04 meta-schema exists."""
    if uri.rstrip("#") == _DRAFT4_URI:
        return _draft4_metaschema()
    raise ValueError(f"remote $ref {uri!r} is not available offline")


@functools.cache
def _swagger_schema() -> dict:
    return _load_swagger_schema()


@functools.cache
def _fast_swagger_validator():
    import fastjsonschema

    # The reference validator asserts no formats and must never fill in defaults.
    return fastjsonschema.compile(
        _swagger_schema(),
        handlers={"http": _offline_handler, "https": _offline_handler},
        use_default=False,
        use_formats=False,
        detailed_exceptions=False,
    )


@functools.cache
def _slow_swagger_validator():
    """jsonschema's Draft4Validator: authoritative and precise, used only to explain failures."""
    from jsonschema import Draft4Validator

    return Draft4Validator(_swagger_schema())


@functools.cache
def _format_checker():
    """The format checker openapi-spec-validator applies to defaults and meta-schema checks."""
    from openapi_schema_validator import oas30_format_checker

    return oas30_format_checker


def _formats_in(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "format" and isinstance(value, str):
                found.add(value)
            _formats_in(value, found)
    elif isinstance(node, list):
        for value in node:
            _formats_in(value, found)
    return found


@functools.cache
def _fast_meta_validator():
    """Draft-04 meta-schema, asserting formats exactly as the OAS 3.0 format checker does."""
    import fastjsonschema

    checker = _format_checker()
    formats = {
        name: functools.partial(lambda value, name: checker.conforms(value, name), name=name)
        for name in _formats_in(_draft4_metaschema(), set())
    }
    return fastjsonschema.compile(
        _draft4_metaschema(),
        handlers={"http": _offline_handler, "https": _offline_handler},
        formats=formats,
        use_default=False,
        use_formats=True,
        detailed_exceptions=False,
    )


@functools.cache
def _slow_meta_validator():
    from jsonschema import Draft4Validator

    return Draft4Validator(_draft4_metaschema(), format_checker=_format_checker())


@functools.cache
def _value_validator_class():
    from openapi_schema_validator import OAS30Validator

    return OAS30Validator


# --------------------------------------------------------------------------- messages


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
    if len(text) > _MAX_MESSAGE_VALUE:
        text = text[: _MAX_MESSAGE_VALUE - 3] + "..."
    return text


_TYPE_NAMES = ("array", "boolean", "integer", "null", "number", "object", "string")


def _explain(error, stage: str) -> str:
    """A jsonschema error message without the huge instance dumps some of them carry."""
    validator = error.validator
    if stage == "meta" and validator == "anyOf" and list(error.schema_path)[-2:-1] == ["type"]:
        return (
            f"{_short(error.instance)} is not a JSON Schema type (expected one of {', '.join(_TYPE_NAMES)})"
        )
    if validator in ("oneOf", "anyOf"):
        return f"{_short(error.instance)} is not valid under any of the allowed forms ({validator})"
    if stage == "swagger" and validator == "not":
        return "must contain at least one response code or 'default' (only x- extensions found)"
    if validator == "minProperties" and error.validator_value == 1:
        return "must not be empty"
    if error.message == "None for not nullable":
        return "null is not allowed (the schema is not nullable)"
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    return message


def _leaf_errors(error) -> Iterator[Any]:
    """The errors worth showing for one jsonschema error: descend into the closest oneOf/anyOf branch."""
    if not error.context:
        yield error
        return
    groups: dict[Any, list] = {}
    for sub in error.context:
        index = sub.relative_schema_path[0] if sub.relative_schema_path else 0
        groups.setdefault(index, []).append(sub)

    def cost(subs: list) -> tuple:
        # A branch rejected because a discriminating keyword ('in', 'type', 'flow') has
        # another value, or because the value has another JSON type, is the wrong branch.
        wrong_kind = any(
            (s.validator == "enum" and s.path and s.path[-1] in ("in", "type", "flow"))
            or (s.validator == "type" and not s.path)
            for s in subs
        )
        return (wrong_kind, len(subs))

    best = min(groups.values(), key=cost)
    if cost(best)[0]:  # no branch is even close: say so at the element itself
        yield error
        return
    for sub in best:
        yield from _leaf_errors(sub)


def _problems_from_errors(errors, base: tuple, stage: str, lead: str = "") -> list[Problem]:
    """Problems from jsonschema errors; ``base`` locates the validated instance in the document."""
    problems: list[Problem] = []
    for error in errors:
        for leaf in _leaf_errors(error):
            tokens = base + tuple(leaf.absolute_path)
            if (
                leaf.validator == "additionalProperties"
                and isinstance(leaf.instance, dict)
                and isinstance(leaf.schema, dict)
            ):
                extras = _unexpected_keys(leaf.instance, leaf.schema)
                hint = (
                    " (only 'x-' vendor extensions may be added)"
                    if "^x-" in (leaf.schema.get("patternProperties") or {})
                    else ""
                )
                for key in extras:
                    at = tokens + (key,)
                    problems.append(
                        Problem(
                            pointer_of(*at), f"{_where(at)}: {lead}property '{key}' is not allowed here{hint}"
                        )
                    )
                if extras:
                    continue
            if leaf.validator == "required" and isinstance(leaf.instance, dict):
                missing = [key for key in leaf.validator_value if key not in leaf.instance]
                if missing:
                    for key in missing:
                        problems.append(
                            Problem(
                                pointer_of(*tokens),
                                f"{_where(tokens + (key,))}: {lead}'{key}' is a required property",
                            )
                        )
                    continue
            problems.append(Problem(pointer_of(*tokens), f"{_where(tokens)}: {lead}{_explain(leaf, stage)}"))
    return problems


def _unexpected_keys(instance: dict, schema: dict) -> list[str]:
    allowed = schema.get("properties") or {}
    patterns = list((schema.get("patternProperties") or {}).keys())
    return [
        key
        for key in instance
        if key not in allowed and not any(re.search(pattern, key) for pattern in patterns)
    ]


# --------------------------------------------------------------------------- stage 1


def _schema_problems(doc: dict) -> list[Problem]:
    try:
        _fast_swagger_validator()(doc)
        return []
    except Exception as fast_error:  # JsonSchemaValueException, or RecursionError on absurd depth
        fast_reason = f"{type(fast_error).__name__}: {fast_error}"
    # Failed: let jsonschema (what the reference runs) decide and explain.
    errors = list(_slow_swagger_validator().iter_errors(doc))
    if not errors and fast_reason.startswith("JsonSchemaValueException"):
        return []
    problems = _problems_from_errors(errors, (), "swagger")
    return problems or [Problem("", f"not a valid OpenAPI 2.0 document ({fast_reason})")]


# --------------------------------------------------------------------------- stage 2


class _Stop(Exception):
    """Where openapi-spec-validator itself would stop with an exception."""

    def __init__(self, tokens: tuple, message: str):
        super().__init__(message)
        self.tokens = tokens
        self.message = message


class _Walker:
    """Replicates openapi-spec-validator's keyword validators for OAS 2.0 in one walk."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.problems: list[Problem] = []
        self.operation_ids: dict[Any, tuple] = {}  # hashable ids -> first use
        self.operation_id_list: list[tuple[Any, tuple]] = []  # all, for unhashable ones
        self.visited: set[int] = set()
        self.meta_checked: set[int] = set()
        self._resolver = None

    # -- reporting --------------------------------------------------------------------

    def report(self, tokens: tuple, message: str) -> None:
        self.problems.append(Problem(pointer_of(*tokens), f"{_where(tokens)}: {message}"))

    def guarded(self, tokens: tuple, fn, *args) -> None:
        """Run one check; where the reference would crash, report and carry on with the rest."""
        try:
            fn(*args)
        except _Stop as stop:
            self.report(stop.tokens, stop.message)
        except RecursionError:
            self.report(tokens, "nesting is too deep (or circular) to validate")

    # -- $ref resolution (every step of the reference walk follows $ref) ---------------

    def resolve(self, value: Any, tokens: tuple) -> tuple[Any, tuple]:
        hops = 0
        seen: set[tuple] = set()
        while isinstance(value, dict) and isinstance(value.get("$ref"), str):
            ref = value["$ref"]
            ref_tokens = tokens + ("$ref",)
            value, tokens = self.lookup(ref, ref_tokens)
            hops += 1
            if tokens in seen or hops > _MAX_REF_HOPS:
                raise _Stop(ref_tokens, f"circular $ref {ref!r}")
            seen.add(tokens)
        return value, tokens

    def lookup(self, ref: str, at: tuple) -> tuple[Any, tuple]:
        if ref.startswith("#"):
            uri, fragment = "", ref[1:]
        else:
            uri, fragment = urldefrag(urljoin("", ref))
        if uri:
            raise _Stop(
                at,
                f"cannot resolve $ref {ref!r}: only references inside this document ('#/...') are supported",
            )
        if not fragment:
            return self.doc, ()
        if not fragment.startswith("/"):
            raise _Stop(at, f"cannot resolve $ref {ref!r}: '#{fragment}' is not a JSON pointer")
        contents: Any = self.doc
        tokens: list = []
        for segment in unquote(fragment[1:]).split("/"):
            try:
                if isinstance(contents, (list, str)):
                    index = int(segment)
                    contents = contents[index]
                    tokens.append(
                        index % len(contents) if isinstance(contents, list) and index < 0 else index
                    )
                elif isinstance(contents, dict):
                    key = segment.replace("~1", "/").replace("~0", "~")
                    contents = contents[key]
                    tokens.append(key)
                else:
                    raise LookupError(segment)
            except (LookupError, ValueError, TypeError):
                raise _Stop(
                    at, f"cannot resolve $ref {ref!r}: {pointer_of(*tokens) or '/'} has no '{segment}'"
                ) from None
        return contents, tuple(tokens)

    def child(self, value: Any, tokens: tuple, key: Any) -> tuple[Any, tuple]:
        return self.resolve(value[key], tokens + (key,))

    def entries(self, value: Any, tokens: tuple, what: str) -> list[tuple[Any, Any, tuple]]:
        """(key, raw child, tokens) of an object or array; the reference crashes on anything else."""
        if isinstance(value, dict):
            return [(key, item, tokens + (key,)) for key, item in value.items()]
        if isinstance(value, list):
            return [(index, item, tokens + (index,)) for index, item in enumerate(value)]
        raise _Stop(tokens, f"{what} must be an object or an array, not {type(value).__name__}")

    def read_str(self, value: Any, tokens: tuple, key: str) -> str:
        if not isinstance(value, dict) or key not in value:
            raise _Stop(tokens, f"'{key}' is missing")
        text, _ = self.child(value, tokens, key)
        if not isinstance(text, str):
            raise _Stop(tokens + (key,), f"'{key}' must be a string, not {type(text).__name__}")
        return text

    # -- root -------------------------------------------------------------------------------

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

    def check_path_item(self, url: Any, raw: Any, tokens: tuple) -> None:
        path_tokens = tokens
        path_item, tokens = self.resolve(raw, tokens)
        path_params = None
        if isinstance(path_item, dict) and "parameters" in path_item:
            path_params = self.child(path_item, tokens, "parameters")
            self.check_parameters(*path_params)
        for name, operation, op_tokens in self.entries(path_item, tokens, f"path item '{url}'"):
            if not isinstance(name, str):
                raise _Stop(op_tokens, f"path item '{url}' must be an object, not an array")
            if name in _OPERATIONS:
                self.guarded(
                    op_tokens, self.check_operation, url, name, operation, op_tokens, path_params, path_tokens
                )

    # -- operations -----------------------------------------------------------------------

    def check_operation(
        self, url: str, method: str, raw: Any, tokens: tuple, path_params, path_tokens: tuple
    ) -> None:
        operation, tokens = self.resolve(raw, tokens)
        has = isinstance(operation, dict)
        if has and "operationId" in operation:
            op_id, id_tokens = self.child(operation, tokens, "operationId")
            first = self.first_use(op_id) if op_id is not None else None
            if first is not None:
                self.report(
                    id_tokens,
                    f"operationId '{op_id}' of '{method}' in '{url}' is not unique (also used at {_where(first)})",
                )
            self.operation_id_list.append((op_id, id_tokens))
            try:
                self.operation_ids.setdefault(op_id, id_tokens)
            except TypeError:
                pass
        if has and "responses" in operation:
            responses, resp_tokens = self.child(operation, tokens, "responses")
            for code, response, code_tokens in self.entries(responses, resp_tokens, "responses"):
                if not isinstance(code, str):
                    raise _Stop(resp_tokens, "responses must be an object, not an array")
                self.guarded(code_tokens, self.check_response, response, code_tokens)

        declared: list[tuple[str, tuple]] = []
        if has and "parameters" in operation:
            params = self.child(operation, tokens, "parameters")
            self.check_parameters(*params)
            declared += self.path_param_names(*params)
        if path_params is not None:
            declared += self.path_param_names(*path_params)

        try:
            template = [field for _, field, _, _ in string.Formatter().parse(url) if field]
        except ValueError as exc:
            raise _Stop(path_tokens, f"path template '{url}' is malformed ({exc})") from None
        in_template = set(template)
        names = {name for name, _ in declared}
        for name in sorted(in_template):
            if name not in names:
                self.report(
                    tokens,
                    f"path parameter '{name}' of '{method}' operation in '{url}' is not declared "
                    f"(add a parameter with name '{name}' and 'in: path')",
                )
        first_at: dict[str, tuple] = {}
        for name, at in declared:
            first_at.setdefault(name, at)
        for name in sorted(names):
            if name not in in_template:
                self.report(
                    first_at[name],
                    f"path parameter '{name}' of '{method}' operation in '{url}' does not appear in the path template",
                )

    def first_use(self, op_id: Any) -> tuple | None:
        """Where an equal operationId was used before (equality, as the reference's list test)."""
        try:
            return self.operation_ids.get(op_id)
        except TypeError:
            return next((at for seen, at in self.operation_id_list if seen == op_id), None)

    def path_param_names(self, params: Any, tokens: tuple) -> list[tuple[str, tuple]]:
        found = []
        for _, raw, at in self.entries(params, tokens, "parameters"):
            param, at = self.resolve(raw, at)
            if self.read_str(param, at, "in") == "path":
                found.append((self.read_str(param, at, "name"), at))
        return found

    def check_response(self, raw: Any, tokens: tuple) -> None:
        response, tokens = self.resolve(raw, tokens)
        if isinstance(response, dict) and "schema" in response:
            self.guarded(tokens + ("schema",), self.check_schema, response["schema"], tokens + ("schema",))

    # -- parameters -----------------------------------------------------------------------

    def check_parameters(self, params: Any, tokens: tuple) -> None:
        seen: dict[tuple, tuple] = {}
        for _, raw, at in self.entries(params, tokens, "parameters"):
            param, at = self.resolve(raw, at)
            if isinstance(param, dict):
                if "schema" in param:
                    self.guarded(at + ("schema",), self.check_schema, param["schema"], at + ("schema",))
                if "default" in param:
                    default, default_tokens = self.guarded_child(param, at, "default")
                    if default_tokens is not None:
                        self.check_default(param, at, default, at + ("default",))
            name = _raw_member(param, "name", at)
            where = _raw_member(param, "in", at)
            key = (_hashable(name), _hashable(where))
            if key in seen:
                self.report(
                    at, f"duplicate parameter '{name}' (in: {where}); first declared at {_where(seen[key])}"
                )
            else:
                seen[key] = at

    def guarded_child(self, value: dict, tokens: tuple, key: str):
        try:
            return self.child(value, tokens, key)
        except _Stop as stop:
            self.report(stop.tokens, stop.message)
            return None, None

    # -- schemas --------------------------------------------------------------------------

    def check_schema(
        self, raw: Any, tokens: tuple, require_properties: bool = True, meta_checked: bool = False
    ) -> None:
        schema, tokens = self.resolve(raw, tokens)
        if not isinstance(schema, (dict, bool)):
            self.report(tokens, f"a schema must be an object, not {type(schema).__name__} ({_short(schema)})")
            return
        schema_id = id(schema)
        if not meta_checked and schema_id not in self.meta_checked:
            self.meta_checked.add(schema_id)
            if self.meta_problems(schema, tokens):
                return
        if schema_id in self.visited:
            return
        self.visited.add(schema_id)
        if not isinstance(schema, dict):
            return

        nested: set = set()
        if "allOf" in schema:
            all_of, at = self.child(schema, tokens, "allOf")
            for _, sub, sub_tokens in self.entries(all_of, at, "allOf"):
                self.check_schema(sub, sub_tokens, False, True)
                nested |= self.collect_properties(sub, sub_tokens, set())
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                group, at = self.child(schema, tokens, keyword)
                for _, sub, sub_tokens in self.entries(group, at, keyword):
                    self.check_schema(sub, sub_tokens, False, True)
        for keyword in ("not", "items"):
            if keyword in schema:
                self.check_schema(schema[keyword], tokens + (keyword,), False, True)
        if "properties" in schema:
            props, at = self.child(schema, tokens, "properties")
            for _, sub, sub_tokens in self.entries(props, at, "properties"):
                self.check_schema(sub, sub_tokens, False, True)

        required = self.child(schema, tokens, "required")[0] if "required" in schema else None
        required = required or []
        properties: Any = []
        if "properties" in schema:
            props, at = self.child(schema, tokens, "properties")
            properties = list(self.entry_keys(props, at, "properties")) or []
        if "allOf" in schema:
            try:
                extra = set(required) - set(properties) - nested
            except TypeError:
                raise _Stop(tokens + ("required",), "'required' must be a list of property names") from None
            if extra and require_properties:
                self.report(
                    tokens + ("required",),
                    f"required lists properties that neither 'properties' nor any 'allOf' branch defines: "
                    f"{sorted(extra, key=str)}",
                )

        if "default" in schema:
            default, default_tokens = self.guarded_child(schema, tokens, "default")
            if default_tokens is None:
                return
            nullable = self.child(schema, tokens, "nullable")[0] if "nullable" in schema else False
            if default is not None or nullable is not True:
                self.check_default(schema, tokens, default, tokens + ("default",))

    def entry_keys(self, value: Any, tokens: tuple, what: str) -> list:
        return [key for key, _, _ in self.entries(value, tokens, what)]

    def collect_properties(self, raw: Any, tokens: tuple, stack: set[int]) -> set:
        """Every property name an allOf branch defines (through allOf/anyOf/oneOf/items/not)."""
        schema, tokens = self.resolve(raw, tokens)
        if not isinstance(schema, dict):
            return set()
        if id(schema) in stack:
            raise _Stop(tokens, "schema is circular through allOf/anyOf/oneOf/items/not")
        stack = stack | {id(schema)}
        found: set = set()
        if "properties" in schema:
            props, at = self.child(schema, tokens, "properties")
            found.update(self.entry_keys(props, at, "properties"))
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                group, at = self.child(schema, tokens, keyword)
                for _, sub, sub_tokens in self.entries(group, at, keyword):
                    found |= self.collect_properties(sub, sub_tokens, stack)
        for keyword in ("items", "not"):
            if keyword in schema:
                found |= self.collect_properties(schema[keyword], tokens + (keyword,), stack)
        return found

    def meta_problems(self, schema: Any, tokens: tuple) -> bool:
        """Check a schema against the draft-04 meta-schema; report and return True on failure."""
        try:
            _fast_meta_validator()(schema)
            return False
        except Exception:
            pass
        errors = list(_slow_meta_validator().iter_errors(schema))
        if not errors:
            return False
        found = _problems_from_errors(errors, tokens, "meta", "not a valid JSON Schema: ")
        self.problems.extend(found)
        return bool(found)

    def check_default(self, schema: dict, schema_tokens: tuple, value: Any, tokens: tuple) -> None:
        """The default against the schema (or parameter) that holds it, as OAS 3.0 values."""
        try:
            validator = _value_validator_class()(
                schema, _resolver=self.resolver(), format_checker=_format_checker()
            )
            errors = list(validator.iter_errors(value))
        except Exception as exc:  # the reference crashes the same way: invalid either way
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.report(
                tokens,
                f"default {_short(value)} cannot be checked against {_where(schema_tokens)} ({reason})",
            )
            return
        not_nullable = {tuple(e.absolute_path) for e in errors if e.message == "None for not nullable"}
        for error in errors:
            if (
                error.validator == "type"
                and error.instance is None
                and tuple(error.absolute_path) in not_nullable
                and error.message != "None for not nullable"
            ):
                continue  # the same null, already reported as not nullable
            self.problems.extend(
                _problems_from_errors([error], tokens, "default", "default value does not fit its schema: ")
            )

    def resolver(self):
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

    Same verdict as ``openapi_spec_validator.validate(doc)`` for Swagger 2.0 documents.
    Never raises: unexpected failures come back as a problem at the document root.
    """
    try:
        if not isinstance(doc, dict):
            return [Problem("", f"an OpenAPI 2.0 document must be a JSON object, not {type(doc).__name__}")]
        problems = _schema_problems(doc)
        if problems:
            return problems
        return _dedupe(_Walker(doc).run())
    except RecursionError:
        return [Problem("", "the document is nested too deeply to validate")]
    except Exception as exc:  # never raise: a validator bug must not take the pipeline down
        return [Problem("", f"could not validate the document ({type(exc).__name__}: {exc})")]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
