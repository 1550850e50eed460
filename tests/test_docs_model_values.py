"""generator.docs.model's values are written out instead of made by @dataclass (start-up cost,
see _Value): each must behave exactly as the frozen dataclass it replaces, defined here as it
was, for construction, equality, hash, repr, immutability and validation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.docs import model

KINDS = ("action", "trigger")


@dataclass(frozen=True)
class DocParam:
    name: str
    key: str
    required: bool
    type: str
    description: str = ""
    pointer: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DocReturn:
    name: str
    path: str
    type: str
    description: str = ""
    pointer: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DocOperation:
    name: str
    description: str = ""
    kind: str = "action"
    operation_id: str | None = None
    parameters: tuple = ()
    returns: tuple = ()
    pointer: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        object.__setattr__(self, "parameters", tuple(self.parameters))
        object.__setattr__(self, "returns", tuple(self.returns))


@dataclass(frozen=True)
class DocConnParam:
    name: str
    type: str
    description: str = ""
    required: bool = False
    pointer: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class DocThrottle:
    name: str
    calls: int
    period_seconds: int


@dataclass(frozen=True)
class Page:
    operations: tuple = ()
    connection_parameters: tuple = ()
    throttling: tuple = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "operations", tuple(self.operations))
        object.__setattr__(self, "connection_parameters", tuple(self.connection_parameters))
        object.__setattr__(self, "throttling", tuple(self.throttling))


REFERENCE = {"DocParam": DocParam, "DocReturn": DocReturn, "DocOperation": DocOperation,
             "DocConnParam": DocConnParam, "DocThrottle": DocThrottle, "Page": Page}

TEXT = st.sampled_from(["", "to", "To", "a'b", "é\n"])
POINTER = st.none() | st.sampled_from(["/paths/~1a/get", "/properties/x"])


def _args(name: str, draw) -> tuple[tuple, dict]:
    """Positional and keyword arguments for one class; nested values built by ``draw``."""
    if name == "DocParam":
        return (draw(TEXT), draw(TEXT), draw(st.booleans()), draw(TEXT)), {
            "description": draw(TEXT), "pointer": draw(POINTER)}
    if name == "DocReturn":
        return (draw(TEXT), draw(TEXT), draw(TEXT)), {"description": draw(TEXT), "pointer": draw(POINTER)}
    if name == "DocConnParam":
        return (draw(TEXT), draw(TEXT)), {"description": draw(TEXT), "required": draw(st.booleans()),
                                          "pointer": draw(POINTER)}
    if name == "DocThrottle":
        return (draw(TEXT), draw(st.integers(0, 3)), draw(st.integers(0, 3))), {}
    if name == "DocOperation":
        return (draw(TEXT),), {"description": draw(TEXT), "kind": draw(st.sampled_from(KINDS)),
                               "operation_id": draw(st.none() | TEXT), "pointer": draw(POINTER)}
    return (), {}


def _both(name: str, args: tuple, kwargs: dict, rows: list) -> tuple:
    """The same value built by the model and by the reference dataclass (``rows``: nested pairs)."""
    mine, theirs = getattr(model, name), REFERENCE[name]
    if name == "DocOperation":
        params = [pair for pair in rows if pair[0].__class__.__name__ == "DocParam"]
        kwargs = {**kwargs, "parameters": [p[0] for p in params]}
        return mine(*args, **kwargs), theirs(*args, **{**kwargs, "parameters": [p[1] for p in params]})
    if name == "Page":
        ops = [pair for pair in rows if pair[0].__class__.__name__ == "DocOperation"]
        return mine([o[0] for o in ops]), theirs([o[1] for o in ops])
    return mine(*args, **kwargs), theirs(*args, **kwargs)


@st.composite
def value_pairs(draw, name: str):
    rows = []
    if name in ("DocOperation", "Page"):
        inner = "DocParam" if name == "DocOperation" else "DocOperation"
        rows = draw(st.lists(value_pairs(inner), max_size=2))
    args, kwargs = _args(name, draw)
    return _both(name, args, kwargs, rows)


NAMES = st.sampled_from(sorted(REFERENCE))


@given(NAMES.flatmap(lambda name: st.tuples(value_pairs(name), value_pairs(name))))
def test_values_behave_as_the_dataclasses(pairs):
    (mine, theirs), (other_mine, other_theirs) = pairs
    assert repr(mine) == repr(theirs)
    assert (mine == other_mine) == (theirs == other_theirs)
    assert (mine != other_mine) == (theirs != other_theirs)
    if mine == other_mine:
        assert hash(mine) == hash(other_mine)
    assert hash(mine) == hash(theirs)
    assert mine != theirs and mine != _compared(theirs)  # another class never compares equal
    for name in (f.name for f in dataclasses.fields(theirs)):
        if name not in ("parameters", "operations"):  # nested values: compared above, by class
            assert getattr(mine, name) == getattr(theirs, name)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, name, None)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(mine, name)


def _compared(value) -> tuple:
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value) if f.compare)


def test_operation_kind_is_checked_and_sequences_become_tuples():
    with pytest.raises(ValueError, match="kind must be one of"):
        model.DocOperation("Send", kind="webhook")
    op = model.DocOperation("Send", parameters=[model.DocParam("To", "to", True, "string")])
    assert op.parameters == (model.DocParam("To", "to", True, "string"),)
    assert model.Page([op], [], []).actions == (op,) and model.Page([op]).triggers == ()
    assert model.DocParam("To", "to", True, "string", pointer="/a") == model.DocParam("To", "to", True, "string")
