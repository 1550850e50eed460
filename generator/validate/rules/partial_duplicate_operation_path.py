from __future__ import annotations

import re
from collections import defaultdict

from generator.findings import Severity
from generator.validate.rule import Rule

VARIABLE = re.compile(r"\{[^{}/]*\}")


def segments(path: str) -> list[str]:
    return path.strip("/").split("/")


def segment_pattern(segment: str) -> re.Pattern:
    parts = VARIABLE.split(segment)
    return re.compile("[^/]+".join(re.escape(p) for p in parts), re.IGNORECASE)


def compare(a: list[str], b: list[str]) -> str:
    """"distinct", "partial" (a variable segment of one can take a static segment of the other)
    or "same" (indistinguishable: DuplicateOperationPath's case)."""
    partial = False
    for x, y in zip(a, b, strict=True):
        vx, vy = "{" in x, "{" in y
        if not vx and not vy:
            if x.lower() != y.lower():
                return "distinct"
        elif vx and vy:
            if VARIABLE.sub("{}", x).lower() != VARIABLE.sub("{}", y).lower():
                return "distinct"
        else:
            variable, static = (x, y) if vx else (y, x)
            if not segment_pattern(variable).fullmatch(static):
                return "distinct"
            partial = True
    return "partial" if partial else "same"


class PartialDuplicateOperationPath(Rule):
    """Operations of one HTTP method should not have paths told apart only by a variable segment.

    With ``GET /items/{id}`` and ``GET /items/recent``, a call for the item whose id is
    ``recent`` is routed to the wrong operation; Microsoft asks for paths that route without
    such conditions. Paths are compared segment by segment, ignoring case; fully
    indistinguishable paths are DuplicateOperationPath instead.

    Severity: warning. Microsoft words this as advice ("it is better to have unconditional
    routing"), and the pattern is common in certified connectors (/users/{id} next to /users/me).

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /recent/items: {get: {operationId: ListRecent, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /items/recent: {get: {operationId: ListRecent, responses: {'200': {description: OK}}}}
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
            split = {id(op): segments(op.path) for op in ops}
            for op in ops:
                similar = [other.path for other in ops if other is not op
                           and compare(split[id(op)], split[id(other)]) == "partial"]
                if similar:
                    ctx.report(op.pointer,
                               f"operation {op.label} has the path template '{op.path}', "
                               f"which overlaps other {op.method.upper()} paths where a parameter "
                               f"value could equal a fixed segment: "
                               f"{', '.join(repr(p) for p in similar)}",
                               "make the paths differ in a fixed segment (e.g. /items/{id} and "
                               "/recent-items), so no parameter value can reach the other operation")
