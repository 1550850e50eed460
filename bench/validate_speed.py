"""`pacgen validate` over a corpus of connector folders beside openapi-spec-validator over the same
swagger files, measured in the same run; prints both times and the ratio (target ≤ 1/10).

    .venv/bin/python bench/validate_speed.py ../shared/corpus
"""

import json
import subprocess
import sys
import time
from pathlib import Path

from openapi_spec_validator import validate as oas_validate


def openapi_spec_validator_seconds(corpus: Path) -> tuple[float, int]:
    files = sorted(p for p in corpus.rglob("*") if p.name.lower() == "apidefinition.swagger.json")
    started = time.perf_counter()
    for path in files:
        try:
            document = json.loads(path.read_bytes().decode("utf-8-sig"))
        except ValueError:
            continue
        try:
            oas_validate(document)
        except Exception:  # noqa: BLE001 — any verdict counts; we only time it
            pass
    return time.perf_counter() - started, len(files)


def pacgen_seconds(corpus: Path) -> float:
    pacgen = str(Path(sys.executable).with_name("pacgen"))
    started = time.perf_counter()
    subprocess.run([pacgen, "validate", str(corpus), "--format", "json"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str]) -> None:
    corpus = Path(argv[0] if argv else "../shared/corpus")
    ours = pacgen_seconds(corpus)
    theirs, files = openapi_spec_validator_seconds(corpus)
    print(f"pacgen validate (whole process, all stages): {ours:8.2f} s")
    print(f"openapi-spec-validator ({files} swagger files): {theirs:8.2f} s")
    print(f"ratio: {ours / theirs:.3f} (target <= 0.100), {theirs / ours:.1f}x faster")


if __name__ == "__main__":
    main(sys.argv[1:])
