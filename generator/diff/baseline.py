"""The pull-request side of `pacgen validate`: which targets a git change touched (``--changed``),
and which findings are new since a base revision (``--new-since``)."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from pathlib import Path

from generator.diff.git import GitError, Revision, base_commit, repository_root
from generator.findings import Finding


def changed_targets(base: str, given: list[Path] = ()) -> list[Path]:
    """The connectors (specs, connector folders) a change since ``base`` touched and that still
    exist, as paths from the current folder, leaving out those already ``given``. GitError when
    git cannot answer."""
    from generator.diff.changed import changed_connectors

    known = {Path(path).resolve() for path in given}
    return [item.path for item in changed_connectors(base)
            if item.path is not None and item.path.resolve() not in known]


def finding_key(finding: Finding) -> tuple[str, str, str]:
    """What identifies a finding across revisions: no file, line or column (they move)."""
    return finding.code, finding.pointer, finding.message


def only_new(findings: list[Finding], baseline: list[Finding]) -> list[Finding]:
    """``findings`` minus those the baseline already had, counted: when a finding occurs twice now
    and once before, one of them is new."""
    debts = collections.Counter(finding_key(f) for f in baseline)
    kept = []
    for finding in findings:
        key = finding_key(finding)
        if debts[key]:
            debts[key] -= 1
        else:
            kept.append(finding)
    return kept


@dataclass
class Baseline:
    """The findings each target had at the merge base of ``base`` (validated from git objects,
    no checkout); a target that did not exist there had none."""

    base: str
    selection: object
    docs_page: str | dict | None = None  # one page, or each target's (str(target) → page)
    _revision: Revision | None = field(default=None, init=False)

    def revision(self) -> Revision:
        if self._revision is None:
            root = repository_root()
            self._revision = Revision(base_commit(self.base), root, self.base)
        return self._revision

    def findings_of(self, target: str | Path) -> list[Finding]:
        from generator.diff.sides import UnusableSide, load_revision_path, usable
        from generator.spec.loader import SpecError
        from generator.validate.pipeline import validate

        revision = self.revision()
        try:
            relative = Path(target).resolve().relative_to(revision.root.resolve()).as_posix()
        except ValueError:
            raise GitError(f"{target} is not inside the repository {revision.root}") from None
        if revision.kind(relative) is None:
            return []
        try:
            connector = usable(load_revision_path(revision, relative), relative)
        except (UnusableSide, SpecError):
            return []  # unusable at base: every finding now is new
        page = self.docs_page.get(str(target)) if isinstance(self.docs_page, dict) else self.docs_page
        return validate(connector, self.selection, page).findings

    def new_findings(self, target: str | Path, findings: list[Finding]) -> list[Finding]:
        return only_new(findings, self.findings_of(target))
