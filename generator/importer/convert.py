"""Connector folder → spec text, and spec text → the documents `pacgen build` would write, so an
import can be checked against the connector it came from."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity, split_pointer
from generator.importer.auth import properties_for
from generator.importer.document import read_document
from generator.importer.emit import emit_spec
from generator.importer.inverse import Note, first_difference, first_order_difference, invert
from generator.importer.layout import is_canonical_empty
from generator.importer.openapi3 import convert_document
from generator.importer.reader import ConnectorFiles, ImportError_, read_connector
from generator.importer.readme import readme_block
from generator.render import render_connector
from generator.source import find_file
from generator.spec.check import check_spec
from generator.spec.layout import EMPTY_OPERATION_KEYS
from generator.spec.loader import SpecError, load_spec_text
from generator.spec.model import METHODS, expand


@dataclass
class Imported:
    text: str
    spec: dict
    notes: list[Note]
    files: ConnectorFiles
    warnings: list[Finding] = field(default_factory=list)
    keeps_order: bool = True  # False for a converted document: its spec takes the canonical layout

    @property
    def lossy(self) -> list[Note]:
        return [note for note in self.notes if note.lossy]


def import_connector(folder: str | Path, spec_path: str | Path | None = None) -> Imported:
    """The spec for the connector in ``folder``; icon/script paths are relative to ``spec_path``."""
    files = read_connector(folder)
    return import_files(files, spec_path)


def import_api_file(path: str | Path, spec_path: str | Path | None = None) -> Imported:
    """The spec for one OpenAPI 3.x or Swagger 2.0 file (JSON or YAML). An OpenAPI 3 document is
    converted first; each change or loss is a finding, printed and listed in the spec's header."""
    path = Path(path)
    document = read_document(path)
    kind = document.kind
    if kind is None:
        raise ImportError_([Finding(
            "NotAnApiDocument", Severity.ERROR, "neither OpenAPI 3 (`openapi: 3.x`) nor Swagger 2.0 "
            "(`swagger: \"2.0\"`)", str(path), "", *document.locate(()),
            "point at an OpenAPI 3.0/3.1 or Swagger 2.0 document, or at a connector folder")])
    if kind == "openapi3":
        swagger, extra, findings = convert_document(document)
        properties = properties_for(swagger, extra["connectionParameters"], extra["extra"], extra["refreshUrl"])
        origin = f"{path.name} (OpenAPI {document.data['openapi']}, converted to Swagger 2.0)"
    else:
        swagger, findings = document.data, []
        properties = properties_for(swagger)
        origin = f"{path.name} (Swagger 2.0; apiProperties made from its security definitions)"
    files = ConnectorFiles(path.parent, swagger, properties, {}, findings)
    # A new connector from an API document: the canonical layout, not the document's (no `layout:`).
    return import_files(files, spec_path, origin, readme=False, converted_from=str(path), keep_order=False)


def import_files(files: ConnectorFiles, spec_path: str | Path | None = None, origin: str | None = None,
                 readme: bool = True, converted_from: str | None = None, keep_order: bool = True) -> Imported:
    base = Path(spec_path).parent if spec_path is not None else files.folder
    extras = {key: _relative(path, base) for key, path in files.extras.items()}
    inverse = invert(files.swagger, files.properties, extras, layout=keep_order)
    header = [f"Imported by `pacgen import` from {origin or files.folder.name}."]
    if readme:
        header += _import_readme(files.folder, inverse.spec)
        _layout_last(inverse.spec)
    changes = [f for f in files.warnings if f.code.startswith("Oas3")]
    if changes:
        header.append(f"What the conversion changed or left out ({len(changes)}):")
        header += [f"  - {f.file}:{f.line}:{f.column}: {f.code}: {f.message}" for f in changes]
    if inverse.lossy:
        header.append("Not expressible in a spec (the rebuilt connector will differ):")
        header += [f"  - {_where(note.path)}{note.text}" for note in inverse.lossy]
    comments: dict[tuple, list[str]] = {}
    for note in inverse.notes:
        if not note.lossy and note.path:
            comments.setdefault(note.path, []).append(note.text)
    for where, texts in _conversion_comments(changes, converted_from, inverse.spec).items():
        comments.setdefault(where, []).extend(texts)
    text = emit_spec(inverse.spec, comments, header)
    return Imported(text, inverse.spec, inverse.notes, files, files.warnings, keep_order)


