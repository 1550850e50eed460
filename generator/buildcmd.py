"""`pacgen build` over one or many connectors: render each, then write (or check) its folder.
One connector that cannot be built is reported and the others still run; the exit code is the
worst outcome (0 fine, 1 stale or a bad connector among several, 2 a single unusable target)."""

from __future__ import annotations

import sys

import click

from generator.exit_codes import EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE
from generator.targets import BuildTarget, shown_path


def run_build(targets: list[BuildTarget], check: bool = False, force: bool = False) -> int:
    outcomes = [_build_one(target, check, force) for target in targets]
    if len(targets) > 1:
        failed = sum(1 for outcome in outcomes if outcome != EXIT_OK)
        verb = "checked" if check else "built"
        click.echo(f"{verb} {len(targets) - failed} of {len(targets)} connector(s)", err=True)
        return EXIT_FINDINGS if failed else EXIT_OK
    return outcomes[0]


def _build_one(target: BuildTarget, check: bool, force: bool) -> int:
    from generator.build import build_artifacts
    from generator.render.folder import FolderError, check_folder, write_folder
    from generator.spec.loader import SpecError

    try:
        artifacts = build_artifacts(target.spec, reference=target.reference)
    except SpecError as exc:
        from generator.report.emit import emit

        emit(exc.findings, "text", stream=sys.stderr)
        return EXIT_UNUSABLE
    files = [(a.name, a.content) for a in artifacts]
    out, spec = shown_path(target.out), shown_path(target.spec)
    if check:
        try:
            problems = check_folder(target.out, target.spec, files)
        except OSError as exc:
            click.echo(f"{out}: cannot read: {exc.strerror or exc}", err=True)
            return EXIT_UNUSABLE
        if problems:
            sys.stdout.write("".join(problems))
            click.echo(f"{out} is stale: run `pacgen build {spec} -o {out}` (make build)", err=True)
            return EXIT_FINDINGS
        click.echo(f"{out} is up to date with {spec}", err=True)
        return EXIT_OK
    try:
        written, removed = write_folder(target.out, target.spec, files, force=force)
    except FolderError as exc:
        click.echo(f"pacgen build: {exc}; nothing was changed" + (f"\n  hint: {exc.hint}" if exc.hint else ""),
                   err=True)
        return EXIT_UNUSABLE
    except OSError as exc:
        click.echo(f"{out}: cannot write: {exc.strerror or exc}; nothing was changed", err=True)
        return EXIT_UNUSABLE
    for path in written:
        click.echo(f"wrote {shown_path(path)}", err=True)
    for path in removed:
        click.echo(f"removed {shown_path(path)} (no longer produced)", err=True)
    return EXIT_OK
