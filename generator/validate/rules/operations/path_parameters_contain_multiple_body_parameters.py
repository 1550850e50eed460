from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import body_indexes


class PathParametersContainMultipleBodyParameters(Rule):
    """A path item's shared ``parameters`` may hold at most one ``in: body`` parameter.

    An HTTP request has one body; Swagger 2.0 allows one body parameter, and a path item that
    shares two with its operations gives every operation two bodies.

    Passing example::

        paths:
          /items:
            parameters: [{name: item, in: body, schema: {type: object}}]
            post: {operationId: AddItem, responses: {'200': {description: OK}}}

    Failing example::

        paths:
          /items:
            parameters:
              - {name: item, in: body, schema: {type: object}}
              - {name: extra, in: body, schema: {type: object}}
            post: {operationId: AddItem, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/1
    """

    code = "PathParametersContainMultipleBodyParameters"
    severity = Severity.ERROR
    summary = "a path item's parameters hold at most one body parameter"
    keys = {"path_item": frozenset({"parameters"})}

    def path_item(self, ctx, item):
        bodies = body_indexes(ctx, item.node.get("parameters"))
        if len(bodies) > 1:
            ctx.report(f"{item.pointer}/parameters/{bodies[1]}",
                       f"path '{item.path}' has {len(bodies)} parameters in 'body'; at most one "
                       f"is allowed", "merge them into one body parameter whose schema has both parts")
