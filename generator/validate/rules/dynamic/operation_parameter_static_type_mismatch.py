from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, arguments, resolve_input


def json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def fits(wanted: str, value) -> bool:
    given = json_type(value)
    if given == "null" or wanted == given:
        return True
    if wanted == "number" and given == "integer":
        return True
    return wanted == "integer" and isinstance(value, float) and value.is_integer()


class OperationParameterStaticTypeMismatch(DynamicInvocationRule):
    """A static value passed to an invoked operation must have the type of the input it fills.

    Dynamic extensions may pass a literal (a plain value in x-ms-dynamic-values/-schema,
    ``{value: ...}`` in x-ms-dynamic-list/-properties/-tree). A literal whose JSON type differs
    from the declared type of the invoked operation's input is sent as is and is likely rejected.
    An integer literal may fill a number; a null literal and inputs without a declared type are
    not judged.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {top: 10}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: top, in: query, type: integer}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-list: {operationId: ListKinds, parameters: {top: {value: true}}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: top, in: query, type: integer}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-list/parameters/top
    """

    code = "OperationParameterStaticTypeMismatch"
    severity = Severity.ERROR
    summary = "static values passed to an invoked operation have the type of the input they fill"

    def check(self, ctx, index, invocation):
        target = index.find(invocation.operation_id)
        if target is None:
            return
        for arg in arguments(invocation):
            if arg.kind != "static":
                continue
            wanted = resolve_input(index, target, arg.key, invocation.legacy)
            if wanted is None or not wanted.type or fits(wanted.type, arg.payload):
                continue
            ctx.report(arg.pointer,
                       f"'{arg.key}' of operation {target.label} has type '{wanted.type}', but "
                       f"{invocation.extension} passes a static value of type '{json_type(arg.payload)}'",
                       f"write the value as a {wanted.type}")
