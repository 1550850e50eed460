"""OperationMissingPathParameter (``effective_parameters`` is in ``rules._common``)."""

from __future__ import annotations

import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import effective_parameters

TEMPLATE_VARIABLE = re.compile(r"\{([^{}]*)\}")


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

    Reports: /paths/~1items~1{id}/get

    Failing example::

        paths:
          /items/{id}/tags/{tag}:
            parameters: [{name: id, in: path, required: true, type: string}]
            get:
              operationId: GetTag
              parameters: [{name: tag, in: path, required: true, type: string}]
              responses: {'200': {description: OK}}
            delete: {operationId: DeleteTag, responses: {'204': {description: Deleted}}}

    Reports: /paths/~1items~1{id}~1tags~1{tag}/delete
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
