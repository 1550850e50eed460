"""`pacgen validate`: what to check (paths, or the project's connectors), with which rules
(configuration, overridden by options), and the exit code.

Exit codes: 0 fine; 1 errors (or warnings with --strict), including one unusable connector among
others; 2 usage (an unknown code, no target) or when every target is unusable.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

from generator.exit_codes import EXIT_FINDINGS, EXIT_UNUSABLE
from generator.findings import Finding, Severity
from generator.project import Project


@dataclass(frozen=True)
class Request:
    paths: tuple[Path, ...]
    names: tuple[str, ...]
    fmt: str
    strict: bool
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    docs_page: Path | None
    jobs: int
    changed_base: str | None = None  # also the connectors a git change since this base touched
    new_since: str | None = None  # only findings the base version did not have


def run_validate(request: Request, project: Project | None) -> int:
    from generator.diff.git import GitError
    from generator.report.emit import Summary, emit
    from generator.validate.pipeline import default_jobs, validate_targets

    started = time.perf_counter()
    selection = _selection(request, project)  # exits 2 on an unknown code
    try:
        targets, docs = _targets(request, project)
        baseline = _baseline(request, selection, docs)
    except GitError as exc:
        _usage(str(exc))
    if not targets:
        click.echo(f"no connector changed since {request.changed_base}", err=True)
        return 0
    results = []
    show_progress = len(targets) > 1 and sys.stderr.isatty()
    stream = validate_targets(targets, selection, docs, request.jobs or default_jobs(len(targets)))
    with click.progressbar(stream, length=len(targets), label="validating", file=sys.stderr,
                           hidden=not show_progress) as bar:
        for result in bar:
            if baseline is not None and not result.unusable:
                try:
                    result.findings = baseline.new_findings(result.target, result.findings)
                except GitError as exc:
                    _usage(str(exc))
            results.append(result)
    results, merged = merge_built_folders(targets, results)
    findings = [finding for result in results for finding in result.findings]
    extra: dict = {}
    for result in results:
        extra.update(result.extra)
    suppressed = sum(result.suppressed for result in results)
    if suppressed:
        extra["suppressed"] = suppressed
    connectors = sum(1 for result in results if _read(result))
    emit(findings, request.fmt, Summary(connectors=connectors, seconds=time.perf_counter() - started, extra=extra))
    if results and all(result.unusable for result in results):
        return EXIT_UNUSABLE
    failing = {Severity.ERROR, Severity.WARNING} if request.strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else 0


def _read(result) -> bool:
    """Whether the target was a connector pacgen could read: its swagger was checked (though a
    misspelt suppression or an unreadable apiProperties.json makes the input unusable)."""
    return not result.unusable or result.validated


def _selection(request: Request, project: Project | None):
    """Options override the configuration: --select replaces its `select`, --ignore adds to its
    `ignore`. A code that matches nothing is a usage error (a typo would switch a check off)."""
    from generator.codes import unknown_code_problems
    from generator.validate.pipeline import Selection

    rules = project.rules if project is not None else None
    problems = [f"--select/--ignore: {p}" for p in unknown_code_problems([*request.select, *request.ignore])]
    if problems:
        for problem in problems:
            click.echo(f"pacgen validate: {problem}", err=True)
        sys.exit(EXIT_UNUSABLE)
    if rules is None:
        return Selection(request.select, request.ignore)
    configured = [*rules.select, *rules.ignore, *rules.severity,
                  *(code for codes in rules.per_path_ignores.values() for code in codes)]
    for code in configured:
        for problem in unknown_code_problems([code]):
            line, column = project.position_of(code)
            click.echo(f"{project.path}:{line}:{column}: error ConfigInvalid: {problem}", err=True)
            sys.exit(EXIT_UNUSABLE)
    return Selection(request.select or rules.select, (*rules.ignore, *request.ignore), dict(rules.severity),
                     dict(rules.per_path_ignores), str(project.root))


def _targets(request: Request, project: Project | None) -> tuple[list[Path], object]:
    """The paths to validate and the reference page(s): --docs for PATHs; for the project's
    connectors and those a git change touched, each spec's page from the configuration."""
    from generator.targets import UsageProblem, validate_paths
    from generator.validate.pipeline import discover

    if request.names and (request.paths or request.changed_base):
        _usage("give either PATHs (or --changed) or --connector, not both")
    if request.paths or request.changed_base:
        paths = list(request.paths)
        changed = []
        if request.changed_base:
            from generator.diff.baseline import changed_targets

            changed = changed_targets(request.changed_base, paths)
        targets = discover(paths + changed)
        if request.docs_page is not None:
            return targets, str(request.docs_page)
        return targets, _configured_pages(changed, project)
    try:
        paths, docs = validate_paths(request.names, project)
    except UsageProblem as exc:
        _usage(str(exc))
    if request.docs_page is not None:
        _usage("--docs applies to PATHs; the project's connectors name their pages in the configuration")
    return paths, {str(spec): str(page) for spec, page in docs.items()}


def _configured_pages(paths: list[Path], project: Project | None) -> dict[str, str]:
    """The reference pages the configuration gives the specs among ``paths``."""
    pages = {}
    for path in paths:
        listed = project.connector_for_spec(Path(path)) if project is not None else None
        if listed is not None and listed.docs is not None:
            pages[str(path)] = str(listed.docs)
    return pages


def _baseline(request: Request, selection, docs):
    """The findings at the --new-since base, to report only new ones (None without the option)."""
    if not request.new_since:
        return None
    from generator.diff.baseline import Baseline

    baseline = Baseline(request.new_since, selection, docs)
    baseline.revision()  # GitError now, before any work, when the base cannot be read
    return baseline


def _usage(message: str):
    click.echo(f"pacgen validate: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


def merge_built_folders(targets: list[Path], results: list) -> tuple[list, int]:
    """A connector folder built from a spec that is also a target is the same connector: its
    findings that the spec already reported (same code, same element) are dropped, the rest join
    the spec's result. Returns the results and how many folders were merged."""
    from generator.render.folder import built_from

    by_spec = {Path(t).resolve(): i for i, t in enumerate(targets) if Path(t).suffix.lower() in (".yaml", ".yml")}
    merged_into: dict[int, int] = {}
    for index, target in enumerate(targets):
        spec = built_from(Path(target)) if Path(target).is_dir() else None
        if spec is not None and spec in by_spec:
            merged_into[index] = by_spec[spec]
    if not merged_into:
        return results, 0
    results = list(results)
    for folder_index, spec_index in merged_into.items():
        spec_result, folder_result = results[spec_index], results[folder_index]
        seen = {(f.code, f.pointer) for f in spec_result.findings}
        extra = [f for f in folder_result.findings if (f.code, f.pointer) not in seen]
        spec_result.findings = sorted([*spec_result.findings, *extra], key=Finding.sort_key)
        spec_result.unusable = spec_result.unusable and folder_result.unusable
    return [r for i, r in enumerate(results) if i not in merged_into], len(merged_into)
