from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import effective_parameters


class BodyOrFormDataParameterInFetchOperationNotAllowed(Rule):
    """A GET operation may not take a ``body`` or ``formData`` parameter.

    GET requests carry no content, so the platform has nowhere to put such a parameter and its
    value would be silently dropped.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: filter, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: body, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0

    Failing example::

        paths:
          /items:
            parameters: [{name: body, in: body, schema: {type: object}}]
            get: {operationId: ListItems, responses: {'200': {description: OK}}}
            post: {operationId: AddItem, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/0
    """

    code = "BodyOrFormDataParameterInFetchOperationNotAllowed"
    severity = Severity.ERROR
    summary = "GET operations have no 'body' or 'formData' parameters"

    def operation(self, ctx, op):
        if op.method != "get":
            return
        for node, pointer in effective_parameters(ctx, op):
            location = node.get("in")
            if location in ("body", "formData"):
                ctx.report(pointer,
                           f"GET operation {op.label} has the {location} parameter "
                           f"'{node.get('name', '')}'",
                           "send the value as a query, path or header parameter, or use POST")
