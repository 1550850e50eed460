from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys


def repeated_items(params) -> list[tuple[int, int]]:
    """(index, index of the identical earlier item) for every item that repeats an earlier one."""
    found = []
    if not isinstance(params, list):
        return found
    for index, item in enumerate(params):
        for earlier in range(index):
            if params[earlier] == item:
                found.append((index, earlier))
                break
    return found


class OperationParametersAreNotUnique(Rule):
    """The items of an operation's (or path item's) ``parameters`` list must be unique.

    Swagger 2.0 declares the list with unique items: the same parameter object, or the same
    ``$ref``, listed twice is invalid, and the connector would show and send the parameter twice.
    Different definitions of one name and location are OperationParametersContainDuplicateParameter.

    Passing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{$ref: '#/parameters/top'}, {$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/1

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            parameters: [{$ref: '#/parameters/top'}, {$ref: '#/parameters/top'}]
            get: {operationId: ListItems, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/1
    """

    code = "OperationParametersAreNotUnique"
    severity = Severity.ERROR
    summary = "no parameter item is listed twice in one parameters list"
    keys = node_keys("parameters", kinds=("path_item", "operation"))

    def path_item(self, ctx, item):
        for index, earlier in repeated_items(item.node.get("parameters")):
            ctx.report(f"{item.pointer}/parameters/{index}",
                       f"the parameters of path '{item.path}' are not unique: item {index} repeats "
                       f"item {earlier}", "remove the repeated item")

    def operation(self, ctx, op):
        for index, earlier in repeated_items(op.node.get("parameters")):
            ctx.report(f"{op.pointer}/parameters/{index}",
                       f"the parameters of operation {op.label} are not unique: item {index} "
                       f"repeats item {earlier}", "remove the repeated item")
