from generator.findings import Severity
from generator.validate.rule import Rule

KNOWN_TYPES = ("string", "number", "integer", "boolean", "array", "object", "file", "null")


class UnrecognizedTypeFormat(Rule):
    """A schema's or parameter's ``type`` must be one of the Swagger 2.0 types.

    Power Platform maps each input and output to a type it knows (string, number, integer,
    boolean, array, object, file; null is tolerated). A value such as ``int``, ``datetime`` or
    ``String`` is not one of them, so the field cannot be shown or converted.

    Only ``type`` is judged. ``format`` is open-ended: accepted connectors use dozens of formats
    beyond the Swagger list (uuid, email, uri, html, phone, and free text), so no format is
    flagged.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, parameters: [{name: since, in: query, type: string, format: date-time}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, parameters: [{name: since, in: query, type: datetime}], responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/parameters/0/type

    Failing example::

        definitions:
          Item: {type: object, properties: {since: {type: datetime}}}

    Reports: /definitions/Item/properties/since/type
    """

    code = "UnrecognizedTypeFormat"
    severity = Severity.ERROR
    summary = "every type is one of the Swagger 2.0 types"
    @classmethod
    def wants(cls, kind, role, keys, node_type=None):
        return "type" in keys and node_type not in KNOWN_TYPES

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer)

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer)

    def _check(self, ctx, node, pointer):
        if "type" not in node or "$ref" in node:
            return
        kind = node.get("type")
        if isinstance(kind, str) and kind in KNOWN_TYPES:
            return
        if isinstance(kind, dict):
            return  # properties written without their 'properties' wrapper: not a type value
        fmt = node.get("format")
        shown = f"{kind}/{fmt}" if isinstance(fmt, str) else str(kind)
        ctx.report(f"{pointer}/type", f"the type/format '{shown}' is not recognized",
                   "use one of string, number, integer, boolean, array, object (file for uploads), "
                   "and put details such as date-time in 'format'")
