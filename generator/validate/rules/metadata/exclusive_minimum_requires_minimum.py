from generator.findings import Severity
from generator.validate.rules._common import node_keys
from generator.validate.rules.metadata._helpers import SchemaKeywordRule


class ExclusiveMinimumRequiresMinimum(SchemaKeywordRule):
    """``exclusiveMinimum`` may only be used together with ``minimum``.

    In swagger 2.0 ``exclusiveMinimum`` is a flag that says whether the ``minimum`` value itself
    is allowed; without a ``minimum`` it bounds nothing, which usually means a JSON-schema draft 6
    style number was written in the wrong keyword. ``exclusiveMinimum: false`` alone (the default, which
    generated swaggers write out) is tolerated, as the platform accepts it.

    Passing example::

        definitions:
          Price: {type: object, properties: {amount: {type: number, minimum: 0, exclusiveMinimum: true}}}

    Failing example::

        definitions:
          Price: {type: object, properties: {amount: {type: number, exclusiveMinimum: true}}}

    Reports: /definitions/Price/properties/amount/exclusiveMinimum
    """

    code = "ExclusiveMinimumRequiresMinimum"
    severity = Severity.ERROR
    summary = "'exclusiveMinimum' is used only together with 'minimum'"
    keys = node_keys("exclusiveMinimum")

    def check(self, ctx, node, pointer, where):
        if "exclusiveMinimum" in node and node["exclusiveMinimum"] is not False and "minimum" not in node:
            ctx.report(pointer + "/exclusiveMinimum",
                       f"{where} uses 'exclusiveMinimum' without 'minimum'",
                       "add the 'minimum' value it qualifies, or remove 'exclusiveMinimum'")