def _conversion_comments(changes: list[Finding], document: str | None, spec: dict) -> dict[tuple, list[str]]:
    """The conversion's findings about an operation or a schema, also as comments just above that
    operation or definition in the spec (the header lists them all)."""
    operations = {}
    for index, operation in enumerate(spec.get("operations") or []):
        method = next((m for m in METHODS if m in operation), None) if isinstance(operation, dict) else None
        if method is not None:
            operations[(operation[method], method)] = index
    definitions = spec.get("definitions") if isinstance(spec.get("definitions"), dict) else {}
    comments: dict[tuple, list[str]] = {}
    for finding in changes:
        tokens = split_pointer(finding.pointer)
        if finding.file != document or len(tokens) < 3:
            continue
        if tokens[0] == "paths" and (tokens[1], tokens[2]) in operations:
            where: tuple = ("operations", operations[(tokens[1], tokens[2])])
        elif tokens[:2] == ["components", "schemas"] and tokens[2] in definitions:
            where = ("definitions", tokens[2])
        else:
            continue
        comments.setdefault(where, []).append(f"{finding.code} (line {finding.line}): {finding.message}")
    return comments


def _import_readme(folder: Path, spec: dict) -> list[str]:
    """Put the folder's readme.md into the spec's `readme:` block; notes for the header."""
    path = find_file(folder, "readme.md")
    if path is None:
        return []
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"readme.md was not imported: {exc}"]
    info = spec.get("info") if isinstance(spec.get("info"), dict) else {}
    block, notes = readme_block(text, str(info.get("description", "")), str(spec.get("publisher", "")))
    if block is not None:
        spec["readme"] = block
    return notes


def _layout_last(spec: dict) -> None:
    """`layout:` closes the spec (it is the part a maintainer may delete)."""
    if "layout" in spec:
        spec["layout"] = spec.pop("layout")


def _where(path: tuple) -> str:
    return "/".join(str(token) for token in path) + ": " if path else ""


def _relative(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def same_import(imported: Imported, swagger: Any, properties: Any) -> bool:
    """Does importing these documents give the same spec again (same values, same key order)?
    The text is a function of the spec data and the notes, so comparing those suffices."""
    again = invert(swagger, properties, {k: imported.spec[k] for k in ("icon", "script") if k in imported.spec})
    if "readme" in imported.spec:  # readme.md is not part of the rebuilt documents: carried over, last as on import
        again.spec["readme"] = imported.spec["readme"]
        _layout_last(again.spec)
    return (json.dumps(again.spec) == json.dumps(imported.spec)
            and [(n.path, n.text) for n in again.notes] == [(n.path, n.text) for n in imported.notes])


def without_empty_operation_lists(swagger: dict) -> dict:
    """``swagger`` without the operations' empty lists that the canonical layout leaves out."""
    paths = swagger.get("paths")
    if not isinstance(paths, dict):
        return swagger
    def operation(op: Any) -> Any:
        if not isinstance(op, dict):
            return op
        return {key: value for key, value in op.items() if not (key in EMPTY_OPERATION_KEYS and value == [])}
    trimmed = {path: {key: operation(value) if key in METHODS else value for key, value in item.items()}
               if isinstance(item, dict) else item for path, item in paths.items()}
    return {**swagger, "paths": trimmed}


def build_documents(text: str, name: str = "<imported spec>") -> tuple[Any, Any]:
    """The swagger and apiProperties values `pacgen build` renders from spec ``text`` (SpecError)."""
    source = load_spec_text(text, name)
    findings = check_spec(source)
    if findings:
        raise SpecError(findings)
    artifacts = {a.name: a.content for a in render_connector(expand(source.data))}
    return (json.loads(artifacts["apiDefinition.swagger.json"]),
            json.loads(artifacts["apiProperties.json"]))


def compare(files: ConnectorFiles, swagger: Any, properties: Any, order: bool = True) -> str | None:
    """Where the rebuilt documents first differ from the originals, as FILE#POINTER, or None:
    values (1 told from 1.0), then member order everywhere below the two documents' top levels
    (which the build writes in Microsoft's order). Without ``order`` (a converted document, built
    in the canonical layout), neither member order nor the canonical empty sections count."""
    if files.replaced:  # the documents read hold U+FFFD where the files hold lone surrogates
        return files.replaced[0]
    original = files.swagger
    if not order and isinstance(swagger, dict) and isinstance(original, dict):
        swagger = {key: value for key, value in swagger.items()
                   if key in original or not is_canonical_empty(key, value)}
        original = without_empty_operation_lists(original)
    found = first_difference(original, swagger)
    if found is not None:
        return f"apiDefinition.swagger.json#{found}"
    if files.properties is None:
        return "apiProperties.json (absent from the original)"
    found = first_difference(files.properties, properties)
    if found is not None or not order:
        return None if found is None else f"apiProperties.json#{found}"
    found = first_order_difference(files.swagger, swagger, frozenset([""]))
    if found is not None:
        return f"apiDefinition.swagger.json#{found} (member order)"
    found = first_order_difference(files.properties, properties, frozenset(["", "/properties"]))
    return None if found is None else f"apiProperties.json#{found} (member order)"
