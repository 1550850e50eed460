"""Reference pages: read a published page into tables, compute the page a connector would get,
render it as Markdown, and compare the two.

The click group lives in :mod:`generator.docs.commands` (``from generator.docs.commands import docs``).
"""

from __future__ import annotations

import importlib
import sys
import types


class _Package(types.ModuleType):
    """This package, whose ``compare`` is the function: when Python imports the submodule of the
    same name, it sets it as the package's attribute; the function is kept in its place."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "compare" and isinstance(value, types.ModuleType):
            value = value.compare
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

# Every name resolves on first use (PEP 562): `pacgen build` writes reference.md with flatten and
# render only. Importing compare (and its dataclasses) as well cost it ~10 M instructions, reader
# ~23 ms (valgrind --tool=callgrind, python -X importtime; bench/build_speed.py).
_HOME = {
    "CompareResult": "compare", "OperationMatch": "compare", "compare": "compare",
    "match_operations": "compare",
    "page_from_connector": "flatten",
    "DocConnParam": "model", "DocOperation": "model", "DocParam": "model", "DocReturn": "model",
    "DocThrottle": "model", "Page": "model", "from_json": "model", "to_json": "model",
    "read_page": "reader",
    "render_page": "render",
}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CompareResult",
    "DocConnParam",
    "DocOperation",
    "DocParam",
    "DocReturn",
    "DocThrottle",
    "OperationMatch",
    "Page",
    "compare",
    "from_json",
    "match_operations",
    "page_from_connector",
    "read_page",
    "render_page",
    "to_json",
]
