"""Default-set findings per connector, from `pacgen validate --format json` reports.

    .venv/bin/pacgen validate ../shared/corpus --format json -j 1 > /tmp/after.json
    .venv/bin/python bench/default_set.py /tmp/before.json /tmp/after.json

Prints, per report: connectors, findings per connector (mean, median, max) by severity, and
for every warning code the share of connectors it fires on, marking those above a quarter
(issue 15: such a default-on warning must be a real rejection cause; tests/test_default_set.py
holds the default set to that bar).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path


def connector_of(finding: dict) -> str:
    return str(Path(finding.get("file") or "?").parent)


def describe(path: str) -> None:
    report = json.loads(Path(path).read_text("utf-8"))
    connectors = report["summary"]["connectors"]
    per_connector: dict[str, Counter] = defaultdict(Counter)
    code_connectors: dict[str, set] = defaultdict(set)
    for finding in report["findings"]:
        where = connector_of(finding)
        per_connector[where][finding["severity"]] += 1
        if finding["severity"] == "warning":
            code_connectors[finding["code"]].add(where)
    print(f"{path}: {connectors} connectors")
    for severity in ("error", "warning"):
        counts = [per_connector[c][severity] for c in per_connector] + [0] * (connectors - len(per_connector))
        print(f"  {severity:<8} total {sum(counts):>6}  per connector mean {statistics.mean(counts):6.1f}"
              f"  median {statistics.median(counts):5.1f}  max {max(counts):5}")
    for code, where in sorted(code_connectors.items(), key=lambda item: (-len(item[1]), item[0])):
        marker = "  <-- over a quarter" if len(where) > connectors / 4 else ""
        print(f"  warning on {len(where) / connectors:5.1%} of connectors: {code}{marker}")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        describe(argument)
