from generator.findings import Severity
from generator.validate.rule import Rule


class PathItemRefNotSuppored(Rule):
    """A path item may not use ``$ref``; its operations must be written out in place.

    Swagger 2.0 allows a path item to reference an external definition, but the platform does
    not resolve such references, so the operations behind it would be lost.
    (The rule ID keeps Microsoft's spelling.)

    Passing example::

        paths:
          /a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /a: {$ref: 'other.json#/paths/~1a'}

    Reports: /paths/~1a/$ref
    """

    code = "PathItemRefNotSuppored"
    severity = Severity.ERROR
    summary = "a path item does not use '$ref'"
    keys = {"path_item": frozenset({"$ref"})}

    def path_item(self, ctx, item):
        if "$ref" in item.node:
            ctx.report(item.pointer + "/$ref", f"path '{item.path}' uses '$ref', which is not supported",
                       "remove the '$ref' and define the path's operations directly")
