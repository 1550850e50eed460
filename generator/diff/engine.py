"""Compare two connectors: match operations (by operationId, then a rename by method and path),
pair their fields, run the change rules, place each finding in NEW (in OLD for removals)."""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.diff.rule import ChangeContext, ChangeRule, OperationPair, handlers, load_change_rules
from generator.diff.view import ConnectorView, FieldView, OperationView, view_of
from generator.findings import Finding, split_pointer
from generator.pipeline import LoadedConnector


class UnrelatedConnectors(Exception):
    """The two sides share nothing: comparing them would report every operation as removed."""


def compare(old: LoadedConnector, new: LoadedConnector,
            wants: Callable[[str], bool] = lambda code: True) -> list[Finding]:
    """Every change from ``old`` to ``new`` the selected rules report, placed at file:line:col."""
    old_view, new_view = view_of(old.swagger, old.properties), view_of(new.swagger, new.properties)
    pairs, removed, added = match_operations(old_view, new_view)
    if not pairs and old_view.operations and new_view.operations and not _same_identity(old_view, new_view):
        raise UnrelatedConnectors(
            f"'{_title(old_view)}' and '{_title(new_view)}' share no operation (by id or by method and "
            "path), title or host: they look like two different connectors")
    ctx = ChangeContext(old_view, new_view, pairs, removed, added)
    rules = [rule for code, rule in load_change_rules().items() if wants(code)]
    run_rules(ctx, rules)
    placed = [place(new if r.side == "new" else old, printable(r.finding)) for r in ctx.reported]
    return sorted(set(placed), key=Finding.sort_key)


def place(side: LoadedConnector, finding: Finding) -> Finding:
    """file:line:col of the finding in its side; in a spec, a connection parameter is placed at
    its own entry (the model places every apiProperties element at `connectionParameters`)."""
    tokens = split_pointer(finding.pointer)
    if side.spec is not None and tokens[:2] == ["properties", "connectionParameters"] and len(tokens) > 2:
        line, column = side.spec.locate(("connectionParameters", tokens[2]))
        return finding.located(side.spec.path, line, column)
    return side.place(finding)


def run_rules(ctx: ChangeContext, rules: list[type[ChangeRule]]) -> None:
    instances = [rule() for rule in rules]
    for rule, method in handlers(instances, "document"):
        ctx.current_rule = rule
        method(ctx)
    operation_rules = handlers(instances, "operation")
    input_rules, output_rules = handlers(instances, "input"), handlers(instances, "output")
    for pair in ctx.pairs:
        for rule, method in operation_rules:
            ctx.current_rule = rule
            method(ctx, pair)
        for side, field_rules in (("inputs", input_rules), ("outputs", output_rules)):
            for old, new in field_pairs(getattr(pair.old, side), getattr(pair.new, side)):
                for rule, method in field_rules:
                    ctx.current_rule = rule
                    method(ctx, pair, old, new)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(finding: Finding) -> Finding:
    """Names and values in messages (and file names) come from the input: control characters (a
    terminal escape in an operationId, a newline in an enum value) are shown escaped, never passed
    through."""
    def escape(text: str) -> str:
        return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)

    return finding._replace(message=escape(finding.message), hint=escape(finding.hint), file=escape(finding.file))


def match_operations(old: ConnectorView, new: ConnectorView) -> tuple[list[OperationPair], list, list]:
    """Pairs by operationId; then an old operation whose id is gone and a new one whose id is new
    at the same method and path are one operation renamed. The rest: removed, added."""
    pairs = [OperationPair(op, new.operations[op_id]) for op_id, op in old.operations.items()
             if op_id in new.operations]
    gone = [op for op_id, op in old.operations.items() if op_id not in new.operations]
    fresh = {(op.method, op.path): op for op_id, op in new.operations.items() if op_id not in old.operations}
    removed: list[OperationView] = []
    for op in gone:
        successor = fresh.pop((op.method, op.path), None)
        if successor is None:
            removed.append(op)
        else:
            pairs.append(OperationPair(op, successor, renamed=True))
    added = [op for op in new.operations.values() if (op.method, op.path) in fresh
             and fresh[(op.method, op.path)] is op]
    return pairs, removed, added


def field_pairs(old: dict[tuple, FieldView], new: dict[tuple, FieldView]):
    """(old, new) per field key, parents first; a field under one that was added, removed or
    retyped is left out (the parent's change says it all)."""
    blocked: set[tuple] = set()
    for key in sorted(old.keys() | new.keys(), key=lambda k: (len(k), tuple(map(str, k)))):
        if any(key[:n] in blocked for n in range(2, len(key))):
            continue
        before, after = old.get(key), new.get(key)
        if before is None or after is None or before.kind != after.kind:
            blocked.add(key)
        yield before, after


def _same_identity(old: ConnectorView, new: ConnectorView) -> bool:
    return bool(_title(old) and _title(old) == _title(new)) or bool(
        old.swagger.get("host") and old.swagger.get("host") == new.swagger.get("host"))


def _title(view: ConnectorView) -> str:
    info = view.swagger.get("info")
    return str(info.get("title", "")) if isinstance(info, dict) else ""
