"""The validation stages for one connector: read → OpenAPI 2.0 → Power Platform rules (which
include the apiProperties checks) → documented field tables. Each stage returns findings; none
raises for bad input. Findings are placed (file:line:col) here, once, at the end."""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.findings import Finding, Severity
from generator.pipeline import LoadedConnector
from generator.report.cap import cap_findings
from generator.report.mask import mask_findings, secret_values
from generator.source import find_file
from generator.spec.loader import SpecError
from generator.validate.rule import load_all_rules, run_rules

SUPPRESS_FILE = ".pacgen.yaml"
OPENAPI_CODE = "OpenApiInvalid"


@dataclass(frozen=True)
class Suppression:
    code: str
    reason: str
    pointer: str = ""  # a prefix; empty silences the code everywhere in the connector


@dataclass
class Selection:
    """Which codes to report: --select/--ignore patterns (fnmatch) and per-connector suppressions."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        if self.select and not any(fnmatch.fnmatchcase(code, p) for p in self.select):
            return False
        return not any(fnmatch.fnmatchcase(code, p) for p in self.ignore)


@dataclass
class Outcome:
    connector: LoadedConnector
    findings: list[Finding] = field(default_factory=list)
    suppressed: int = 0
    extra: dict = field(default_factory=dict)


def suppressions_of(connector: LoadedConnector) -> tuple[list[Suppression], list[Finding]]:
    """Suppressions from the spec's `suppress:` list or the folder's .pacgen.yaml."""
    if connector.spec is not None:
        entries, where = connector.spec.data.get("suppress", []), connector.spec.path
    elif connector.folder is not None and (connector.folder / SUPPRESS_FILE).exists():
        where = str(connector.folder / SUPPRESS_FILE)
        try:
            entries = _suppression_entries(connector.folder / SUPPRESS_FILE)
        except SpecError as exc:
            return [], [finding._replace(code="SuppressionInvalid", message=f"cannot read suppressions: "
                                         f"{finding.message}") for finding in exc.findings]
    else:
        return [], []
    found, problems = [], []
    if not isinstance(entries, list):
        return [], [Finding("SuppressionInvalid", Severity.ERROR, "`suppress` must be a list", where, "",
                            1, 1, "write `suppress: [{code: RuleCode, reason: why it does not apply}]`")]
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("code") or not str(entry.get("reason", "")).strip():
            problems.append(Finding("SuppressionInvalid", Severity.ERROR,
                                    f"suppression {entry!r} needs a code and a reason", where, "", 1, 1,
                                    "write {code: RuleCode, reason: why it does not apply}"))
            continue
        found.append(Suppression(str(entry["code"]), str(entry["reason"]), str(entry.get("pointer", ""))))
    return found, problems


def _suppression_entries(path: Path) -> list:
    """The `suppress:` list of a .pacgen.yaml, read by the spec loader (so with its limits)."""
    from generator.spec.loader import load_spec

    try:
        data = load_spec(path).data
    except SpecError as exc:
        if [finding.code for finding in exc.findings] == ["SpecEmpty"]:
            return []
        raise
    return data.get("suppress", []) if isinstance(data, dict) else []


def validate(connector: LoadedConnector, selection: Selection | None = None,
             docs_page: str | None = None) -> Outcome:
    selection = selection or Selection()
    outcome = Outcome(connector)
    findings = list(connector.read_findings)
    if isinstance(connector.swagger, dict):
        findings += _openapi_findings(connector)
        rules = [rule for code, rule in load_all_rules().items() if selection.wants(code)]
        # Capped before placing: placing is most of a finding's cost (the cap's key is per
        # connector here, so per file for the swagger, whose findings are nearly all).
        for finding in cap_findings(run_rules(connector.swagger, connector.properties, rules), _by_code):
            findings.append(connector.place(finding))
        findings += _file_findings(connector, selection)
        if docs_page is not None:
            findings += _docs_findings(connector, docs_page, outcome)
    elif not connector.read_findings:
        where = connector.swagger_doc.path if connector.swagger_doc is not None else connector.name
        findings.append(Finding("OpenApiInvalid", Severity.ERROR, "the swagger is not a JSON object",
                                where, "", 1, 1, "the file must hold one JSON object"))
    suppressions, problems = suppressions_of(connector)
    kept = []
    for finding in findings:
        if not selection.wants(finding.code):
            continue
        if any(s.code == finding.code and finding.pointer.startswith(s.pointer) for s in suppressions):
            outcome.suppressed += 1
            continue
        kept.append(finding)
    secrets = secret_values(connector.swagger, connector.properties,
                            connector.spec.data if connector.spec is not None else None)
    outcome.findings = sorted(mask_findings(kept + problems, secrets), key=Finding.sort_key)
    return outcome


def _openapi_findings(connector: LoadedConnector) -> list[Finding]:
    from generator.validate.oas2 import check_oas2

    found = (Finding(OPENAPI_CODE, Severity.ERROR, problem.message, pointer=problem.pointer,
                     hint="fix the document so that it is valid OpenAPI 2.0")
             for problem in check_oas2(connector.swagger))
    return [connector.place(finding) for finding in cap_findings(found, _by_code)]


def _by_code(finding: Finding) -> str:
    return finding.code


def _file_findings(connector: LoadedConnector, selection: Selection) -> list[Finding]:
    """The file stage: rules that read a file's text (layout of the swagger, readme sections)."""
    from generator.validate.file_rule import check_text, load_file_rules

    rules = [rule for code, rule in load_file_rules().items() if selection.wants(code)]
    found = []
    for document, target in ((connector.swagger_doc, "swagger"), (connector.readme_doc, "readme")):
        if document is not None and document.text:
            found += check_text(document, target, rules)
    return found


