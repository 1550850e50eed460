"""The validation stages for one connector: read → OpenAPI 2.0 → Power Platform rules (which
include the apiProperties checks) → documented field tables. Each stage returns findings; none
raises for bad input. Findings are placed (file:line:col) here, once, at the end."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.findings import Finding, Severity
from generator.pipeline import LoadedConnector
from generator.source import find_file
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
    elif connector.folder is not None and (connector.folder / SUPPRESS_FILE).is_file():
        where = str(connector.folder / SUPPRESS_FILE)
        try:
            entries = (yaml.safe_load((connector.folder / SUPPRESS_FILE).read_text("utf-8")) or {}).get(
                "suppress", [])
        except (yaml.YAMLError, AttributeError, UnicodeDecodeError) as exc:
            return [], [Finding("SuppressionInvalid", Severity.ERROR, f"cannot read suppressions: {exc}",
                                where, "", 1, 1, "write `suppress: [{code: X, reason: why}]`")]
    else:
        return [], []
    found, problems = [], []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not entry.get("code") or not str(entry.get("reason", "")).strip():
            problems.append(Finding("SuppressionInvalid", Severity.ERROR,
                                    f"suppression {entry!r} needs a code and a reason", where, "", 1, 1,
                                    "write {code: RuleCode, reason: why it does not apply}"))
            continue
        found.append(Suppression(str(entry["code"]), str(entry["reason"]), str(entry.get("pointer", ""))))
    return found, problems


def validate(connector: LoadedConnector, selection: Selection | None = None,
             docs_page: str | None = None) -> Outcome:
    selection = selection or Selection()
    outcome = Outcome(connector)
    findings = list(connector.read_findings)
    if isinstance(connector.swagger, dict):
        findings += _openapi_findings(connector)
        rules = [rule for code, rule in load_all_rules().items() if selection.wants(code)]
        for finding in run_rules(connector.swagger, connector.properties, rules):
            findings.append(connector.place(finding))
        if docs_page is not None:
            findings += _docs_findings(connector, docs_page, outcome)
    elif not connector.read_findings:
        findings.append(Finding("OpenApiInvalid", Severity.ERROR, "the swagger is not a JSON object",
                                connector.name, "", 1, 1, "the file must hold one JSON object"))
    suppressions, problems = suppressions_of(connector)
    kept = []
    for finding in findings:
        if not selection.wants(finding.code):
            continue
        if any(s.code == finding.code and finding.pointer.startswith(s.pointer) for s in suppressions):
            outcome.suppressed += 1
            continue
        kept.append(finding)
    outcome.findings = sorted(kept + problems, key=Finding.sort_key)
    return outcome


def _openapi_findings(connector: LoadedConnector) -> list[Finding]:
    from generator.validate.oas2 import check_oas2

    return [connector.place(Finding(OPENAPI_CODE, Severity.ERROR, problem.message, pointer=problem.pointer,
                                    hint="fix the document so that it is valid OpenAPI 2.0"))
            for problem in check_oas2(connector.swagger)]


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
            found += sorted({p.parent for p in path.rglob("*") if p.is_file()
                             and p.name.lower() == "apidefinition.swagger.json"})
        else:
            found.append(path)  # reported as unusable by the caller
    return found
