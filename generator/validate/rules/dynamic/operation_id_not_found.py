"""OperationIdNotFound (its base ``OperationReferenceRule`` is in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import OperationReferenceRule


class OperationIdNotFound(OperationReferenceRule):
    """An operationId that an extension refers to must exist in the swagger.

    Dynamic values, lists, schemas and trees, the trigger simulation of x-ms-operation-context,
    x-ms-notification and the test connection of x-ms-capabilities all call another operation of
    the connector by its operationId (matched exactly, including case). A name that matches no
    operation makes the designer's call fail.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListFolders, value-path: id}}
              responses: {'200': {description: OK}}
          /folders: {get: {operationId: ListFolders, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string,
                   x-ms-dynamic-values: {operationId: GetFolders, value-path: id}}
              responses: {'200': {description: OK}}
          /folders: {get: {operationId: ListFolders, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values/operationId
    """

    code = "OperationIdNotFound"
    severity = Severity.ERROR
    summary = "operationIds named by extensions exist in the swagger"

    def check(self, ctx, by_id, invocation):
        target = invocation.node.get("operationId")
        if not isinstance(target, str) or target in by_id:
            return
        ctx.report(invocation.pointer + "/operationId",
                   f"{invocation.extension} refers to operationId '{target}', which no operation "
                   "in this swagger has",
                   "use the operationId of an existing operation (the match is case-sensitive)")
