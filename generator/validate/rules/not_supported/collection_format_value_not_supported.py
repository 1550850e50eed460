from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

SUPPORTED = ("csv", "ssv", "tsv", "pipes")


class CollectionFormatValueNotSupported(Rule):
    """``collectionFormat`` must be one the platform can serialize: csv, ssv, tsv or pipes.

    The connector runtime joins an array into a single value; it cannot repeat a query or form
    field per element, so ``multi`` (documented as rejected by Microsoft's import) and values
    outside Swagger 2.0's list fail. Corpus connectors only use ``csv``; ``ssv``, ``tsv`` and
    ``pipes`` are accepted here because they are single-value joins too.

    Passing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters:
              - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: csv}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters:
              - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: multi}
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/collectionFormat

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: ids, in: query, type: array, collectionFormat: csv,
                   items: {type: array, items: {type: string}, collectionFormat: multi}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/items/collectionFormat
    """

    code = "CollectionFormatValueNotSupported"
    severity = Severity.ERROR
    summary = "collectionFormat is csv, ssv, tsv or pipes (not multi)"
    keys = node_keys("collectionFormat")

    def _check(self, ctx, node, pointer, name):
        if "collectionFormat" not in node:
            return
        value = node["collectionFormat"]
        if isinstance(value, str) and value in SUPPORTED:
            return
        what = f"'{name}'" if name else "this array"
        ctx.report(pointer + "/collectionFormat",
                   f"collectionFormat '{value}' of {what} is not supported",
                   "use 'csv' (comma-separated values) or pass the values as one string")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, param.name)

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, schema.name)
