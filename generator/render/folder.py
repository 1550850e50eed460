"""The output folder belongs to the build that wrote it.

Every build leaves a manifest (``.pacgen-build.json``: the spec it came from and the files it
wrote). The next build into that folder therefore knows which files are its own: it removes the
ones it no longer produces and never touches a file it did not write. It refuses a folder that
holds another connector's build or files it did not write, unless forced.

A folder is always exactly one build's output: the new set is written into a fresh sibling folder
and switched with the old one in one step (``renameat2(RENAME_EXCHANGE)`` on Linux, otherwise two
renames with only a moment in between where the folder is absent, never mixed). Only a forced
build into a folder holding foreign files writes in place, file by file (each still atomic),
because those files must stay where they are.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

from generator.render.write import write_atomically

MANIFEST_NAME = ".pacgen-build.json"
#: Files a build neither owns nor objects to (kept across the switch): version-control markers
#: and what file browsers leave behind.
HARMLESS_NAMES = frozenset({".gitkeep", ".gitignore", ".gitattributes", ".DS_Store", "Thumbs.db", "desktop.ini"})


class FolderError(Exception):
    """The folder cannot be written (or checked) as asked; nothing was changed. ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


class State(NamedTuple):
    """What is in the folder now, as the build sees it."""

    exists: bool
    manifest: dict | None  # None: no (readable) manifest
    owned: tuple[str, ...]  # files the last build wrote, still there
    foreign: tuple[str, ...]  # entries no build of this spec wrote
    harmless: tuple[str, ...]


def manifest_bytes(spec: Path, folder: Path, names: list[str]) -> bytes:
    """The manifest: the spec relative to the folder (so that it reads the same on every machine)."""
    spec_ref = Path(os.path.relpath(spec.resolve(), _real(folder))).as_posix()
    body = {"generator": "pacgen build", "spec": spec_ref, "files": sorted(names)}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def built_from(folder: Path) -> Path | None:
    """The spec whose build ``folder`` holds (from its manifest), or None."""
    manifest = _read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("spec"), str):
        return None
    return (_real(folder) / manifest["spec"]).resolve()


def resolve_output(folder: Path) -> Path:
    """The real folder to write: a symlink to a folder counts as that folder; anything else that is
    not a folder (a file, a dangling symlink) is an error."""
    if folder.is_symlink() and not folder.exists():
        raise FolderError(f"{folder} is a symbolic link to {os.readlink(folder)}, which does not exist",
                          "remove the link or point -o at an existing folder")
    if folder.exists() and not folder.is_dir():
        raise FolderError(f"{folder} exists and is not a folder", "point -o at a folder")
    return _real(folder)


def inspect(folder: Path, spec: Path) -> State:
    if not folder.exists():
        return State(False, None, (), (), ())
    entries = sorted(entry.name for entry in folder.iterdir())
    manifest = _read_manifest(folder)
    own = set()
    if manifest is not None and _same_spec(manifest, spec, folder):
        own = {name for name in manifest["files"] if (folder / name).is_file() and not (folder / name).is_symlink()}
        own.add(MANIFEST_NAME)
    harmless = tuple(name for name in entries if name in HARMLESS_NAMES and (folder / name).is_file())
    foreign = tuple(name for name in entries if name not in own and name not in harmless)
    return State(True, manifest, tuple(sorted(own - {MANIFEST_NAME})), foreign, harmless)


def refusal(folder: Path, spec: Path, state: State) -> FolderError | None:
    """Why a build of ``spec`` must not write into ``folder`` without --force, or None."""
    if not state.foreign:
        return None
    manifest = state.manifest
    if manifest is not None and not _same_spec(manifest, spec, folder):
        return FolderError(f"{shown(folder)} holds the build of another spec ({shown(manifest.get('spec'))})",
                           "choose another output folder (-o), or --force to take it over")
    names = ", ".join(map(shown, state.foreign[:5])) + (
        f" and {len(state.foreign) - 5} more" if len(state.foreign) > 5 else "")
    return FolderError(f"{shown(folder)} holds files pacgen build did not write: {names}",
                       "choose an empty or new output folder (-o), or --force to write beside them "
                       "(they are kept)")


def write_folder(folder: Path, spec: Path, files: list[tuple[str, bytes]], force: bool = False
                 ) -> tuple[list[Path], list[Path]]:
    """Write ``files`` as the whole content of ``folder`` (plus its manifest); returns the files
    written and the files of the previous build that were removed. Raises FolderError (nothing
    changed) when the folder is not the build's to write."""
    real = resolve_output(folder)
    state = inspect(real, spec)
    problem = refusal(real, spec, state)
    if problem is not None and not force:
        raise problem
    names = [name for name, _ in files]
    for name in names:
        target = real / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise FolderError(f"{folder / name} is not a regular file; nothing was changed",
                              "remove it or choose another output folder (-o)")
    files = [*files, (MANIFEST_NAME, manifest_bytes(spec, real, names))]
    stale = [name for name in state.owned if name not in names]
    # Forced beside foreign files (they must stay where they are), or a folder this process stands
    # in (renaming it away would leave the process in a deleted folder): write file by file.
    if state.foreign or _holds(real, Path.cwd()):
        written = write_atomically(real, files)
        for name in stale:
            (real / name).unlink(missing_ok=True)
    else:
        _switch(real, files, state.harmless)
        written = [real / name for name, _ in files]
    where = folder if folder == real else real
    return [where / p.name for p in written], [where / name for name in stale]


