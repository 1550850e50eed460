from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

VISIBILITY = ("important", "advanced", "internal")
#: Allowed values of Microsoft's extensions, by the kind of swagger element that carries them.
_ELEMENT = {"x-ms-visibility": VISIBILITY, "x-ms-url-encoding": ("single", "double"),
            "x-ms-media-kind": ("image", "audio")}
SWAGGER_ENUMS = {
    "operation": {"x-ms-visibility": VISIBILITY, "x-ms-trigger": ("single", "batch")},
    "parameter": _ELEMENT,
    "schema": _ELEMENT,
}
ANNOTATION_STATUS = ("Preview", "Production")
CONNECTION_PARAMETER_TYPES = ("string", "securestring", "int", "bool", "oauthSetting", "gatewaySetting",
                              "clientCertificate")
REDIRECT_MODES = ("Global", "GlobalPerConnector", "Direct")


class JsonValueNotInEnum(Rule):
    """Microsoft's enumerated settings must use one of their defined values.

    Checked: ``x-ms-visibility`` (important, advanced, internal), ``x-ms-trigger`` (single,
    batch), ``x-ms-url-encoding`` (single, double), ``x-ms-media-kind`` (image, audio),
    ``x-ms-api-annotation.status`` (Preview, Production), and in apiProperties.json the ``type``
    of each connection parameter (string, securestring, int, bool, oauthSetting,
    gatewaySetting, clientCertificate) and ``oAuthSettings.redirectMode`` (Global,
    GlobalPerConnector, Direct). The service reads these case-insensitively (accepted connectors
    write ``Advanced`` or ``production``) and treats an empty x-ms-visibility as unset, so only
    other values are reported.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-visibility: advanced, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-visibility: hidden, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/x-ms-visibility

    Failing example::

        x-ms-api-annotation: {status: Released}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: top, in: query, type: integer, x-ms-visibility: hidden}
                - {name: body, in: body, schema: {type: object, properties: {name: {type: string, x-ms-visibility: secret}}}}
              responses: {'200': {description: OK}}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: password, uiDefinition: {displayName: API key}}

    Reports:
      - /x-ms-api-annotation/status
      - /paths/~1items/get/parameters/0/x-ms-visibility
      - /paths/~1items/get/parameters/1/schema/properties/name/x-ms-visibility
      - /properties/connectionParameters/api_key/type
    """

    code = "JsonValueNotInEnum"
    severity = Severity.ERROR
    summary = "enumerated extension and apiProperties settings use a defined value"
    keys = {**node_keys(*_ELEMENT),
            "operation": frozenset(SWAGGER_ENUMS["operation"]) | {"x-ms-api-annotation"}}

    def _value(self, ctx, holder, key, allowed, pointer, where):
        if not isinstance(holder, dict) or key not in holder:
            return
        value = holder[key]
        if not isinstance(value, str):
            return  # JsonTypeIncorrect
        if value.strip().lower() in {a.lower() for a in allowed}:
            return
        if key == "x-ms-visibility" and not value.strip():
            return
        ctx.report(f"{pointer}/{escape_token(key)}",
                   f"the value {value!r} of '{key}' of {where} is not allowed; it must be one of: "
                   f"{', '.join(allowed)}",
                   f"use one of: {', '.join(allowed)}")

    def _element(self, ctx, node, pointer, kind, where):
        for key, allowed in SWAGGER_ENUMS[kind].items():
            self._value(ctx, node, key, allowed, pointer, where)

    def document(self, ctx, doc):
        self._value(ctx, doc.get("x-ms-api-annotation"), "status", ANNOTATION_STATUS,
                    "/x-ms-api-annotation", "the connector's x-ms-api-annotation")

    def operation(self, ctx, op):
        where = f"operation {op.label}"
        self._element(ctx, op.node, op.pointer, "operation", where)
        self._value(ctx, op.node.get("x-ms-api-annotation"), "status", ANNOTATION_STATUS,
                    op.pointer + "/x-ms-api-annotation", f"the x-ms-api-annotation of {where}")

    def parameter(self, ctx, param):
        self._element(ctx, param.node, param.pointer, "parameter", f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        where = f"schema '{schema.name}'" if schema.name else "a schema"
        self._element(ctx, schema.node, schema.pointer, "schema", where)

    def connection_parameter(self, ctx, named):
        where = f"connection parameter '{named.name}'"
        self._value(ctx, named.node, "type", CONNECTION_PARAMETER_TYPES, named.pointer, where)
        node = named.node if isinstance(named.node, dict) else {}
        self._value(ctx, node.get("oAuthSettings"), "redirectMode", REDIRECT_MODES,
                    named.pointer + "/oAuthSettings", f"the oAuthSettings of {where}")
