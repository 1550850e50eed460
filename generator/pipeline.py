"""Whatever the user pointed at (a spec, a connector folder, a swagger file) → a connector to
validate or compare, with a way to place findings at file:line:col."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.build import load_model
from generator.findings import Finding, Severity
from generator.spec.loader import SpecSource
from generator.spec.model import Connector

if TYPE_CHECKING:
    from generator.source import Document

# generator.source (JSON reading with positions) is imported where a connector is loaded.
SPEC_SUFFIXES = (".yaml", ".yml")
SWAGGER_NAME = "apiDefinition.swagger.json"
PROPERTIES_NAME = "apiProperties.json"
README_NAME = "readme.md"
SCRIPT_NAME = "script.csx"
#: Custom code may be at most 1 MB (Microsoft's "Write code in a custom connector").
SCRIPT_MAX_BYTES = 1_048_576


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
    readme_doc: Document | None = None  # the folder's readme.md, as text (not parsed)
    script_doc: Document | None = None  # the folder's script.csx (custom code), as text

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
        if self.spec is not None:  # placed in YAML: in the spec's keys
            from generator.spec.terms import in_spec_terms

            finding = in_spec_terms(finding)
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
    from generator.source import read_json

    doc = read_json(path)
    return LoadedConnector(path.stem, doc.data, None, read_findings=as_uploaded(doc.findings), swagger_doc=doc)


def as_uploaded(findings: list[Finding]) -> list[Finding]:
    """Reading findings as validation judges them: the files are uploaded as they are, and paconn
    refuses a byte-order mark, so there it is an error (import, which rewrites the files, may
    read one)."""
    return [f._replace(severity=Severity.ERROR) if f.code == "ByteOrderMark" else f for f in findings]


def _load_folder(folder: Path) -> LoadedConnector:
    from generator.source import Document, find_entry, read_input_bytes, read_json

    findings: list[Finding] = []
    swagger_path = find_entry(folder, SWAGGER_NAME)  # a FIFO or folder of that name: InputUnreadable
    props_path = find_entry(folder, PROPERTIES_NAME)
    swagger_doc = read_json(swagger_path) if swagger_path else None
    props_doc = read_json(props_path) if props_path else None
    if swagger_doc is None:
        findings.append(Finding("ConnectorFileMissing", Severity.ERROR, f"no {SWAGGER_NAME} in this folder",
                                str(folder), "", 0, 0, "point at a connector folder"))
    else:
        findings += as_uploaded(swagger_doc.findings)
    if props_doc is not None:
        findings += as_uploaded(props_doc.findings)
    readme_path = find_entry(folder, README_NAME)  # a FIFO or folder of that name: InputUnreadable
    readme_doc = None
    if readme_path:
        try:
            readme_doc = Document(str(readme_path), read_input_bytes(readme_path).decode("utf-8", errors="replace"))
        except OSError as exc:
            findings.append(Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}",
                                    str(readme_path), "", 0, 0, "make readme.md a regular file"))
    findings += _odd_icon_findings(folder)
    return LoadedConnector(folder.name, swagger_doc.data if swagger_doc else None,
                           props_doc.data if props_doc else None, read_findings=findings,
                           swagger_doc=swagger_doc, properties_doc=props_doc, folder=folder,
                           readme_doc=readme_doc, script_doc=_script_document(folder, findings))


def _odd_icon_findings(folder: Path) -> list[Finding]:
    """InputUnreadable for an icon.png that is no regular file (a FIFO, a folder, a dangling
    link): the icon checks would otherwise treat it as absent. A regular one is checked later."""
    from generator.source import find_entry, read_input_bytes
    from generator.validate.icon import ICON_NAME

    path = find_entry(folder, ICON_NAME)
    if path is None or path.is_file():
        return []
    try:
        read_input_bytes(path)  # refuses without blocking, and says why
    except OSError as exc:
        return [Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}", str(path), "",
                        0, 0, "make icon.png a regular PNG file")]
    return []


def _script_document(folder: Path, findings: list[Finding]):
    """The folder's script.csx as text, or None; a script that cannot be read is a finding."""
    from generator.source import Document, find_entry, read_input_bytes

    path = find_entry(folder, SCRIPT_NAME)  # a FIFO or folder of that name: InputUnreadable
    if path is None:
        return None
    try:
        data = read_input_bytes(path)
    except OSError as exc:
        findings.append(Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}",
                                str(path), "", 0, 0, "make script.csx a regular file"))
        return None
    if len(data) > SCRIPT_MAX_BYTES:
        findings.append(Finding("ScriptTooLarge", Severity.ERROR,
                                f"script.csx is {len(data):,} bytes; custom code may be at most "
                                f"{SCRIPT_MAX_BYTES:,} bytes", str(path), "", 1, 1,
                                "move logic out of the script (policy templates, the service itself)"))
    return Document(str(path), data.decode("utf-8-sig", errors="replace"))


def is_connector_folder(path: Path) -> bool:
    from generator.source import find_file

    return path.is_dir() and find_file(path, SWAGGER_NAME) is not None
