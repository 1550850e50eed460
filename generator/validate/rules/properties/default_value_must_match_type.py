from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import fits_json_type, json_type, node_keys
from generator.validate.rules.properties._helpers import element_label

default_fits = fits_json_type  # null stands for "no default"


CHECKED = ("string", "integer", "number", "boolean", "array", "object")


class DefaultValueMustMatchType(Rule):
    """A ``default`` value must have the type that the element declares.

    The designer pre-fills the default and the runtime sends it as a value of the declared
    ``type``; a default of another kind (an object for a string, a word for an integer) cannot
    be sent as declared. ``null`` is tolerated (it stands for "no default").

    A string that spells a value of the declared type (``"10"`` for an integer, ``"true"``
    for a boolean) is a string, so it is reported too: OpenAPI 2.0 requires the default to
    conform to the element's type, openapi-spec-validator rejects it, and so does the
    OpenAPI stage (``OpenApiInvalid``) — one verdict across layers, even though the service
    coerces such strings at run time. Where the OpenAPI stage already reported the default,
    this rule's finding is dropped (one defect, one finding); it stands where that stage is
    not run (``--select``) or does not look. That stage does not look at any default of a
    swagger with a structural error (an empty ``responses``, say): like the verdict of
    openapi-spec-validator (whose ``validate`` raises the first error; only its ``iter_errors``
    goes on), it stops after the JSON Schema layer. So PDF4me's six ``"0"``/``"true"`` defaults
    of integer and boolean body properties are this rule's findings, beside the stage's one
    finding for the empty ``responses``; fix that and the stage reports them instead.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, default: 50}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, default: fifty}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/default

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, default: fifty}}}

    Reports: /definitions/Page/properties/size/default

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, default: "10"}}}

    Reports: /definitions/Page/properties/size/default
    """

    code = "DefaultValueMustMatchType"
    severity = Severity.ERROR
    summary = "a 'default' value has the element's declared type"
    keys = node_keys("default")

    def _check(self, ctx, node, pointer, label):
        declared = node.get("type")
        if "default" not in node or declared not in CHECKED:
            return
        value = node["default"]
        if not default_fits(declared, value):
            ctx.report(pointer + "/default",
                       f"the default of {label} is of type '{json_type(value)}' but the declared type "
                       f"is '{declared}'",
                       f"write the default as a {declared}, or correct 'type'")

    def parameter(self, ctx, param):
        if param.location != "body":
            self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, element_label(schema))
