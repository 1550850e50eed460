"""Where members stand in the rendered swagger, and which empty sections it carries.

A hand-written spec never says: the build lays operations out in the order most real connectors
use and writes the empty top-level sections most of them carry (both measured on 622 published
connectors; see docs/spec.md). An imported spec may carry a ``layout:`` section that records only
how its connector departs from these defaults, so that its rebuild keeps the original member order.
The importer and the model both use this module, so the importer can tell when the defaults already
give the original order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Operation members in the order most connectors write them (80 of 622 corpus connectors lay out
#: every operation so; no other order tried fits more). Members not listed follow, as written.
OPERATION_KEYS = ("tags", "summary", "description", "operationId", "consumes", "produces", "parameters",
                  "responses")

#: Top-level sections written empty when the spec leaves them out, and their empty values. With all
#: eight, 455 of 622 corpus connectors need no `emptySections` (the best of the 256 choices).
EMPTY_SECTIONS: dict[str, Any] = {
    "definitions": {}, "parameters": {}, "responses": {}, "securityDefinitions": {},
    "security": [], "tags": [], "consumes": [], "produces": [],
}

#: Operation members a layout may have written as empty lists where an operation leaves them out.
#: Canonically none is (a spec lists what an operation has); imported connectors often write
#: `parameters: []` (383 of 11,604 corpus operations), `consumes: []` (594) or `produces: []` (87).
EMPTY_OPERATION_KEYS = ("parameters", "consumes", "produces")


def arrange(members: dict, order: Sequence[str]) -> dict:
    """``members`` with the keys ``order`` lists first, in its order; the others after them, in
    their own order (a stable sort, so the same input always gives the same output)."""
    rank = {key: index for index, key in enumerate(order)}
    unlisted = len(order)
    keys = sorted(members, key=lambda key: rank.get(key, unlisted))
    return {key: members[key] for key in keys}


def operation_name(op: dict, method: str, path: str) -> str:
    """How `layout.operationKeysOf` names an operation: its id, else "method path"."""
    op_id = op.get("id")
    return op_id if isinstance(op_id, str) and op_id else f"{method} {path}"


class Layout:
    """A spec's ``layout:`` section (validated by the spec schema), with the defaults filled in."""

    def __init__(self, section: dict | None) -> None:
        section = section or {}
        self.operation_keys: Sequence[str] = section.get("operationKeys", OPERATION_KEYS)
        self.operation_keys_of: dict[str, list[str]] = section.get("operationKeysOf", {})
        self.path_keys_of: dict[str, list[str]] = section.get("pathKeysOf", {})
        self.empty_sections: Sequence[str] = section.get("emptySections", tuple(EMPTY_SECTIONS))
        self.empty_operation_keys: Sequence[str] = section.get("emptyOperationKeys", ())
        self.empty_operation_keys_of: dict[str, list[str]] = section.get("emptyOperationKeysOf", {})

    def operation_order(self, name: str) -> Sequence[str]:
        """The member order of the operation called ``name`` (see `operation_name`)."""
        return self.operation_keys_of.get(name, self.operation_keys)

    def operation_empties(self, name: str) -> Sequence[str]:
        """The members written as empty lists when the operation called ``name`` leaves them out."""
        return self.empty_operation_keys_of.get(name, self.empty_operation_keys)
