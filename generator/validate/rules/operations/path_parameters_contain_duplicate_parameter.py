from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import duplicates


class PathParametersContainDuplicateParameter(Rule):
    """A path item's shared ``parameters`` list must not name the same parameter twice.

    A parameter is identified by its ``name`` and ``in``; two definitions of one parameter leave
    it open which one applies to the path's operations. (An item that is repeated verbatim is a
    different finding, OperationParametersAreNotUnique.)

    Passing example::

        paths:
          /items/{id}:
            parameters: [{name: id, in: path, required: true, type: string}]
            get: {operationId: GetItem, responses: {'200': {description: OK}}}

    Failing example::

        paths:
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, type: string}
              - {name: id, in: path, required: true, type: integer}
            get: {operationId: GetItem, responses: {'200': {description: OK}}}

    Reports: /paths/~1items~1{id}/parameters/1
    """

    code = "PathParametersContainDuplicateParameter"
    severity = Severity.ERROR
    summary = "a path item's parameters list names each name+location once"
    keys = {"path_item": frozenset({"parameters"})}

    def path_item(self, ctx, item):
        for index, param, _ in duplicates(ctx, item.node.get("parameters")):
            ctx.report(f"{item.pointer}/parameters/{index}",
                       f"path '{item.path}' defines parameter '{param.get('name')}' in "
                       f"'{param.get('in')}' more than once",
                       "keep one definition of the parameter")
