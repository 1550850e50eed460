"""Time and memory of pacgen on hostile inputs that once took minutes or gigabytes (issue 11).

Each case runs `pacgen` in a child process (so a regression shows as a slow case, not a hung
benchmark: a child is killed after --timeout seconds) and prints wall time, peak memory and
the exit code. Figures, not tests: compare them with the README's *Limits* section.

    .venv/bin/python bench/hostile_input.py [--timeout 120]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACGEN = [sys.executable, "-m", "generator"]
SPEC = ('info: {title: A, description: A connector., version: "1"}\nhost: a.com\n'
        "operations:\n  - {id: get_a, get: /a, responses: {200: {description: OK}}}\n")
OPS = "| Name | Key | Required | Type | Description |\n|---|---|---|---|---|\n| a | b | True | string | d |\n"


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    def write(name: str, text: str) -> str:
        (folder / name).write_text(text, encoding="utf-8")
        return str(folder / name)

    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8)]
    swagger = {"swagger": "2.0", "info": {"title": "A", "version": "1"}, "host": "a.com", "paths": {},
               "produces": [0] * 200_000}
    readme_dir = folder / "readme"
    readme_dir.mkdir()
    (readme_dir / "apiDefinition.swagger.json").write_text(json.dumps({**swagger, "produces": []}))
    (readme_dir / "readme.md").write_text("# " + " " * 100_000 + "x\n" + "## H\n```\nc\n```\n" * 20_000)
    import_dir = folder / "import"
    import_dir.mkdir()
    (import_dir / "apiDefinition.swagger.json").write_text(json.dumps({**swagger, "produces": []}))
    # blanks inside the title: the former lazy pattern was cubic there (1 KB: 2.2 s; 3 KB: 17 s)
    (import_dir / "readme.md").write_text("## a" + " " * 100_000 + "x\n")
    names = [f"Op{i}" for i in range(20_000)]
    page = ("| Name | Description |\n|---|---|\n" + "".join(f"| {n} | Does {n} |\n" for n in names)
            + "".join(f"{n}\nDoes {n}\n{OPS}" for n in reversed(names)))
    return [
        ("alias bomb (7 levels x 9 aliases, 414 bytes)", ["validate", write("bomb.yaml", "\n".join(bomb) + "\n")]),
        ("600-deep YAML", ["validate", write("deep.yaml", SPEC + "x-d: " + "[" * 600 + "]" * 600 + "\n")]),
        ("980-deep JSON", ["validate", write("deep.json", '{"x": ' + "[" * 980 + "]" * 980 + "}")]),
        ("200,000 bad 'produces' items (1.2 MB)", ["validate", write("many.json", json.dumps(swagger))]),
        ("same, SARIF", ["validate", "--format", "sarif", str(folder / "many.json")]),
        ("readme: 100 KB heading line + 20,000 fences", ["validate", str(readme_dir)]),
        ("import: readme heading with 100 KB of blanks inside", ["import", str(import_dir)]),
        (f"docs extract: 20,000 operations in reverse order ({len(page) // 2**20} MB)",
         ["docs", "extract", write("page.md", page)]),
    ]


def run(args: list[str], timeout: float) -> tuple[float, int, str]:
    """Wall seconds, peak memory (MB) of this child alone, and its exit code."""
    started = time.perf_counter()
    child = subprocess.Popen(PACGEN + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - started, usage.ru_maxrss // 1024, str(child.returncode)
        if time.perf_counter() > deadline:
            child.kill()
            _, _, usage = os.wait4(child.pid, 0)
            return time.perf_counter() - started, usage.ru_maxrss // 1024, "killed (timeout)"
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=120)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in cases(Path(tmp)):
            seconds, peak, code = run(args, options.timeout)
            print(f"{name:<62} {seconds:7.2f} s  peak {peak:5d} MB  exit {code}")


if __name__ == "__main__":
    main()
