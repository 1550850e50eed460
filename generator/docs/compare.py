"""Compare the page Microsoft publishes (``documented``) with what a connector would show (``actual``).

Operations are matched without relying on the page's language, in this order:

1. the operation ID, where the page shows one;
2. an equal name (an English page names operations by their summary);
3. the best *signature* match: the overlap (Jaccard) of the set of parameter keys and return paths.
   All remaining pairs are scored and taken greedily, best first; a pair needs at least
   :data:`MIN_SIMILARITY` to count as a match.

Within a matched operation, parameter rows are paired by key and return rows by path (repeated keys in
order).  A row whose key (or path) the page lost is paired with a left-over connector row of the same
type, nearest in position first.  Names and descriptions are localized, so they are never compared.
Connection parameters have no key column: they are paired by equal name, then by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.docs.model import DocConnParam, DocOperation, DocThrottle, Page
from generator.findings import Finding, error

MIN_SIMILARITY = 0.5

Locate = Callable[[str, "str | None", "str | None"], "str | None"]

CODES = {
    "DocsOperationUndocumented": "a connector operation that the page does not list",
    "DocsOperationMissing": "an operation on the page that the connector does not have",
    "DocsOperationKindMismatch": "an action on the page is a trigger in the connector, or the reverse",
    "DocsParameterMissing": "a parameter row on the page with no parameter in the connector",
    "DocsParameterExtra": "a visible connector parameter that the page does not show",
    "DocsParameterRequiredMismatch": "the page and the connector disagree on Required",
    "DocsParameterTypeMismatch": "the page and the connector disagree on a parameter's type",
    "DocsReturnMissing": "a returns row on the page with no field in the connector's response",
    "DocsReturnExtra": "a response field that the page does not show",
    "DocsReturnTypeMismatch": "the page and the connector disagree on a response field's type",
    "DocsConnectionParameterMissing": "a connection parameter on the page that the connector does not have",
    "DocsConnectionParameterExtra": "a connection parameter that the page does not show",
    "DocsConnectionParameterTypeMismatch": "the page and the connector disagree on a connection parameter's type",
    "DocsConnectionParameterRequiredMismatch": "the page and the connector disagree on whether a connection "
                                               "parameter is required",
    "DocsThrottlingMismatch": "the page's throttling limits differ from the connector's",
}


@dataclass(frozen=True)
class OperationMatch:
    documented: DocOperation
    actual: DocOperation
    how: str  # "operation_id" | "name" | "signature"
    similarity: float


@dataclass(frozen=True)
class CompareResult:
    findings: tuple[Finding, ...]
    matched_operations: int
    parameter_rows: int
    return_rows: int
    matches: tuple[OperationMatch, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings

    def summary(self) -> dict[str, int]:
        return {"operations matched": self.matched_operations, "parameter rows": self.parameter_rows,
                "return rows": self.return_rows}


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _signature(op: DocOperation) -> set[str]:
    return ({"p:" + p.key for p in op.parameters if p.key} | {"r:" + r.path for r in op.returns if r.path})


def similarity(a: DocOperation, b: DocOperation) -> float:
    """Jaccard overlap of parameter keys and return paths (1.0 when both have none)."""
    sa, sb = _signature(a), _signature(b)
    if not sa and not sb:
        return 1.0 if len(a.parameters) == len(b.parameters) and len(a.returns) == len(b.returns) else 0.0
    return len(sa & sb) / len(sa | sb)


def match_operations(documented: Sequence[DocOperation], actual: Sequence[DocOperation]) -> list[OperationMatch]:
    free_d = list(range(len(documented)))
    free_a = list(range(len(actual)))
    matches: list[tuple[int, OperationMatch]] = []

    def take(di: int, ai: int, how: str) -> None:
        free_d.remove(di)
        free_a.remove(ai)
        matches.append((di, OperationMatch(documented[di], actual[ai], how,
                                           similarity(documented[di], actual[ai]))))

    for di in list(free_d):
        op_id = documented[di].operation_id
        if op_id:
            ai = next((a for a in free_a if actual[a].operation_id == op_id), None)
            if ai is not None:
                take(di, ai, "operation_id")
    for di in list(free_d):
        name = _norm(documented[di].name)
        same = [a for a in free_a if _norm(actual[a].name) == name]
        same.sort(key=lambda a: actual[a].kind != documented[di].kind)
        if same:
            take(di, same[0], "name")
    scored = []
    for di in free_d:
        for ai in free_a:
            score = similarity(documented[di], actual[ai])
            if score >= MIN_SIMILARITY:
                scored.append((-score, documented[di].kind != actual[ai].kind, di, ai))
    for _, _, di, ai in sorted(scored):
        if di in free_d and ai in free_a:
            take(di, ai, "signature")
    matches.sort(key=lambda pair: pair[0])
    return [match for _, match in matches]


def _pair_rows(doc_rows: Sequence, act_rows: Sequence, key: Callable[[object], str]
               ) -> tuple[list[tuple[object, object]], list[object], list[object]]:
    """Pairs by key (repeated keys in order); key-less page rows by type, nearest position first."""
    free = list(range(len(act_rows)))
    pairs: list[tuple[int, int]] = []
    keyless: list[int] = []
    missing: list[int] = []
    for di, row in enumerate(doc_rows):
        k = key(row)
        if not k:
            keyless.append(di)
            continue
        ai = next((a for a in free if key(act_rows[a]) == k), None)
        if ai is None:
            missing.append(di)
        else:
            free.remove(ai)
            pairs.append((di, ai))
    for di in keyless:
        kind = _norm(doc_rows[di].type)
        same = sorted((a for a in free if _norm(act_rows[a].type) == kind), key=lambda a: (abs(a - di), a))
        if same:
            free.remove(same[0])
            pairs.append((di, same[0]))
        else:
            missing.append(di)
    pairs.sort()
    return ([(doc_rows[d], act_rows[a]) for d, a in pairs], [doc_rows[d] for d in sorted(missing)],
            [act_rows[a] for a in free])


class _Comparer:
    def __init__(self, locate: Locate | None) -> None:
        self.locate = locate
        self.findings: list[Finding] = []

    def pointer(self, row: object | None, kind: str, op_id: str | None = None, key: str | None = None,
                fallback: str | Callable[[], str] = "") -> str:
        """The row's own pointer, else what ``locate`` says, else the fallback (called only then)."""
        pointer = getattr(row, "pointer", None) if row is not None else None
        if not pointer and self.locate is not None:
            pointer = self.locate(kind, op_id, key)
        if pointer:
            return pointer
        return fallback() if callable(fallback) else fallback

    def add(self, code: str, message: str, pointer: str, hint: str) -> None:
        self.findings.append(error(code, message, pointer, hint))

    # -- operations -------------------------------------------------------------------------------

    def operation(self, match: OperationMatch, check_kind: bool) -> None:
        doc, act = match.documented, match.actual
        label = f"operation '{doc.name}'" + (f" ({act.operation_id})" if act.operation_id else "")
        def op_pointer() -> str:
            return self.pointer(act, "operation", act.operation_id, None)

        if check_kind and doc.kind != act.kind:
            self.add("DocsOperationKindMismatch",
                     f"{label} is listed as {'a trigger' if doc.kind == 'trigger' else 'an action'} on the page "
                     f"but is {'a trigger' if act.kind == 'trigger' else 'an action'} in the connector",
                     op_pointer(), "a trigger is an operation with x-ms-trigger")
        self.rows(label, act, doc.parameters, act.parameters, op_pointer, parameter=True)
        self.rows(label, act, doc.returns, act.returns, op_pointer, parameter=False)

    def rows(self, label: str, act_op: DocOperation, doc_rows: Sequence, act_rows: Sequence,
             op_pointer: Callable[[], str], parameter: bool) -> None:
        key = (lambda r: r.key) if parameter else (lambda r: r.path)
        what, kind = ("parameter", "parameter") if parameter else ("return field", "return")
        prefix = "DocsParameter" if parameter else "DocsReturn"
        pairs, missing, extra = _pair_rows(doc_rows, act_rows, key)
        renamed = len(missing) == 1 and len(extra) == 1 and _norm(missing[0].type) == _norm(extra[0].type)
        for row in missing:
            shown = key(row) or f"(no {'key' if parameter else 'path'} shown, name '{row.name}')"
            hint = (f"'{key(row)}' may have been renamed to '{key(extra[0])}'" if renamed and key(row)
                    else f"add it to the connector, or make sure it is not internal"
                         f"{'; body fields count by their leaf key' if parameter else ''}")
            self.add(f"{prefix}Missing",
                     f"{label}: the page shows {what} '{shown}' ({row.type}), the connector has none",
                     self.pointer(None, "operation", act_op.operation_id, None, op_pointer), hint)
        for row in extra:
            hint = (f"the page shows '{key(missing[0])}' instead" if renamed and key(missing[0])
                    else "mark it x-ms-visibility: internal if users should not see it, or the page is "
                         "older than the connector")
            self.add(f"{prefix}Extra",
                     f"{label}: {what} '{key(row)}' ({row.type}) is not on the page",
                     self.pointer(row, kind, act_op.operation_id, key(row), op_pointer), hint)
        for doc, act in pairs:
            type_differs = _norm(doc.type) != _norm(act.type)
            required_differs = parameter and doc.required != act.required
            if not (type_differs or required_differs):
                continue
            pointer = self.pointer(act, kind, act_op.operation_id, key(act), op_pointer)
            if type_differs:
                self.add(f"{prefix}TypeMismatch",
                         f"{label}: {what} '{key(act)}' is '{doc.type}' on the page but '{act.type}' in the "
                         f"connector", pointer,
                         "the page shows the format instead of the type for numbers (float, double) and for "
                         "strings such as byte and date-time; integers show as integer")
            if required_differs:
                self.add("DocsParameterRequiredMismatch",
                         f"{label}: {what} '{key(act)}' is {'required' if doc.required else 'optional'} on the "
                         f"page but {'required' if act.required else 'optional'} in the connector", pointer,
                         "for a body field, Required means: listed in its parent object's required list")

    # -- connection parameters and throttling ------------------------------------------------------

    def connection(self, doc_rows: Sequence[DocConnParam], act_rows: Sequence[DocConnParam]) -> None:
        free = list(range(len(act_rows)))
        pairs: list[tuple[int, int]] = []
        unpaired: list[int] = []
        for di, row in enumerate(doc_rows):
            ai = next((a for a in free if _norm(act_rows[a].name) == _norm(row.name)), None)
            if ai is None:
                unpaired.append(di)
            else:
                free.remove(ai)
                pairs.append((di, ai))
        missing = []
        for di in unpaired:  # the page's names are localized: pair the rest by position
            if free:
                pairs.append((di, free.pop(0)))
            else:
                missing.append(di)
        base = "/properties/connectionParameters"
        for di in missing:
            row = doc_rows[di]
            self.add("DocsConnectionParameterMissing",
                     f"the page shows connection parameter '{row.name}' ({row.type}), the connector has none",
                     self.pointer(None, "connection", None, None, base),
                     "add it to apiProperties.json connectionParameters")
        for ai in free:
            row = act_rows[ai]
            self.add("DocsConnectionParameterExtra",
                     f"connection parameter '{row.name}' ({row.type}) is not on the page",
                     self.pointer(row, "connection", None, row.name, base),
                     "remove it, or the page is older than the connector")
        for di, ai in sorted(pairs):
            doc, act = doc_rows[di], act_rows[ai]
            if _norm(doc.type) == _norm(act.type) and doc.required == act.required:
                continue
            pointer = self.pointer(act, "connection", None, act.name, base)
            if _norm(doc.type) != _norm(act.type):
                self.add("DocsConnectionParameterTypeMismatch",
                         f"connection parameter '{act.name}' is '{doc.type}' on the page but '{act.type}' in "
                         f"the connector", pointer, "secrets are securestring")
            if doc.required != act.required:
                self.add("DocsConnectionParameterRequiredMismatch",
                         f"connection parameter '{act.name}' is {'required' if doc.required else 'optional'} on "
                         f"the page but {'required' if act.required else 'optional'} in the connector", pointer,
                         'set uiDefinition.constraints.required to "true" or "false"')

    def throttling(self, doc_rows: Sequence[DocThrottle], act_rows: Sequence[DocThrottle]) -> None:
        def limit(row: DocThrottle) -> str:
            return f"{row.calls} calls per {row.period_seconds} s"

        free = list(act_rows)
        unmatched = []
        for row in doc_rows:
            same = next((a for a in free if (a.calls, a.period_seconds) == (row.calls, row.period_seconds)), None)
            if same is None:
                unmatched.append(row)
            else:
                free.remove(same)
        pointer = self.pointer(None, "throttling", None, None) if unmatched or free else ""
        hint = "the spec's throttling must state what the published page shows (period in seconds)"
        for row in unmatched:
            other = free.pop(0) if free else None
            self.add("DocsThrottlingMismatch",
                     f"the page shows a throttling limit of {limit(row)}; the connector "
                     + (f"has {limit(other)}" if other else "has no such limit"), pointer, hint)
        for row in free:
            self.add("DocsThrottlingMismatch",
                     f"the connector has a throttling limit of {limit(row)} that the page does not show",
                     pointer, hint)


