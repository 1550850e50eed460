from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, passed_inputs


class OperationParameterRequiredMismatch(DynamicInvocationRule):
    """A required input of an invoked operation must not be fed from an optional input.

    When a dynamic extension passes one of the current operation's inputs to a required input of
    the operation it invokes, and the current input is optional, the user can leave it empty and
    the designer then cannot make the call at all. Only references whose source is known are
    checked: an extension inside a shared definition (``#/definitions``) may be used by several
    operations, so it is skipped.

    Severity: warning. Microsoft's message only says the request cannot be made until a value is
    given, and 20 of the 628 corpus connectors (3 %) that passed certification do this, so it is
    not treated as a blocking error here.

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
              parameters: [{name: folder, in: query, required: true, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string}
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {folder: {parameter: folder}}}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              parameters: [{name: folder, in: query, required: true, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/1/x-ms-dynamic-values/parameters/folder
    """

    code = "OperationParameterRequiredMismatch"
    severity = Severity.WARNING
    summary = "a required input of an invoked operation is not fed from an optional input"

    def check(self, ctx, index, invocation):
        for arg, source, target, wanted, given in passed_inputs(index, invocation):
            if wanted.required and not given.required:
                ctx.report(arg.pointer,
                           f"'{arg.key}' is required by operation {target.label}, but {source.label} "
                           f"passes its optional input '{given.name}'",
                           f"make '{given.name}' required in {source.label}, or pass a static value")
