"""`pacgen validate` over a corpus of connector folders beside openapi-spec-validator over the same
swagger files, measured in the same run; prints the times and the ratios (target ≤ 1/10).

    .venv/bin/python bench/validate_speed.py ../shared/corpus [--backend jsonschema|auto]

openapi-spec-validator is timed with its pure-Python JSON Schema backend by default: that is the
library as installed on its own (the issue's 92 s figure); it switches to jsonschema-rs when that
happens to be installed (`--backend auto`). pacgen is timed as a whole process, all stages, both
on one CPU (`-j 1`), with one worker per CPU (`-j N`) and with its default (`-j 0`: one worker per
CPU that is free, keeping one for the parent process; see ``default_jobs``), which must never be
slower than `-j 1`.
"""

import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from oas2_speed import reference  # noqa: E402 — a sibling script, not a package


def openapi_spec_validator_seconds(corpus: Path, backend: str) -> tuple[float, int, str]:
    from openapi_spec_validator import validate as oas_validate

    cls, used = reference(backend)
    files = sorted(p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json")
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in files:
            try:
                document = json.loads(path.read_bytes().decode("utf-8-sig"))
            except ValueError:
                continue
            try:
                oas_validate(document, cls=cls)
            except Exception:  # noqa: BLE001 — any verdict counts; we only time it
                pass
    return time.perf_counter() - started, len(files), used


def pacgen_seconds(corpus: Path, *options: str) -> float:
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    started = time.perf_counter()
    subprocess.run([pacgen, "validate", str(corpus), "--format", "json", *options],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    backend = argv[argv.index("--backend") + 1] if "--backend" in argv else "jsonschema"
    positional = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--backend")]
    corpus = Path(positional[0] if positional else "../shared/corpus")
    package = Path(__file__).resolve().parents[1] / "generator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    from generator.validate.pipeline import default_jobs, usable_cpus

    cpus = usable_cpus()
    chosen = default_jobs(len([p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json"]))
    one_cpu = min(pacgen_seconds(corpus, "-j", "1") for _ in range(2))
    per_cpu = min(pacgen_seconds(corpus, "-j", str(cpus)) for _ in range(2))
    default = min(pacgen_seconds(corpus) for _ in range(2))
    theirs, files, used = openapi_spec_validator_seconds(corpus, backend)
    print(f"pacgen validate, -j 1 (whole process, all stages): {one_cpu:8.2f} s  (best of 2)")
    print(f"pacgen validate, -j {cpus} (one worker per CPU):          {per_cpu:8.2f} s")
    print(f"pacgen validate, default (-j 0 = {chosen} here):          {default:8.2f} s"
          + ("" if default <= one_cpu * 1.05 else "   SLOWER than -j 1: the default needs another look"))
    print(f"openapi-spec-validator ({files} swagger files, {used} backend): {theirs:8.2f} s")
    print(f"ratio -j 1: {one_cpu / theirs:.3f}; default: {default / theirs:.3f} (target <= 0.100)")


if __name__ == "__main__":
    main(sys.argv[1:])
