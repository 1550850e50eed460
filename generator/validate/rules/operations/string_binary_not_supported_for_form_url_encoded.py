from generator.findings import Severity
from generator.validate.rule import Rule

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def is_string_binary(node) -> bool:
    return isinstance(node, dict) and node.get("type") == "string" and node.get("format") == "binary"


def media_types(value) -> list[str]:
    return [v.split(";")[0].strip().lower() for v in value if isinstance(v, str)] if isinstance(value, list) else []


class StringBinaryNotSupportedForFormUrlEncoded(Rule):
    """An operation that sends a URL-encoded form cannot take string/binary inputs.

    A URL-encoded form carries text fields only; a file or raw binary value (type string, format
    binary) can only be sent as the whole body or in a multipart/form-data form. Checked when the
    operation's ``consumes`` (or the root's, when it has none) lists URL-encoded and not
    multipart/form-data.

    Passing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: file, in: formData, type: string, format: binary}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [application/x-www-form-urlencoded]
              parameters: [{name: file, in: formData, type: string, format: binary}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1upload/post/parameters/0
    """

    code = "StringBinaryNotSupportedForFormUrlEncoded"
    severity = Severity.ERROR
    summary = "URL-encoded form operations take no string/binary inputs"

    def operation(self, ctx, op):
        consumes = op.node.get("consumes", ctx.swagger.get("consumes"))
        types = media_types(consumes)
        if URLENCODED not in types or MULTIPART in types:
            return
        params = op.node.get("parameters")
        for index, raw in enumerate(params if isinstance(params, list) else []):
            param = ctx.deref(raw)
            if not isinstance(param, dict):
                continue
            binary = is_string_binary(param) if param.get("in") == "formData" else (
                param.get("in") == "body" and is_string_binary(ctx.deref(param.get("schema"))))
            if binary:
                ctx.report(f"{op.pointer}/parameters/{index}",
                           f"parameter '{param.get('name')}' of operation {op.label} is string/binary, "
                           f"which '{URLENCODED}' cannot carry",
                           "consume multipart/form-data for file uploads, or send the file as the "
                           "whole body with a binary media type")
