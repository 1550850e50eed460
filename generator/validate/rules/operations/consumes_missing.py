"""ConsumesMissing (``effective_consumes`` and the MIME helpers are in ``_helpers`` and ``rules._common``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import effective_parameters
from generator.validate.rules.operations._helpers import effective_consumes


class ConsumesMissing(Rule):
    """An operation with ``formData`` parameters must say in ``consumes`` how the form is encoded.

    Form fields can be sent as ``multipart/form-data`` or ``application/x-www-form-urlencoded``;
    with no ``consumes`` at all (neither on the operation nor on the document) the platform has
    no supported MIME type to send the request with. Operations with a ``body`` parameter are not
    judged: certified connectors routinely omit ``consumes`` there and JSON is then assumed
    (133 of the 639 corpus connectors do so). A ``consumes`` list that is present but does not
    fit the parameters is left to MimeTypeNotCompatibleWithRequestContentSchemaType.

    Passing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: file, in: formData, type: file}]
              responses: {'200': {description: OK}}

    Failing example::

        consumes: []
        paths:
          /upload:
            post:
              operationId: Upload
              parameters: [{name: file, in: formData, type: file}]
              responses: {'200': {description: OK}}

    Reports: /consumes
    """

    code = "ConsumesMissing"
    severity = Severity.ERROR
    summary = "operations with formData parameters list a MIME type in 'consumes'"

    def operation(self, ctx, op):
        if not any(node.get("in") == "formData" for node, _ in effective_parameters(ctx, op)):
            return
        types, pointer = effective_consumes(ctx, op)
        if types:
            return
        ctx.report(pointer or op.pointer,
                   f"operation {op.label} has formData parameters but 'consumes' names no MIME type",
                   "add \"consumes\": [\"multipart/form-data\"] (or "
                   "application/x-www-form-urlencoded) to the operation")
