"""OperationMissingPathParameter, plus ``effective_parameters``, which several operation rules of
this set import (kept here so that the set adds rule modules only)."""

from __future__ import annotations

import re

from generator.findings import Severity
from generator.validate.rule import Rule

TEMPLATE_VARIABLE = re.compile(r"\{([^{}]*)\}")


def _identity(node: dict) -> tuple[str, str]:
    return repr(node.get("name")), repr(node.get("in"))


def effective_parameters(ctx, op) -> list[tuple[dict, str]]:
    """The parameters that apply to ``op``: its own plus the path item's ones it does not
    override (same name and location), each resolved through ``$ref`` and paired with the
    pointer of the entry that lists it."""
    own: list[tuple[dict, str]] = []
    raw = op.node.get("parameters")
    for index, entry in enumerate(raw if isinstance(raw, list) else ()):
        node = ctx.deref(entry)
        if isinstance(node, dict):
            own.append((node, f"{op.pointer}/parameters/{index}"))
    seen = {_identity(node) for node, _ in own}
    inherited: list[tuple[dict, str]] = []
    raw = op.path_item.node.get("parameters")
    for index, entry in enumerate(raw if isinstance(raw, list) else ()):
        node = ctx.deref(entry)
        if isinstance(node, dict) and _identity(node) not in seen:
            inherited.append((node, f"{op.path_item.pointer}/parameters/{index}"))
    return inherited + own


class OperationMissingPathParameter(Rule):
    """Every ``{variable}`` in an operation's path needs a matching ``in: path`` parameter.

    The platform fills the path template from parameters of the same name; a variable without one
    stays unresolved and the request goes to a wrong URL.

    Passing example::

        paths:
          /items/{id}:
            get:
              operationId: GetItem
              parameters: [{name: id, in: path, required: true, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items/{id}:
            get:
              operationId: GetItem
              parameters: [{name: itemId, in: path, required: true, type: string}]
              responses: {'200': {description: OK}}
    """

    code = "OperationMissingPathParameter"
    severity = Severity.ERROR
    summary = "each path template variable has a matching 'in: path' parameter"

    def operation(self, ctx, op):
        if not isinstance(op.path, str):
            return
        declared = {str(node.get("name")) for node, _ in effective_parameters(ctx, op)
                    if node.get("in") == "path"}
        reported = set()
        for name in TEMPLATE_VARIABLE.findall(op.path):
            if not name or name in declared or name in reported:
                continue
            reported.add(name)
            ctx.report(op.pointer,
                       f"operation {op.label} has no path parameter '{name}', which its path "
                       f"'{op.path}' requires",
                       f"add a parameter with name '{name}', in: path, required: true")
