from generator.findings import Severity
from generator.validate.rule import Rule


def _parameters(ctx, op):
    """name → (pointer, node) of the operation's parameters (path-level first), refs resolved."""
    found = {}
    for owner, pointer in ((op.path_item.node, op.path_item.pointer), (op.node, op.pointer)):
        params = owner.get("parameters")
        for index, param in enumerate(params if isinstance(params, list) else ()):
            param = ctx.deref(param)
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                found[param["name"]] = (f"{pointer}/parameters/{index}", param)
    return found


def _type(ctx, param):
    if param.get("in") == "body":
        schema = ctx.deref(param.get("schema"))
        return schema.get("type", "object") if isinstance(schema, dict) else None
    return param.get("type")


def _visibility(param):
    value = param.get("x-ms-visibility")
    return "none" if value in (None, "") else value


class ParamtersWithSameNameMustHaveSameTypeAndVisibility(Rule):
    """A fetch trigger and its ``x-ms-notification`` subscribe operation declare shared parameters alike.

    The platform passes the trigger's inputs on to the subscription operation by name, so a
    parameter that exists in both must have the same type and the same ``x-ms-visibility``,
    otherwise the value cannot be forwarded or is shown to the user in one and hidden in the
    other. (The rule ID keeps Microsoft's spelling.)

    Passing example::

        paths:
          /items:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              x-ms-notification: {operationId: Subscribe}
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}
          /subscriptions:
            post:
              operationId: Subscribe
              parameters: [{name: folder, in: query, type: string}]
              responses: {'201': {description: Created}}

    Failing example::

        paths:
          /items:
            get:
              operationId: OnNewItem
              x-ms-trigger: batch
              x-ms-notification: {operationId: Subscribe}
              parameters: [{name: folder, in: query, type: string}]
              responses: {'200': {description: OK}}
          /subscriptions:
            post:
              operationId: Subscribe
              parameters: [{name: folder, in: query, type: integer, x-ms-visibility: internal}]
              responses: {'201': {description: Created}}

    Reports: /paths/~1items/get/parameters/0
    """

    code = "ParamtersWithSameNameMustHaveSameTypeAndVisibility"
    severity = Severity.ERROR
    summary = "fetch and subscribe operations declare same-named parameters alike"
    keys = {"operation": frozenset({"x-ms-notification"})}

    def operation(self, ctx, op):
        notification = op.node.get("x-ms-notification")
        if not isinstance(notification, dict):
            return
        target_id = notification.get("operationId")
        target = next((o for o in ctx.operations
                       if o.operation_id == target_id and o.pointer != op.pointer), None)
        if target is None:
            return
        theirs = _parameters(ctx, target)
        for name, (pointer, mine) in _parameters(ctx, op).items():
            if name not in theirs:
                continue
            other = theirs[name][1]
            if _type(ctx, mine) != _type(ctx, other) or _visibility(mine) != _visibility(other):
                ctx.report(pointer,
                           f"parameter '{name}' of fetch operation {op.label} differs in type or "
                           f"visibility from the one in subscribe operation {target.label}",
                           "give both parameters the same 'type' and 'x-ms-visibility'")
