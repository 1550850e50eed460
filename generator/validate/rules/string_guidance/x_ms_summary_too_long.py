from generator.findings import Severity
from generator.validate.rule import Rule

MAX_X_MS_SUMMARY = 80


class XMsSummaryTooLong(Rule):
    """An ``x-ms-summary`` should be at most 80 characters long (warning).

    Microsoft's string guidance limits the field names the designer shows to 80 characters;
    longer names are cut off in the input and output lists. Explanations belong in the
    description.

    Passing example::

        definitions:
          Message: {type: object, properties: {to: {type: string, x-ms-summary: Recipient Phone Number}}}

    Failing example::

        definitions:
          Message:
            type: object
            properties:
              to: {type: string, x-ms-summary: The Phone Number of the Recipient in International Format Including the Country Code}

    Reports: /definitions/Message/properties/to/x-ms-summary

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: to, in: query, type: string, x-ms-summary: The Phone Number of the Recipient in International Format Including the Country Code}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-summary
    """

    code = "XMsSummaryTooLong"
    severity = Severity.WARNING
    source = "string-guidance"
    summary = "x-ms-summary is at most 80 characters long"
    keys = {"parameter": frozenset({"x-ms-summary"}), "schema": frozenset({"x-ms-summary"})}

    def _check(self, ctx, node, pointer):
        text = node.get("x-ms-summary")
        if isinstance(text, str) and len(text) > MAX_X_MS_SUMMARY:
            ctx.report(f"{pointer}/x-ms-summary",
                       f"the x-ms-summary is {len(text)} characters long; at most {MAX_X_MS_SUMMARY} "
                       f"are shown",
                       "shorten the name and move the explanation into 'description'")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer)

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer)
