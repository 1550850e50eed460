from __future__ import annotations

import collections
import sys
from dataclasses import dataclass, field
from typing import TextIO

from generator import __version__
from generator.findings import Finding, Severity
from generator.jsontext import dumps
from generator.printable import backslash_escaped
from generator.report.cap import cap_findings

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}


@dataclass
class Summary:
    """Counts that end a report; ``extra`` carries stage-specific figures (e.g. rows compared).
    ``seconds`` is shown to people (the text format) only: a machine-read report (JSON) holds
    results, not measurements, so the same input gives the same bytes."""

    connectors: int = 0
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)

    def as_dict(self, findings: list[Finding]) -> dict:
        by_severity: collections.Counter = collections.Counter()
        by_code: dict[str, dict[str, int]] = {}
        for finding in findings:  # a capped finding also counts those it stands for
            by_severity[finding.severity.value] += 1 + finding.omitted
            by_code.setdefault(finding.code, collections.Counter())[finding.severity.value] += 1 + finding.omitted
        return {
            "connectors": self.connectors,
            "errors": by_severity.get("error", 0),
            "warnings": by_severity.get("warning", 0),
            "infos": by_severity.get("info", 0),
            "by_code": {code: dict(counts) for code, counts in sorted(by_code.items())},
            **self.extra,
        }


def _location(finding: Finding) -> str:
    if finding.line:
        return f"{finding.file}:{finding.line}:{finding.column}"
    return finding.file or "<input>"


def render_text(findings: list[Finding], summary: Summary | None, colour: bool) -> str:
    lines = []
    for f in findings:
        severity = f.severity.value
        if colour:
            severity = f"{_COLOURS[f.severity]}{severity}\033[0m"
        line = f"{_location(f)}: {severity} {f.code}: {f.message}"
        if f.hint:
            line += f"\n    hint: {f.hint}"
        lines.append(line)
    if summary is not None:
        data = summary.as_dict(findings)
        head = (f"{data['connectors']} connector(s): {data['errors']} error(s), "
                f"{data['warnings']} warning(s) in {summary.seconds:.2f} s")
        extras = [f"{k}: {v}" for k, v in summary.extra.items()]
        lines.append(head + ("; " + ", ".join(extras) if extras else ""))
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(findings: list[Finding], summary: Summary | None) -> str:
    body = {"findings": [f.as_dict() for f in findings],
            "summary": (summary or Summary()).as_dict(findings)}
    return dumps(body, indent="  ", ensure_ascii=False) + "\n"


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(findings: list[Finding]) -> str:
    codes = sorted({f.code for f in findings})
    rules = [{"id": code, "helpUri": "https://learn.microsoft.com/connectors/custom-connectors/"
              "certification-swagger-validator-rules"} for code in codes]
    results = []
    for f in findings:
        result = {"ruleId": f.code, "ruleIndex": codes.index(f.code), "level": _SARIF_LEVEL[f.severity],
                  "message": {"text": f.message + (f" Hint: {f.hint}" if f.hint else "")}}
        if f.file:
            location = {"physicalLocation": {"artifactLocation": {"uri": f.file}}}
            if f.line:
                location["physicalLocation"]["region"] = {"startLine": f.line,
                                                          "startColumn": max(f.column, 1)}
            if f.pointer:
                location["logicalLocations"] = [{"fullyQualifiedName": f.pointer}]
            result["locations"] = [location]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "pacgen", "version": __version__,
                                      "informationUri": "https://github.com/pacgen/pacgen",
                                      "rules": rules}},
                  # columns count characters of the decoded text (Python str offsets, PyYAML marks)
                  "columnKind": "unicodeCodePoints",
                  "results": results}],
    }
    return dumps(log, indent="  ", ensure_ascii=False) + "\n"


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        command = {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
        props = [f"title={_escape_github(f.code, True)}"]
        if f.file:
            props.insert(0, f"file={_escape_github(f.file, True)}")
        if f.line:
            props[1:1] = [f"line={f.line}", f"col={max(f.column, 1)}"]
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        lines.append(f"::{command} {','.join(props)}::{_escape_github(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render(findings: list[Finding], fmt: str = "text", summary: Summary | None = None,
           colour: bool = False) -> str:
    findings = sorted(findings, key=Finding.sort_key)
    shown = [_printable(f, fmt) for f in cap_findings(findings)]
    if fmt == "json":
        return render_json(shown, summary)
    if fmt == "sarif":
        return render_sarif(shown)
    if fmt == "github":
        return render_github(shown)
    return render_text(shown, summary, colour)


def _printable(finding: Finding, fmt: str) -> Finding:
    """The finding with input text made safe to print. Line breaks are escaped in text (one
    finding, one line) and in GitHub's file and title properties; JSON escapes them itself and
    GitHub's messages encode them (%0A)."""
    fields = {}
    for name in ("message", "hint", "file", "pointer"):
        value = getattr(finding, name)
        line_breaks = fmt == "text" or (fmt == "github" and name in ("file", "pointer"))
        cleaned = backslash_escaped(value, line_breaks)
        if cleaned != value:
            fields[name] = cleaned
    return finding._replace(**fields) if fields else finding


def emit(findings: list[Finding], fmt: str = "text", summary: Summary | None = None,
         stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    colour = fmt == "text" and hasattr(stream, "isatty") and stream.isatty()
    stream.write(render(findings, fmt, summary, colour))