def _docs_findings(connector: LoadedConnector, page: str, outcome: Outcome) -> list[Finding]:
    from generator.docs.commands import check_against_page

    result = check_against_page(connector, page)
    outcome.extra.update(result.stats)
    return result.findings


def discover(paths: list[Path]) -> list[Path]:
    """Expand the command line: specs, swagger files and connector folders as given; any other
    folder stands for every connector folder below it (the corpus layout)."""
    found: list[Path] = []
    for path in paths:
        if path.is_file() or find_file(path, "apiDefinition.swagger.json") is not None:
            found.append(path)
        elif path.is_dir():
            below = sorted({p.parent for p in path.rglob("*") if p.is_file()
                            and p.name.lower() == "apidefinition.swagger.json"})
            found += below or [path]  # an empty folder is reported as holding no connector
        else:
            found.append(path)  # reported as unusable by the caller
    return found


#: From this many targets on, a run prepares for volume: worker processes, fewer collections.
MANY_TARGETS = 8


@dataclass
class TargetResult:
    """What validating one command-line target gave; ``unusable`` when it could not be read."""

    target: str
    findings: list[Finding]
    suppressed: int = 0
    extra: dict = field(default_factory=dict)
    unusable: bool = False


def validate_target(target: Path, selection: Selection, docs_page: str | None = None) -> TargetResult:
    """Load and validate one spec, folder or file; input that cannot be read becomes findings."""
    from generator.pipeline import load_connector

    try:
        connector = load_connector(target)
    except SpecError as exc:
        return TargetResult(str(target), exc.findings, unusable=True)
    except OSError as exc:
        return TargetResult(str(target), [Finding("InputUnreadable", Severity.ERROR,
                                                  f"cannot read: {exc.strerror or exc}", str(target), "", 0, 0,
                                                  "check the path")], unusable=True)
    except Exception as exc:  # noqa: BLE001 - one connector's failure must not end a run over many
        return TargetResult(str(target), [_crash_finding(target, exc)], unusable=True)
    swagger_findings = connector.swagger_doc.findings if connector.swagger_doc is not None else []
    unreadable = any(f.code == "InputUnreadable" for f in swagger_findings)
    if unreadable or (connector.folder is not None and connector.swagger_doc is None):
        return TargetResult(str(target), list(connector.read_findings), unusable=True)
    try:
        outcome = validate(connector, selection, docs_page)
    except Exception as exc:  # noqa: BLE001 - as above: reported as this connector's finding
        return TargetResult(str(target), [_crash_finding(target, exc)], unusable=True)
    return TargetResult(str(target), outcome.findings, outcome.suppressed, outcome.extra)


def _crash_finding(target: Path, exc: Exception) -> Finding:
    """A failure of pacgen itself on one connector, reported as that connector's finding."""
    return Finding("ValidationCrashed", Severity.ERROR,
                   f"pacgen could not validate this connector ({type(exc).__name__})", str(target), "", 0, 0,
                   "this is a bug in pacgen: please report it with the connector; the other connectors"
                   " were checked")


def validate_targets(targets: list[Path], selection: Selection, docs_page: str | None = None,
                     jobs: int = 1) -> Iterator[TargetResult]:
    """Results in the order of ``targets``; with ``jobs`` > 1 several processes share the work
    (connectors are independent, and a corpus run is CPU-bound)."""
    check = functools.partial(validate_target, selection=selection, docs_page=docs_page)
    if len(targets) < MANY_TARGETS:  # a spec and its folder, say: set-up would cost more than it saves
        yield from map(check, targets)
        return
    from generator.validate.oas2 import preload

    load_all_rules()  # imported once here; forked workers inherit the modules
    preload()
    with _few_collections():
        if jobs <= 1:
            yield from map(check, targets)
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(16, len(targets) // (jobs * 8)))
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            yield from pool.map(check, targets, chunksize=chunk)


@contextlib.contextmanager
def _few_collections():
    """Fewer garbage collections during a run over many connectors. Each connector allocates
    hundreds of thousands of short-lived objects, and with the default thresholds Python keeps
    re-scanning every long-lived object (modules, rule caches): a fifth of a corpus run. Objects
    that exist now are frozen out of the scans (forked workers inherit that too)."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)
