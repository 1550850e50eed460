from generator.findings import Severity
from generator.validate.rule import Rule


class OperationPathContainsUnsupportedCharacters(Rule):
    """An operation path must not contain the wildcard character ``*``.

    Power Platform routes a call to an operation by matching the request against the path
    templates; a ``*`` would be a wildcard the router does not support, so such a path cannot be
    registered.

    Passing example::

        paths:
          /files/{name}: {get: {operationId: GetFile, parameters: [{name: name, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /files/*: {get: {operationId: GetFiles, responses: {'200': {description: OK}}}}

    Reports: /paths/~1files~1*
    """

    code = "OperationPathContainsUnsupportedCharacters"
    severity = Severity.ERROR
    summary = "operation paths do not contain the wildcard character '*'"

    def path_item(self, ctx, item):
        if item.path.startswith("x-") or "*" not in item.path:
            return
        ctx.report(item.pointer, f"path '{item.path}' contains the wildcard character '*'",
                   "replace the wildcard by a path parameter ({name}) or list the paths one by one")
