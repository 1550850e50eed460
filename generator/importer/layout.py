"""The ``layout:`` section of an imported spec: how the connector's JSON departs from the layout
`pacgen build` uses by default (generator.spec.layout), and nothing more.

The importer writes operation members in the order docs/spec.md teaches and leaves empty sections
out; this section is what lets the rebuild still write the original member order and empty
sections. A connector laid out like most connectors gets none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from generator.spec.layout import EMPTY_OPERATION_KEYS, EMPTY_SECTIONS, OPERATION_KEYS, arrange

#: Spec order of operation members (in swagger names): identity, then method and path (not a
#: swagger member), summary, description, the rest as they stood, parameters and responses last.
TEACHING_RANK = {"operationId": 0, "id": 0, "summary": 2, "description": 3, "parameters": 5, "responses": 6}
OTHER_RANK = 4
METHOD_RANK = 1

LAYOUT_COMMENT = ("Only so that `pacgen build` writes this connector's JSON exactly as it was (member\n"
                  "order, empty sections): delete it to get pacgen's canonical layout (docs/spec.md).")


def teaching_order(members: dict, method: str | None = None) -> dict:
    """An operation's members (spec or swagger names) in the order docs/spec.md teaches."""
    def rank(key: str) -> int:
        return METHOD_RANK if key == method else TEACHING_RANK.get(key, OTHER_RANK)
    return {key: members[key] for key in sorted(members, key=rank)}


def is_canonical_empty(key: str, value: Any) -> bool:
    """Is ``value`` the empty section the build writes for ``key`` when a spec leaves it out?"""
    return key in EMPTY_SECTIONS and type(value) is type(EMPTY_SECTIONS[key]) and not value


class OperationKeys:
    """The member orders of a connector's operations, collected while inverting them."""

    def __init__(self) -> None:
        self.operations: list[tuple[str, tuple[str, ...]]] = []  # (layout name, swagger member order)

    def add(self, name: str, original: Sequence[str]) -> None:
        self.operations.append((name, tuple(original)))

    def section(self, supplied: Sequence[frozenset[str]] = ()) -> dict[str, Any]:
        """`operationKeys` / `operationKeysOf` entries, whichever of the default order and this
        connector's own most common order leaves fewer operations to list one by one.
        ``supplied``: per operation, the members the spec leaves to the layout's empty lists."""
        supplied = list(supplied) or [frozenset()] * len(self.operations)
        misses = self._misses(OPERATION_KEYS, supplied)
        if not misses:
            return {}
        order = connector_order([keys for _, keys in self.operations])
        own_misses = self._misses(order, supplied)
        out: dict[str, Any] = {}
        if len(own_misses) < len(misses):
            out["operationKeys"], misses = list(order), own_misses
        if misses:
            out["operationKeysOf"] = {name: list(keys) for name, keys in misses}
        return out

    def _misses(self, order: Sequence[str], supplied: Sequence[frozenset[str]]) -> list[tuple[str, tuple[str, ...]]]:
        """The operations ``order`` would not give their own member order (``supplied``: per
        operation, the empty lists the layout adds to its spec's members)."""
        return [(name, keys) for (name, keys), empties in zip(self.operations, supplied, strict=True)
                if _built_order(keys, empties, order) != keys]


def _built_order(keys: Sequence[str], supplied: frozenset[str], order: Sequence[str]) -> tuple[str, ...]:
    """The member order the build gives an operation whose spec has ``keys`` (swagger names) in
    the taught order except ``supplied``, which the layout's empty lists add after them."""
    members = dict.fromkeys(teaching_order(dict.fromkeys(k for k in keys if k not in supplied)))
    members.update(dict.fromkeys(k for k in EMPTY_OPERATION_KEYS if k in supplied))
    return tuple(arrange(members, order))


class _EmptyLists(NamedTuple):
    name: str  # how the layout names the operation
    spec: dict  # its members in the spec being written
    empty: frozenset[str]  # the members it carries as empty lists
    absent: frozenset[str]  # the members it leaves out


