"""Which connectors a command acts on: the spec and folder named on the command line, or the
project's connectors (all, or those picked by name). Options override the configuration."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator.project import Project, ProjectError


class UsageProblem(Exception):
    """The command line and the configuration do not say what to act on; the message says what to do."""


class BuildTarget(NamedTuple):
    name: str
    spec: Path
    out: Path
    reference: bool


def build_targets(spec: Path | None, output: str | None, names: tuple[str, ...], reference: bool | None,
                  project: Project | None) -> list[BuildTarget]:
    """What `pacgen build` writes. There is no default output folder: a spec outside the project
    needs ``-o`` (a shared default would let one connector's build clobber another's)."""
    if output is not None and not output.strip():
        raise UsageProblem("-o/--output is empty: name the folder to build into")
    if spec is not None:
        if not spec.is_file() and output is None:
            raise UsageProblem(f"{spec}: no such file")
        if names:
            raise UsageProblem("give either a SPEC or --connector, not both")
        listed = project.connector_for_spec(spec) if project is not None else None
        if output is not None:
            wants_reference = reference if reference is not None else bool(listed and listed.reference)
            return [BuildTarget(listed.name if listed else _stem(spec), spec, Path(output), wants_reference)]
        if listed is None:
            where = f" in {project.path}" if project is not None else " (no pacgen.toml or [tool.pacgen] found)"
            raise UsageProblem(f"{spec} has no output folder{where}: give -o DIR, or list the spec "
                               "under [[tool.pacgen.connectors]] with its `out`")
        return [BuildTarget(listed.name, spec, listed.out, _reference(reference, listed.reference))]
    connectors = project_selection(names, project)
    if output is not None and len(connectors) != 1:
        raise UsageProblem("-o names one folder: use it with one SPEC or one --connector")
    return [BuildTarget(c.name, c.spec, Path(output) if output is not None else c.out,
                        _reference(reference, c.reference)) for c in connectors]


def project_selection(names: tuple[str, ...], project: Project | None) -> list:
    """The project's connectors called ``names`` (all when none is named)."""
    if project is None:
        raise UsageProblem("nothing to act on: name a spec or folder, or add a project configuration "
                           "(pacgen.toml, or [tool.pacgen] in pyproject.toml, in this folder or above)")
    if names:
        try:
            return [project.connector(name) for name in names]
        except ProjectError as exc:
            raise UsageProblem(f"{exc.finding.message}; {exc.finding.hint}") from None
    if not project.connectors:
        raise UsageProblem(f"{project.path} lists no connectors: add `specs = \"spec/*.yaml\"` or "
                           "[[tool.pacgen.connectors]] entries")
    return list(project.connectors)


def validate_paths(names: tuple[str, ...], project: Project | None) -> tuple[list[Path], dict[Path, Path]]:
    """The paths `pacgen validate` checks for the project's connectors: each spec and its built
    folder (when there is one), and each spec's docs tables (spec → page)."""
    paths: list[Path] = []
    docs: dict[Path, Path] = {}
    for connector in project_selection(names, project):
        paths.append(connector.spec)
        if connector.out.is_dir():
            paths.append(connector.out)
        if connector.docs is not None:
            docs[connector.spec] = connector.docs
    return paths, docs


def describe_connectors(names: tuple[str, ...], project: Project | None, fmt: str) -> str:
    """The project's connectors as text: a table, JSON, or `out<TAB>upload settings` lines."""
    import json

    connectors = project_selection(names, project)
    rows = [{"name": c.name, "spec": shown_path(c.spec), "out": shown_path(c.out),
             "docs": shown_path(c.docs) if c.docs else "", "upload-settings": shown_path(c.upload_settings)
             if c.upload_settings else "", "reference": c.reference} for c in connectors]
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    if fmt == "specs":
        return "".join(f"{row['spec']}\n" for row in rows)
    if fmt == "upload":
        for row in rows:
            if any(ch in row["out"] + row["upload-settings"] for ch in "\t\n"):
                raise UsageProblem(f"{row['name']}: a path holds a tab or a line break")
        return "".join(f"{row['out']}\t{row['upload-settings'] or 'upload.settings.json'}\n" for row in rows)
    width = max(len(row["name"]) for row in rows)
    return "".join(f"{row['name']:<{width}}  {row['spec']} → {row['out']}"
                   + (f"  (docs: {row['docs']})" if row["docs"] else "") + "\n" for row in rows)


def shown_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it (shorter, and the same on
    every machine)."""
    import os

    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def _reference(option: bool | None, configured: bool) -> bool:
    return configured if option is None else option


def _stem(spec: Path) -> str:
    return spec.name[: -len(spec.suffix)] if spec.suffix else spec.name
