"""`pacgen docs extract -o` and `pacgen docs render -o` write all or nothing (issue 11): a failure
leaves the previous file as it was and no temporary file behind; an unusable -o is exit 2."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.docs.commands import docs
from generator.render import write as write_module

MINI = Path(__file__).parent / "fixtures" / "docs" / "mini"


@pytest.fixture()
def connector(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "mini"))


@pytest.fixture()
def page(connector: Path, tmp_path: Path) -> Path:
    """A reference page to extract: the one `docs render` writes for the mini connector."""
    result = CliRunner().invoke(docs, ["render", str(connector), "-o", str(tmp_path / "page")])
    assert result.exit_code == 0, result.output
    return tmp_path / "page" / "reference.md"


def invoke(*args: str | Path):
    result = CliRunner().invoke(docs, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def failing_replace(source, target):
    raise OSError(errno.ENOSPC, "No space left on device")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_extract_writes_what_it_prints(page: Path, tmp_path: Path) -> None:
    printed = invoke("extract", page).stdout
    target = tmp_path / "new" / "facts.json"
    assert invoke("extract", page, "-o", target).exit_code == 0
    assert target.read_text("utf-8") == printed
    assert '"operations"' in printed
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("command", ["extract", "render"])
def test_a_failed_write_keeps_the_previous_file(command: str, page: Path, connector: Path, tmp_path: Path,
                                                monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / ("facts.json" if command == "extract" else "reference.md")
    target.write_text("the previous file", "utf-8")
    monkeypatch.setattr(write_module.os, "replace", failing_replace)
    args = ["extract", page, "-o", target] if command == "extract" else ["render", connector, "-o", folder]
    result = invoke(*args)
    assert result.exit_code == 2
    assert f"{target}: cannot write: No space left on device; nothing was changed" in result.stderr
    assert target.read_text("utf-8") == "the previous file"
    assert leftovers(folder) == []


def test_render_into_a_folder_holding_a_folder_named_like_the_page(connector: Path, tmp_path: Path) -> None:
    (tmp_path / "out" / "reference.md").mkdir(parents=True)
    result = invoke("render", connector, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "reference.md: cannot write: " in result.stderr
    assert (tmp_path / "out" / "reference.md").is_dir()
    assert leftovers(tmp_path / "out") == []


def test_extract_below_a_file_is_refused(page: Path, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("keep", "utf-8")
    result = invoke("extract", page, "-o", tmp_path / "plain" / "facts.json")
    assert result.exit_code == 2
    assert "plain is not a folder; nothing was changed" in result.stderr
    assert (tmp_path / "plain").read_text("utf-8") == "keep"


@pytest.mark.parametrize("command", ["extract", "render"])
def test_an_empty_output_is_refused(command: str, page: Path, connector: Path, tmp_path: Path,
                                    monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = invoke(command, page if command == "extract" else connector, "-o", "")
    assert result.exit_code == 2
    assert "-o/--output is empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("command", ["render", "check"])
def test_an_unreadable_properties_file_is_unusable_input(command: str, page: Path, connector: Path) -> None:
    (connector / "apiProperties.json").unlink()
    os.mkfifo(connector / "apiProperties.json")  # a page without its connection parameters would mislead
    result = invoke(*(["render", connector] if command == "render" else ["check", connector, page]))
    assert result.exit_code == 2
    assert "apiProperties.json: error InputUnreadable: cannot read: not a regular file" in result.stderr
    assert f"{connector}: apiProperties.json cannot be read" in result.stderr
