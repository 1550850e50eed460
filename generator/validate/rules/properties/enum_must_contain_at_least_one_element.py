from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import element_label


class EnumMustContainAtLeastOneElement(Rule):
    """An ``enum`` array, when present, must list at least one value.

    ``enum`` restricts a value to the listed choices; an empty list admits no value at all, so
    the parameter or property could never be filled. Remove ``enum`` when any value is allowed.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: order, in: query, type: string, enum: [asc, desc]}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: order, in: query, type: string, enum: []}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/enum

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: states, in: query, type: array, items: {type: string, enum: []}}]
              responses: {'200': {description: OK}}
        definitions:
          Order: {type: object, properties: {tags: {type: array, items: {type: string, enum: []}}}}

    Reports:
      - /paths/~1items/get/parameters/0/items/enum
      - /definitions/Order/properties/tags/items/enum
    """

    code = "EnumMustContainAtLeastOneElement"
    severity = Severity.ERROR
    summary = "an 'enum' array is not empty"
    keys = node_keys("enum")

    def _check(self, ctx, node, pointer, label):
        if node.get("enum") == []:
            ctx.report(pointer + "/enum", f"the 'enum' of {label} is empty",
                       "list the allowed values, or remove 'enum'")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, element_label(schema))
