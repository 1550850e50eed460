"""`pacgen diff`: wire the options to the comparison and pick the exit code (0 nothing breaking,
1 breaking — or potentially breaking with --strict —, 2 unusable input or usage)."""

from __future__ import annotations

import sys
import time

import click

from generator.exit_codes import EXIT_FINDINGS, EXIT_UNUSABLE
from generator.findings import Finding, Severity
from generator.report import FORMATS


@click.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--changed", "base", metavar="BASE",
              help="Compare every connector a git change since BASE touched with its BASE version.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Potentially breaking changes fail too (exit 1).")
@click.option("--select", multiple=True, metavar="CODE", help="Only these codes (glob patterns or group:NAME, see `pacgen rules --groups`; repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Not these codes (glob patterns or group:NAME; repeatable).")
def diff(old, new, base, fmt, strict, select, ignore) -> None:
    """Report what changed from OLD to NEW and whether it breaks existing flows.

    OLD and NEW are each a connector folder, a swagger file, a YAML spec, or REV:PATH (the same in a
    git revision, e.g. origin/main:connector). Levels: error = breaking, warning = potentially
    breaking, info = non-breaking.
    """
    from generator.diff.engine import printable
    from generator.diff.rule import load_change_rules
    from generator.diff.run import compare_changed, compare_pair
    from generator.report.emit import Summary, emit
    from generator.validate.pipeline import Selection

    if bool(base) == bool(old and new) or (old and not new):
        raise click.UsageError("give OLD and NEW, or --changed BASE")
    from generator.codes import unknown_code_problems

    for problem in unknown_code_problems([*select, *ignore]):  # a typo would switch a check off
        raise click.UsageError(f"--select/--ignore: {problem}")
    started = time.perf_counter()
    selection = Selection(tuple(select), tuple(ignore))
    result = compare_changed(base, selection.wants) if base else compare_pair(old, new, selection.wants)
    if base and not result.unusable and result.connectors == 0:
        click.echo(f"no connector changed since {base}", err=True)
    changes = [f for f in result.findings if f.code in load_change_rules()]
    counts = {level: sum(f.severity is severity for f in changes)
              for level, severity in (("breaking", Severity.ERROR), ("potentially breaking", Severity.WARNING),
                                      ("non-breaking", Severity.INFO))}
    if result.suppressed:
        counts["suppressed"] = result.suppressed
    summary = Summary(connectors=result.connectors, seconds=time.perf_counter() - started, extra=counts)
    emit([printable(f) for f in result.findings], fmt, summary)
    sys.exit(exit_code(result.findings, result.unusable, strict))


def exit_code(findings: list[Finding], unusable: bool, strict: bool) -> int:
    if unusable:
        return EXIT_UNUSABLE
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else 0
