"""The facts a connector reference page shows, without its language.

A page is read (``reader``) or computed from a connector (``flatten``) into the same small value, so that
two pages can be compared field by field.  Every value is frozen, as a frozen dataclass; sequences are stored as
tuples (lists are accepted and converted) so that pages are hashable and compare by value.

``pointer`` fields say where in the swagger (or apiProperties) a row came from.  They are set by
``flatten`` only, are not part of equality, and are not written by :func:`to_json`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

ACTION = "action"
TRIGGER = "trigger"
KINDS = (ACTION, TRIGGER)

JSON_FORMAT = "pacgen-docs-page"
JSON_VERSION = 1


def _tuple(value: Iterable | None) -> tuple:
    return tuple(value) if value is not None else ()


class _Value:
    """What ``@dataclass(frozen=True)`` gives, for the fields in ``_compared``: equality (same class,
    equal fields), hash, repr; assignment raises FrozenInstanceError.

    Written out rather than made by @dataclass: Python 3.11 compiles six methods per dataclass
    when the class is defined, and this module's six cost `pacgen build`, which only writes
    reference.md with them, ~23 M instructions of its ~690 M (valgrind --tool=callgrind,
    bench/build_speed.py). tests/test_docs_model_values.py holds each class to the dataclass it
    replaces."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()

    def _key(self) -> tuple:
        return tuple([getattr(self, name) for name in self._compared])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError  # the error frozen dataclasses raise

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")


class DocParam(_Value):
    """One row of an operation's parameter table."""

    _compared = __match_args__ = ("name", "key", "required", "type", "description")
    name: str
    key: str
    required: bool
    type: str
    description: str
    pointer: str | None  # not compared, not shown

    def __init__(self, name: str, key: str, required: bool, type: str, description: str = "",
                 pointer: str | None = None) -> None:
        _set(self, "name", name)
        _set(self, "key", key)
        _set(self, "required", required)
        _set(self, "type", type)
        _set(self, "description", description)
        _set(self, "pointer", pointer)


class DocReturn(_Value):
    """One row of an operation's returns table; ``path`` is dotted (``data.messages.to``)."""

    _compared = __match_args__ = ("name", "path", "type", "description")
    name: str
    path: str
    type: str
    description: str
    pointer: str | None  # not compared, not shown

    def __init__(self, name: str, path: str, type: str, description: str = "",
                 pointer: str | None = None) -> None:
        _set(self, "name", name)
        _set(self, "path", path)
        _set(self, "type", type)
        _set(self, "description", description)
        _set(self, "pointer", pointer)


class DocOperation(_Value):
    """An action or a trigger with its two tables."""

    _compared = __match_args__ = ("name", "description", "kind", "operation_id", "parameters", "returns")
    name: str
    description: str
    kind: str
    operation_id: str | None
    parameters: tuple[DocParam, ...]
    returns: tuple[DocReturn, ...]
    pointer: str | None  # not compared, not shown

    def __init__(self, name: str, description: str = "", kind: str = ACTION, operation_id: str | None = None,
                 parameters: Iterable[DocParam] = (), returns: Iterable[DocReturn] = (),
                 pointer: str | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        _set(self, "name", name)
        _set(self, "description", description)
        _set(self, "kind", kind)
        _set(self, "operation_id", operation_id)
        _set(self, "parameters", _tuple(parameters))
        _set(self, "returns", _tuple(returns))
        _set(self, "pointer", pointer)


class DocConnParam(_Value):
    """One row of the connection parameter table (it has no key column)."""

    _compared = __match_args__ = ("name", "type", "description", "required")
    name: str
    type: str
    description: str
    required: bool
    pointer: str | None  # not compared, not shown

    def __init__(self, name: str, type: str, description: str = "", required: bool = False,
                 pointer: str | None = None) -> None:
        _set(self, "name", name)
        _set(self, "type", type)
        _set(self, "description", description)
        _set(self, "required", required)
        _set(self, "pointer", pointer)


class DocThrottle(_Value):
    """One row of the throttling table: ``calls`` per ``period_seconds``."""

    _compared = __match_args__ = ("name", "calls", "period_seconds")
    name: str
    calls: int
    period_seconds: int

    def __init__(self, name: str, calls: int, period_seconds: int) -> None:
        _set(self, "name", name)
        _set(self, "calls", calls)
        _set(self, "period_seconds", period_seconds)


class Page(_Value):
    """A whole page: its operations (actions and triggers), connection parameters and throttling."""

    _compared = __match_args__ = ("operations", "connection_parameters", "throttling")
    operations: tuple[DocOperation, ...]
    connection_parameters: tuple[DocConnParam, ...]
    throttling: tuple[DocThrottle, ...]

    def __init__(self, operations: Iterable[DocOperation] = (), connection_parameters: Iterable[DocConnParam] = (),
                 throttling: Iterable[DocThrottle] = ()) -> None:
        _set(self, "operations", _tuple(operations))
        _set(self, "connection_parameters", _tuple(connection_parameters))
        _set(self, "throttling", _tuple(throttling))

    @property
    def actions(self) -> tuple[DocOperation, ...]:
        return tuple(op for op in self.operations if op.kind == ACTION)

    @property
    def triggers(self) -> tuple[DocOperation, ...]:
        return tuple(op for op in self.operations if op.kind == TRIGGER)


_set = object.__setattr__  # how a frozen value sets its own fields (as @dataclass(frozen=True) does)


# --- JSON -------------------------------------------------------------------------------------------
# Row order is part of the facts (it is the page's order), so lists keep their order; object keys are
# sorted so that the same page always gives the same bytes.


def to_dict(page: Page) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "operations": [
            {
                "name": op.name,
                "description": op.description,
                "kind": op.kind,
                "operation_id": op.operation_id,
                "parameters": [
                    {"name": p.name, "key": p.key, "required": p.required, "type": p.type,
                     "description": p.description}
                    for p in op.parameters
                ],
                "returns": [
                    {"name": r.name, "path": r.path, "type": r.type, "description": r.description}
                    for r in op.returns
                ],
            }
            for op in page.operations
        ],
        "connection_parameters": [
            {"name": c.name, "type": c.type, "description": c.description, "required": c.required}
            for c in page.connection_parameters
        ],
        "throttling": [
            {"name": t.name, "calls": t.calls, "period_seconds": t.period_seconds} for t in page.throttling
        ],
    }


