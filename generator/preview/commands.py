"""`pacgen preview SPEC|FOLDER -o FILE.html`: wires the options to the preview stages and picks
the exit code (0 page written, 2 unusable input or output)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.exit_codes import EXIT_UNUSABLE


@click.command("preview")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write (replaced atomically).")
@click.option("--findings/--no-findings", default=True, show_default=True,
              help="Run the validator and show its findings on the cards.")
def preview(source: Path, output: Path, findings: bool) -> None:
    """Render SOURCE (a spec, a connector folder or a swagger file) as the designer shows it: one
    self-contained HTML page with every trigger and action card, the connection dialog and the
    validator's findings."""
    from generator.cli import fail_with
    from generator.preview import UnusableInput, preview_source
    from generator.render import write_atomically

    if _overwrites_input(source, output):
        click.echo(f"{output}: that is the input; write the page to a file of its own (-o preview.html)", err=True)
        sys.exit(EXIT_UNUSABLE)
    try:
        page, shown = preview_source(source, findings)
    except UnusableInput as exc:
        fail_with(exc.findings)
    try:
        written = write_atomically(output.parent, [(output.name, page)])
    except OSError as exc:
        click.echo(f"{output}: cannot write: {exc.strerror or exc}; nothing was changed", err=True)
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"wrote {written[0]} ({shown} finding{'s' if shown != 1 else ''} shown)", err=True)


def _overwrites_input(source: Path, output: Path) -> bool:
    """Whether writing ``output`` would replace the spec, or a file of the connector folder."""
    target = output.resolve()
    if target == source.resolve():
        return True
    return source.is_dir() and target.parent == source.resolve() and target.name.lower() in (
        "apidefinition.swagger.json", "apiproperties.json", "settings.json", "readme.md", "script.csx")

