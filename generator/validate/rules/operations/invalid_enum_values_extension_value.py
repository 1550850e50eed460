from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.operations._helpers import canonical, enum_values_entries


class InvalidEnumValuesExtensionValue(Rule):
    """Every ``value`` in ``x-ms-enum-values`` must be one of the element's ``enum`` values.

    x-ms-enum-values only supplies display names for the choices that ``enum`` defines; an entry
    for a value outside ``enum`` (or on an element without ``enum``) names a choice that does not
    exist. For an array element without ``enum`` the ``enum`` of its ``items`` counts. Values are
    compared exactly, so ``1`` does not match ``"1"``.

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
                  x-ms-enum-values: [{value: asc, displayName: Ascending}]
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
                  x-ms-enum-values: [{value: ascending, displayName: Ascending}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-enum-values/0/value

    Failing example::

        definitions:
          Order:
            type: object
            properties:
              sort: {type: string, enum: [asc, desc], x-ms-enum-values: [{value: ascending, displayName: Ascending}]}

    Reports: /definitions/Order/properties/sort/x-ms-enum-values/0/value
    """

    code = "InvalidEnumValuesExtensionValue"
    severity = Severity.ERROR
    summary = "each x-ms-enum-values value is one of the 'enum' values"
    keys = node_keys("x-ms-enum-values")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer,
                    f"schema '{schema.name}'" if schema.name else "a schema")

    @staticmethod
    def _check(ctx, node, pointer, label):
        entries = enum_values_entries(node)
        if not entries:
            return
        enum = node.get("enum")
        items = node.get("items")
        if enum is None and isinstance(items, dict):
            enum = items.get("enum")  # an array element whose choices sit on its items
        allowed = {canonical(v) for v in enum} if isinstance(enum, list) else set()
        for index, entry in entries:
            if "value" not in entry:
                continue
            marker = canonical(entry["value"])
            if marker in allowed:
                continue
            where = "its 'enum'" if isinstance(enum, list) else "an 'enum' (there is none)"
            ctx.report(f"{pointer}/x-ms-enum-values/{index}/value",
                       f"x-ms-enum-values of {label} describes {marker}, which is not in {where}",
                       "use one of the 'enum' values, or add the value to 'enum'")
