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

if TYPE_CHECKING:
    from generator.findings import Finding

# Modules only some commands need are imported inside them: `pacgen build` runs in every edit
# loop, and its start-up time is most of its cost.

from generator.exit_codes import EXIT_FINDINGS, EXIT_UNUSABLE  # noqa: F401  (commands import them from here)


def fail_with(findings: list[Finding], fmt: str = "text") -> None:
    """Report findings that make the input unusable, then exit 2 (never a traceback)."""
    from generator.report.emit import emit

    emit(findings, fmt, stream=sys.stderr if fmt == "text" else sys.stdout)
    sys.exit(EXIT_UNUSABLE)


class LazyGroup(click.Group):
    """Subcommand groups imported only when used, so `pacgen build` stays quick to start."""

    lazy = {"docs": "generator.docs.commands:docs", "upload": "generator.upload:upload",
            "import": "generator.importer.commands:import_command",
            "roundtrip": "generator.importer.commands:roundtrip", "diff": "generator.diff.commands:diff",
            "preview": "generator.preview.commands:preview", "init": "generator.scaffold:init"}

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
@click.argument("spec", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", metavar="DIR",
              help="Folder for the connector files (default: the spec's `out` in the project configuration).")
@click.option("-c", "--connector", "names", multiple=True, metavar="NAME",
              help="Build this connector of the project (repeatable; default: all when no SPEC is given).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 with a diff when the folder is stale.")
@click.option("--force", is_flag=True, help="Write into a folder holding files pacgen build did not write "
              "(they are kept) or another spec's build.")
@click.option("--reference/--no-reference", default=None,
              help="Also write the English reference page, reference.md (default: on for project connectors).")
def build(spec: Path | None, output: str | None, names: tuple[str, ...], check: bool, force: bool,
          reference: bool | None) -> None:
    """Render SPEC (or the project's connectors) into apiDefinition.swagger.json, apiProperties.json,
    settings.json and the files the spec asks for; the folder's manifest records what was written."""
    from generator.buildcmd import run_build
    from generator.targets import UsageProblem, build_targets

    try:
        targets = build_targets(spec, output, names, reference, _project())
    except UsageProblem as exc:
        click.echo(f"pacgen build: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    sys.exit(run_build(targets, check=check, force=force))


def _project():
    """The project configuration around the working directory (read once per command; commands
    call this once); exit 2 when it is unusable."""
    from generator.project import ProjectError, find_project

    try:
        return find_project()
    except ProjectError as exc:
        fail_with([exc.finding])


@main.command("connectors")
@click.argument("names", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "upload", "specs"]), default="table",
              show_default=True, help="table: name, spec, out, docs; upload: out and upload settings, "
              "tab-separated (make upload); specs: one spec path a line (make diff).")
def list_connectors(names: tuple[str, ...], fmt: str) -> None:
    """List the project's connectors (all, or NAMES) as the configuration defines them."""
    from generator.targets import UsageProblem, describe_connectors

    try:
        click.echo(describe_connectors(names, _project(), fmt), nl=False)
    except UsageProblem as exc:
        click.echo(f"pacgen connectors: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the spec format (for editors and CI)."""
    from generator.spec.check import spec_schema

    click.echo(json.dumps(spec_schema(), indent=4))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-c", "--connector", "names", multiple=True, metavar="NAME",
              help="Validate this connector of the project (repeatable; default without PATHs: all).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--select", multiple=True, metavar="CODE", help="Only these codes (glob patterns or group:NAME, see `pacgen rules --groups`; repeatable).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Not these codes (glob patterns or group:NAME; repeatable).")
@click.option("--docs", "docs_page", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also compare with this reference page (text, Markdown or extracted .json).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for many connectors; 0 = as many as pay off on this machine.")
@click.option("--changed", "changed_base", metavar="BASE",
              help="Also validate every connector a git change since BASE touched (spec, folder, any file in it).")
@click.option("--new-since", "new_since", metavar="BASE",
              help="Report only findings the connector's BASE version did not already have.")
def validate(paths, names, fmt, strict, select, ignore, docs_page, jobs, changed_base, new_since) -> None:
    """Validate connector folders, swagger files, YAML specs, or folders of connector folders;
    without PATHs, the project's connectors (each spec, its built folder and its page's tables)."""
    from generator.validatecmd import Request, run_validate

    request = Request(tuple(paths), tuple(names), fmt, strict, tuple(select), tuple(ignore), docs_page, jobs,
                      changed_base, new_since)
    sys.exit(run_validate(request, _project()))


@main.command("rules")
@click.option("--family", "by_family", is_flag=True,
              help="Group by family (the folder under generator/validate/rules/; change: `pacgen diff`).")
@click.option("--group", "group_name", metavar="NAME",
              help="Only the codes of this named group (`--select group:NAME` selects them).")
@click.option("--groups", "list_groups", is_flag=True, help="List the named groups: codes, default-on, opt-in.")
def list_rules(by_family: bool, group_name: str | None, list_groups: bool) -> None:
    """List every rule: code, severity, source of the guidance (change: `pacgen diff`), one line."""
    from generator.validate.rule import family_of

    if list_groups or group_name is not None:
        from generator.rule_groups import describe_groups

        text, problem = describe_groups(group_name)
        if problem:
            click.echo(f"pacgen rules: {problem}", err=True)
            sys.exit(EXIT_UNUSABLE)
        click.echo(text, nl=False)
        return
    rules = _every_rule()
    width = max(len(code) for code in rules)
    order = sorted(rules, key=lambda code: (family_of(rules[code]) or "change", code)) if by_family else rules
    for code in order:
        rule = rules[code]
        marker = "" if rule.offline else "  (partly online: see `pacgen rule`)"
        marker += "  (opt-in: --select it)" if getattr(rule, "opt_in", False) else ""
        family = f"{family_of(rule) or 'change':<16}  " if by_family else ""
        click.echo(f"{family}{code:<{width}}  {rule.severity.value:<7}  {rule.source:<19}  {rule.summary}{marker}")
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
    from generator.diff.rule import load_change_rules
    from generator.validate.file_rule import load_file_rules
    from generator.validate.rule import load_all_rules

    return dict(sorted({**load_all_rules(), **load_file_rules(), **load_change_rules()}.items()))


if __name__ == "__main__":  # pragma: no cover
    main()
