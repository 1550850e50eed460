"""Whole-process cost of `pacgen build` beside a bare `python -c "import yaml, jinja2, click"`,
measured in the same run, and their ratio (target ≤ 1.5×).

Runs alternate between the two commands so that load from other processes hits both alike. Two
figures per command: the median wall time, and the median CPU time (user + system) of the child,
which other load disturbs much less on a busy machine.

    .venv/bin/python bench/build_speed.py [SPEC] [--runs N]
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
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 21
    spec = next((a for a in argv if a.endswith((".yaml", ".yml"))), "spec/clicksend.yaml")
    pacgen = str(Path(sys.executable).with_name("pacgen"))
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
    wall = {name: statistics.median(s[0] for s in runs_) for name, runs_ in samples.items()}
    cpu = {name: statistics.median(s[1] for s in runs_) for name, runs_ in samples.items()}
    print(f"python -c 'import yaml, jinja2, click': wall {wall['baseline'] * 1000:6.1f} ms, "
          f"CPU {cpu['baseline'] * 1000:6.1f} ms (median of {runs})")
    print(f"pacgen build {spec}: wall {wall['build'] * 1000:6.1f} ms, CPU {cpu['build'] * 1000:6.1f} ms")
    print(f"ratio: wall {wall['build'] / wall['baseline']:.2f}x, CPU {cpu['build'] / cpu['baseline']:.2f}x "
          f"(target <= 1.5x)")


if __name__ == "__main__":
    main(sys.argv[1:])
