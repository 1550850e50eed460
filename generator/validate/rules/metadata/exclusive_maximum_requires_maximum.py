"""ExclusiveMaximumRequiresMaximum (its base ``SchemaKeywordRule`` is in ``_helpers`` and ``rules._common``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules._common import node_keys
from generator.validate.rules.metadata._helpers import SchemaKeywordRule


class ExclusiveMaximumRequiresMaximum(SchemaKeywordRule):
    """``exclusiveMaximum`` may only be used together with ``maximum``.

    In swagger 2.0 ``exclusiveMaximum`` is a flag that says whether the ``maximum`` value itself
    is allowed; without a ``maximum`` it bounds nothing, which usually means a JSON-schema draft 6
    style number was written in the wrong keyword. ``exclusiveMaximum: false`` alone (the default, which
    generated swaggers write out) is tolerated, as the platform accepts it.

    Passing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, maximum: 100, exclusiveMaximum: true}}}

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, exclusiveMaximum: true}}}

    Reports: /definitions/Page/properties/size/exclusiveMaximum
    """

    code = "ExclusiveMaximumRequiresMaximum"
    severity = Severity.ERROR
    summary = "'exclusiveMaximum' is used only together with 'maximum'"
    keys = node_keys("exclusiveMaximum")

    def check(self, ctx, node, pointer, where):
        if "exclusiveMaximum" in node and node["exclusiveMaximum"] is not False and "maximum" not in node:
            ctx.report(pointer + "/exclusiveMaximum",
                       f"{where} uses 'exclusiveMaximum' without 'maximum'",
                       "add the 'maximum' value it qualifies, or remove 'exclusiveMaximum'")
