"""Is the spec usable? Its JSON Schema, then what a schema cannot say (unique operationIds,
defined references, path parameters matching their path). Findings carry the YAML line:column."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from typing import Any

from generator.findings import Finding
from generator.spec.layout import operation_name
from generator.spec.loader import SpecSource
from generator.spec.model import METHODS

SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec.schema.json")
PATH_VARIABLE = re.compile(r"{([^{}]+)}")


@lru_cache(maxsize=1)
def spec_schema() -> dict:
    with open(SCHEMA_PATH, encoding="utf-8") as stream:
        return json.load(stream)


@lru_cache(maxsize=1)
def _validator():
    # jsonschema-rs: every violation with its path, compiled in ~2 ms (the pure-Python jsonschema
    # import alone takes ~130 ms). A fastjsonschema validator cached between runs was tried: its
    # generated code took longer to run on ClickSend than jsonschema-rs takes to import.
    import jsonschema_rs

    return jsonschema_rs.validator_for(spec_schema())


def check_spec(source: SpecSource) -> list[Finding]:
    findings = list(_schema_findings(source))
    if not findings:
        findings += _semantic_findings(source)
    if findings:
        from generator.report.mask import mask_findings, secret_values  # a valid spec needs no masking

        findings = mask_findings(findings, secret_values(source.data))
    return sorted(findings, key=Finding.sort_key)


def _schema_findings(source: SpecSource):
    errors = sorted(_validator().iter_errors(source.data), key=lambda e: [str(t) for t in e.instance_path])
    reported: set[tuple] = set()
    for error in errors:
        path = tuple(error.instance_path)
        keyword = error.schema_path[-1] if error.schema_path else ""
        if keyword == "additionalProperties" and getattr(error.kind, "unexpected", None):
            yield from _unknown_keys(source, error, path)
            continue
        if (path, keyword) in reported:
            continue
        reported.add((path, keyword))
        yield source.finding("SpecInvalid", _describe(error, keyword, path), path, _hint(error, keyword))


def _hint(error, keyword: str) -> str:
    """For a misspelt word among fixed choices, the nearest choice and all of them."""
    options = getattr(error.kind, "options", None) if keyword == "enum" else None
    if isinstance(options, list) and isinstance(error.instance, str):
        words = [str(option) for option in options]
        guess = _close_matches(error.instance, words, n=1, cutoff=0.6)
        allowed = "allowed: " + ", ".join(words)
        return f"did you mean '{guess[0]}'? ({allowed})" if guess else allowed
    return "see docs/spec.md or `pacgen schema` for the allowed form"


def _describe(error, keyword: str, path: tuple) -> str:
    where = "/".join(map(str, path)) or "the spec"
    instance = error.instance
    if keyword == "oneOf" and isinstance(instance, dict):
        methods = [m for m in METHODS if m in instance]
        if not methods:
            return f"{where}: an operation needs one HTTP method key ({', '.join(METHODS)}) with its path"
        return f"{where}: an operation has exactly one HTTP method, found {', '.join(methods)}"
    if keyword in ("anyOf", "oneOf"):
        return f"{where}: this value does not have any of the allowed forms"
    return f"{where}: {error.message}"


def _schema_at(schema_path) -> dict:
    node = spec_schema()
    for token in list(schema_path)[:-1]:
        node = node[token] if isinstance(node, dict) else node[int(token)]
    return node if isinstance(node, dict) else {}


def _unknown_keys(source: SpecSource, error, path: tuple):
    allowed = set(_schema_at(error.schema_path).get("properties", {}))
    for key in error.kind.unexpected:
        guess = _close_matches(key, sorted(allowed), n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else (
            "allowed here: " + ", ".join(sorted(allowed)) + " and x-* extensions")
        yield source.finding("SpecUnknownKey", f"unknown key '{key}'", path + (key,), hint, key=True)


def _semantic_findings(source: SpecSource) -> list[Finding]:
    spec = source.data
    findings: list[Finding] = []
    seen_ids: dict[str, int] = {}
    for index, op in enumerate(spec.get("operations", [])):
        here = ("operations", index)
        op_id = op.get("id")
        if op_id is not None:
            if op_id in seen_ids:
                findings.append(source.finding(
                    "SpecDuplicateOperationId",
                    f"operationId '{op_id}' is already used by operation #{seen_ids[op_id] + 1}",
                    here + ("id",), "operationIds must be unique: rename one"))
            else:
                seen_ids[op_id] = index
        findings += _path_parameter_findings(source, op, here)
    findings += _reference_findings(source, spec, ())
    findings += _layout_findings(source)
    return findings


def _layout_findings(source: SpecSource) -> list[Finding]:
    """`layout:` entries must name an operation (id or "method path") or a path of the spec."""
    layout = source.data.get("layout") or {}
    operations, paths = [], set(source.data.get("paths", {}))
    for op in source.data.get("operations", []):
        method = next(m for m in METHODS if m in op)
        operations.append(operation_name(op, method, op[method]))
        paths.add(op[method])
    findings = []
    for section, known, what in (("operationKeysOf", operations, "operation"),
                                 ("emptyOperationKeysOf", operations, "operation"), ("pathKeysOf", sorted(paths), "path")):
        for name in layout.get(section, {}):
            if name not in known:
                guess = _close_matches(name, known, n=1)
                hint = f"did you mean '{guess[0]}'?" if guess else "remove the entry"
                findings.append(source.finding("SpecLayoutUnknown", f"layout.{section}: no {what} '{name}'",
                                               ("layout", section, name), hint, key=True))
    return findings


def _path_parameter_findings(source: SpecSource, op: dict, here: tuple) -> list[Finding]:
    method = next(m for m in METHODS if m in op)
    path = op[method]
    declared = set(PATH_VARIABLE.findall(path))
    path_level = source.data.get("paths", {}).get(path, {}).get("parameters", [])
    named = {}
    for index, param in enumerate(op.get("parameters", [])):
        param = _resolve_parameter(source.data, param)
        if param.get("in") == "path":
            named[param.get("name")] = here + ("parameters", index)
    inherited = {_resolve_parameter(source.data, p).get("name") for p in path_level
                 if _resolve_parameter(source.data, p).get("in") == "path"}
    findings = []
    for name, where in named.items():
        if name not in declared:
            findings.append(source.finding(
                "SpecPathParameterNotInPath",
                f"path parameter '{name}' does not appear in the path '{path}'", where,
                f"add {{{name}}} to the path or change 'in'"))
    for name in sorted(declared - set(named) - inherited):
        findings.append(source.finding(
            "SpecPathParameterMissing", f"the path '{path}' uses {{{name}}} but no path parameter defines it",
            here + (method,), f"add a parameter {{name: {name}, in: path, required: true, type: string}}"))
    return findings


def _resolve_parameter(spec: dict, param: Any) -> dict:
    if isinstance(param, dict) and isinstance(param.get("$ref"), str):
        name = param["$ref"].rsplit("/", 1)[-1]
        target = spec.get("parameters", {}).get(name)
        return target if isinstance(target, dict) else {}
    return param if isinstance(param, dict) else {}


_REF_TARGETS = {"definitions", "parameters", "responses"}


def _reference_findings(source: SpecSource, node: Any, here: tuple) -> list[Finding]:
    findings: list[Finding] = []
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            findings += _check_reference(source, ref, here + ("$ref",))
        for key, value in node.items():
            if not key.startswith("x-"):  # extensions are verbatim; their content is not ours
                findings += _reference_findings(source, value, here + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            findings += _reference_findings(source, value, here + (index,))
    return findings


def _check_reference(source: SpecSource, ref: str, here: tuple) -> list[Finding]:
    match = re.fullmatch(r"#/(definitions|parameters|responses)/(.+)", ref)
    if not match:
        return [source.finding("SpecReferenceInvalid", f"'{ref}' is not a local reference", here,
                               "write '#/definitions/Name' (or #/parameters/…, #/responses/…)")]
    section, name = match.group(1), match.group(2).replace("~1", "/").replace("~0", "~")
    defined = source.data.get(section, {})
    if name in defined:
        return []
    guess = _close_matches(name, sorted(defined), n=1)
    hint = f"did you mean '#/{section}/{guess[0]}'?" if guess else f"define '{name}' under {section}:"
    return [source.finding("SpecReferenceUndefined", f"'{ref}' refers to an undefined {section[:-1]}",
                           here, hint)]


def _close_matches(word: str, choices: list[str], n: int, cutoff: float = 0.6) -> list[str]:
    import difflib  # only a broken spec needs it; a valid one builds without importing it

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