def check_folder(folder: Path, spec: Path, files: list[tuple[str, bytes]]) -> list[str]:
    """What differs between ``folder`` and what a build would write: unified diffs for changed text
    files and one line per missing, extra or unusable file. Empty when the folder is fresh."""
    import difflib

    try:
        real = resolve_output(folder)
    except FolderError as exc:
        return [f"{exc}\n"]
    if not real.exists():
        return [f"{folder} does not exist\n"]
    state = inspect(real, spec)
    expected = dict(files)
    expected[MANIFEST_NAME] = manifest_bytes(spec, real, [name for name, _ in files])
    problems = []
    if state.manifest is None:
        problems.append(f"{folder / MANIFEST_NAME} is missing: the folder was not written by pacgen build\n")
    for name, content in expected.items():
        target = real / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            problems.append(f"{folder / name} is not a regular file\n")
            continue
        if name == MANIFEST_NAME and state.manifest is None:
            continue
        current = target.read_bytes() if target.exists() else None
        if current == content:
            continue
        if current is None:
            problems.append(f"{folder / name} is missing\n")
        elif name.endswith((".json", ".md", ".csx", ".yaml")):
            diff = difflib.unified_diff(
                current.decode("utf-8", "replace").splitlines(keepends=True),
                content.decode("utf-8").splitlines(keepends=True),
                fromfile=f"{folder / name} (on disk)", tofile=f"{folder / name} (from spec)")
            problems.append("".join(diff) or f"{folder / name} differs\n")
        else:
            problems.append(f"Binary file {folder / name} differs\n")
    for name in sorted(set(state.owned) - set(expected)):
        problems.append(f"{folder / name} is stale: the spec no longer produces it\n")
    for name in state.foreign:
        if name not in expected:
            problems.append(f"{shown(folder / name)} was not written by pacgen build\n")
    return problems


def _holds(folder: Path, path: Path) -> bool:
    path = _real(path)
    return path == folder or folder in path.parents


def shown(name: object) -> str:
    """A name read from the disk or a manifest, safe to print: control characters escaped."""
    text = str(name)
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _switch(folder: Path, files: list[tuple[str, bytes]], harmless: tuple[str, ...]) -> None:
    """Write the new set into a fresh sibling, then put it in the folder's place in one step."""
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    staged = _fresh_sibling(parent, folder.name, "new")
    try:
        if folder.exists():
            shutil.copymode(folder, staged)
        for name in harmless:
            shutil.copy2(folder / name, staged / name)
        write_atomically(staged, files)
        if not folder.exists():
            os.rename(staged, folder)
            return
        old = _exchange(staged, folder)
    except BaseException:
        if staged.exists():
            shutil.rmtree(staged, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(staged: Path, folder: Path) -> Path:
    """Put ``staged`` at ``folder``; returns where the old folder now is (to be removed)."""
    if sys.platform.startswith("linux") and _rename_exchange(staged, folder):
        return staged  # the names swapped: the old content is now at the staged name
    old = _fresh_sibling(folder.parent, folder.name, "old", create=False)
    os.rename(folder, old)
    try:
        os.rename(staged, folder)
    except BaseException:
        os.rename(old, folder)
        raise
    return old


def _rename_exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False when the system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return result == 0


def _fresh_sibling(parent: Path, name: str, role: str, create: bool = True) -> Path:
    for attempt in range(100):
        candidate = parent / f".{name}.pacgen-{role}.{os.getpid()}.{attempt}"
        if candidate.exists() or candidate.is_symlink():
            continue
        if create:
            try:
                candidate.mkdir()
            except FileExistsError:
                continue
        return candidate
    raise FileExistsError(f"cannot create a temporary folder beside {parent / name}")


def _read_manifest(folder: Path) -> dict | None:
    path = folder / MANIFEST_NAME
    if path.is_symlink() or not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        return None
    if not all(isinstance(name, str) and name and "/" not in name and "\\" not in name
               and name not in (".", "..") for name in manifest["files"]):
        return None  # a manifest naming paths outside the folder is not one we wrote
    return manifest


def _same_spec(manifest: dict, spec: Path, folder: Path) -> bool:
    recorded = manifest.get("spec")
    if not isinstance(recorded, str):
        return False
    return (folder / recorded).resolve() == spec.resolve()


def _real(folder: Path) -> Path:
    return Path(os.path.realpath(folder))
