from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import body_indexes


class OperationParametersContainMultipleBodyParameters(Rule):
    """An operation may have at most one ``in: body`` parameter.

    An HTTP request has one body, and Swagger 2.0 allows one body parameter per operation. The
    operation's own list is counted, plus a body parameter it inherits from its path item under
    another name (an inherited one of the same name is overridden, not added).

    Passing example::

        paths:
          /items:
            post:
              operationId: AddItem
              parameters: [{name: item, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            post:
              operationId: AddItem
              parameters:
                - {name: item, in: body, schema: {type: object}}
                - {name: extra, in: body, schema: {type: object}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/post/parameters/1
    """

    code = "OperationParametersContainMultipleBodyParameters"
    severity = Severity.ERROR
    summary = "an operation has at most one body parameter"

    def operation(self, ctx, op):
        own = op.node.get("parameters")
        bodies = body_indexes(ctx, own)
        names = {str(ctx.deref(own[i]).get("name")) for i in bodies}
        shared = op.path_item.node.get("parameters")
        inherited = [i for i in body_indexes(ctx, shared)
                     if str(ctx.deref(shared[i]).get("name")) not in names]
        total = len(bodies) + len(inherited)
        if total > 1:
            pointer = f"{op.pointer}/parameters/{bodies[1]}" if len(bodies) > 1 else (
                f"{op.pointer}/parameters/{bodies[0]}" if bodies else op.pointer)
            ctx.report(pointer,
                       f"operation {op.label} has {total} parameters in 'body'"
                       f"{' (counting its path item)' if inherited else ''}; at most one is allowed",
                       "merge them into one body parameter whose schema has both parts")
