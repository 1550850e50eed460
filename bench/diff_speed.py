"""`pacgen diff` beside `pacgen validate`, whole processes, on the largest connector of a corpus:
the connector against a copy of itself with one operation removed (target: diff ≤ validate).

    .venv/bin/python bench/diff_speed.py ../shared/corpus [--repeat 5]

Each command runs ``--repeat`` times; the best time counts (the machine is shared).

Figures (2026-11-30, a shared 2-CPU machine, best of 5): Encodian (1.10 MB swagger, one operation
removed) — pacgen diff 0.48 s (exit 1: OperationRemoved), pacgen validate 0.85 s; ratio 0.56.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def largest_connector(corpus: Path) -> Path:
    files = [p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json"]
    return max(files, key=lambda p: (p.stat().st_size, str(p))).parent


def without_one_operation(original: Path, into: Path) -> str:
    shutil.copytree(original, into)
    swagger_path = next(p for p in into.iterdir() if p.name.lower() == "apidefinition.swagger.json")
    swagger = json.loads(swagger_path.read_bytes().decode("utf-8-sig"))
    for path, item in swagger["paths"].items():
        method = next((m for m in METHODS if isinstance(item.get(m), dict)), None)
        if method:
            removed = item.pop(method).get("operationId", f"{method} {path}")
            break
    swagger_path.write_text(json.dumps(swagger, indent=4), "utf-8")
    return removed


def best_seconds(command: list[str], repeat: int) -> tuple[float, int]:
    times, status = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        status = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - started)
    return min(times), status


def main(argv: list[str]) -> None:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    positional = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--repeat")]
    corpus = Path(positional[0] if positional else "../shared/corpus")
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    original = largest_connector(corpus)
    with tempfile.TemporaryDirectory() as scratch:
        edited = Path(scratch) / "edited"
        removed = without_one_operation(original, edited)
        diff, diff_status = best_seconds([pacgen, "diff", str(original), str(edited)], repeat)
        validate, _ = best_seconds([pacgen, "validate", str(original)], repeat)
    size = next(p for p in original.iterdir() if p.name.lower() == "apidefinition.swagger.json").stat().st_size
    print(f"largest connector: {original.name} ({size / 1e6:.2f} MB swagger); removed operation {removed}")
    print(f"pacgen diff (whole process, exit {diff_status}):  {diff:6.2f} s   best of {repeat}")
    print(f"pacgen validate (whole process):     {validate:6.2f} s   best of {repeat}")
    print(f"diff / validate: {diff / validate:.2f} (target ≤ 1)")


if __name__ == "__main__":
    main(sys.argv[1:])
