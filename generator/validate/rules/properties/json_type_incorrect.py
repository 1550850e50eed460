"""JsonTypeIncorrect, plus the JSON types of Microsoft's extensions and of apiProperties that it
checks (``SWAGGER_TYPES``, ``PROPERTIES_TYPES``)."""

from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import json_type, node_keys

_DYNAMIC = ("x-ms-dynamic-values", "x-ms-dynamic-list", "x-ms-dynamic-schema",
            "x-ms-dynamic-properties", "x-ms-dynamic-tree")
#: Expected JSON type of extension members, by the kind of swagger element that carries them.
_ELEMENT = {"x-ms-summary": "string", "x-ms-visibility": "string", "x-ms-notification-url": "boolean",
            "x-ms-url-encoding": "string", "x-ms-enum-values": "array", "x-ms-capabilities": "object",
            "x-ms-media-kind": "string", **{name: "object" for name in _DYNAMIC}}
SWAGGER_TYPES = {
    "document": {"x-ms-connector-metadata": "array", "x-ms-capabilities": "object",
                 "x-ms-api-annotation": "object"},
    "operation": {"x-ms-trigger": "string", "x-ms-visibility": "string", "x-ms-trigger-hint": "string",
                  "x-ms-api-annotation": "object", "x-ms-pageable": "object",
                  "x-ms-capabilities": "object", "x-ms-notification-content": "object",
                  "x-ms-no-generic-test": "boolean"},
    "parameter": _ELEMENT,
    "schema": _ELEMENT,
}
#: Expected JSON type of members inside an extension's object (or of its array's entries).
NESTED_TYPES = {
    "x-ms-connector-metadata": {"propertyName": "string", "propertyValue": "string"},
    "x-ms-enum-values": {"displayName": "string"},
    "x-ms-pageable": {"nextLinkName": "string"},
    "x-ms-capabilities": {"filterFunctions": "array"},
    "x-ms-api-annotation": {"family": "string", "status": "string"},
}
#: Expected JSON type of apiProperties members.
PROPERTIES_TYPES = {"iconBrandColor": "string", "publisher": "string", "stackOwner": "string",
                    "capabilities": "array", "connectionParameters": "object",
                    "policyTemplateInstances": "array", "scriptOperations": "array",
                    "connectionParameterSets": "object"}
CONNECTION_PARAMETER_TYPES = {"type": "string", "uiDefinition": "object", "oAuthSettings": "object",
                              "allowedValues": "array"}
OAUTH_SETTINGS_TYPES = {"identityProvider": "string", "scopes": "array", "customParameters": "object",
                        "redirectMode": "string"}


def fits(expected: str, value) -> bool:
    actual = json_type(value)
    # null reads as "not set" (accepted connectors write "uiDefinition": null).
    return actual in (expected, "null") or (expected == "number" and actual == "integer")


