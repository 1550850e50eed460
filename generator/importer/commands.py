"""`pacgen import` (connector folder → spec) and `pacgen roundtrip` (import + build == original?)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli import EXIT_FINDINGS, EXIT_UNUSABLE, fail_with


@click.command("import")
@click.argument("folder", metavar="DIR_OR_FILE", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Spec file to write (e.g. spec/NAME.yaml); without it the spec goes to stdout.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT when it exists.")
def import_command(folder: Path, output: Path | None, force: bool) -> None:
    """Write the spec of an existing connector folder (apiDefinition.swagger.json + apiProperties.json;
    icon.png and script.csx are named in the spec), or of one OpenAPI 3.0/3.1 or Swagger 2.0 file
    (JSON or YAML; an OpenAPI 3 document is converted, and every change or loss is reported).

    The spec is built again in memory and compared with the original files: exit 1 (spec still
    written) when the rebuild would differ, naming the first differing JSON pointer."""
    from generator.importer.convert import build_documents, compare, import_api_file, import_connector
    from generator.importer.emit import comment_text
    from generator.importer.reader import ImportError_
    from generator.render import RenderError, write_atomically
    from generator.report.emit import emit
    from generator.spec.loader import SpecError

    if output is not None and output.exists() and not force:
        click.echo(f"{output} exists: pass --force to overwrite it", err=True)
        sys.exit(EXIT_UNUSABLE)
    try:
        imported = import_api_file(folder, output) if folder.is_file() else import_connector(folder, output)
    except ImportError_ as exc:
        fail_with(exc.findings)
    if imported.warnings:
        emit(imported.warnings, "text", stream=sys.stderr)
    if output is None:
        sys.stdout.write(imported.text)
    else:
        try:
            write_atomically(output.parent, [(output.name, imported.text.encode("utf-8"))])
        except OSError as exc:
            click.echo(f"{output}: cannot write: {exc.strerror or exc}; nothing was changed", err=True)
            sys.exit(EXIT_UNUSABLE)
    target = output or "the spec (stdout)"
    operations = len(imported.spec.get("operations", []))
    try:
        swagger, properties = build_documents(imported.text, str(output or "<stdout>"))
    except SpecError as exc:
        emit(exc.findings, "text", stream=sys.stderr)
        click.echo(f"{target}: written, but it does not build yet (see above)", err=True)
        sys.exit(EXIT_FINDINGS)
    except RenderError as exc:
        click.echo(f"{target}: written, but it does not render: {exc}", err=True)
        sys.exit(EXIT_FINDINGS)
    where = compare(imported.files, swagger, properties, order=imported.keeps_order)
    if where is None:
        click.echo(f"wrote {target}: {operations} operations; `pacgen build` gives the same connector",
                   err=True)
        return
    click.echo(f"wrote {target}: {operations} operations; the rebuilt connector differs at "
               f"{comment_text(where)}", err=True)
    for note in imported.lossy:  # escaped: keys from the input must not drive the terminal
        click.echo(comment_text(f"  {'/'.join(map(str, note.path)) or 'top level'}: {note.text}"), err=True)
    sys.exit(EXIT_FINDINGS)


@click.command("roundtrip")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes to use (default: one per CPU).")
@click.option("--min-exact", type=click.FloatRange(0, 100), default=99.0, show_default=True,
              help="Exit 1 when fewer than this percentage of the parseable connectors come back exact.")
@click.option("-v", "--verbose", is_flag=True, help="Also list the connectors that are not valid JSON.")
def roundtrip(paths, jobs, min_exact, verbose) -> None:
    """Import every connector folder under PATHS, build each spec in memory and compare the two
    JSON files with the originals (values, telling 1 from 1.0); importing the rebuilt connector must
    give the same spec again. Prints each differing connector with its first differing pointer."""
    from generator.importer.roundtrip import run

    summary = run(paths, jobs)
    if not summary.outcomes:
        click.echo("no connector folders (with apiDefinition.swagger.json) found", err=True)
        sys.exit(EXIT_UNUSABLE)
    for outcome in summary.outcomes:
        if outcome.status in ("differing", "crashed") or (verbose and outcome.status == "unparseable"):
            where = f" at {outcome.where}" if outcome.where else ""
            click.echo(f"{outcome.status}: {outcome.folder}{where}: {outcome.reason}")
    share = 100 * summary.exact_share
    crashes = summary.count("crashed")
    click.echo(f"connectors: {len(summary.outcomes)}  parseable: {summary.parseable}  "
               f"exact: {summary.count('exact')}  differing: {summary.count('differing')}  "
               f"{f'crashed: {crashes}  ' if crashes else ''}"
               f"({share:.1f} % of parseable exact) in {summary.seconds:.1f} s on {summary.jobs} "
               f"process{'es' if summary.jobs > 1 else ''}")
    click.echo(f"spec lines / JSON lines: median {100 * summary.size_percentile(0.5):.1f} %, "
               f"p10 {100 * summary.size_percentile(0.1):.1f} %, p90 {100 * summary.size_percentile(0.9):.1f} %")
    if share < min_exact:
        click.echo(f"below the required {min_exact:g} % exact", err=True)
        sys.exit(EXIT_FINDINGS)
    if crashes:  # a bug in pacgen fails the run whatever the share
        sys.exit(EXIT_FINDINGS)
