from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule


def template_problem(path: str) -> str | None:
    """Why ``path`` is not a valid template, or None. Each ``{name}`` must open and close within
    one segment, must not be empty or nested, and no brace may stand alone."""
    for segment in path.split("/"):
        depth_open = None
        for index, char in enumerate(segment):
            if char == "{":
                if depth_open is not None:
                    return f"'{{' inside the variable in segment '{segment}'"
                depth_open = index
            elif char == "}":
                if depth_open is None:
                    return f"a '}}' without its '{{' in segment '{segment}'"
                if index == depth_open + 1:
                    return f"an empty variable '{{}}' in segment '{segment}'"
                depth_open = None
        if depth_open is not None:
            return f"a '{{' that is not closed within segment '{segment}'"
    return None


class OperationPathTemplateNotValid(Rule):
    """Each path template variable must be enclosed by ``{`` and ``}`` within one URL segment.

    The router splits a path at ``/`` and matches variables segment by segment, so a variable
    that spans segments, an unclosed or stray brace, or an empty ``{}`` cannot be matched. A brace
    that is meant literally has to be percent-encoded (``%7B``, ``%7D``).

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id: {get: {operationId: GetItem, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1{id
    """

    code = "OperationPathTemplateNotValid"
    severity = Severity.ERROR
    summary = "path template variables are closed '{name}' pairs within one segment"

    def path_item(self, ctx, item):
        if item.path.startswith("x-"):
            return
        problem = template_problem(item.path)
        if problem:
            ctx.report(item.pointer, f"path '{item.path}' is not a valid template: it has {problem}",
                       "enclose each variable as {name} inside one segment; percent-encode literal "
                       "braces as %7B and %7D")