class JsonTypeIncorrect(Rule):
    """Microsoft's extensions and the apiProperties members must have the JSON type they expect.

    Checked: the extensions' own types (``x-ms-summary`` and ``x-ms-visibility`` are strings,
    ``x-ms-notification-url`` a boolean, ``x-ms-enum-values`` and ``x-ms-connector-metadata``
    arrays, ``x-ms-dynamic-*``, ``x-ms-pageable`` and ``x-ms-capabilities`` objects, ...), the
    members inside them (``nextLinkName``, ``propertyName`` ...), and in apiProperties.json the
    members of ``properties`` (``iconBrandColor`` a string, ``capabilities`` an array ...),
    of each connection parameter and of its ``oAuthSettings``. A value of another type is not
    read, so the setting silently does nothing. ``null`` is taken as "not set". Standard Swagger
    keywords are checked by the OpenAPI validation.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, x-ms-summary: Top}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, x-ms-summary: {text: Top}}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-summary

    Failing example::

        x-ms-connector-metadata: {Website: 'https://contoso.com'}
        paths:
          /items:
            get:
              operationId: ListItems
              x-ms-visibility: [important]
              parameters:
                - {name: body, in: body, schema: {type: object, properties: {name: {type: string, x-ms-summary: 5}}}}
              responses: {'200': {description: OK}}
        apiProperties:
          properties:
            publisher: 5
            connectionParameters:
              api_key: {type: securestring, uiDefinition: API key}

    Reports:
      - /x-ms-connector-metadata
      - /paths/~1items/get/x-ms-visibility
      - /paths/~1items/get/parameters/0/schema/properties/name/x-ms-summary
      - /properties/publisher
      - /properties/connectionParameters/api_key/uiDefinition
    """

    code = "JsonTypeIncorrect"
    severity = Severity.ERROR
    summary = "Microsoft extensions and apiProperties members have the expected JSON type"
    keys = {**node_keys(*_ELEMENT, *NESTED_TYPES),
            "operation": frozenset(SWAGGER_TYPES["operation"]) | frozenset(NESTED_TYPES)}

    def _check(self, ctx, node, pointer, table, where):
        if not isinstance(node, dict) or table.keys().isdisjoint(node):
            return
        for key, expected in table.items():
            if key in node and not fits(expected, node[key]):
                ctx.report(f"{pointer}/{escape_token(key)}",
                           f"the property '{key}' of {where} has type '{json_type(node[key])}', but "
                           f"type '{expected}' is expected",
                           f"write '{key}' as {_article(expected)} {expected}")

    def _extensions(self, ctx, node, pointer, kind, where):
        self._check(ctx, node, pointer, SWAGGER_TYPES[kind], where)
        if NESTED_TYPES.keys().isdisjoint(node):
            return  # the common case, decided at C speed
        for key, inner in NESTED_TYPES.items():
            value = node.get(key)
            base = f"{pointer}/{key}"
            if isinstance(value, dict):
                self._check(ctx, value, base, inner, f"{key} of {where}")
            elif isinstance(value, list):
                for index, entry in enumerate(value):
                    if isinstance(entry, dict):
                        self._check(ctx, entry, f"{base}/{index}", inner, f"a {key} entry of {where}")
                    else:
                        ctx.report(f"{base}/{index}",
                                   f"entry {index} of {key} of {where} has type '{json_type(entry)}', "
                                   f"but type 'object' is expected",
                                   "write each entry as an object")

    def document(self, ctx, doc):
        self._extensions(ctx, doc, "", "document", "the document")

    def operation(self, ctx, op):
        self._extensions(ctx, op.node, op.pointer, "operation", f"operation {op.label}")

    def parameter(self, ctx, param):
        self._extensions(ctx, param.node, param.pointer, "parameter", f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        where = f"schema '{schema.name}'" if schema.name else "a schema"
        self._extensions(ctx, schema.node, schema.pointer, "schema", where)

    def properties(self, ctx, doc):
        if "properties" in doc and not isinstance(doc["properties"], dict):
            ctx.report("/properties", f"'properties' of apiProperties.json has type "
                                      f"'{json_type(doc['properties'])}', but type 'object' is expected",
                       "write 'properties' as an object")
            return
        self._check(ctx, doc.get("properties"), "/properties", PROPERTIES_TYPES, "apiProperties")

    def connection_parameter(self, ctx, named):
        where = f"connection parameter '{named.name}'"
        if not isinstance(named.node, dict):
            ctx.report(named.pointer, f"{where} has type '{json_type(named.node)}', but type 'object' "
                                      f"is expected",
                       "write the connection parameter as an object with 'type' and 'uiDefinition'")
            return
        self._check(ctx, named.node, named.pointer, CONNECTION_PARAMETER_TYPES, where)
        self._check(ctx, named.node.get("oAuthSettings"), named.pointer + "/oAuthSettings",
                    OAUTH_SETTINGS_TYPES, f"the oAuthSettings of {where}")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
