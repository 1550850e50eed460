"""Reference pages: read a published page into tables, compute the page a connector would get,
render it as Markdown, and compare the two.

The click group lives in :mod:`generator.docs.commands` (``from generator.docs.commands import docs``).
"""

from generator.docs.compare import CompareResult, OperationMatch, compare, match_operations
from generator.docs.flatten import page_from_connector
from generator.docs.model import (
    DocConnParam,
    DocOperation,
    DocParam,
    DocReturn,
    DocThrottle,
    Page,
    from_json,
    to_json,
)
from generator.docs.reader import read_page
from generator.docs.render import render_page

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
