import re

from generator.findings import Severity
from generator.validate.rule import Rule

#: A capital letter first, then letters and digits only; Microsoft's revision suffix ("_V2", see
#: OperationIdShouldEndWithRevision) is allowed, so the two rules never contradict each other.
PASCAL_CASE = re.compile(r"[A-Z][A-Za-z0-9]*(?:_V[0-9]+)?")


def pascal_case(operation_id: str) -> str:
    """A PascalCase form of ``operation_id`` to suggest: words split at -, _, . and spaces."""
    words = re.split(r"[^A-Za-z0-9]+", operation_id)
    return "".join(word[:1].upper() + word[1:] for word in words if word)


class OperationIdNotPascalCase(Rule):
    """An operationId should be written in PascalCase (warning).

    Microsoft's coding standards for connectors ask for operationIds that capitalise every word,
    the first one included, without hyphens or underscores between the words (``GetMessages``,
    not ``getMessages`` or ``Get_Messages``); the revision suffix of Microsoft's versioning
    convention (``GetMessages_V2``) is accepted. The operationId is what flows and apps call the
    action by, so a consistent form makes them easier to read. Existing connectors whose ids
    are already in use cannot rename them without breaking flows: silence the rule for such a
    connector with a `suppress:` entry that gives the reason.

    Opt-in (outside the default set; ``--select OperationIdNotPascalCase`` or the configuration's
    ``select`` turns it on): Microsoft's string guidance asks for camel case, contradicting the
    coding standards, and neither the validator nor reviewers reject either form.

    Passing example::

        paths:
          /messages: {get: {operationId: GetMessages_V2, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /messages: {get: {operationId: get_messages, responses: {'200': {description: OK}}}}

    Reports: /paths/~1messages/get/operationId
    """

    code = "OperationIdNotPascalCase"
    severity = Severity.WARNING
    opt_in = True  # Microsoft's string guidance asks for camel case
    source = "coding-standards"
    summary = "operationIds are PascalCase: every word capitalised, no '-' or '_'"
    keys = {"operation": frozenset({"operationId"})}

    def operation(self, ctx, op):
        operation_id = op.operation_id
        if not operation_id or PASCAL_CASE.fullmatch(operation_id):
            return
        ctx.report(f"{op.pointer}/operationId",
                   f"the operationId '{operation_id}' is not PascalCase",
                   f"write it as '{pascal_case(operation_id)}' (renaming breaks existing flows: "
                   f"for a published connector, suppress the rule with a reason instead)")
