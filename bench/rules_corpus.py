"""Run the Power Platform rules over ../shared/corpus and print, per code, how many connectors
it fires on (errors above 5 % of connectors deserve a second look).

    .venv/bin/python bench/rules_corpus.py [CODE_PREFIX ...] [--show CODE] [--corpus DIR]

--show CODE runs that rule alone (unless CODE_PREFIXes are given too) and prints each of its
findings; a CODE no swagger rule has is refused with a did-you-mean.
"""

import collections
import difflib
import sys
import time
from pathlib import Path

from generator.source import find_file, read_json
from generator.validate.rule import load_all_rules, run_rules

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def option(argv: list[str], name: str) -> str | None:
    """The value after ``name`` in ``argv``; SystemExit when it is missing."""
    if name not in argv:
        return None
    index = argv.index(name)
    if index + 1 >= len(argv):
        sys.exit(f"{name} needs a value")
    return argv[index + 1]


def main(argv: list[str]) -> None:
    show, corpus = option(argv, "--show"), Path(option(argv, "--corpus") or CORPUS)
    values = {i + 1 for i, a in enumerate(argv) if a in ("--show", "--corpus")}
    prefixes = [a for i, a in enumerate(argv) if not a.startswith("--") and i not in values]
    every = load_all_rules()
    if show is not None and show not in every:
        guesses = difflib.get_close_matches(show, list(every), n=3)
        sys.exit(f"--show: no swagger rule {show}" + (f"; did you mean {', '.join(guesses)}?" if guesses else ""))
    rules = [r for code, r in every.items() if code.startswith(tuple(prefixes)) or code == show]
    if not prefixes and show is None:
        rules = list(every.values())
    per_code: dict[str, set] = collections.defaultdict(set)
    severity: dict[str, str] = {}
    connectors = 0
    started = time.perf_counter()
    for folder in sorted(p for p in corpus.glob("*/*") if p.is_dir()):
        swagger_path = find_file(folder, "apiDefinition.swagger.json")
        props_path = find_file(folder, "apiProperties.json")
        if swagger_path is None:
            continue
        swagger = read_json(swagger_path)
        props = read_json(props_path).data if props_path else None
        if swagger.data is None:
            continue
        connectors += 1
        for finding in run_rules(swagger.data, props, rules):
            per_code[finding.code].add(folder.name)
            severity[finding.code] = finding.severity.value
            if finding.code == show:
                print(f"{folder.name}: {finding.pointer}: {finding.message}")
    elapsed = time.perf_counter() - started
    print(f"{connectors} connectors, {len(rules)} rules, {elapsed:.2f} s")
    for code, names in sorted(per_code.items(), key=lambda kv: -len(kv[1])):
        share = 100 * len(names) / max(connectors, 1)
        flag = "  <-- over 5 %" if share > 5 and severity[code] == "error" else ""
        print(f"{len(names):5d} {share:5.1f}% {severity[code]:7s} {code}{flag}")


if __name__ == "__main__":
    main(sys.argv[1:])
