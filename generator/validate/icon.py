"""The connector's icon.png as certification reviews it: a PNG, square, 230×230 pixels.

A stage of its own (beside the file rules): the icon is binary, which neither a file rule (text)
nor a document rule (JSON) reads. Only the PNG header is read (signature and IHDR chunk, the
first 24 bytes), so a large or hostile file costs nothing. Independent publishers submit no icon,
so an icon present is one a verified publisher will submit; reviewers ask for 230×230 pixels
(a ~160×160 logo in the square) and send other sizes back.
"""

from __future__ import annotations

import struct
from pathlib import Path

from generator.findings import Finding, Severity

ICON_NAME = "icon.png"
NOT_PNG = "IconNotPng"
NOT_SQUARE = "IconNotSquare"
SIZE_NOT_VALID = "IconSizeNotValid"
CODES = (NOT_PNG, NOT_SQUARE, SIZE_NOT_VALID)
#: The size reviewers ask for (certification pull requests, e.g. PowerPlatformConnectors #3473).
EXPECTED_SIDE = 230
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Signature, IHDR length and type, then width and height (big-endian).
_HEADER = struct.Struct(">8sI4sII")


def png_dimensions(header: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's first 24 bytes, or None when they are not a PNG header."""
    if len(header) < _HEADER.size:
        return None
    signature, _length, chunk, width, height = _HEADER.unpack_from(header)
    if signature != PNG_SIGNATURE or chunk != b"IHDR":
        return None
    return width, height


def icon_findings(path: Path) -> list[Finding]:
    """What certification would send back about the icon at ``path``."""
    from generator.source import read_input_bytes

    try:  # the shared guard: a FIFO put there after loading is refused, not waited for
        header = read_input_bytes(path)[:_HEADER.size]
    except OSError as exc:
        return [Finding("InputUnreadable", Severity.ERROR, f"cannot read: {exc.strerror or exc}",
                        str(path), "", 0, 0, "make icon.png a regular file")]
    size = png_dimensions(header)
    if size is None:
        return [Finding(NOT_PNG, Severity.ERROR, "icon.png is not a PNG image", str(path), "", 0, 0,
                        "save the icon as PNG (230×230 pixels, non-transparent background)")]
    width, height = size
    if width != height:
        return [Finding(NOT_SQUARE, Severity.ERROR, f"icon.png is {width}×{height} pixels, not square",
                        str(path), "", 0, 0,
                        f"make it {EXPECTED_SIDE}×{EXPECTED_SIDE}: the logo centred on the brand colour")]
    if width != EXPECTED_SIDE:
        return [Finding(SIZE_NOT_VALID, Severity.WARNING,
                        f"icon.png is {width}×{height} pixels; certification asks for "
                        f"{EXPECTED_SIDE}×{EXPECTED_SIDE}", str(path), "", 0, 0,
                        f"resize it to {EXPECTED_SIDE}×{EXPECTED_SIDE} pixels (a ~160×160 logo in the square)")]
    return []


def icon_path(connector) -> Path | None:
    """The icon a connector folder holds, or the one its spec names (when that file exists)."""
    from generator.source import find_file

    if connector.folder is not None:
        return find_file(connector.folder, ICON_NAME)
    if connector.spec is not None:
        from generator.build import spec_extras

        named = spec_extras(connector.spec).get(ICON_NAME)
        return Path(named) if named and Path(named).is_file() else None
    return None