class OperationEmpties:
    """Which of the members the layout can write empty (generator.spec.layout.EMPTY_OPERATION_KEYS)
    a connector's operations carry as empty lists. Each such list leaves the operation's spec (which
    then reads as written by hand, and takes the canonical layout when `layout:` is deleted); a
    member more operations carry empty than leave out becomes a connector-wide `emptyOperationKeys`
    entry, and each operation that departs from it lists its own in `emptyOperationKeysOf`."""

    def __init__(self) -> None:
        self.operations: list[_EmptyLists] = []

    def add(self, name: str, original: dict, spec: dict) -> None:
        empty = frozenset(k for k in EMPTY_OPERATION_KEYS if isinstance(original.get(k), list) and not original[k])
        absent = frozenset(k for k in EMPTY_OPERATION_KEYS if k not in original)
        self.operations.append(_EmptyLists(name, spec, empty, absent))

    def connector_keys(self) -> frozenset[str]:
        """The members more operations carry empty than leave out (a tie keeps the default: none)."""
        def carried(key: str) -> int:
            return sum(1 for op in self.operations if key in op.empty) - sum(1 for op in self.operations
                                                                               if key in op.absent)
        return frozenset(key for key in EMPTY_OPERATION_KEYS if carried(key) > 0)

    def leave_out(self) -> list[frozenset[str]]:
        """Remove the empty members from the operations' spec (once); per operation, in the order
        added, the members removed, which the layout writes back."""
        for op in self.operations:
            for key in op.empty:
                op.spec.pop(key, None)
        return [op.empty for op in self.operations]

    def section(self) -> dict[str, Any]:
        """`emptyOperationKeys`, and `emptyOperationKeysOf` for the operations it would not give
        their own empty members (exactly those members are listed)."""
        keys = self.connector_keys()
        out: dict[str, Any] = {}
        if keys:
            out["emptyOperationKeys"] = _in_default_order(keys)
        own = {op.name: _in_default_order(op.empty) for op in self.operations if keys & op.absent or op.empty - keys}
        if own:
            out["emptyOperationKeysOf"] = own
        return out


def _in_default_order(keys: frozenset[str]) -> list[str]:
    return [key for key in EMPTY_OPERATION_KEYS if key in keys]


def connector_order(orders: list[tuple[str, ...]]) -> list[str]:
    """One member order that as many operations as possible follow: the distinct orders, most
    common first, join while they do not contradict the ones taken; then a topological sort
    (ties: the default order's rank, then first appearance), so the result is deterministic."""
    counts = Counter(orders)
    first_seen = {keys: index for index, keys in reversed(list(enumerate(orders)))}
    after: dict[str, set[str]] = {}
    for keys in sorted(counts, key=lambda keys: (-counts[keys], first_seen[keys])):
        trial = {key: set(successors) for key, successors in after.items()}
        for before, later in zip(keys, keys[1:]):
            trial.setdefault(before, set()).add(later)
        for key in keys:
            trial.setdefault(key, set())
        if _topological(trial, {}) is not None:
            after = trial
    appearance: dict[str, int] = {}
    for keys in orders:
        for key in keys:
            appearance.setdefault(key, len(appearance))
    return _topological(after, appearance) or []


def _topological(after: dict[str, set[str]], appearance: dict[str, int]) -> list[str] | None:
    """The keys with every edge's source before its target, or None when the edges form a cycle."""
    default_rank = {key: index for index, key in enumerate(OPERATION_KEYS)}
    incoming = Counter(later for successors in after.values() for later in successors)
    ready = [key for key in after if not incoming[key]]
    order: list[str] = []
    while ready:
        ready.sort(key=lambda key: (default_rank.get(key, len(default_rank)), appearance.get(key, 0), key))
        key = ready.pop(0)
        order.append(key)
        for later in sorted(after[key]):
            incoming[later] -= 1
            if not incoming[later]:
                ready.append(later)
    return order if len(order) == len(after) else None


def path_keys(item: dict, methods: Sequence[str]) -> list[str] | None:
    """A path item's member order when the build's default (its own members, then its
    operations) would not give it, else None."""
    default = [key for key in item if key not in methods] + [key for key in item if key in methods]
    return list(item) if default != list(item) else None


def empty_sections(swagger: dict) -> list[str] | None:
    """The empty top-level sections the swagger has, when the default (all of them, for every
    section a spec leaves out) would not give exactly those; else None."""
    if all(key in swagger for key in EMPTY_SECTIONS):
        return None
    return [key for key in EMPTY_SECTIONS if key in swagger and is_canonical_empty(key, swagger[key])]
