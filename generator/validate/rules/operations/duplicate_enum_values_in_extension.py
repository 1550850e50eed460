from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.operations._helpers import canonical, enum_values_entries


class DuplicateEnumValuesInExtension(Rule):
    """Each value may appear only once in ``x-ms-enum-values``.

    x-ms-enum-values gives each enum value its display name; two entries for the same value
    leave the designer with two names for one choice.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - name: order
                  in: query
                  type: string
                  enum: [asc, desc]
                  x-ms-enum-values: [{value: asc, displayName: Ascending},
                                     {value: desc, displayName: Descending}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - name: order
                  in: query
                  type: string
                  enum: [asc, desc]
                  x-ms-enum-values: [{value: asc, displayName: Ascending},
                                     {value: asc, displayName: Oldest first}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-enum-values/1

    Failing example::

        definitions:
          Order:
            type: object
            properties:
              sort:
                type: string
                enum: [asc, desc]
                x-ms-enum-values: [{value: asc, displayName: Ascending}, {value: asc, displayName: Oldest first}]

    Reports: /definitions/Order/properties/sort/x-ms-enum-values/1
    """

    code = "DuplicateEnumValuesInExtension"
    severity = Severity.ERROR
    summary = "x-ms-enum-values maps each value to only one display name"
    keys = node_keys("x-ms-enum-values")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer,
                    f"schema '{schema.name}'" if schema.name else "a schema")

    @staticmethod
    def _check(ctx, node, pointer, label):
        seen = set()
        for index, entry in enum_values_entries(node):
            if "value" not in entry:
                continue
            marker = canonical(entry["value"])
            if marker in seen:
                ctx.report(f"{pointer}/x-ms-enum-values/{index}",
                           f"x-ms-enum-values of {label} lists the value {marker} more than once",
                           "keep one entry (one display name) per value")
            seen.add(marker)
