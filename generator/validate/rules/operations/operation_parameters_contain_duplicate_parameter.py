from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import duplicates


class OperationParametersContainDuplicateParameter(Rule):
    """An operation's ``parameters`` list must not name the same parameter twice.

    A parameter is identified by its ``name`` and ``in`` (header names ignoring case); two
    definitions of one parameter in the same operation leave it open which one is shown and
    sent. (An operation may override a parameter of its path item; that is not a duplicate. An
    item that is repeated verbatim is OperationParametersAreNotUnique.)

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer}, {name: top, in: header, type: integer}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer}, {name: top, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/1
    """

    code = "OperationParametersContainDuplicateParameter"
    severity = Severity.ERROR
    summary = "an operation's parameters list names each name+location once"
    keys = {"operation": frozenset({"parameters"})}

    def operation(self, ctx, op):
        for index, param, _ in duplicates(ctx, op.node.get("parameters")):
            ctx.report(f"{op.pointer}/parameters/{index}",
                       f"operation {op.label} defines parameter '{param.get('name')}' in "
                       f"'{param.get('in')}' more than once",
                       "keep one definition of the parameter")
