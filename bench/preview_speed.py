"""Whole-process cost of `pacgen preview` for the largest corpus connector beside `pacgen build` of
the same connector (target: preview ≤ 2× build).

The largest connector (by swagger size) that `pacgen build` accepts is imported into a spec
first (`pacgen import`), so that both commands read the same input: build renders and writes it;
preview builds it in memory, validates it and renders the page. (Build refuses a connector whose
swagger is not valid OpenAPI 2.0, as Encodian, the largest, is: timing that refusal would compare
preview with a build that writes nothing. Larger connectors passed over are named.) Also shown: preview without the validator (`--no-findings`) and preview of
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


def connectors_by_size(corpus: Path) -> list[Path]:
    """Connector folders, largest swagger first."""
    swaggers = [p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json"]
    return [p.parent for p in sorted(swaggers, key=lambda p: (-p.stat().st_size, str(p)))]


def largest_buildable(corpus: Path, pacgen: str, work: str) -> tuple[Path, str, list[str]]:
    """(folder, imported spec, names of the larger connectors build refuses)."""
    refused = []
    for index, folder in enumerate(connectors_by_size(corpus)):
        spec = str(Path(work) / f"largest{index}.yaml")
        imported = subprocess.run([pacgen, "import", str(folder), "-o", spec], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        built = imported.returncode == 0 and subprocess.run(
            [pacgen, "build", spec, "-o", str(Path(work) / f"probe{index}")], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0
        if built:
            return folder, spec, refused
        refused.append(folder.name)
    raise SystemExit("no corpus connector builds")


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 9
    corpus = Path(next((a for a in argv if not a.startswith("--") and not a.isdigit()), "../shared/corpus"))
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    package = Path(__file__).resolve().parents[1] / "generator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory() as work:
        folder, spec, refused = largest_buildable(corpus, pacgen, work)
        size = (folder / "apiDefinition.swagger.json").stat().st_size
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
    if refused:
        print(f"passed over (build refuses them): {', '.join(refused)}")
    print(f"largest corpus connector build accepts: {folder.name} ({size / 1e6:.2f} MB swagger), "
          f"median of {runs} runs")
    for name in commands:
        print(f"pacgen {name:<22} wall {wall[name] * 1000:7.1f} ms, CPU {cpu[name] * 1000:7.1f} ms, "
              f"ratio to build: wall {wall[name] / wall['build']:.2f}x, CPU {cpu[name] / cpu['build']:.2f}x")
    print("target: preview <= 2x build")


if __name__ == "__main__":
    main(sys.argv[1:])
