"""Command line: parse options, call the stages, choose the reporter, decide the exit code.

Exit codes: 0 fine, 1 findings (errors, or warnings with --strict) or stale artifacts,
2 unusable input or usage.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__
from generator.report import FORMATS
from generator.spec.loader import SpecError

if TYPE_CHECKING:
    from generator.findings import Finding

# Modules only some commands need are imported inside them: `pacgen build` runs in every edit
# loop, and its start-up time is most of its cost.

EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


def fail_with(findings: list[Finding], fmt: str = "text") -> None:
    """Report findings that make the input unusable, then exit 2 (never a traceback)."""
    from generator.report.emit import emit

    emit(findings, fmt, stream=sys.stderr if fmt == "text" else sys.stdout)
    sys.exit(EXIT_UNUSABLE)


class LazyGroup(click.Group):
    """Subcommand groups imported only when used, so `pacgen build` stays quick to start."""

    lazy = {"docs": "generator.docs.commands:docs", "upload": "generator.upload:upload",
            "import": "generator.importer.commands:import_command",
            "roundtrip": "generator.importer.commands:roundtrip"}

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx, name):
        if name in self.lazy:
            module, _, attribute = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pacgen")
def main() -> None:
    """pacgen: one YAML spec → a Power Platform custom connector, validated offline."""


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path),
              default=Path("connector"), show_default=True, help="Folder for the connector files.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 with a diff when OUTPUT is stale.")
def build(spec: Path, output: Path, check: bool) -> None:
    """Render SPEC into apiDefinition.swagger.json, apiProperties.json and settings.json."""
    from generator.build import build_artifacts
    from generator.render import write_atomically

    try:
        artifacts = build_artifacts(spec)
    except SpecError as exc:
        fail_with(exc.findings)
    if check:
        stale = _stale_artifacts(output, artifacts)
        if stale:
            sys.stdout.write("".join(stale))
            click.echo(f"{output} is stale: run `pacgen build {spec} -o {output}` (make build)", err=True)
            sys.exit(EXIT_FINDINGS)
        click.echo(f"{output} is up to date with {spec}", err=True)
        return
    try:
        written = write_atomically(output, [(a.name, a.content) for a in artifacts])
    except OSError as exc:
        click.echo(f"{output}: cannot write: {exc.strerror or exc}; nothing was changed", err=True)
        sys.exit(EXIT_UNUSABLE)
    for path in written:
        click.echo(f"wrote {path}", err=True)


def _stale_artifacts(output: Path, artifacts) -> list[str]:
    import difflib

    diffs = []
    for artifact in artifacts:
        target = output / artifact.name
        current = target.read_bytes() if target.exists() else b""
        if current == artifact.content:
            continue
        if not artifact.name.endswith((".json", ".md", ".csx")):
            diffs.append(f"Binary file {target} differs\n")
            continue
        diff = difflib.unified_diff(
            current.decode("utf-8", "replace").splitlines(keepends=True),
            artifact.content.decode("utf-8").splitlines(keepends=True),
            fromfile=f"{target} (on disk)", tofile=f"{target} (from spec)")
        diffs.append("".join(diff) or f"{target} differs\n")
    return diffs


@main.command()
def schema() -> None:
    """Print the JSON Schema of the spec format (for editors and CI)."""
    from generator.spec.check import spec_schema

    click.echo(json.dumps(spec_schema(), indent=4))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--select", multiple=True, metavar="CODE", help="Only these codes (glob patterns; repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Not these codes (glob patterns; repeatable).")
@click.option("--docs", "docs_page", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also compare with this reference page (text, Markdown or extracted .json).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for several connectors; 0 = one per CPU.")
def validate(paths, fmt, strict, select, ignore, docs_page, jobs) -> None:
    """Validate connector folders, swagger files, YAML specs, or folders of connector folders."""
    import time

    from generator.findings import Severity
    from generator.report.emit import Summary, emit
    from generator.validate.pipeline import Selection, default_jobs, discover, validate_targets

    started = time.perf_counter()
    selection = Selection(tuple(select), tuple(ignore))
    targets = discover(list(paths))
    findings: list[Finding] = []
    unusable = False
    suppressed = 0
    extra: dict = {}
    show_progress = len(targets) > 1 and sys.stderr.isatty()
    results = validate_targets(targets, selection, str(docs_page) if docs_page else None,
                               jobs or default_jobs())
    with click.progressbar(results, length=len(targets), label="validating", file=sys.stderr,
                           hidden=not show_progress) as bar:
        for result in bar:
            findings += result.findings
            unusable = unusable or result.unusable
            suppressed += result.suppressed
            extra.update(result.extra)
    if suppressed:
        extra["suppressed"] = suppressed
    summary = Summary(connectors=len(targets), seconds=time.perf_counter() - started, extra=extra)
    emit(findings, fmt, summary)
    if unusable and not any(f.severity is Severity.ERROR and f.code not in _UNUSABLE_CODES for f in findings):
        sys.exit(EXIT_UNUSABLE)
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    if any(f.severity in failing for f in findings):
        sys.exit(EXIT_FINDINGS)


_UNUSABLE_CODES = {"InputUnreadable", "SpecNotFound", "YamlSyntaxError", "SpecInvalid", "SpecUnknownKey",
                   "ConnectorFileMissing", "YamlValueInvalid", "YamlTooDeep", "YamlAliasExpansion",
                   "ValidationCrashed"}


@main.command("rules")
def list_rules() -> None:
    """List every validation rule: code, severity, source of the guidance, one line."""
    rules = _every_rule()
    width = max(len(code) for code in rules)
    for code, rule in rules.items():
        marker = "" if rule.offline else "  (partly online: see `pacgen rule`)"
        click.echo(f"{code:<{width}}  {rule.severity.value:<7}  {rule.source:<19}  {rule.summary}{marker}")
    click.echo(f"{len(rules)} rules", err=True)


@main.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Print a rule's documentation with its passing and failing example."""
    rules = _every_rule()
    if code not in rules:
        import difflib

        guess = difflib.get_close_matches(code, list(rules), n=3)
        click.echo(f"no rule {code}" + (f"; did you mean {', '.join(guess)}?" if guess else ""), err=True)
        sys.exit(EXIT_UNUSABLE)
    rule = rules[code]
    click.echo(f"{code} ({rule.severity.value}, source: {rule.source})\n\n{rule.doc()}")


def _every_rule() -> dict:
    """The rules run over the parsed documents and those that read a file's text, by code."""
    from generator.validate.file_rule import load_file_rules
    from generator.validate.rule import load_all_rules

    return dict(sorted({**load_all_rules(), **load_file_rules()}.items()))


if __name__ == "__main__":  # pragma: no cover
    main()
