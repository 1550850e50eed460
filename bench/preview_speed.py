"""Whole-process cost of `pacgen preview` for the largest corpus connector beside `pacgen build` of
the same connector (target: preview ≤ 2× build).

The largest connector (by swagger size) is imported into a spec first (`pacgen import`), so that
both commands read the same input: build renders it; preview builds it in memory, validates it
and renders the page. Also shown: preview without the validator (`--no-findings`) and preview of
the connector folder itself. Runs alternate between the commands so that load from other
processes hits all alike; figures are medians of wall time and of the child's CPU time (user +
system), which other load disturbs much less.

    .venv/bin/python bench/preview_speed.py CORPUS [--runs N]
"""

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def largest_connector(corpus: Path) -> Path:
    swaggers = [p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json"]
    return max(swaggers, key=lambda p: (p.stat().st_size, str(p))).parent


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 9
    corpus = Path(next((a for a in argv if not a.startswith("--") and not a.isdigit()), "../shared/corpus"))
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    package = Path(__file__).resolve().parents[1] / "generator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    folder = largest_connector(corpus)
    size = (folder / "apiDefinition.swagger.json").stat().st_size
    with tempfile.TemporaryDirectory() as work:
        spec = str(Path(work) / "largest.yaml")
        subprocess.run([pacgen, "import", str(folder), "-o", spec], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        commands = {
            "build": [pacgen, "build", spec, "-o", str(Path(work) / "out")],
            "preview": [pacgen, "preview", spec, "-o", str(Path(work) / "p.html")],
            "preview --no-findings": [pacgen, "preview", spec, "-o", str(Path(work) / "q.html"), "--no-findings"],
            "preview FOLDER": [pacgen, "preview", str(folder), "-o", str(Path(work) / "f.html")],
        }
        for command in commands.values():  # warm the file cache, .pyc files and template caches
            run_once(command)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(run_once(command))
    wall = {name: statistics.median(s[0] for s in values) for name, values in samples.items()}
    cpu = {name: statistics.median(s[1] for s in values) for name, values in samples.items()}
    print(f"largest corpus connector: {folder.name} ({size / 1e6:.2f} MB swagger), median of {runs} runs")
    for name in commands:
        print(f"pacgen {name:<22} wall {wall[name] * 1000:7.1f} ms, CPU {cpu[name] * 1000:7.1f} ms, "
              f"ratio to build: wall {wall[name] / wall['build']:.2f}x, CPU {cpu[name] / cpu['build']:.2f}x")
    print("target: preview <= 2x build")


if __name__ == "__main__":
    main(sys.argv[1:])
