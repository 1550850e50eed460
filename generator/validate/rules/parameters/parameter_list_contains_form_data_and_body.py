from generator.findings import Severity
from generator.validate.rule import Rule


def _effective_parameters(ctx, op):
    """(pointer, node) of the operation's parameters with ``$ref`` resolved; an operation
    parameter replaces a path-level one with the same name and location."""
    merged = {}
    for owner, pointer in ((op.path_item.node, op.path_item.pointer), (op.node, op.pointer)):
        params = owner.get("parameters")
        for index, param in enumerate(params if isinstance(params, list) else ()):
            param = ctx.deref(param)
            if isinstance(param, dict):
                key = (str(param.get("name")), str(param.get("in")))
                merged[key] = (f"{pointer}/parameters/{index}", param)
    return list(merged.values())


class ParameterListContainsFormDataAndBody(Rule):
    """An operation cannot have both a ``body`` parameter and ``formData`` parameters.

    A request has one body: either a payload described by the body parameter's schema, or form
    fields. Declaring both (directly or through path-level parameters) is contradictory.

    Passing example::

        paths:
          /a:
            post:
              operationId: PostA
              parameters: [{name: body, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            post:
              operationId: PostA
              consumes: [multipart/form-data]
              parameters:
              - {name: body, in: body, schema: {type: object}}
              - {name: file, in: formData, type: file}
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/post/parameters
    """

    code = "ParameterListContainsFormDataAndBody"
    severity = Severity.ERROR
    summary = "an operation does not mix a body parameter with formData parameters"

    def operation(self, ctx, op):
        params = _effective_parameters(ctx, op)
        body = [p for p in params if p[1].get("in") == "body"]
        form = [p for p in params if p[1].get("in") == "formData"]
        if body and form:
            ctx.report(op.pointer + "/parameters",
                       f"operation {op.label} defines a body parameter '{body[0][1].get('name')}' "
                       f"and formData parameter '{form[0][1].get('name')}'",
                       "keep one: describe the payload in the body schema, or send it as form fields")
