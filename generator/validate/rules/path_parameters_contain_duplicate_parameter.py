from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule


def parameter_key(param: dict) -> tuple | None:
    """A parameter's identity in Swagger 2.0: name and location (header names ignore case)."""
    name, location = param.get("name"), param.get("in")
    if not isinstance(name, str) or not isinstance(location, str):
        return None
    return (name.lower() if location == "header" else name, location)


def duplicates(ctx, params) -> list[tuple[int, dict, int]]:
    """(index, resolved parameter, index of its first occurrence) for each repeated name+location.
    Entries that are exactly identical to an earlier one (a repeated item) are left out: that is
    OperationParametersAreNotUnique's finding."""
    found = []
    first: dict[tuple, int] = {}
    if not isinstance(params, list):
        return found
    for index, raw in enumerate(params):
        param = ctx.deref(raw)
        if not isinstance(param, dict):
            continue
        key = parameter_key(param)
        if key is None:
            continue
        if key in first:
            if raw != params[first[key]]:
                found.append((index, param, first[key]))
        else:
            first[key] = index
    return found


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
    """

    code = "PathParametersContainDuplicateParameter"
    severity = Severity.ERROR
    summary = "a path item's parameters list names each name+location once"

    def path_item(self, ctx, item):
        for index, param, _ in duplicates(ctx, item.node.get("parameters")):
            ctx.report(f"{item.pointer}/parameters/{index}",
                       f"path '{item.path}' defines parameter '{param.get('name')}' in "
                       f"'{param.get('in')}' more than once",
                       "keep one definition of the parameter")
