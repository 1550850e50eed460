"""Size of imported specs against the connector's JSON (figures, not a test).

For every connector folder below the given paths: lines of the imported spec divided by the lines
of apiDefinition.swagger.json + apiProperties.json, and whether the spec rebuilds them exactly.
Prints the distribution (median, p10, p90, max) and the exact share.

    .venv/bin/python bench/import_size.py ../shared/corpus
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from generator.importer.convert import build_documents, compare, import_connector
from generator.importer.reader import ImportError_
from generator.spec.loader import SpecError


def json_lines(folder: Path) -> int:
    return sum(len(p.read_text("utf-8", "replace").splitlines())
               for p in (folder / "apiDefinition.swagger.json", folder / "apiProperties.json") if p.exists())


def measure(folder: Path) -> tuple[float, bool] | None:
    try:
        imported = import_connector(folder)
    except ImportError_:
        return None
    try:
        swagger, properties = build_documents(imported.text)
    except (SpecError, Exception):  # noqa: BLE001 - a figure, not a verdict
        return len(imported.text.splitlines()) / max(json_lines(folder), 1), False
    exact = compare(imported.files, swagger, properties) is None
    return len(imported.text.splitlines()) / max(json_lines(folder), 1), exact


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(paths: list[str]) -> None:
    started = time.perf_counter()
    folders = sorted({p.parent for root in paths for p in Path(root).rglob("apiDefinition.swagger.json")})
    ratios, exact, worst = [], 0, []
    for folder in folders:
        result = measure(folder)
        if result is None:
            continue
        ratios.append(result[0])
        exact += result[1]
        worst.append((result[0], folder.name))
    print(f"connectors: {len(folders)}  imported: {len(ratios)}  rebuilt exactly: {exact} "
          f"({100 * exact / max(len(ratios), 1):.1f} %)  in {time.perf_counter() - started:.0f} s")
    print(f"spec lines / JSON lines: median {100 * statistics.median(ratios):.1f} %  "
          f"p10 {100 * percentile(ratios, 0.1):.1f} %  p90 {100 * percentile(ratios, 0.9):.1f} %  "
          f"max {100 * max(ratios):.1f} %")
    for ratio, name in sorted(worst)[-5:]:
        print(f"  largest share: {name}: {100 * ratio:.1f} %")


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus"])
