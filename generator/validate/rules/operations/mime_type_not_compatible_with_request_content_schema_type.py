from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import effective_parameters
from generator.validate.rules.operations._helpers import FORM_TYPES, effective_consumes


def _structured(media: str) -> bool:
    """MIME types that can carry a JSON object/array (directly, as XML, or as a form)."""
    return (media in FORM_TYPES or media in ("*/*", "text/json", "text/xml")
            or media.endswith(("/json", "+json", "/xml", "+xml")) or media == "application/*+json")


class MimeTypeNotCompatibleWithRequestContentSchemaType(Rule):
    """The ``consumes`` list must contain a MIME type that can carry the operation's request content.

    Three mismatches are judged, each only when ``consumes`` is given (an absent list is
    ConsumesMissing's concern): ``formData`` parameters with no form MIME type
    (multipart/form-data or application/x-www-form-urlencoded); ``file`` form fields without
    multipart/form-data (a urlencoded form cannot carry a file); and an object or array body
    whose ``consumes`` offers no JSON, XML or form type. Combinations that certified connectors
    use, such as an object body consumed as multipart/form-data or a binary body declared as
    application/json, are accepted.

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

    code = "MimeTypeNotCompatibleWithRequestContentSchemaType"
    severity = Severity.ERROR
    summary = "'consumes' offers a MIME type that fits the request content (form, file, JSON body)"

    def operation(self, ctx, op):
        types, pointer = effective_consumes(ctx, op)
        if not types:
            return
        params = effective_parameters(ctx, op)
        form = [node for node, _ in params if node.get("in") == "formData"]
        body = next((node for node, _ in params if node.get("in") == "body"), None)
        listed = ", ".join(types)
        if form:
            if not any(t in FORM_TYPES for t in types):
                self._report(ctx, pointer, op, "form data", listed,
                             "add multipart/form-data or application/x-www-form-urlencoded")
            elif (any(node.get("type") == "file" for node in form)
                  and "multipart/form-data" not in types):
                self._report(ctx, pointer, op, "file", listed,
                             "add multipart/form-data: files can only be sent in a multipart form")
        elif body is not None:
            schema = ctx.deref(body.get("schema"))
            kind = schema.get("type") if isinstance(schema, dict) else None
            if kind in ("object", "array") and not any(_structured(t) for t in types):
                self._report(ctx, pointer, op, kind, listed,
                             "add application/json (or another JSON/XML/form type) to 'consumes'")

    @staticmethod
    def _report(ctx, pointer, op, content, listed, hint):
        ctx.report(pointer or op.pointer,
                   f"the MIME types [{listed}] of operation {op.label} cannot carry its {content} "
                   "request content", hint)
