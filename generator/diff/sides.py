"""One side of a comparison → a LoadedConnector: a connector folder, a swagger file, a YAML spec
(built in memory), or ``REV:PATH``, the same read from a git revision without a checkout."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.diff.git import GitError, Revision, repository_root, resolve_revision, run_git
from generator.findings import Finding, Severity
from generator.pipeline import PROPERTIES_NAME, README_NAME, SPEC_SUFFIXES, SWAGGER_NAME, LoadedConnector


class UnusableSide(Exception):
    """A side that cannot be compared; ``findings`` say where and why (exit 2)."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message for f in findings))
        self.findings = findings


def unusable(where: str, message: str, hint: str, line: int = 0, column: int = 0) -> UnusableSide:
    return UnusableSide([Finding("InputUnreadable", Severity.ERROR, message, where, "", line, column, hint)])


def load_side(argument: str) -> LoadedConnector:
    """The connector ``argument`` names; UnusableSide when it cannot be read or is not a connector."""
    from generator.pipeline import load_connector
    from generator.spec.loader import SpecError

    path = Path(argument)
    try:
        if path.exists():
            connector = load_connector(path)
        elif ":" in argument:
            revision, _, inner = argument.partition(":")
            connector = load_from_git(revision, inner)
        else:
            raise unusable(argument, "no such file or folder",
                           "name a connector folder, a swagger file, a YAML spec or REV:PATH")
    except SpecError as exc:
        raise UnusableSide(exc.findings) from None
    except GitError as exc:
        raise unusable(argument, str(exc), "check the revision and the path (git ls-tree REV)") from None
    except OSError as exc:
        raise unusable(argument, f"cannot read: {exc.strerror or exc}", "check the path") from None
    return usable(connector, argument)


def usable(connector: LoadedConnector, argument: str) -> LoadedConnector:
    """The connector, or UnusableSide when what was read cannot be compared."""
    errors = [f for f in connector.read_findings if f.severity is Severity.ERROR]
    if errors:
        raise UnusableSide(errors)
    if not isinstance(connector.swagger, dict):
        where = connector.swagger_doc.path if connector.swagger_doc is not None else argument
        raise unusable(where, "the swagger is not a JSON object", "the file must hold one JSON object", 1, 1)
    if "openapi" in connector.swagger:
        raise unusable(_where(connector, argument), "an OpenAPI 3 document: connectors are Swagger 2.0",
                       "compare the connector's apiDefinition.swagger.json", 1, 1)
    if "swagger" not in connector.swagger and "paths" not in connector.swagger:
        raise unusable(_where(connector, argument), "not a swagger: no `swagger` and no `paths` member",
                       "compare connector folders, apiDefinition.swagger.json files or specs", 1, 1)
    return connector


def _where(connector: LoadedConnector, argument: str) -> str:
    return connector.swagger_doc.path if connector.swagger_doc is not None else argument


def load_from_git(revision: str, inner: str, cwd: str | Path = ".") -> LoadedConnector:
    """``inner`` (relative to the current folder, like a path on disk) as it is in ``revision``."""
    root = repository_root(cwd)
    commit = resolve_revision(revision, cwd)
    prefix = run_git(["rev-parse", "--show-prefix"], cwd).decode("utf-8").strip()
    relative = _normalise(prefix + inner)
    return load_revision_path(Revision(commit, root, revision), relative)


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in PurePosixPath(path.replace("\\", "/")).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", "/"):
            parts.append(part)
    return "/".join(parts)


def load_revision_path(revision: Revision, relative: str) -> LoadedConnector:
    """A folder, spec or swagger file of ``revision`` (paths relative to the repository root)."""
    from generator.source import parse_json_text

    label = f"{revision.label}:{relative}"
    kind = revision.kind(relative)
    if kind is None:
        raise unusable(label, f"'{relative or '.'}' is not in revision {revision.label}",
                       "check the path with `git ls-tree -r --name-only REV`")
    if kind == "tree":
        return _folder_from_git(revision, relative, label)
    text = _decode(revision.read(relative), label)
    if PurePosixPath(relative).suffix.lower() in SPEC_SUFFIXES:
        return _spec_from_text(text, label)
    doc = parse_json_text(text, label)
    return LoadedConnector(PurePosixPath(relative).stem, doc.data, None, read_findings=list(doc.findings),
                           swagger_doc=doc)


def _decode(raw: bytes, label: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise unusable(label, f"not valid UTF-8 at byte offset {exc.start}", "re-save the file as UTF-8") from None


def _spec_from_text(text: str, label: str) -> LoadedConnector:
    from generator.spec.check import check_spec
    from generator.spec.loader import SpecError, load_spec_text
    from generator.spec.model import expand

    try:
        source = load_spec_text(text, label)
    except SpecError as exc:
        raise UnusableSide(exc.findings) from None
    problems = check_spec(source)
    if problems:
        raise UnusableSide(problems)
    model = expand(source.data)
    return LoadedConnector(PurePosixPath(label).stem, model.swagger, model.properties, model.throttling,
                           spec=source, model=model)


def _folder_from_git(revision: Revision, folder: str, label: str) -> LoadedConnector:
    from generator.source import Document, parse_json_text

    files = {PurePosixPath(p).name.lower(): p for p in revision.files_in(folder)}
    swagger_path = files.get(SWAGGER_NAME.lower())
    if swagger_path is None:
        raise unusable(label, f"no {SWAGGER_NAME} in this folder of revision {revision.label}",
                       "point at a connector folder")
    swagger = parse_json_text(_decode(revision.read(swagger_path), label), f"{revision.label}:{swagger_path}")
    properties = None
    findings = list(swagger.findings)
    if PROPERTIES_NAME.lower() in files:
        path = files[PROPERTIES_NAME.lower()]
        properties = parse_json_text(_decode(revision.read(path), label), f"{revision.label}:{path}")
        findings += properties.findings
    readme = None
    if README_NAME in files:
        readme = Document(f"{revision.label}:{files[README_NAME]}",
                          revision.read(files[README_NAME]).decode("utf-8", "replace"))
    return LoadedConnector(PurePosixPath(folder).name or revision.label, swagger.data,
                           properties.data if properties else None, read_findings=findings,
                           swagger_doc=swagger, properties_doc=properties, readme_doc=readme)
