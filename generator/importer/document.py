"""Read one API description file (JSON or YAML) with the position of every element, and tell what
it is: OpenAPI 3.x, Swagger 2.0 or neither. JSON goes through generator.source, YAML through the
spec loader (both report bad input with file:line:column)."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, pointer_of
from generator.importer.reader import MAX_DEPTH, ImportError_, replace_lone_surrogates
from generator.source import Document, parse_json_text
from generator.spec.loader import SpecError, SpecSource, load_spec_text

#: Larger files are refused before reading: the largest published API descriptions are a few MB.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


@dataclass
class ApiDocument:
    path: Path
    data: Any
    _positions: Document | SpecSource

    def locate(self, tokens: tuple) -> tuple[int, int]:
        if isinstance(self._positions, SpecSource):
            return self._positions.locate(tokens)
        return self._positions.locate(pointer_of(*tokens))

    @property
    def kind(self) -> str | None:
        return document_kind(self.data)


def document_kind(data: Any) -> str | None:
    """"openapi3" (3.0 or 3.1), "swagger2", or None for anything else."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("openapi"), str) and data["openapi"].startswith("3."):
        return "openapi3"
    if data.get("swagger") == "2.0":
        return "swagger2"
    return None


def _unusable(path: Path, code: str, message: str, hint: str, line: int = 0, column: int = 0) -> ImportError_:
    return ImportError_([Finding(code, Severity.ERROR, message, str(path), "", line, column, hint)])


def read_document(path: str | Path) -> ApiDocument:
    """The file's data with positions; ImportError_ (file:line:col) when it cannot be used."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise _unusable(path, "InputUnreadable", f"cannot read: {exc.strerror}", "check the path") from None
    if not stat.S_ISREG(info.st_mode):
        raise _unusable(path, "InputUnreadable", "not a regular file", "point at a JSON or YAML file")
    if info.st_size > MAX_DOCUMENT_BYTES:
        raise _unusable(path, "InputTooLarge", f"{info.st_size} bytes: larger than the "
                        f"{MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB an import reads",
                        "split the document, or remove what the connector does not need")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", "replace")
        raise _unusable(path, "InvalidUtf8", f"not valid UTF-8 at byte offset {exc.start}",
                        "re-save the file as UTF-8", prefix.count("\n") + 1,
                        len(prefix) - (prefix.rfind("\n") + 1) + 1) from None
    document = _parse(path, text)
    _check_depth(document)
    document.data, _ = replace_lone_surrogates(document.data)
    return document


def _parse(path: Path, text: str) -> ApiDocument:
    if text.lstrip()[:1] in ("{", "["):
        try:
            doc = parse_json_text(text, str(path))
        except ValueError:  # integers past Python's 4300-digit conversion limit
            raise _unusable(path, "NumberTooLong", "a number has more than 4300 digits",
                            "write it as a string") from None
        errors = [f for f in doc.findings if f.severity is Severity.ERROR]
        if errors:
            raise ImportError_(errors)
        return ApiDocument(path, doc.data, doc)
    try:
        source = load_spec_text(text, str(path))
    except SpecError as exc:
        raise ImportError_(exc.findings) from None
    except (ValueError, RecursionError) as exc:  # the YAML reader's own limits
        raise _unusable(path, "YamlSyntaxError", f"unusable YAML: {type(exc).__name__}",
                        "simplify the document") from None
    return ApiDocument(path, source.data, source)


def _check_depth(document: ApiDocument) -> None:
    stack = [((), document.data)]
    while stack:
        tokens, value = stack.pop()
        if len(tokens) >= MAX_DEPTH:
            line, column = document.locate(tokens)
            raise _unusable(document.path, "NestingTooDeep",
                            f"objects and arrays nest more than {MAX_DEPTH} levels deep here",
                            "flatten the schema (a $ref to a component instead of nesting)", line, column)
        if isinstance(value, dict):
            stack += [(tokens + (k,), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(tokens + (i,), v) for i, v in enumerate(value)]


_OPENAPI_KEY = re.compile(r"""^[ \t{]*["']?openapi["']?[ \t]*:""", re.MULTILINE)


def openapi3_finding(path: Path) -> Finding | None:
    """One clear finding when ``path`` is an OpenAPI 3 document (which Power Platform refuses),
    so `pacgen validate` says so instead of reporting each OpenAPI 3 member as unknown."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_DOCUMENT_BYTES:
            return None
        head = path.read_bytes().decode("utf-8-sig", "replace")
    except OSError:
        return None
    if not _OPENAPI_KEY.search(head) and '"openapi"' not in head:
        return None
    try:
        document = read_document(path)
    except ImportError_:
        return None
    if document.kind != "openapi3":
        return None
    line, column = document.locate(("openapi",))
    return Finding("OpenApi3NotAccepted", Severity.ERROR,
                   f"this is OpenAPI {document.data['openapi']}: Power Platform accepts only Swagger 2.0",
                   str(path), "/openapi", line, column,
                   f"run `pacgen import {path} -o spec/NAME.yaml` to convert it, then validate the spec")
