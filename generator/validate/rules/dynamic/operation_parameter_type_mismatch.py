from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, passed_inputs


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
        for arg, source, target, wanted, given in passed_inputs(index, invocation):
            if wanted.type and given.type and not compatible(wanted.type, given.type):
                ctx.report(arg.pointer,
                           f"'{arg.key}' of operation {target.label} has type '{wanted.type}', but "
                           f"{source.label} passes '{given.name}' of type '{given.type}'",
                           "give both inputs the same type, or pass a different input")
