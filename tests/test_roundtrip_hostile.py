"""`pacgen roundtrip` over hostile folders (issue 11, items 4 and 9): a failure on one connector is
that connector's outcome — reported, counted, the others still compared — never the run's end."""

import json
import os
from pathlib import Path

from click.testing import CliRunner

from generator.importer import roundtrip as roundtrip_module
from generator.importer.commands import roundtrip
from generator.importer.roundtrip import run

SWAGGER = {"swagger": "2.0", "info": {"title": "T", "version": "1.0"}, "host": "x.io",
           "paths": {"/a": {"get": {"operationId": "GetA", "responses": {"200": {"description": "ok"}}}}}}


def connector(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {}}), "utf-8")
    return folder


def crash_on(name: str, monkeypatch) -> None:
    """Make the comparison fail with an unexpected exception on the connector folder ``name``."""
    compare = roundtrip_module.compare

    def failing_compare(files, swagger, properties):
        if files.folder.name == name:
            raise ZeroDivisionError("SECRET-FROM-INPUT")
        return compare(files, swagger, properties)

    monkeypatch.setattr(roundtrip_module, "compare", failing_compare)


def test_an_unexpected_exception_is_that_connectors_outcome(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        connector(tmp_path / name)
    crash_on("b", monkeypatch)
    summary = run([tmp_path], jobs=1)
    assert [(o.folder.name, o.status) for o in summary.outcomes] == [
        ("a", "exact"), ("b", "crashed"), ("c", "exact")]
    crashed = summary.outcomes[1]
    assert crashed.reason.startswith("ValidationCrashed: pacgen could not round-trip this connector"
                                     " (ZeroDivisionError)")
    assert "SECRET-FROM-INPUT" not in crashed.reason  # the exception's text may quote the input


def test_the_command_reports_a_crash_and_fails(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        connector(tmp_path / name)
    crash_on("b", monkeypatch)
    result = CliRunner().invoke(roundtrip, [str(tmp_path), "--jobs", "1", "--min-exact", "50"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1  # 2 of 3 exact is above 50 %, but a crash is a bug: the run fails
    assert f"crashed: {tmp_path / 'b'}: ValidationCrashed" in result.output
    assert "exact: 2  differing: 0  crashed: 1" in result.output


def test_odd_files_in_connector_folders_end_no_run(tmp_path):
    """A FIFO, a folder or a symlink loop where a connector file should be: reported, not a hang."""
    fifo = connector(tmp_path / "fifo-properties")
    (fifo / "apiProperties.json").unlink()
    os.mkfifo(fifo / "apiProperties.json")
    folder = connector(tmp_path / "folder-properties")
    (folder / "apiProperties.json").unlink()
    (folder / "apiProperties.json").mkdir()
    looping = connector(tmp_path / "symlink-loop")
    (looping / "self").symlink_to("../symlink-loop")
    (looping / "loop-a").symlink_to("loop-b")
    (looping / "loop-b").symlink_to("loop-a")
    for name in ("icon.png", "script.csx", "readme.md"):
        odd = connector(tmp_path / f"fifo-{name}")
        os.mkfifo(odd / name)
    not_a_file = tmp_path / "fifo-swagger"
    not_a_file.mkdir()
    os.mkfifo(not_a_file / "apiDefinition.swagger.json")
    connector(tmp_path / "plain")
    summary = run([tmp_path], jobs=1)
    statuses = {o.folder.name: o.status for o in summary.outcomes}
    assert "crashed" not in statuses.values()
    assert statuses["plain"] == statuses["symlink-loop"] == "exact"
    assert statuses["fifo-icon.png"] == statuses["fifo-script.csx"] == statuses["fifo-readme.md"] == "exact"
    assert statuses["fifo-swagger"] == statuses["fifo-properties"] == statuses["folder-properties"] == "unparseable"
    reasons = {o.folder.name: o.reason for o in summary.outcomes}
    assert reasons["fifo-properties"] == ("InputUnreadable (apiProperties.json: cannot read: not a regular file"
                                          " (a pipe, device or folder is not read))")
    assert reasons["folder-properties"] == "InputUnreadable (apiProperties.json: cannot read: Is a directory)"
