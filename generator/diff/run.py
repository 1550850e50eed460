"""Run comparisons: one pair of sides, or every connector a git change touched. Input that cannot
be compared becomes findings and marks the result unusable (never an exception to the caller)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.diff.engine import UnrelatedConnectors, compare
from generator.diff.git import GitError
from generator.diff.rule import load_change_rules
from generator.diff.sides import UnusableSide, load_side
from generator.findings import Finding, Severity
from generator.pipeline import LoadedConnector


@dataclass
class DiffResult:
    findings: list[Finding] = field(default_factory=list)
    connectors: int = 0
    unusable: bool = False
    suppressed: int = 0

    def add(self, other: DiffResult) -> None:
        self.findings += other.findings
        self.connectors += other.connectors
        self.unusable = self.unusable or other.unusable
        self.suppressed += other.suppressed


def compare_pair(old: str, new: str, wants: Callable[[str], bool]) -> DiffResult:
    return compare_loaded(lambda: load_side(old), lambda: load_side(new), new, wants)


def compare_loaded(load_old: Callable[[], LoadedConnector], load_new: Callable[[], LoadedConnector],
                   label: str, wants: Callable[[str], bool]) -> DiffResult:
    try:
        old_side, new_side = load_old(), load_new()
        return suppressed(compare(old_side, new_side, wants), new_side)
    except UnusableSide as exc:
        return DiffResult(exc.findings, 1, unusable=True)
    except UnrelatedConnectors as exc:
        return DiffResult([_unusable(label, str(exc), "compare two versions of the same connector")], 1, True)


def suppressed(findings: list[Finding], new: LoadedConnector) -> DiffResult:
    """NEW's own suppressions (the spec's `suppress:` list, the folder's .pacgen.yaml) apply to
    change codes too: a breaking change accepted on purpose, with its reason, in the change itself."""
    from generator.validate.pipeline import suppressions_of

    entries, problems = suppressions_of(new)
    kept = [f for f in findings if not any(s.code == f.code and f.pointer.startswith(s.pointer) for s in entries)]
    return DiffResult(kept + problems, 1, suppressed=len(findings) - len(kept))


def compare_changed(base: str, wants: Callable[[str], bool]) -> DiffResult:
    from generator.diff.changed import changed_connectors

    try:
        changed = changed_connectors(base)
    except (GitError, OSError) as exc:
        return DiffResult([_unusable(base, str(exc), "run inside the repository; fetch BASE first")], 0, True)
    result = DiffResult()
    for item in changed:
        if item.path is None:
            result.add(_whole("ConnectorRemoved", wants, item.display,
                              f"The connector '{item.relative}' has been deleted since {base}. This change "
                              "breaks every flow that uses it.", "keep the connector"))
        elif not item.in_base:
            result.add(_whole("ConnectorAdded", wants, str(item.path),
                              f"The connector '{item.relative}' is new since {base}: nothing to compare."))
        else:
            result.add(_compare_with_base(item, wants))
    return result


def _compare_with_base(item, wants: Callable[[str], bool]) -> DiffResult:
    """The connector against its base version; a base version that cannot be read (a pull request
    that repairs a broken file) leaves nothing to compare, like a new connector."""
    try:
        old = item.load_base()
    except (UnusableSide, GitError) as exc:
        problem = exc.findings[0].message if isinstance(exc, UnusableSide) else str(exc)
        return _whole("ConnectorAdded", wants, str(item.path),
                      f"The connector '{item.relative}' cannot be read at {item.base.label} ({problem}): "
                      "nothing to compare.")
    return compare_loaded(lambda: old, lambda: load_side(str(item.path)), str(item.path), wants)


def _whole(code: str, wants: Callable[[str], bool], where: str, message: str, hint: str = "") -> DiffResult:
    rule = load_change_rules()[code]
    return DiffResult([Finding(code, rule.severity, message, where, "", 0, 0, hint)] if wants(code) else [], 1)


def _unusable(where: str, message: str, hint: str) -> Finding:
    return Finding("InputUnreadable", Severity.ERROR, message, where, "", 0, 0, hint)
