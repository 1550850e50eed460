"""``pacgen docs``: check a connector against its published reference page, extract a page's facts,
render the page a connector would get.

Exit codes follow the CLI's: 0 fine, 1 findings, 2 unusable input.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.docs.check import check_against_page, read_page_file
from generator.docs.flatten import page_from_connector
from generator.docs.model import Page, to_json
from generator.docs.render import render_page
from generator.exit_codes import EXIT_FINDINGS, EXIT_UNUSABLE
from generator.findings import Finding, Severity
from generator.report import FORMATS

PAGE_NAME = "reference.md"


def _emit(findings: list[Finding], fmt: str, extra: dict | None = None, seconds: float = 0.0,
          stream=None) -> None:
    from generator.report.emit import Summary, emit

    emit(findings, fmt, Summary(connectors=1, seconds=seconds, extra=extra or {}), stream=stream)


def _unusable(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(EXIT_UNUSABLE)


def _output_path(option: str, what: str) -> Path:
    """The -o value as a path; an empty one is refused (it would silently mean the current folder)."""
    if not option:
        _unusable(f"-o/--output is empty: name the {what}")
    return Path(option)


def _write(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` all or nothing: a failure leaves the previous file as it was."""
    from generator.render import write_atomically

    if not target.name:
        _unusable(f"-o {str(target)!r} names no file: name the file to write")
    if target.parent.exists() and not target.parent.is_dir():
        _unusable(f"{target}: cannot write: {target.parent} is not a folder; nothing was changed")
    try:
        write_atomically(target.parent, [(target.name, text.encode("utf-8"))])
    except OSError as exc:
        _unusable(f"{target}: cannot write: {exc.strerror or exc}; nothing was changed")


def _load(path: Path, fmt: str):
    """The connector behind a spec, a connector folder or a swagger file; exit 2 when it is unusable."""
    from generator.pipeline import load_connector
    from generator.spec.loader import SpecError

    try:
        connector = load_connector(path)
    except SpecError as exc:
        _emit(list(exc.findings), fmt, stream=sys.stderr if fmt == "text" else sys.stdout)
        sys.exit(EXIT_UNUSABLE)
    except OSError as exc:
        _unusable(f"{path}: cannot read: {exc.strerror or exc}")
    if not isinstance(connector.swagger, dict):
        findings = list(getattr(connector, "read_findings", []) or [])
        if findings:
            _emit(findings, fmt, stream=sys.stderr if fmt == "text" else sys.stdout)
        _unusable(f"{path}: no usable swagger")
    unreadable = [f for f in getattr(connector, "read_findings", []) or [] if f.code == "InputUnreadable"]
    if unreadable:  # e.g. apiProperties.json a FIFO: a page without its connection parameters would mislead
        _emit(unreadable, fmt, stream=sys.stderr if fmt == "text" else sys.stdout)
        _unusable(f"{path}: {Path(unreadable[0].file).name} cannot be read")
    return connector


def _where(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}:{finding.column}" if finding.line else finding.file


def _describe(page: Page) -> str:
    params = sum(len(op.parameters) for op in page.operations)
    returns = sum(len(op.returns) for op in page.operations)
    return (f"{len(page.operations)} operation(s) ({len(page.actions)} action(s), {len(page.triggers)} "
            f"trigger(s)), {params} parameter row(s), {returns} return row(s), "
            f"{len(page.connection_parameters)} connection parameter(s), {len(page.throttling)} throttling "
            f"limit(s)")


@click.group("docs")
def docs() -> None:
    """Reference pages: check a connector against its page, extract a page's tables, render a page."""


@docs.command("check")
@click.argument("connector", metavar="SPEC_OR_CONNECTOR", type=click.Path(exists=True, path_type=Path))
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
def check_command(connector: Path, page: Path, fmt: str) -> None:
    """Compare SPEC_OR_CONNECTOR with PAGE (a reference page in any language, or its extracted JSON).

    Operations are matched by operation ID, name, or their parameter keys and return paths; every
    parameter row (key, required, type), returns row (path, type), connection parameter and throttling
    limit that differs is an error."""
    started = time.monotonic()
    loaded = _load(connector, fmt)
    checked = check_against_page(loaded, page)
    unreadable = [f for f in checked.findings if f.code == "DocsPageUnreadable"]
    if unreadable:
        _unusable(f"{_where(unreadable[0])}: {unreadable[0].message}")
    _emit(checked.findings, fmt, checked.stats, time.monotonic() - started)
    if any(f.severity == Severity.ERROR for f in checked.findings):
        sys.exit(EXIT_FINDINGS)


@docs.command("extract")
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the JSON here instead of standard output.")
def extract_command(page: Path, output: str | None) -> None:
    """Read PAGE's tables into language-neutral JSON (to commit as the documented facts)."""
    try:
        facts = read_page_file(page)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        where = f"{page}:{exc.line}:{exc.column}" if getattr(exc, "line", 0) else str(page)
        _unusable(f"{where}: cannot read the page: {message}")
    text = to_json(facts)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(_output_path(output, "file to write the JSON to"), text)
        click.echo(f"wrote {output}", err=True)
    click.echo(f"{page}: {_describe(facts)}", err=True)


@docs.command("render")
@click.argument("connector", metavar="SPEC_OR_CONNECTOR", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help=f"Write {PAGE_NAME} into this folder instead of standard output.")
def render_command(connector: Path, output: str | None) -> None:
    """Render the English reference page that SPEC_OR_CONNECTOR would get, as Markdown."""
    loaded = _load(connector, "text")
    page = page_from_connector(loaded.swagger, loaded.properties, loaded.throttling)
    info = loaded.swagger.get("info") if isinstance(loaded.swagger.get("info"), dict) else {}
    description = info.get("description") if isinstance(info.get("description"), str) else ""
    text = render_page(page, loaded.title or str(info.get("title", "")), description)
    if output is None:
        click.echo(text, nl=False)
        return
    target = _output_path(output, f"folder to write {PAGE_NAME} into") / PAGE_NAME
    _write(target, text)
    click.echo(f"wrote {target}", err=True)
