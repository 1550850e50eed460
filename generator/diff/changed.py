"""The connectors a git change since BASE touched, each as (OLD, NEW) to compare or to validate."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diff.git import Revision, changed_files, repository_root, touched_connectors
from generator.pipeline import LoadedConnector


@dataclass
class ChangedConnector:
    relative: str  # to the repository root
    path: Path | None  # in the working tree; None when the change deleted it
    base: Revision
    in_base: bool

    @property
    def display(self) -> str:
        return f"{self.base.label}:{self.relative}"

    def load_base(self) -> LoadedConnector:
        from generator.diff.sides import load_revision_path, usable

        return usable(load_revision_path(self.base, self.relative), self.display)


def changed_connectors(base: str, cwd: str | Path = ".") -> list[ChangedConnector]:
    """Every connector (spec or connector folder) that differs between the merge base of ``base``
    and the working tree. GitError when ``base`` or the repository cannot be read."""
    commit, names = changed_files(base, cwd)
    root = repository_root(cwd)
    revision = Revision(commit, root, base)
    found = []
    for relative in touched_connectors(names, root, revision):
        current = root / relative
        shown = Path(os.path.relpath(current, Path(cwd).resolve()))
        found.append(ChangedConnector(relative, shown if current.exists() else None, revision,
                                      revision.kind(relative) is not None))
    return found
