from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from generator.findings import Severity
from generator.validate.rule import Rule

VARIABLE = re.compile(r"\{[^{}/]*\}")


def segments(path: str) -> list[str]:
    return path.strip("/").split("/")


@lru_cache(maxsize=1024)
def segment_pattern(segment: str) -> re.Pattern:
    parts = VARIABLE.split(segment)
    return re.compile("[^/]+".join(re.escape(p) for p in parts), re.IGNORECASE)


def shape(segment: str) -> tuple[bool, str, str]:
    """(is variable, the key two segments of the same kind must share, the segment)."""
    variable = "{" in segment
    return variable, (VARIABLE.sub("{}", segment) if variable else segment).lower(), segment


def compare(a: list[tuple], b: list[tuple]) -> str:
    """"distinct", "partial" (a variable segment of one can take a static segment of the other)
    or "same" (indistinguishable: DuplicateOperationPath's case), for paths given as ``shape``s
    of their segments."""
    partial = False
    for (vx, kx, x), (vy, ky, y) in zip(a, b, strict=True):
        if vx == vy:
            if kx != ky:
                return "distinct"
        else:
            variable, static = (x, y) if vx else (y, x)
            if not segment_pattern(variable).fullmatch(static):
                return "distinct"
            partial = True
    return "partial" if partial else "same"


def _candidates(split: list[list[tuple]]) -> list[list[int]]:
    """For each path (given as segment ``shape``s), the indexes of the other paths that agree
    with it on every segment where both are static; any other pair is "distinct" for
    ``compare``, so large connectors need not compare every pair."""
    static: dict[tuple[int, str], set[int]] = defaultdict(set)
    variable: dict[int, set[int]] = defaultdict(set)
    for index, shapes in enumerate(split):
        for position, (is_variable, key, _) in enumerate(shapes):
            if is_variable:
                variable[position].add(index)
            else:
                static[(position, key)].add(index)
    unions: dict[tuple[int, str], set[int]] = {}
    for (position, key), members in static.items():
        unions[(position, key)] = members | variable[position]
    everyone = range(len(split))
    found = []
    for shapes in split:
        allowed = [unions[(position, key)]
                   for position, (is_variable, key, _) in enumerate(shapes) if not is_variable]
        if not allowed:
            found.append(list(everyone))
            continue
        allowed.sort(key=len)
        found.append(sorted(allowed[0].intersection(*allowed[1:])))
    return found


class PartialDuplicateOperationPath(Rule):
    """Operations of one HTTP method should not have paths told apart only by a variable segment.

    With ``GET /items/{id}`` and ``GET /items/recent``, a call for the item whose id is
    ``recent`` is routed to the wrong operation; Microsoft asks for paths that route without
    such conditions. Paths are compared segment by segment, ignoring case; fully
    indistinguishable paths are DuplicateOperationPath instead.

    Severity: warning. Microsoft words this as advice ("it is better to have unconditional
    routing"), and the pattern is common in certified connectors (/users/{id} next to /users/me).
    Each overlap is reported once, at the later of its two operations (in document order),
    naming the earlier paths it overlaps.

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /recent/items: {get: {operationId: ListRecent, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /items/recent: {get: {operationId: ListRecent, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1recent/get
    """

    code = "PartialDuplicateOperationPath"
    severity = Severity.WARNING
    summary = "operations of one method do not have paths told apart only by a variable segment"

    def finish(self, ctx):
        groups: dict[tuple, list] = defaultdict(list)
        for op in ctx.operations:
            if op.path.startswith("/"):
                groups[(op.method, len(segments(op.path)))].append(op)
        for ops in groups.values():
            if len(ops) < 2:
                continue
            split = [[shape(segment) for segment in segments(op.path)] for op in ops]
            for index, (op, candidates) in enumerate(zip(ops, _candidates(split), strict=True)):
                # other < index: each pair once, at its later operation
                similar = [ops[other].path for other in candidates if other < index
                           and compare(split[index], split[other]) == "partial"]
                if similar:
                    ctx.report(op.pointer,
                               f"operation {op.label} has the path template '{op.path}', "
                               f"which overlaps other {op.method.upper()} paths where a parameter "
                               f"value could equal a fixed segment: "
                               f"{', '.join(repr(p) for p in similar)}",
                               "make the paths differ in a fixed segment (e.g. /items/{id} and "
                               "/recent-items), so no parameter value can reach the other operation")
