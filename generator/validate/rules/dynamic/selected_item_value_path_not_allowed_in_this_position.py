from generator.findings import Severity, escape_token
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule


class SelectedItemValuePathNotAllowedInThisPosition(DynamicInvocationRule):
    """``selectedItemValuePath`` may only pass a value in the ``browse`` step of x-ms-dynamic-tree.

    A tree picker's ``browse`` call is made for the item the user has just opened, so it can pass
    a property of that item along (``{selectedItemValuePath: id}``). Anywhere else - the tree's
    ``open`` call, or x-ms-dynamic-values/-schema/-list/-properties - there is no selected item,
    and the entry has nothing to refer to.

    Passing example::

        paths:
          /files:
            get:
              operationId: ListFiles
              parameters:
                - name: file
                  in: query
                  type: string
                  x-ms-dynamic-tree:
                    open: {operationId: ListRoot, parameters: {}}
                    browse: {operationId: ListChildren, parameters: {parent: {selectedItemValuePath: id}}}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /files:
            get:
              operationId: ListFiles
              parameters:
                - name: file
                  in: query
                  type: string
                  x-ms-dynamic-tree:
                    open: {operationId: ListRoot, parameters: {parent: {selectedItemValuePath: id}}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1files/get/parameters/0/x-ms-dynamic-tree/open/parameters/parent
    """

    code = "SelectedItemValuePathNotAllowedInThisPosition"
    severity = Severity.ERROR
    summary = "selectedItemValuePath is used only in the browse step of x-ms-dynamic-tree"

    def check(self, ctx, index, invocation):
        if invocation.extension == "x-ms-dynamic-tree/browse":
            return
        for key, value in invocation.parameters.items():
            if isinstance(value, dict) and "selectedItemValuePath" in value:
                ctx.report(f"{invocation.pointer}/parameters/{escape_token(key)}",
                           f"'{key}' of {invocation.extension} uses selectedItemValuePath, which only "
                           f"the browse step of x-ms-dynamic-tree may use",
                           "pass a static value or a parameterReference instead")
