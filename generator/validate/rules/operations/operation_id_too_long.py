from generator.findings import Severity
from generator.validate.rule import Rule

MAX_LENGTH = 80


class OperationIdTooLong(Rule):
    """An operationId may be at most 80 characters long.

    Microsoft does not publish the limit in its rule table. 80 is the length limit of operation
    names in Azure API Management, on which the connector runtime is built; the longest
    operationId among the 639 corpus connectors has 69 characters, so none comes near it.
    The exact limit the service applies is an assumption.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListAllTheItemsOfTheCurrentUserThatWereCreatedOrModifiedDuringTheLastSevenDaysInAllFolders
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/operationId
    """

    code = "OperationIdTooLong"
    severity = Severity.ERROR
    summary = f"operationIds are at most {MAX_LENGTH} characters long"
    keys = {"operation": frozenset({"operationId"})}

    def operation(self, ctx, op):
        operation_id = op.operation_id
        if operation_id is None or len(operation_id) <= MAX_LENGTH:
            return
        ctx.report(op.pointer + "/operationId",
                   f"operationId '{operation_id}' has {len(operation_id)} characters; the limit is "
                   f"{MAX_LENGTH}",
                   "shorten the operationId")
