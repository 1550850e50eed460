"""OperationParameterNameNotFound (the dynamic-extension helpers and its base
``DynamicInvocationRule`` are in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, arguments, resolve_input


class OperationParameterNameNotFound(DynamicInvocationRule):
    """Every input a dynamic extension passes to an operation must exist in that operation.

    The designer calls the operation named by ``operationId`` of x-ms-dynamic-values, -schema,
    -list, -properties or -tree with the inputs listed under ``parameters``; a name the invoked
    operation does not define is never sent, so the call goes out without the intended value.
    For the first syntax (x-ms-dynamic-values/-schema) a name may also be a top-level property of
    the invoked operation's body, which the designer shows as its own field; for the newer syntax
    a name is a path that starts with a parameter name. An ``operationId`` that does not exist is
    left to OperationIdNotFound.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {folder: x}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {directory: x}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values/parameters/directory
    """

    code = "OperationParameterNameNotFound"
    severity = Severity.ERROR
    summary = "inputs passed by a dynamic extension exist in the invoked operation"

    def check(self, ctx, index, invocation):
        target = index.find(invocation.operation_id)
        if target is None:
            return
        for arg in arguments(invocation):
            if resolve_input(index, target, arg.key, invocation.legacy) is None:
                ctx.report(arg.pointer,
                           f"{invocation.extension} passes '{arg.key}', but operation "
                           f"{target.label} has no such parameter",
                           f"use the name of one of {target.label}'s parameters, or remove the entry")
