from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, arguments, resolve_input


def compatible(wanted: str, given: str) -> bool:
    return wanted == given or (wanted == "number" and given == "integer")


class OperationParameterTypeMismatch(DynamicInvocationRule):
    """An input passed by reference to an invoked operation must have the type that operation wants.

    A dynamic extension can feed an input of the current operation to the operation it invokes
    (``{parameter: name}`` or ``{parameterReference: path}``). When the two inputs declare
    different types the value the user picked does not fit the invoked operation. An integer may
    feed a number; everything else must match. Inputs without a declared type, and extensions in
    shared definitions (whose source operation is unknown), are not judged.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, required: true, type: string}
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {folder: {parameter: folder}}}}
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
                - {name: folder, in: query, required: true, type: boolean}
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {folder: {parameter: folder}}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/1/x-ms-dynamic-values/parameters/folder
    """

    code = "OperationParameterTypeMismatch"
    severity = Severity.ERROR
    summary = "inputs passed by reference to an invoked operation have the type it expects"

    def check(self, ctx, index, invocation):
        source = invocation.source
        target = index.find(invocation.operation_id)
        if source is None or target is None:
            return
        for arg in arguments(invocation):
            if arg.kind != "reference":
                continue
            wanted = resolve_input(index, target, arg.key, invocation.legacy)
            given = resolve_input(index, source, arg.payload, invocation.legacy)
            if wanted is None or given is None or not wanted.type or not given.type:
                continue
            if not compatible(wanted.type, given.type):
                ctx.report(arg.pointer,
                           f"'{arg.key}' of operation {target.label} has type '{wanted.type}', but "
                           f"{source.label} passes '{given.name}' of type '{given.type}'",
                           "give both inputs the same type, or pass a different input")
