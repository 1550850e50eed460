"""The project configuration: which connectors a repository holds and which rules it runs.

Read from ``pacgen.toml`` (top level) or from ``[tool.pacgen]`` of ``pyproject.toml``, whichever
is found first walking up from the working directory (in one folder, ``pacgen.toml`` wins, as
ruff's own file does). Read once by the command line; options given there override it.

Public surface: :func:`find_project` (the configuration, or ``None``), :func:`load_project`
(one file), :class:`Project` with ``connectors`` (a list of :class:`ProjectConnector`: name,
spec, out, docs) and ``rules`` (:class:`RuleConfig`), :func:`project_connectors` and
:class:`ProjectError` (a located finding: file:line:col).

Connectors are listed one by one (``[[tool.pacgen.connectors]]`` with ``spec``, optional
``name``, ``out``, ``docs``, ``upload-settings``, ``reference``) or by a pattern (``specs = "spec/*.yaml"``);
a connector found by the pattern is built into ``out-pattern`` (default ``connectors/{name}``)
with its name the spec's file name without ``.yaml``; ``{name}.docs.json`` beside the spec is its
page's tables when it exists. A listed connector wins over the pattern for the same spec.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

from generator.findings import Finding, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("pacgen.toml", "pyproject.toml")
DEFAULT_OUT_PATTERN = "connectors/{name}"
SEVERITIES = ("error", "warning", "info")

_TOP_KEYS = {"specs", "out-pattern", "connectors", "select", "ignore", "severity", "per-path-ignores"}
_CONNECTOR_KEYS = {"name", "spec", "out", "docs", "upload-settings", "reference"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class ProjectConnector(NamedTuple):
    """One connector of the project; paths are absolute (resolved against the config's folder).
    (NamedTuples, not dataclasses, here: `pacgen build` reads the configuration on every run, and
    importing dataclasses costs more start-up time than reading it.)"""

    name: str
    spec: Path
    out: Path
    docs: Path | None = None
    upload_settings: Path | None = None
    reference: bool = True  # the build also writes the English reference page (reference.md)


class RuleConfig(NamedTuple):
    """The rule selection of the configuration (codes and glob patterns, checked by the caller)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = {}  # shared default: never mutated
    per_path_ignores: dict[str, tuple[str, ...]] = {}


class Project(NamedTuple):
    path: Path  # the configuration file
    root: Path  # its folder: every path in it is relative to this
    connectors: list[ProjectConnector]
    rules: RuleConfig

    def connector(self, name: str) -> ProjectConnector:
        """The connector called ``name``; ProjectError with a did-you-mean when there is none."""
        for connector in self.connectors:
            if connector.name == name:
                return connector
        import difflib

        names = [c.name for c in self.connectors]
        guess = difflib.get_close_matches(name, names, n=3)
        hint = f"did you mean {', '.join(guess)}?" if guess else f"known: {', '.join(names) or 'none'}"
        raise ProjectError(Finding("ConnectorUnknown", Severity.ERROR, f"no connector named {name!r}",
                                   str(self.path), "", 1, 1, hint))

    def position_of(self, value: str) -> tuple[int, int]:
        """Line and column of the first quoted ``value`` in the configuration (for messages)."""
        try:
            text = self.path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return 1, 1
        for quoted in (f'"{value}"', f"'{value}'"):
            start = text.find(quoted)
            if start >= 0:
                return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
        return _key_position(text, value)  # a bare key (as in [tool.pacgen.severity])

    def connector_for_spec(self, spec: Path) -> ProjectConnector | None:
        spec = spec.resolve()
        return next((c for c in self.connectors if c.spec == spec), None)


class ProjectError(Exception):
    """The configuration cannot be used; ``finding`` says where and what to do."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def find_config(start: Path | None = None) -> Path | None:
    """The nearest pacgen.toml, or pyproject.toml with a [tool.pacgen] table, from ``start`` up."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "pacgen.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_pacgen_table(pyproject):
            return pyproject
    return None


def _has_pacgen_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[+\s*tool\.pacgen\b", text, re.MULTILINE) is not None


def find_project(start: Path | None = None) -> Project | None:
    """The project around ``start`` (default: the working directory), or None when there is none."""
    path = find_config(start)
    return load_project(path) if path is not None else None


def project_connectors(start: Path | None = None) -> list[ProjectConnector]:
    """The connectors of the project around ``start``; empty without a configuration."""
    project = find_project(start)
    return project.connectors if project is not None else []


def load_project(path: Path) -> Project:
    path = Path(path).resolve()
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ProjectError(_finding(path, 0, 0, f"cannot read: {exc.strerror}", "check the path")) from None
    except UnicodeDecodeError as exc:
        raise ProjectError(_finding(path, *_position(text_before=path.read_bytes()[:exc.start]),
                                    "not UTF-8 text", "save the file as UTF-8")) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _decode_error_position(str(exc))
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(exc))
        raise ProjectError(_finding(path, line, column, f"not valid TOML: {message}",
                                    "fix the TOML syntax (https://toml.io)")) from None
    table = document
    prefix = ""
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("pacgen", {})
        prefix = "tool.pacgen"
    return _Reader(path, text, prefix).project(table)


class _Reader:
    """Checks the table's keys and types; every problem is a ProjectError at the key's line."""

    def __init__(self, path: Path, text: str, prefix: str):
        self.path, self.text, self.prefix = path, text, prefix
        self.root = path.parent

    def fail(self, key: str, message: str, hint: str) -> ProjectError:
        line, column = _key_position(self.text, key)
        where = f"{self.prefix}.{key}" if self.prefix else key
        return ProjectError(_finding(self.path, line, column, f"{where}: {message}", hint))

    def project(self, table: dict) -> Project:
        self.check_keys(table, _TOP_KEYS, "")
        listed = [self.listed(entry, index) for index, entry in enumerate(self.list_of(table, "connectors"))]
        connectors = {c.spec: c for c in self.by_pattern(table)}
        connectors.update({c.spec: c for c in listed})  # listed entries win over the pattern
        ordered = sorted(connectors.values(), key=lambda c: c.name)
        seen: dict[str, Path] = {}
        for connector in ordered:
            for other_name, other_out in seen.items():
                if other_out == connector.out:
                    raise self.fail("connectors", f"{other_name} and {connector.name} share the output "
                                    f"folder {connector.out}", "give each connector its own `out`")
            if connector.name in seen:
                raise self.fail("connectors", f"two connectors are called {connector.name}",
                                "give each connector its own `name`")
            seen[connector.name] = connector.out
        return Project(self.path, self.root, ordered, self.rules(table))

    def check_keys(self, table: dict, allowed: set[str], where: str) -> None:
        import difflib

        for key in table:
            if key not in allowed:
                guess = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f"did you mean `{guess[0]}`?" if guess else f"known keys: {', '.join(sorted(allowed))}"
                raise self.fail(key, f"unknown key {key!r}{where}", hint)

    def list_of(self, table: dict, key: str) -> list:
        value = table.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "must be an array", f"write [[{self.prefix + '.' if self.prefix else ''}{key}]]"
                            " tables or a list of strings")
        return value

    def strings(self, table: dict, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings", f'write {key} = ["Code", "Prefix*"]')
        return tuple(value)

    def path_value(self, entry: dict, key: str) -> Path | None:
        value = entry.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty path", f'write {key} = "relative/path"')
        return (self.root / value).resolve()

    def listed(self, entry, index: int) -> ProjectConnector:
        if not isinstance(entry, dict):
            raise self.fail("connectors", f"entry {index + 1} is not a table",
                            'write [[connectors]] with spec = "spec/name.yaml"')
        self.check_keys(entry, _CONNECTOR_KEYS, " in a connector")
        spec = self.path_value(entry, "spec")
        if spec is None:
            raise self.fail("connectors", f"entry {index + 1} has no `spec`", 'add spec = "spec/name.yaml"')
        name = entry.get("name", _spec_name(spec))
        if not isinstance(name, str) or not _NAME.match(name):
            raise self.fail("name", f"{name!r} is not a usable connector name",
                            "use letters, digits, '.', '_' and '-'")
        out = self.path_value(entry, "out") or (self.root / DEFAULT_OUT_PATTERN.format(name=name)).resolve()
        docs = self.path_value(entry, "docs")
        reference = entry.get("reference", True)
        if not isinstance(reference, bool):
            raise self.fail("reference", "must be true or false", "write reference = false")
        return ProjectConnector(name, spec, out, docs, self.path_value(entry, "upload-settings"), reference)

    def by_pattern(self, table: dict) -> list[ProjectConnector]:
        patterns = self.strings(table, "specs")
        out_pattern = table.get("out-pattern", DEFAULT_OUT_PATTERN)
        if not isinstance(out_pattern, str) or "{name}" not in out_pattern:
            raise self.fail("out-pattern", "must be a path holding {name}", 'write out-pattern = "connectors/{name}"')
        found = []
        for pattern in patterns:
            for spec in sorted(self.root.glob(pattern)):
                if spec.suffix.lower() not in (".yaml", ".yml") or not spec.is_file():
                    continue
                name = _spec_name(spec)
                docs = spec.with_name(f"{name}.docs.json")
                found.append(ProjectConnector(
                    name, spec.resolve(), (self.root / out_pattern.format(name=name)).resolve(),
                    docs.resolve() if docs.is_file() else None,
                    spec.with_name(f"{name}.upload.json").resolve()))
        return found

    def rules(self, table: dict) -> RuleConfig:
        severity = table.get("severity", {})
        if not isinstance(severity, dict):
            raise self.fail("severity", "must be a table", 'write [tool.pacgen.severity] Code = "warning"')
        for code, level in severity.items():
            if level not in SEVERITIES:
                raise self.fail(code, f"severity {level!r} of {code} is not one of {', '.join(SEVERITIES)}",
                                'write Code = "warning"')
        per_path = table.get("per-path-ignores", {})
        if not isinstance(per_path, dict):
            raise self.fail("per-path-ignores", "must be a table", 'write "connectors/x/*" = ["Code"]')
        ignores = {}
        for pattern, codes in per_path.items():
            if isinstance(codes, str):
                codes = [codes]
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise self.fail(pattern, "must be a list of codes", f'write "{pattern}" = ["Code"]')
            ignores[pattern] = tuple(codes)
        return RuleConfig(self.strings(table, "select"), self.strings(table, "ignore"), dict(severity), ignores)


def _spec_name(spec: Path) -> str:
    return spec.name[: -len(spec.suffix)] if spec.suffix else spec.name


def _finding(path: Path, line: int, column: int, message: str, hint: str) -> Finding:
    return Finding("ConfigInvalid", Severity.ERROR, message, str(path), "", line, column, hint)


def _decode_error_position(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _position(text_before: bytes) -> tuple[int, int]:
    lines = text_before.split(b"\n")
    return len(lines), len(lines[-1]) + 1


def _key_position(text: str, key: str) -> tuple[int, int]:
    """Line and column where ``key`` is first written as a key (bare or quoted); 1:1 when not found.
    (tomllib keeps no positions; a key's first spelling is where a reader looks for it.)"""
    spelled = re.escape(key)
    pattern = re.compile(rf"""(^|[\s.{{,\[])(?:{spelled}|"{spelled}"|'{spelled}')\s*(=|\]|\.)""", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        return 1, 1
    start = match.start() + len(match.group(1))
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1
