"""Read an existing connector folder: its two JSON documents (errors with line:column) and the
files beside them that a spec names (icon, custom code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, escape_token
from generator.source import find_file, read_json

SWAGGER_NAME = "apiDefinition.swagger.json"
PROPERTIES_NAME = "apiProperties.json"
EXTRA_FILES = (("icon", "icon.png"), ("script", "script.csx"))


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


def read_connector(folder: str | Path) -> ConnectorFiles:
    """The folder's documents; raises ImportError_ when either cannot be read as JSON."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportError_([Finding("ConnectorFolderMissing", Severity.ERROR, "not a folder", str(folder),
                                    "", 0, 0, f"point at a folder holding {SWAGGER_NAME}")])
    documents, findings = {}, []
    for name in (SWAGGER_NAME, PROPERTIES_NAME):
        path = find_file(folder, name)
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
        findings += doc.findings + _non_finite_numbers(doc)
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
                          [f for f in findings if f.severity is not Severity.ERROR])


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
