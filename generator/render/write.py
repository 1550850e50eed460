"""All-or-nothing writes: every file goes to a temporary sibling first; only when all are on disk
are they moved into place, so a failure leaves the previous files untouched."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(directory: str | Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, content in files:
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
            staged.append((name, Path(temp)))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
    except BaseException:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        raise
    written = []
    for name, temp in staged:
        target = directory / name
        os.chmod(temp, 0o644)
        os.replace(temp, target)
        written.append(target)
    return written
