from generator.findings import Severity
from generator.validate.rule import Rule

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _effective_parameters(ctx, op):
    """The operation's parameters after path-level ones, with ``$ref`` resolved."""
    found = []
    for owner, pointer in ((op.path_item.node, op.path_item.pointer), (op.node, op.pointer)):
        params = owner.get("parameters")
        for index, param in enumerate(params if isinstance(params, list) else ()):
            param = ctx.deref(param)
            if isinstance(param, dict):
                found.append((f"{pointer}/parameters/{index}", param))
    return found


class MimeTypeNotSupported(Rule):
    """An operation with form-data parameters must consume a form MIME type.

    ``formData`` parameters are sent as ``multipart/form-data`` or
    ``application/x-www-form-urlencoded``; if the operation's ``consumes`` (or the root one it
    inherits) offers neither, the platform has no supported encoding for the request. This is
    our reading of Microsoft's rule, whose message names the unsupported type and the supported
    ones; an empty or missing ``consumes`` is left to ConsumesMissing.

    Passing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: file, in: formData, type: file}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [application/json]
              parameters: [{name: file, in: formData, type: file}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1upload/post/consumes
    """

    code = "MimeTypeNotSupported"
    severity = Severity.ERROR
    summary = "operations with formData parameters consume a form MIME type"

    def operation(self, ctx, op):
        if not any(p.get("in") == "formData" for _, p in _effective_parameters(ctx, op)):
            return
        if "consumes" in op.node:
            consumes, pointer = op.node.get("consumes"), op.pointer + "/consumes"
        else:
            consumes, pointer = ctx.swagger.get("consumes"), "/consumes"
        if not isinstance(consumes, list) or not consumes:
            return
        types = [c.split(";")[0].strip().lower() for c in consumes if isinstance(c, str)]
        if any(t in FORM_TYPES for t in types):
            return
        first = next((c for c in consumes if isinstance(c, str)), consumes[0])
        ctx.report(pointer, f"the MIME type '{first}' is not supported for the form-data parameters "
                            f"of operation {op.label}; supported: {', '.join(FORM_TYPES)}",
                   "set the operation's 'consumes' to [\"multipart/form-data\"] "
                   "(or application/x-www-form-urlencoded)")
