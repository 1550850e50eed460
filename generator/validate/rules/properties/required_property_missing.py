from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import member

#: Members Microsoft's extension objects cannot do without.
EXTENSION_REQUIRED = {"x-ms-dynamic-list": ("operationId",), "x-ms-dynamic-schema": ("operationId",),
                      "x-ms-dynamic-properties": ("operationId",), "x-ms-pageable": ("nextLinkName",)}


class RequiredPropertyMissing(Rule):
    """Microsoft's extension objects and apiProperties.json must have their required members.

    Checked: ``operationId`` of ``x-ms-dynamic-list``, ``-schema`` and ``-properties`` (the
    operation to call); ``nextLinkName`` of ``x-ms-pageable``; ``value`` of each
    ``x-ms-enum-values`` entry; ``propertyName`` and ``propertyValue`` of each
    ``x-ms-connector-metadata`` entry; and in apiProperties.json ``properties`` with its
    ``iconBrandColor``, the ``type`` of each connection parameter, the ``identityProvider`` of
    ``oAuthSettings`` and the ``templateId`` of each policy template instance. Without them the
    setting cannot be applied. (Standard Swagger members are checked by the OpenAPI validation;
    ``x-ms-dynamic-values`` is OneOfPropertiesRequired's.)

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-pageable: {nextLinkName: '@odata.nextLink'}, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-pageable: {}, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/x-ms-pageable

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: body, in: body, schema: {type: object, x-ms-dynamic-schema: {value-path: schema}}}
              responses: {'200': {description: OK}}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {uiDefinition: {displayName: API key}}

    Reports:
      - /paths/~1items/get/parameters/0/schema/x-ms-dynamic-schema
      - /properties
      - /properties/connectionParameters/api_key
    """

    code = "RequiredPropertyMissing"
    severity = Severity.ERROR
    summary = "Microsoft extension objects and apiProperties have their required members"
    keys = node_keys(*EXTENSION_REQUIRED, "x-ms-enum-values", kinds=("schema", "parameter", "operation"))

    def _require(self, ctx, holder, names, pointer, where, case_insensitive=False):
        if not isinstance(holder, dict):
            return
        for name in names:
            present = member(holder, name) is not None if case_insensitive else name in holder
            if not present:
                ctx.report(pointer, f"the '{name}' property of {where} is required",
                           f"add '{name}' to {where}")

    def _extensions(self, ctx, node, pointer, where):
        for key, names in EXTENSION_REQUIRED.items():
            self._require(ctx, node.get(key), names, f"{pointer}/{key}", f"{key} of {where}")
        entries = node.get("x-ms-enum-values")
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            self._require(ctx, entry, ("value",), f"{pointer}/x-ms-enum-values/{index}",
                          f"x-ms-enum-values entry {index} of {where}")

    def document(self, ctx, doc):
        entries = doc.get("x-ms-connector-metadata")
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            self._require(ctx, entry, ("propertyName", "propertyValue"),
                          f"/x-ms-connector-metadata/{index}", f"x-ms-connector-metadata entry {index}",
                          case_insensitive=True)

    def operation(self, ctx, op):
        self._extensions(ctx, op.node, op.pointer, f"operation {op.label}")

    def parameter(self, ctx, param):
        self._extensions(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._extensions(ctx, schema.node, schema.pointer,
                         f"schema '{schema.name}'" if schema.name else "a schema")

    def properties(self, ctx, doc):
        if "properties" not in doc:
            ctx.report("/properties", "the 'properties' property of apiProperties.json is required",
                       "put the connector's settings under a top-level 'properties' object")
            return
        props = doc["properties"]
        self._require(ctx, props, ("iconBrandColor",), "/properties", "apiProperties 'properties'")
        instances = props.get("policyTemplateInstances") if isinstance(props, dict) else None
        for index, instance in enumerate(instances if isinstance(instances, list) else ()):
            self._require(ctx, instance, ("templateId",), f"/properties/policyTemplateInstances/{index}",
                          f"policy template instance {index}")

    def connection_parameter(self, ctx, named):
        where = f"connection parameter '{named.name}'"
        self._require(ctx, named.node, ("type",), named.pointer, where)
        if isinstance(named.node, dict):
            self._require(ctx, named.node.get("oAuthSettings"), ("identityProvider",),
                          named.pointer + "/oAuthSettings", f"the oAuthSettings of {where}")
