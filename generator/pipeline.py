"""The stages wired once, for the CLI and for tests: spec → model → artifacts, and "whatever the
user pointed at" → a connector to validate or compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Severity
from generator.render import Artifact, render_connector
from generator.source import Document, find_file, read_json
from generator.spec.check import check_spec
from generator.spec.loader import SpecError, SpecSource, load_spec
from generator.spec.model import Connector, expand

SPEC_SUFFIXES = (".yaml", ".yml")
SWAGGER_NAME = "apiDefinition.swagger.json"
PROPERTIES_NAME = "apiProperties.json"


def load_model(spec_path: str | Path) -> tuple[SpecSource, Connector]:
    """Load, check and expand a spec; raises SpecError with located findings."""
    source = load_spec(spec_path)
    findings = check_spec(source)
    if findings:
        raise SpecError(findings)
    return source, expand(source.data)


def spec_extras(source: SpecSource) -> dict[str, str]:
    """Files the spec names beside itself (icon, script), as name → path."""
    extras = {}
    for key, default_name in (("icon", "icon.png"), ("script", "script.csx")):
        value = source.data.get(key)
        if isinstance(value, str):
            extras[default_name] = str(Path(source.path).parent / value)
    return extras


def build_artifacts(spec_path: str | Path) -> list[Artifact]:
    source, connector = load_model(spec_path)
    extras = spec_extras(source)
    artifacts = render_connector(connector, icon="icon.png" if "icon.png" in extras else None,
                                 script="script.csx" if "script.csx" in extras else None)
    for name, path in sorted(extras.items()):
        try:
            artifacts.append(Artifact(name, Path(path).read_bytes()))
        except OSError as exc:
            key = "icon" if name == "icon.png" else "script"
            raise SpecError([source.finding("SpecFileMissing", f"cannot read {path}: {exc.strerror}",
                                            (key,), "check the path (relative to the spec)")]) from None
    return artifacts


@dataclass
class LoadedConnector:
    """A connector to validate or compare, wherever it came from, with a way to place findings."""

    name: str
    swagger: Any
    properties: Any
    throttling: list | None = None
    read_findings: list[Finding] = field(default_factory=list)
    swagger_doc: Document | None = None
    properties_doc: Document | None = None
    spec: SpecSource | None = None
    model: Connector | None = None
    folder: Path | None = None

    @property
    def title(self) -> str:
        info = self.swagger.get("info") if isinstance(self.swagger, dict) else None
        return str(info.get("title", "")) if isinstance(info, dict) else ""

    def locate(self, pointer: str, in_properties: bool = False) -> tuple[str, int, int]:
        """File, line and column of a swagger (or apiProperties) element."""
        if self.spec is not None and self.model is not None:
            if in_properties:
                line, column = self.spec.locate(("connectionParameters",))
            else:
                line, column = self.spec.locate(self.model.origin(pointer))
            return self.spec.path, line, column
        doc = self.properties_doc if in_properties else self.swagger_doc
        if doc is None:
            return "", 0, 0
        line, column = doc.locate(pointer)
        return doc.path, line, column

    def place(self, finding: Finding) -> Finding:
        """The finding with its file:line:col. Pointers under /properties are apiProperties.json's:
        a swagger has no root "properties" member."""
        pointer = finding.pointer
        in_properties = pointer == "/properties" or pointer.startswith("/properties/")
        file, line, column = self.locate(pointer, in_properties)
        return finding.located(file, line, column)


def load_connector(path: str | Path) -> LoadedConnector:
    """A spec (built in memory), a connector folder, or a single swagger file."""
    path = Path(path)
    if path.suffix.lower() in SPEC_SUFFIXES:
        source, model = load_model(path)
        return LoadedConnector(path.stem, model.swagger, model.properties, model.throttling,
                               spec=source, model=model)
    if path.is_dir():
        return _load_folder(path)
    doc = read_json(path)
    return LoadedConnector(path.stem, doc.data, None, read_findings=list(doc.findings), swagger_doc=doc)


def _load_folder(folder: Path) -> LoadedConnector:
    findings: list[Finding] = []
    swagger_path = find_file(folder, SWAGGER_NAME)
    props_path = find_file(folder, PROPERTIES_NAME)
    swagger_doc = read_json(swagger_path) if swagger_path else None
    props_doc = read_json(props_path) if props_path else None
    if swagger_doc is None:
        findings.append(Finding("ConnectorFileMissing", Severity.ERROR, f"no {SWAGGER_NAME} in this folder",
                                str(folder), "", 0, 0, "point at a connector folder"))
    else:
        findings += swagger_doc.findings
    if props_doc is not None:
        findings += props_doc.findings
    return LoadedConnector(folder.name, swagger_doc.data if swagger_doc else None,
                           props_doc.data if props_doc else None, read_findings=findings,
                           swagger_doc=swagger_doc, properties_doc=props_doc, folder=folder)


def is_connector_folder(path: Path) -> bool:
    return path.is_dir() and find_file(path, SWAGGER_NAME) is not None
