from generator.findings import Severity
from generator.validate.rule import Rule

#: Where a schema is nested inside another value (not the root of a body, response or formData).
NESTED_ROLES = {"property": "a property", "items": "array items",
                "additionalProperties": "additionalProperties",
                "parameter-items": "the items of a parameter"}


class InvalidStringBinaryProperty(Rule):
    """A ``string``/``binary`` schema may only be the whole body, a formData field or a response.

    ``format: binary`` means raw bytes sent as the entire request or response content. Inside a
    JSON object or array (a property, array items, a parameter's items) raw bytes cannot be
    represented; use ``format: byte`` (base64 text) there. Root schemas (body parameter, response,
    a definition used as one) are allowed. 16 corpus connectors (2.5 %), mostly with binary
    properties in request definitions, were accepted all the same, so Microsoft may not apply
    the rule everywhere; it is kept as documented.

    Passing example::

        paths:
          /files:
            post:
              operationId: UploadFile
              consumes: [application/octet-stream]
              parameters: [{name: body, in: body, schema: {type: string, format: binary}}]
              responses: {'200': {description: OK}}

    Failing example::

        definitions:
          Attachment:
            type: object
            properties:
              content: {type: string, format: binary}

    Reports: /definitions/Attachment/properties/content/format
    """

    code = "InvalidStringBinaryProperty"
    severity = Severity.ERROR
    summary = "string/binary schemas only at the root of a body, formData field or response"
    keys = {"schema": frozenset({"format"})}
    schema_roles = frozenset(NESTED_ROLES)

    def schema(self, ctx, schema):
        node = schema.node
        if node.get("type") != "string" or node.get("format") != "binary":
            return
        where = NESTED_ROLES.get(schema.role)
        if where is None:
            return
        name = f"'{schema.name}' " if schema.name else ""
        ctx.report(schema.pointer + "/format",
                   f"the string/binary schema {name}is nested as {where}; binary content can only "
                   f"be the top level of a body or formData parameter",
                   "use format 'byte' (base64 text) for file content inside JSON, or send the file "
                   "as the whole body or as a formData parameter")
