"""All-or-nothing writes: every file goes to a temporary sibling first; only when all are on disk
are they moved into place, so a failure leaves the previous files untouched.

The files are not fsync'ed: ``os.replace`` already guarantees that no reader and no failed run
ever sees a half-written artifact, and the artifacts can always be rebuilt from the spec, so the
remaining risk (a power cut right after a build) is not worth a disk flush per file on every
build. ``tempfile`` is not used either: it imports hashlib and random, which cost more than the
whole write.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def write_atomically(directory: str | Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, content in files:
            temp = _create_sibling(directory, name)
            staged.append((name, temp))
            with open(temp, "wb") as stream:
                stream.write(content)
    except BaseException:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        raise
    written = []
    try:
        for name, temp in staged:
            target = directory / name
            os.replace(temp, target)
            written.append(target)
    except BaseException:  # e.g. a folder where a file goes: leave no temporary files behind
        for _, temp in staged[len(written):]:
            temp.unlink(missing_ok=True)
        raise
    return written


def _create_sibling(directory: Path, name: str) -> Path:
    """A new, empty, hidden file beside ``name`` that no other run can be using."""
    for attempt in range(100):
        temp = directory / f".{name}.{os.getpid()}.{attempt}.tmp"
        try:
            os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(f"cannot create a temporary file beside {directory / name}")
