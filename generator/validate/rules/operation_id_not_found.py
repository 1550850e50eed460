"""OperationIdNotFound, plus ``OperationReferenceRule``: the base for rules about every place that
names another operation of the same swagger by operationId (shared with
OperationMissingRequiredProperty)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operation_parameter_name_not_found import Invocation, invocations


class OperationReferenceRule(Rule):
    """Collects the references to operations: x-ms-dynamic-values/-schema/-list/-properties/-tree
    (on parameters and schemas), x-ms-operation-context ``simulate`` and x-ms-notification (on
    operations) and x-ms-capabilities ``testConnection`` (on the document). Subclasses judge them
    in ``check`` once the walk is over."""

    def __init__(self):
        self.found: list[Invocation] = []

    def document(self, ctx, doc):
        capabilities = doc.get("x-ms-capabilities")
        test = capabilities.get("testConnection") if isinstance(capabilities, dict) else None
        if isinstance(test, dict):
            self.found.append(Invocation("x-ms-capabilities/testConnection", test,
                                         "/x-ms-capabilities/testConnection", None, doc))

    def operation(self, ctx, op):
        context = op.node.get("x-ms-operation-context")
        simulate = context.get("simulate") if isinstance(context, dict) else None
        if isinstance(simulate, dict):
            self.found.append(Invocation("x-ms-operation-context/simulate", simulate,
                                         op.pointer + "/x-ms-operation-context/simulate", op, op.node))
        notification = op.node.get("x-ms-notification")
        if isinstance(notification, dict):
            self.found.append(Invocation("x-ms-notification", notification,
                                         op.pointer + "/x-ms-notification", op, op.node))

    def parameter(self, ctx, param):
        self.found.extend(invocations(param.node, param.pointer, param.operation))

    def schema(self, ctx, schema):
        self.found.extend(invocations(schema.node, schema.pointer, schema.operation))

    def finish(self, ctx):
        by_id: dict[str, object] = {}
        for op in ctx.operations:
            if op.operation_id is not None:
                by_id.setdefault(op.operation_id, op)
        for invocation in self.found:
            self.check(ctx, by_id, invocation)

    def check(self, ctx, by_id: dict, invocation: Invocation) -> None:
        raise NotImplementedError


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
