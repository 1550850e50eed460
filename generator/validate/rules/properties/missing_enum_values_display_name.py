from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import element_label


class MissingEnumValuesDisplayName(Rule):
    """Every entry of ``x-ms-enum-values`` must give a ``displayName``.

    x-ms-enum-values exists to show a friendly name for each ``enum`` value in the designer's
    dropdown; an entry without ``displayName`` has nothing to show.

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
                  x-ms-enum-values: [{value: asc, displayName: Ascending}, {value: desc, displayName: Descending}]
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
                  x-ms-enum-values: [{value: asc}, {value: desc, displayName: Descending}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-enum-values/0

    Failing example::

        definitions:
          Order:
            type: object
            properties:
              sort: {type: string, enum: [asc, desc], x-ms-enum-values: [{value: asc}, {value: desc, displayName: Descending}]}

    Reports: /definitions/Order/properties/sort/x-ms-enum-values/0
    """

    code = "MissingEnumValuesDisplayName"
    severity = Severity.ERROR
    summary = "every x-ms-enum-values entry has a 'displayName'"
    keys = node_keys("x-ms-enum-values")

    def _check(self, ctx, node, pointer, label):
        entries = node.get("x-ms-enum-values")
        if not isinstance(entries, list):
            return
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and "displayName" not in entry:
                shown = f" for the value {entry['value']!r}" if "value" in entry else ""
                ctx.report(f"{pointer}/x-ms-enum-values/{index}",
                           f"the x-ms-enum-values entry{shown} of {label} has no 'displayName'",
                           "add \"displayName\": the text to show for this value")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, element_label(schema))
