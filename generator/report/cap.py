"""The findings cap: at most FINDINGS_PER_RULE findings of one code (in one file) are kept; one
more finding stands for the rest (``omitted``), so a file that repeats one mistake 200,000 times
gives a report of a few hundred lines, and summaries still count every finding."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

from generator.findings import Finding
from generator.limits import FINDINGS_PER_RULE


def cap_findings(findings: Iterable[Finding], key: Callable[[Finding], Hashable] = lambda f: (f.file, f.code),
                 per_rule: int = FINDINGS_PER_RULE) -> list[Finding]:
    """The first ``per_rule`` findings of each ``key`` in order, then one finding per key that
    was cut, placed at its first left-out finding, standing for all that were left out."""
    shown: dict[Hashable, int] = {}
    left_out: dict[Hashable, Finding] = {}
    kept: list[Finding] = []
    for finding in findings:
        group = key(finding)
        count = shown.get(group, 0)
        if count < per_rule:
            shown[group] = count + 1
            kept.append(finding)
            continue
        first = left_out.get(group)
        weight = 1 + finding.omitted
        left_out[group] = finding._replace(omitted=weight) if first is None else first._replace(
            omitted=first.omitted + weight)
    for first in left_out.values():
        kept.append(first._replace(
            message=f"{first.omitted:,} more {first.code} finding(s) not shown (at most {per_rule} per"
                    " rule and file)", hint="fix the ones shown first; the summary counts them all",
            omitted=first.omitted - 1))
    return kept
