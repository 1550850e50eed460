"""Whole-process cost of `pacgen build` beside a bare `python -c "import yaml, jinja2, click"`,
measured in the same run, and their ratio (target ≤ 1.5×).

Runs alternate between the two commands so that load from other processes hits both alike.
Figures per command: the median wall time; the median and the minimum CPU time (user + system)
of the child, which other load disturbs much less (on a busy machine the medians of both grow and
their ratio shrinks; the minimums are the least disturbed runs); and, when valgrind is installed,
the number of instructions the process executes (callgrind), which does not depend on load: the
least of three runs, as the first build into a folder and later ones differ by ~1 %.

The package's modules are byte-compiled first, as Python does by itself on a first run unless
PYTHONDONTWRITEBYTECODE is set (it is on some CI machines; the installed libraries are compiled
at install time either way).

    .venv/bin/python bench/build_speed.py [SPEC] [--runs N]
"""

import re
import resource
import shutil
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
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def instructions(command: list[str], repeats: int = 3) -> int | None:
    """Fewest instructions executed by ``command`` under callgrind in ``repeats`` runs, or None
    without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    counts = []
    for _ in range(repeats):
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            return None
        counts.append(int(found.group(1)))
    return min(counts)


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 21
    spec = next((a for a in argv if a.endswith((".yaml", ".yml"))), "spec/clicksend.yaml")
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    package = Path(__file__).resolve().parents[1] / "generator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "baseline": [sys.executable, "-c", "import yaml, jinja2, click"],
            "build": [pacgen, "build", spec, "-o", out],
        }
        for command in commands.values():  # warm the file cache, .pyc files and template cache
            run_once(command)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(run_once(command))
        counted = {name: instructions(command) for name, command in commands.items()}
    wall = {name: statistics.median(s[0] for s in runs_) for name, runs_ in samples.items()}
    cpu = {name: statistics.median(s[1] for s in runs_) for name, runs_ in samples.items()}
    least = {name: min(s[1] for s in runs_) for name, runs_ in samples.items()}
    print(f"python -c 'import yaml, jinja2, click': wall {wall['baseline'] * 1000:6.1f} ms, "
          f"CPU {cpu['baseline'] * 1000:6.1f} ms (median of {runs}; least {least['baseline'] * 1000:.1f} ms)")
    print(f"pacgen build {spec}: wall {wall['build'] * 1000:6.1f} ms, CPU {cpu['build'] * 1000:6.1f} ms "
          f"(least {least['build'] * 1000:.1f} ms)")
    print(f"ratio: wall {wall['build'] / wall['baseline']:.2f}x, CPU {cpu['build'] / cpu['baseline']:.2f}x, "
          f"least CPU {least['build'] / least['baseline']:.2f}x (target <= 1.5x)")
    if counted["baseline"] and counted["build"]:
        print(f"instructions: baseline {counted['baseline'] / 1e6:.0f} M, build {counted['build'] / 1e6:.0f} M, "
              f"ratio {counted['build'] / counted['baseline']:.3f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
