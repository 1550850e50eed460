"""Reference pages: read a published page into tables, compute the page a connector would get,
render it as Markdown, and compare the two.

The click group lives in :mod:`generator.docs.commands` (``from generator.docs.commands import docs``).
"""

from __future__ import annotations

import importlib

# `compare` is imported now: the function must shadow its submodule of the same name, which an
# import of generator.docs.compare from elsewhere would otherwise leave in its place.
from generator.docs.compare import CompareResult, OperationMatch, compare, match_operations

# The other names resolve on first use (PEP 562): `pacgen build` writes reference.md with
# flatten and render only, and importing reader too cost it ~23 ms (python -X importtime).
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
