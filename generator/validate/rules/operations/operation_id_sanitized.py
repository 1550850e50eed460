import re

from generator.findings import Severity
from generator.validate.rule import Rule

UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


class OperationIdSanitized(Rule):
    """An operationId should consist of letters, digits, ``_`` and ``-`` only.

    The platform derives internal names from the operationId by dropping other characters; when
    the two differ, references made with the original value may not match. Severity: warning —
    Microsoft's message only asks to avoid such characters, and two certified connectors in the
    corpus use '.' or '/' in operationIds. Underscores and hyphens are kept, since hundreds of
    certified operationIds contain them.

    Passing example::

        paths:
          /items: {get: {operationId: List-Items_V2, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: list.items, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/operationId
    """

    code = "OperationIdSanitized"
    severity = Severity.WARNING
    summary = "operationIds use only letters, digits, '_' and '-'"
    keys = {"operation": frozenset({"operationId"})}

    def operation(self, ctx, op):
        operation_id = op.operation_id
        if not operation_id or not UNSAFE.search(operation_id):
            return
        sanitized = UNSAFE.sub("", operation_id)
        ctx.report(op.pointer + "/operationId",
                   f"operationId '{operation_id}' differs from its sanitized form '{sanitized}'",
                   "rename it using letters and digits only, e.g. in PascalCase")
