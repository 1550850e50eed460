"""Import each connector, build the spec in memory, compare with the original documents, and import
the rebuilt connector again (it must give the same spec)."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.findings import crash_finding
from generator.importer.convert import build_documents, compare, import_files, same_import
from generator.importer.reader import (
    PROPERTIES_NAME,
    SWAGGER_NAME,
    ConnectorFiles,
    ImportError_,
    read_connector,
)
from generator.render import RenderError
from generator.source import find_file
from generator.spec.layout import EMPTY_OPERATION_KEYS
from generator.spec.loader import SpecError


@dataclass
class Outcome:
    folder: Path
    status: str  # "exact", "differing", "unparseable" or "crashed" (a bug in pacgen, never the input's fault)
    where: str = ""  # first differing FILE#POINTER
    reason: str = ""
    size_share: float | None = None  # lines of the spec / lines of the two JSON files
    layout_lines: int = 0  # lines of its `layout:` section, comment included (0: none)
    empty_lists: int = 0  # operations' empty parameters/consumes/produces lists left in the spec


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def parseable(self) -> int:
        return len(self.outcomes) - self.count("unparseable")

    @property
    def exact_share(self) -> float:
        return self.count("exact") / self.parseable if self.parseable else 1.0

    def size_percentile(self, share: float) -> float:
        """The spec/JSON line share below which ``share`` of the imported connectors fall (0.5: median)."""
        sizes = sorted(o.size_share for o in self.outcomes if o.size_share is not None)
        if not sizes:
            return 0.0
        return statistics.median(sizes) if share == 0.5 else sizes[min(len(sizes) - 1, int(share * len(sizes)))]


def connector_folders(paths: Iterable[str | Path]) -> list[Path]:
    """Connector folders named directly or found (recursively) below the given folders, sorted."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if find_file(path, SWAGGER_NAME) is not None:
            found.add(path)
            continue
        for swagger in path.rglob("*"):
            if swagger.name.lower() == SWAGGER_NAME.lower():  # not only files: an odd one is reported
                found.add(swagger.parent)
    return sorted(found)


def round_trip(folder: Path) -> Outcome:
    """One connector's outcome; whatever fails on it is that connector's outcome, never the run's end."""
    try:
        files = read_connector(folder)
    except ImportError_ as exc:
        first = exc.findings[0]
        where = f"at {first.line}:{first.column}" if first.line else f"({Path(first.file).name}: {first.message})"
        return Outcome(folder, "unparseable", reason=f"{first.code} {where}")
    except OSError as exc:  # a FIFO, a folder or a vanished file where a connector file should be
        return Outcome(folder, "unparseable", reason=f"InputUnreadable: {exc.strerror or type(exc).__name__}")
    except Exception as exc:  # noqa: BLE001 - one connector's failure must not end a run over many
        return crashed(folder, exc)
    try:
        return round_trip_files(files)
    except Exception as exc:  # noqa: BLE001 - as above
        return crashed(folder, exc)


def crashed(folder: Path, exc: Exception) -> Outcome:
    """The same finding validate reports for a crash on one connector of a run."""
    finding = crash_finding(folder, exc, "round-trip")
    return Outcome(folder, "crashed", reason=f"{finding.code}: {finding.message}; {finding.hint}")


def json_lines(folder: Path) -> int:
    """Lines of the connector's two JSON files (what an imported spec is measured against)."""
    total = 0
    for name in (SWAGGER_NAME, PROPERTIES_NAME):
        path = find_file(folder, name)
        if path is not None:
            total += path.read_bytes().count(b"\n") + 1
    return total


def round_trip_files(files: ConnectorFiles) -> Outcome:
    imported = import_files(files)
    lines = json_lines(files.folder)
    share = imported.text.count("\n") / lines if lines else None
    try:
        swagger, properties = build_documents(imported.text)
    except SpecError as exc:
        first = exc.findings[0]
        return Outcome(files.folder, "differing", f"spec:{first.line}:{first.column}",
                       f"the imported spec does not build: {first.code} {first.message}", share)
    except RenderError as exc:
        return Outcome(files.folder, "differing", "render", f"the imported spec does not render: {exc}", share)
    where = compare(files, swagger, properties)
    if where is not None:
        reason = "; ".join(n.text for n in imported.lossy) or "not explained by the importer"
        return Outcome(files.folder, "differing", where, reason, share)
    if not same_import(imported, swagger, properties):
        return Outcome(files.folder, "differing", "import(build(import(x)))",
                       "importing the rebuilt connector gives a different spec", share)
    return Outcome(files.folder, "exact", size_share=share, layout_lines=layout_lines(imported.text),
                   empty_lists=empty_operation_lists(imported.spec))


def empty_operation_lists(spec: dict) -> int:
    """How many empty lists the layout could write (`parameters: []`, ...) stand in the spec's operations."""
    operations = spec.get("operations") if isinstance(spec.get("operations"), list) else []
    return sum(1 for op in operations if isinstance(op, dict)
               for key in EMPTY_OPERATION_KEYS if op.get(key) == [])


def layout_lines(text: str) -> int:
    """Lines of the spec's closing `layout:` section and the comment just above it (0: none)."""
    lines = text.splitlines()
    if "layout:" not in lines:
        return 0
    start = len(lines) - 1 - lines[::-1].index("layout:")
    while start and lines[start - 1].startswith("#"):
        start -= 1
    return len(lines) - start


def run(paths: Iterable[str | Path], jobs: int | None = None) -> Summary:
    """Round-trip every connector below ``paths``, on ``jobs`` processes (default: one per CPU)."""
    started = time.perf_counter()
    folders = connector_folders(paths)
    jobs = min(jobs or os.cpu_count() or 1, len(folders) or 1)
    if jobs <= 1:
        outcomes = [round_trip(folder) for folder in folders]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            outcomes = list(pool.map(round_trip, folders, chunksize=4))
    return Summary(outcomes, time.perf_counter() - started, jobs)
