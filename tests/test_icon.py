"""icon.png as certification reviews it: a PNG, square, 230×230; reported at the icon's file for a
connector folder and for a spec that names an icon."""

import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.validate.icon import icon_findings, png_dimensions

ROOT = Path(__file__).resolve().parent.parent


def png(width: int, height: int) -> bytes:
    """A real (tiny-bodied) PNG header: signature and a checksummed IHDR chunk."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def icon_codes(tmp_path, data: bytes) -> list[tuple[str, str]]:
    path = tmp_path / "icon.png"
    path.write_bytes(data)
    return [(f.code, f.message) for f in icon_findings(path)]


def test_a_230_square_png_passes(tmp_path):
    assert png_dimensions(png(230, 230)) == (230, 230)
    assert icon_codes(tmp_path, png(230, 230)) == []


@pytest.mark.parametrize("data", [b"", b"GIF89a" + b"\0" * 30, b"\xff\xd8\xff\xe0" + b"\0" * 30,
                                  png(230, 230)[:20]])
def test_what_is_not_a_png_is_an_error(tmp_path, data):
    assert [code for code, _ in icon_codes(tmp_path, data)] == ["IconNotPng"]


def test_a_rectangle_is_reported_with_its_size(tmp_path):
    assert icon_codes(tmp_path, png(300, 200)) == [("IconNotSquare", "icon.png is 300×200 pixels, not square")]


def test_another_square_size_is_a_warning_with_its_size(tmp_path):
    found = icon_findings(_write(tmp_path, png(512, 512)))
    assert [(f.code, f.severity.value) for f in found] == [("IconSizeNotValid", "warning")]
    assert "512×512" in found[0].message


def _write(tmp_path, data):
    path = tmp_path / "icon.png"
    path.write_bytes(data)
    return path


def _validate(target) -> list[dict]:
    result = CliRunner().invoke(main, ["validate", str(target), "--format", "json"])
    return json.loads(result.output)["findings"]


def test_validate_reports_a_folder_icon_at_its_file(tmp_path):
    folder = tmp_path / "clicksend"
    shutil.copytree(ROOT / "connector", folder)
    (folder / "icon.png").write_bytes(png(100, 50))
    found = [f for f in _validate(folder) if f["code"].startswith("Icon")]
    assert [(f["code"], Path(f["file"]).name) for f in found] == [("IconNotSquare", "icon.png")]


def test_validate_reports_the_icon_a_spec_names(tmp_path):
    spec = tmp_path / "contoso.yaml"
    assert CliRunner().invoke(main, ["init", "Contoso", "-o", str(spec)]).exit_code == 0
    spec.write_text(spec.read_text("utf-8") + "icon: logo.png\n", "utf-8")
    (tmp_path / "logo.png").write_bytes(b"not a png at all")
    found = [f for f in _validate(spec) if f["code"].startswith("Icon")]
    assert [(f["code"], Path(f["file"]).name) for f in found] == [("IconNotPng", "logo.png")]
    (tmp_path / "logo.png").write_bytes(png(230, 230))
    assert _validate(spec) == []
