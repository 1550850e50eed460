"""Reading files of a git revision without a checkout (`git show`, `git ls-tree`), and which
connectors a change since a base revision touched."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

import yaml

SWAGGER_NAME = "apiDefinition.swagger.json"
SPEC_SUFFIXES = (".yaml", ".yml")


class GitError(Exception):
    """git could not answer; the message says what to do."""


def run_git(args: list[str], cwd: str | Path = ".") -> bytes:
    """git's standard output; GitError (with git's own first line) when git fails or is missing."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} did not answer within 120 s") from None
    if done.returncode != 0:
        first = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(first[0] if first else f"git {args[0]} failed")
    return done.stdout


def repository_root(cwd: str | Path = ".") -> Path:
    try:
        return Path(run_git(["rev-parse", "--show-toplevel"], cwd).decode("utf-8").strip())
    except GitError:
        raise GitError(f"{Path(cwd).resolve()} is not inside a git repository") from None


def resolve_revision(revision: str, cwd: str | Path = ".") -> str:
    """The commit id of ``revision``; GitError naming the revision when it does not exist."""
    try:
        return run_git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd).decode().strip()
    except GitError:
        raise GitError(f"no revision '{revision}' in this repository "
                       "(fetch it first, e.g. `git fetch origin main`)") from None


def base_commit(base: str, cwd: str | Path = ".") -> str:
    """Where the current branch left ``base`` (their merge base), as a pull request compares;
    ``base`` itself when the histories share nothing."""
    commit = resolve_revision(base, cwd)
    try:
        return run_git(["merge-base", commit, "HEAD"], cwd).decode().strip() or commit
    except GitError:
        return commit


class Revision:
    """The tree of one commit, read through git: paths are relative to the repository root."""

    def __init__(self, commit: str, root: Path, label: str):
        self.commit, self.root, self.label = commit, root, label
        self._entries: dict[str, str] | None = None

    @property
    def entries(self) -> dict[str, str]:
        """Every path of the tree → its object type ("blob" or "tree")."""
        if self._entries is None:
            listing = run_git(["ls-tree", "-r", "-t", "-z", self.commit], self.root)
            self._entries = {}
            for record in listing.split(b"\0"):
                if record:
                    meta, _, name = record.partition(b"\t")
                    self._entries[name.decode("utf-8", "surrogateescape")] = meta.split()[1].decode()
        return self._entries

    def kind(self, path: str) -> str | None:
        return "tree" if path in ("", ".") else self.entries.get(path)

    def read(self, path: str) -> bytes:
        return run_git(["cat-file", "blob", f"{self.commit}:{path}"], self.root)

    def files_in(self, folder: str) -> list[str]:
        prefix = "" if folder in ("", ".") else folder.rstrip("/") + "/"
        return sorted(p for p, kind in self.entries.items()
                      if kind == "blob" and p.startswith(prefix) and "/" not in p[len(prefix):])


def changed_files(base: str, cwd: str | Path = ".") -> tuple[str, list[str]]:
    """The merge-base commit and the paths (relative to the repository root) that differ between
    it and the working tree: committed, staged, unstaged and untracked changes alike."""
    commit = base_commit(base, cwd)
    root = repository_root(cwd)
    tracked = run_git(["diff", "--name-only", "--no-renames", "-z", commit, "--"], root)
    untracked = run_git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    names = {n.decode("utf-8", "surrogateescape") for n in (tracked + b"\0" + untracked).split(b"\0") if n}
    return commit, sorted(names)


def looks_like_spec(text: bytes | str) -> bool:
    """A pacgen spec is a YAML mapping with `info` and `operations` (other YAML files are not)."""
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and "info" in data and "operations" in data


def touched_connectors(changed: Iterable[str], root: Path, base: Revision) -> list[str]:
    """Which connectors a change touched, as paths relative to ``root`` (sorted, no repeats).

    - a changed ``*.yaml``/``*.yml`` file that is a pacgen spec (now, or at ``base`` when the
      change deleted it) stands for itself;
    - any other changed file inside a folder that holds ``apiDefinition.swagger.json`` (now or at
      ``base``) stands for that folder — the nearest such folder above the file, so a change to
      the readme, the icon or the swagger itself counts, like Microsoft's pipeline.

    This is the one place that decides it: a project configuration that lists its connectors
    (spec → output folder) can replace the two tests above with a look-up in that list.
    """
    found: set[str] = set()
    for name in changed:
        path = PurePosixPath(name)
        if path.suffix.lower() in SPEC_SUFFIXES and _is_spec(name, root, base):
            found.add(name)
            continue
        folder = _connector_folder_of(path, root, base)
        if folder is not None:
            found.add(folder)
    return sorted(found)


def _is_spec(name: str, root: Path, base: Revision) -> bool:
    current = root / name
    if current.is_file():
        try:
            return looks_like_spec(current.read_bytes())
        except OSError:
            return False
    return base.kind(name) == "blob" and looks_like_spec(base.read(name))


def _connector_folder_of(path: PurePosixPath, root: Path, base: Revision) -> str | None:
    for folder in path.parents:
        key = folder.as_posix()
        swagger = SWAGGER_NAME if key == "." else f"{key}/{SWAGGER_NAME}"
        if (root / swagger).is_file() or base.kind(swagger) == "blob":
            return key
    return None
