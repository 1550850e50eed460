from generator.findings import Severity
from generator.validate.rule import Rule


class OperationPathMustStartWithSlash(Rule):
    """Every key of ``paths`` (other than an ``x-`` extension) must start with ``/``.

    Swagger 2.0 defines the path keys as relative to ``basePath`` and starting with a slash; a
    key without it cannot be joined to the base URL and the operation is rejected.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Reports: /paths/items
    """

    code = "OperationPathMustStartWithSlash"
    severity = Severity.ERROR
    summary = "operation paths start with '/'"

    def path_item(self, ctx, item):
        if item.path.startswith(("/", "x-")):
            return
        ctx.report(item.pointer, f"path '{item.path}' does not start with '/'",
                   f"write it as '/{item.path}'")
