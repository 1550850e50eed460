"""Read one input file safely: a regular file of at most MAX_INPUT_BYTES, never a FIFO or device.

Its own small module (re-exported by ``generator.source``) so that `pacgen build`, which reads
only its YAML spec, does not import the JSON reader's dataclass and regexes (~15 M instructions,
valgrind --tool=callgrind; bench/build_speed.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.limits import MAX_INPUT_BYTES


class InputRefused(OSError):
    """A path that is not a regular file, or a file over the size limit: refused before reading."""


def read_input_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_INPUT_BYTES. A FIFO, a device (/dev/zero) or a
    folder would block or never end; they raise InputRefused (an OSError with a readable
    ``strerror``), as does a file over the limit."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(0, "not a regular file (a pipe, device or folder is not read)", str(path))
        if info.st_size > MAX_INPUT_BYTES:
            raise InputRefused(0, f"larger than the {MAX_INPUT_BYTES // 2**20} MiB input limit", str(path))
        raw = stream.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:  # grew while being read
        raise InputRefused(0, f"larger than the {MAX_INPUT_BYTES // 2**20} MiB input limit", str(path))
    return raw


def read_input_text(path: str | Path, encoding: str = "utf-8") -> str:
    """``read_input_bytes`` decoded (UnicodeDecodeError for bad bytes)."""
    return read_input_bytes(path).decode(encoding)