_SURROGATE = "[\ud800-\udfff]"  # compiled in to_json: a class beyond U+00FF costs re ~5 M instructions


def to_json(page: Page) -> str:
    """Deterministic JSON (sorted keys, 2-space indent, UTF-8 text, final newline). A lone
    surrogate (from a page's ``&#55296;``) is written as its JSON escape: UTF-8 cannot hold it."""
    text = json.dumps(to_dict(page), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return re.sub(_SURROGATE, lambda match: f"\\u{ord(match.group()):04x}", text)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


class PageShapeError(ValueError):
    """An extracted page whose JSON does not have the shape pacgen writes; ``pointer`` says where."""

    def __init__(self, message: str, pointer: str):
        super().__init__(message)
        self.pointer = pointer


def _objects(data: dict, key: str, pointer: str) -> list[tuple[str, dict]]:
    """The items of the list at ``data[key]`` with their pointers; each must be an object."""
    items = data.get(key) or []
    if not isinstance(items, list):
        raise PageShapeError(f"'{key}' must be a list of objects", f"{pointer}/{key}")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise PageShapeError(f"'{key}' item {index} must be an object", f"{pointer}/{key}/{index}")
    return [(f"{pointer}/{key}/{index}", item) for index, item in enumerate(items)]


def _int(data: dict, key: str, pointer: str) -> int:
    value = data.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PageShapeError(f"'{key}' must be a whole number", f"{pointer}/{key}")
    return value


def from_dict(data: dict[str, Any]) -> Page:
    if not isinstance(data, dict):
        raise PageShapeError("a page must be a JSON object", "")
    fmt = data.get("format", JSON_FORMAT)
    if fmt != JSON_FORMAT:
        raise PageShapeError(f"not a pacgen docs page (format {_str(fmt)[:40]!r})", "/format")
    operations = []
    for here, op in _objects(data, "operations", ""):
        operations.append(DocOperation(
            name=_str(op.get("name")),
            description=_str(op.get("description")),
            kind=_str(op.get("kind")) or ACTION,
            operation_id=_str(op.get("operation_id")) or None,
            parameters=[DocParam(_str(p.get("name")), _str(p.get("key")), bool(p.get("required")),
                                 _str(p.get("type")), _str(p.get("description")))
                        for _, p in _objects(op, "parameters", here)],
            returns=[DocReturn(_str(r.get("name")), _str(r.get("path")), _str(r.get("type")),
                               _str(r.get("description")))
                     for _, r in _objects(op, "returns", here)],
        ))
    conn = [DocConnParam(_str(c.get("name")), _str(c.get("type")), _str(c.get("description")),
                         bool(c.get("required")))
            for _, c in _objects(data, "connection_parameters", "")]
    throttling = [DocThrottle(_str(t.get("name")), _int(t, "calls", here), _int(t, "period_seconds", here))
                  for here, t in _objects(data, "throttling", "")]
    return Page(operations, conn, throttling)


def from_json(text: str) -> Page:
    return from_dict(json.loads(text))
