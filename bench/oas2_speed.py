"""Time of check_oas2 beside openapi-spec-validator over every corpus swagger, in one process run,
and their ratio (target: check_oas2 at least 10x faster), with the verdicts compared on the way.

    .venv/bin/python bench/oas2_speed.py [CORPUS] [--backend jsonschema|auto]

--backend jsonschema (default) pins openapi-spec-validator's pure-Python JSON Schema backend, the
behaviour check_oas2 replicates; --backend auto lets it pick jsonschema-rs when that is installed.
JSON parsing is timed apart and counted in neither.  check_oas2 runs first, so its time includes
its one-time imports (openapi_schema_validator, jsonschema).
"""

import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.validate.oas2 import check_oas2  # noqa: E402


def load(corpus: Path) -> tuple[list[tuple[str, dict]], float, int]:
    started = time.perf_counter()
    docs, unreadable = [], 0
    for path in sorted(corpus.glob("*/*/apiDefinition.swagger.json")):
        try:
            docs.append((str(path.relative_to(corpus)), json.loads(path.read_bytes().decode("utf-8"))))
        except (UnicodeDecodeError, ValueError):
            unreadable += 1
    return docs, time.perf_counter() - started, unreadable


def reference(backend: str):
    from openapi_spec_validator import OpenAPIV2SpecValidator

    if backend == "auto":
        try:
            from openapi_spec_validator.schemas import get_validator_backend

            return OpenAPIV2SpecValidator, get_validator_backend()
        except ImportError:  # releases before 0.8 have only the pure-Python backend
            return OpenAPIV2SpecValidator, "jsonschema"
    from openapi_spec_validator.schemas import schema_v2
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator

    cls = type(
        "PythonBackendV2SpecValidator",
        (OpenAPIV2SpecValidator,),
        {"schema_validator": create_validator(dict(schema_v2))},
    )
    return cls, "jsonschema"


def main(argv: list[str]) -> None:
    backend = argv[argv.index("--backend") + 1] if "--backend" in argv else "jsonschema"
    positional = [
        a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--backend")
    ]
    corpus = Path(positional[0]) if positional else ROOT.parent / "shared" / "corpus"
    docs, parse_time, unreadable = load(corpus)
    print(
        f"{len(docs)} swaggers under {corpus} ({unreadable} unreadable skipped); JSON parsing {parse_time:.2f} s"
    )

    started = time.perf_counter()
    ours = {name: not check_oas2(doc) for name, doc in docs}
    ours_time = time.perf_counter() - started

    from openapi_spec_validator import validate

    cls, used = reference(backend)
    started = time.perf_counter()
    theirs = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, doc in docs:
            try:
                validate(doc, cls=cls)
                theirs[name] = True
            except Exception:  # noqa: BLE001 - an exception is an "invalid" verdict too
                theirs[name] = False
    theirs_time = time.perf_counter() - started

    agree = sum(ours[name] == theirs[name] for name, _ in docs)
    print(f"check_oas2:             {ours_time:7.2f} s ({sum(ours.values())} valid)")
    print(
        f"openapi-spec-validator: {theirs_time:7.2f} s ({sum(theirs.values())} valid; schema backend: {used})"
    )
    print(
        f"ratio: {theirs_time / ours_time:.1f}x faster (target >= 10x); verdicts agree on {agree}/{len(docs)}"
    )
    for name, _ in docs:
        if ours[name] != theirs[name]:
            print(f"  disagree: {name}: check_oas2 {'valid' if ours[name] else 'invalid'}")


if __name__ == "__main__":
    main(sys.argv[1:])
