from generator.findings import Severity
from generator.validate.rule import Rule


class SchemaTypeFileNotValid(Rule):
    """``type: file`` is only valid for formData parameters and a response's root schema.

    Swagger 2.0 uses ``file`` to mark an uploaded form field or a binary response body; nested
    inside an object, an array, a body parameter or a shared definition it has no meaning. Use
    ``type: string, format: binary`` (or ``byte`` for base64) there.

    Passing example::

        paths:
          /download:
            get:
              operationId: Download
              produces: [application/octet-stream]
              responses:
                '200': {description: OK, schema: {type: file}}

    Failing example::

        definitions:
          Upload:
            type: object
            properties:
              content: {type: file}

    Reports: /definitions/Upload/properties/content/type
    """

    code = "SchemaTypeFileNotValid"
    severity = Severity.ERROR
    summary = "schema type 'file' only at a response root (or on formData parameters)"
    @classmethod
    def wants(cls, kind, role, keys, node_type=None):
        return node_type == "file" and role != "response"

    def schema(self, ctx, schema):
        if schema.node.get("type") != "file" or schema.role == "response":
            return
        what = f"'{schema.name}'" if schema.name else "this schema"
        ctx.report(schema.pointer + "/type", f"the schema type 'file' of {what} is not valid here",
                   "use {type: string, format: binary}; 'file' is only for formData parameters "
                   "and a response's root schema")
