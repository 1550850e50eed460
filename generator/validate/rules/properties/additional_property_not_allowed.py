from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

#: The members each of Microsoft's extension objects may have (no others, not even x-...).
EXTENSION_MEMBERS = {
    "x-ms-pageable": ("nextLinkName",),
    "x-ms-dynamic-values": ("operationId", "parameters", "value-collection", "value-path", "value-title",
                            "capability", "builtInOperation"),
    "x-ms-dynamic-schema": ("operationId", "parameters", "value-path"),
    "x-ms-dynamic-list": ("operationId", "parameters", "itemsPath", "itemValuePath", "itemTitlePath"),
    "x-ms-dynamic-properties": ("operationId", "parameters", "itemValuePath"),
}
#: Members of each entry of an extension array.
ENTRY_MEMBERS = {
    "x-ms-enum-values": ("value", "displayName"),
    "x-ms-connector-metadata": ("propertyName", "propertyValue"),
}
#: Members of each parameter entry of the newer dynamic extensions.
DYNAMIC_PARAMETER_MEMBERS = ("value", "parameterReference")
ANNOTATION_MEMBERS = ("family", "revision", "status", "replacement")
#: apiProperties.json: the root, its 'properties', and a connection parameter.
PROPERTIES_ROOT_MEMBERS = ("properties", "$schema")
PROPERTIES_MEMBERS = ("iconBrandColor", "connectionParameters", "connectionParameterSets", "capabilities",
                      "publisher", "stackOwner", "policyTemplateInstances", "scriptOperations", "script")
CONNECTION_PARAMETER_MEMBERS = ("type", "uiDefinition", "oAuthSettings", "metadata", "allowedValues",
                                "defaultValue", "gatewaySettings")


class AdditionalPropertyNotAllowed(Rule):
    """Microsoft's extension objects and apiProperties.json only take their defined members.

    Checked: ``x-ms-pageable``, ``x-ms-dynamic-values``/``-schema``/``-list``/``-properties``
    (and the parameter entries of the last two), ``x-ms-api-annotation``, the entries of
    ``x-ms-enum-values`` and ``x-ms-connector-metadata``, and in apiProperties.json the root, its
    ``properties`` object and each connection parameter. Unlike Swagger objects these accept no
    other member (not even an ``x-`` one); an extra member is a misspelling or a misplaced
    setting and is ignored. x-ms-connector-metadata names are compared case-insensitively, as
    the service does.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-pageable: {nextLinkName: nextLink}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-pageable: {nextLinkName: nextLink, pageSize: 50}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/x-ms-pageable/pageSize

    Failing example::

        x-ms-connector-metadata:
          - {propertyName: Website, propertyValue: 'https://www.contoso.com', url: 'https://www.contoso.com'}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: list, in: query, type: string, x-ms-dynamic-values: {operationId: GetLists, value-path: id, cache: true}}
                - {name: body, in: body, schema: {type: object, x-ms-dynamic-schema: {operationId: GetSchema, value-path: schema, cache: true}}}
              responses: {'200': {description: OK}}
        apiProperties:
          properties:
            iconColor: '#ffffff'
            connectionParameters:
              api_key: {type: securestring, uiDefinition: {displayName: API key}, hidden: true}

    Reports:
      - /x-ms-connector-metadata/0/url
      - /paths/~1items/get/parameters/0/x-ms-dynamic-values/cache
      - /paths/~1items/get/parameters/1/schema/x-ms-dynamic-schema/cache
      - /properties/iconColor
      - /properties/connectionParameters/api_key/hidden
    """

    code = "AdditionalPropertyNotAllowed"
    severity = Severity.ERROR
    summary = "Microsoft extension objects and apiProperties carry only their defined members"
    keys = {**node_keys(*EXTENSION_MEMBERS, *ENTRY_MEMBERS),
            "operation": frozenset({"x-ms-pageable", "x-ms-api-annotation"})}

    def _check(self, ctx, holder, allowed, pointer, where, case_insensitive=False):
        if not isinstance(holder, dict):
            return
        known = {a.lower() for a in allowed} if case_insensitive else set(allowed)
        for key in holder:
            probe = key.lower() if case_insensitive and isinstance(key, str) else key
            if probe not in known:
                ctx.report(f"{pointer}/{escape_token(key)}",
                           f"the property '{key}' is not allowed in {where} and must be removed",
                           f"remove it; {where} takes only: {', '.join(allowed)}")

    def _extensions(self, ctx, node, pointer, where):
        for key, allowed in EXTENSION_MEMBERS.items():
            extension = node.get(key)
            self._check(ctx, extension, allowed, f"{pointer}/{key}", f"{key} of {where}")
            if key in ("x-ms-dynamic-list", "x-ms-dynamic-properties") and isinstance(extension, dict):
                params = extension.get("parameters")
                for name, value in (params.items() if isinstance(params, dict) else ()):
                    self._check(ctx, value, DYNAMIC_PARAMETER_MEMBERS,
                                f"{pointer}/{key}/parameters/{escape_token(name)}",
                                f"parameter '{name}' of {key}")
        self._entries(ctx, node, "x-ms-enum-values", pointer, where)

    def _entries(self, ctx, node, key, pointer, where):
        entries = node.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            self._check(ctx, entry, ENTRY_MEMBERS[key], f"{pointer}/{key}/{index}",
                        f"a {key} entry of {where}", case_insensitive=key == "x-ms-connector-metadata")

    def document(self, ctx, doc):
        self._entries(ctx, doc, "x-ms-connector-metadata", "", "the document")

    def operation(self, ctx, op):
        where = f"operation {op.label}"
        self._check(ctx, op.node.get("x-ms-pageable"), EXTENSION_MEMBERS["x-ms-pageable"],
                    op.pointer + "/x-ms-pageable", f"x-ms-pageable of {where}")
        self._check(ctx, op.node.get("x-ms-api-annotation"), ANNOTATION_MEMBERS,
                    op.pointer + "/x-ms-api-annotation", f"x-ms-api-annotation of {where}")

    def parameter(self, ctx, param):
        self._extensions(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._extensions(ctx, schema.node, schema.pointer,
                         f"schema '{schema.name}'" if schema.name else "a schema")

    def properties(self, ctx, doc):
        for key in doc:
            if key not in PROPERTIES_ROOT_MEMBERS:
                # Findings about apiProperties.json must point under /properties to be placed there.
                ctx.report("/properties", f"the property '{key}' is not allowed at the top level of "
                                          f"apiProperties.json and must be removed",
                           "keep only 'properties' at the top level; connector settings go inside it")
        self._check(ctx, doc.get("properties"), PROPERTIES_MEMBERS, "/properties",
                    "apiProperties 'properties'")

    def connection_parameter(self, ctx, named):
        self._check(ctx, named.node, CONNECTION_PARAMETER_MEMBERS, named.pointer,
                    f"connection parameter '{named.name}'")