def compare(documented: Page, actual: Page, locate: Locate | None = None, *,
            check_connection: bool = True, check_throttling: bool = True) -> CompareResult:
    """Findings for every difference between the page and the connector (all errors).

    ``locate(kind, operation_id, key)`` supplies a JSON pointer for rows that carry none (``kind`` is
    operation, parameter, return, connection or throttling); rows made by ``flatten`` carry their own.
    ``check_connection=False`` skips the connection parameters (a bare swagger has no apiProperties);
    ``check_throttling=False`` skips the throttling table (when the connector does not state its limits).
    """
    comparer = _Comparer(locate)
    matches = match_operations(documented.operations, actual.operations)
    check_kind = bool(documented.triggers)  # with one list only, a page cannot say which kind it lists
    for match in matches:
        comparer.operation(match, check_kind)
    matched_doc = {id(m.documented) for m in matches}
    matched_act = {id(m.actual) for m in matches}
    for op in documented.operations:
        if id(op) not in matched_doc:
            comparer.add("DocsOperationMissing",
                         f"the page documents operation '{op.name}'"
                         + (f" ({op.operation_id})" if op.operation_id else "")
                         + f" with {len(op.parameters)} parameter(s) and {len(op.returns)} return field(s); "
                           f"no connector operation matches it",
                         comparer.pointer(None, "operation", op.operation_id, None, "/paths"),
                         "add the operation, or check that it is not internal; operations are matched by "
                         "operation ID, name, or their parameter keys and return paths")
    for op in actual.operations:
        if id(op) not in matched_act:
            comparer.add("DocsOperationUndocumented",
                         f"operation '{op.name}'" + (f" ({op.operation_id})" if op.operation_id else "")
                         + " is not on the page",
                         comparer.pointer(op, "operation", op.operation_id, None, "/paths"),
                         "mark it x-ms-visibility: internal if users should not see it, or the page is older "
                         "than the connector")
    if check_connection:
        comparer.connection(documented.connection_parameters, actual.connection_parameters)
    if check_throttling:
        comparer.throttling(documented.throttling, actual.throttling)
    return CompareResult(
        findings=tuple(comparer.findings),
        matched_operations=len(matches),
        parameter_rows=sum(len(m.documented.parameters) for m in matches),
        return_rows=sum(len(m.documented.returns) for m in matches),
        matches=tuple(matches),
    )


def codes() -> Iterable[tuple[str, str]]:
    """The finding codes of this stage with a one-line meaning each."""
    return CODES.items()
