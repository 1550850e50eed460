"""Whole-process time of `pacgen build` beside a bare `python -c "import yaml, jinja2, click"`,
measured in the same run, and their ratio (target ≤ 1.5×).

    .venv/bin/python bench/build_speed.py [SPEC] [--runs N]
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 15
    spec = next((a for a in argv if a.endswith((".yaml", ".yml"))), "spec/clicksend.yaml")
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    with tempfile.TemporaryDirectory() as out:
        build = [pacgen, "build", spec, "-o", out]
        baseline = [sys.executable, "-c", "import yaml, jinja2, click"]
        timed(build, 2)  # warm the file cache and .pyc files
        base = timed(baseline, runs)
        ours = timed(build, runs)
    print(f"python -c 'import yaml, jinja2, click': {base * 1000:7.1f} ms (median of {runs})")
    print(f"pacgen build {spec}: {ours * 1000:7.1f} ms (median of {runs})")
    print(f"ratio: {ours / base:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main(sys.argv[1:])
