"""DynamicListExtensionRequiredForAmbiguousReferences (its base ``LegacyReferenceRule``, shared
with the three sibling rules, is in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import LegacyReferenceRule


class DynamicListExtensionRequiredForAmbiguousReferences(LegacyReferenceRule):
    """x-ms-dynamic-values whose reference is ambiguous needs x-ms-dynamic-list beside it.

    In x-ms-dynamic-values a ``{"parameter": "id"}`` reference names an input of the operation
    by a plain name. When that operation has both a parameter ``id`` and a body field ``id``,
    nothing says which one is meant. x-ms-dynamic-list names inputs by their full path
    (``id`` or ``body/id``), so it must be added to resolve the reference. For extensions in
    shared definitions or parameters, every operation using them is considered.

    Passing example::

        paths:
          /requests/{id}:
            post:
              operationId: UpdateRequest
              parameters:
                - {name: id, in: path, required: true, type: string}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      id: {type: string}
                      model:
                        type: string
                        x-ms-dynamic-values: {operationId: ListModels, parameters: {requestId: {parameter: id}}}
                        x-ms-dynamic-list: {operationId: ListModels, parameters: {requestId: {parameterReference: body/id}}}
              responses: {'200': {description: OK}}
          /models:
            get:
              operationId: ListModels
              parameters: [{name: requestId, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /requests/{id}:
            post:
              operationId: UpdateRequest
              parameters:
                - {name: id, in: path, required: true, type: string}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      id: {type: string}
                      model:
                        type: string
                        x-ms-dynamic-values: {operationId: ListModels, parameters: {requestId: {parameter: id}}}
              responses: {'200': {description: OK}}
          /models:
            get:
              operationId: ListModels
              parameters: [{name: requestId, in: query, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1requests~1{id}/post/parameters/1/schema/properties/model/x-ms-dynamic-values/parameters/requestId
    """

    code = "DynamicListExtensionRequiredForAmbiguousReferences"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-values with an ambiguous parameter reference has x-ms-dynamic-list"
    legacy, newer, kind = "x-ms-dynamic-values", "x-ms-dynamic-list", "ambiguous"

    def report(self, ctx, invocation, arg, op):
        ctx.report(arg.pointer,
                   f"x-ms-dynamic-values references '{arg.payload}', which in operation {op.label} "
                   f"is both a parameter and a body property, and there is no x-ms-dynamic-list",
                   "add x-ms-dynamic-list beside it, naming the input by its full path "
                   f"(\"parameterReference\": \"{arg.payload}\" or \"<body>/{arg.payload}\")")
