"""Read an existing connector folder: its two JSON documents (errors with line:column) and the
files beside them that a spec names (icon, custom code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, escape_token
from generator.source import find_entry, find_file, read_json

SWAGGER_NAME = "apiDefinition.swagger.json"
PROPERTIES_NAME = "apiProperties.json"
EXTRA_FILES = (("icon", "icon.png"), ("script", "script.csx"))
#: Deepest nesting of objects and arrays an import accepts (the corpus's deepest connector has 24
#: levels); past it the emitter, the spec loader and the renderer would run out of stack.
MAX_DEPTH = 100
#: Python refuses to convert integers with more digits than this (a guard against slow parsing).
MAX_INT_DIGITS = 4300


class ImportError_(Exception):
    """The folder cannot be imported; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.message for f in findings))
        self.findings = findings


@dataclass
class ConnectorFiles:
    folder: Path
    swagger: Any
    properties: Any
    extras: dict[str, Path] = field(default_factory=dict)  # spec key (icon, script) → file
    warnings: list[Finding] = field(default_factory=list)
    #: FILE#POINTER of strings whose lone surrogates were replaced: the rebuild differs there
    replaced: list[str] = field(default_factory=list)


def read_connector(folder: str | Path) -> ConnectorFiles:
    """The folder's documents; raises ImportError_ when either cannot be read as JSON."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportError_([Finding("ConnectorFolderMissing", Severity.ERROR, "not a folder", str(folder),
                                    "", 0, 0, f"point at a folder holding {SWAGGER_NAME}")])
    documents, findings, replaced = {}, [], []
    for name in (SWAGGER_NAME, PROPERTIES_NAME):
        path = find_entry(folder, name)
        if path is None:
            if name == SWAGGER_NAME:
                findings.append(Finding("ConnectorFileMissing", Severity.ERROR, f"no {name} in this folder",
                                        str(folder), "", 0, 0, "point at a connector folder"))
            documents[name] = None
            continue
        try:
            doc = read_json(path)
        except OSError as exc:
            findings.append(Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror}",
                                    str(path), "", 0, 0, "check the file's permissions"))
            continue
        except ValueError:  # the only ValueError json raises past its own errors: a huge integer
            findings.append(_huge_integer(path))
            continue
        findings += doc.findings + _non_finite_numbers(doc)
        if doc.data is not None and not any(f.severity is Severity.ERROR for f in findings):
            deep = _too_deep(doc)
            findings += deep
            doc.data, lone = replace_lone_surrogates(doc.data) if not deep else (doc.data, [])
            findings += [doc.finding("LoneSurrogate", Severity.WARNING,
                                     "a lone UTF-16 surrogate (\\ud800-\\udfff) cannot be written to "
                                     "YAML: it was replaced by U+FFFD", pointer,
                                     "write the character it stands for, or remove it") for pointer in lone]
            replaced += [f"{name}#{pointer}" for pointer in lone]
        documents[name] = doc.data
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise ImportError_(errors)
    extras = {}
    for key, name in EXTRA_FILES:
        path = find_file(folder, name)
        if path is not None:
            extras[key] = path
    return ConnectorFiles(folder, documents[SWAGGER_NAME], documents.get(PROPERTIES_NAME), extras,
                          [f for f in findings if f.severity is not Severity.ERROR], replaced)


_HUGE_INTEGER = re.compile(rf"-?\d{{{MAX_INT_DIGITS + 1},}}")


def _huge_integer(path: Path) -> Finding:
    text = path.read_bytes().decode("utf-8", "replace")
    match = _HUGE_INTEGER.search(text)
    offset = match.start() if match else 0
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Finding("NumberTooLong", Severity.ERROR,
                   f"a number has more than {MAX_INT_DIGITS} digits: no connector can use it",
                   str(path), "", line, column, "write it as a string")


def _too_deep(doc) -> list[Finding]:
    """One located error when objects and arrays nest deeper than MAX_DEPTH (checked without
    recursion, so any depth the JSON reader accepted is measured)."""
    stack = [("", doc.data, 1)]
    while stack:
        pointer, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [doc.finding("NestingTooDeep", Severity.ERROR,
                                f"objects and arrays nest more than {MAX_DEPTH} levels deep here", pointer,
                                "flatten the schema (a $ref to a definition instead of nesting)")]
        if isinstance(value, dict):
            stack += [(f"{pointer}/{escape_token(k)}", v, depth + 1) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(f"{pointer}/{i}", v, depth + 1) for i, v in enumerate(value)]
    return []


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(value: Any, pointer: str = "") -> tuple[Any, list[str]]:
    """``value`` with every lone surrogate (JSON lets "\\ud800" stand alone; YAML and UTF-8 cannot
    hold it) replaced by U+FFFD, and the pointers of the strings and keys that held one."""
    found: list[str] = []

    def clean(item: Any, here: str) -> Any:
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                found.append(here)
                return _LONE_SURROGATE.sub("\ufffd", item)
            return item
        if isinstance(item, dict):
            out = {}
            for key, member in item.items():
                where = f"{here}/{escape_token(key)}"
                if _LONE_SURROGATE.search(key):
                    found.append(where)
                    key = _LONE_SURROGATE.sub("\ufffd", key)
                out[key] = clean(member, where)
            return out
        if isinstance(item, list):
            return [clean(member, f"{here}/{i}") for i, member in enumerate(item)]
        return item

    if not _has_surrogate(value):
        return value, found
    return clean(value, pointer), found


def _has_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            stack += item
    return False


_MAYBE_NOT_FINITE = re.compile(r"NaN|Infinity|[eE]\+?\d{3}")


def _non_finite_numbers(doc) -> list[Finding]:
    """Python's JSON reader accepts NaN and Infinity and reads 1e400 as infinity; JSON numbers
    cannot be either, and the connector files could not be written back."""
    if not _MAYBE_NOT_FINITE.search(doc.text):
        return []
    found: list[Finding] = []
    stack = [("", doc.data)]
    while stack and not found:
        pointer, value = stack.pop()
        if isinstance(value, float) and value - value != 0:
            found.append(doc.finding("JsonSyntaxError", Severity.ERROR,
                                     f"invalid JSON: {value!r} is not a JSON number", pointer,
                                     "write a finite number (within ±1.7e308), a string or null"))
        elif isinstance(value, dict):  # children pushed in reverse: the first in the file is found first
            stack += [(f"{pointer}/{escape_token(k)}", v) for k, v in reversed(value.items())]
        elif isinstance(value, list):
            stack += [(f"{pointer}/{i}", v) for i, v in reversed(list(enumerate(value)))]
    return found
