from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import DynamicInvocationRule, arguments, body_property_names


class OperationParameterNameIsAmbiguous(DynamicInvocationRule):
    """A name passed by x-ms-dynamic-values/-schema must not name both a parameter and a body field.

    In the first, flat syntax of these extensions the keys of ``parameters`` are plain names, and a
    top-level property of the invoked operation's body counts as an input of its own. When the
    invoked operation has a parameter and a body property of the same name, nothing tells which
    one receives the value. The newer x-ms-dynamic-list/-properties syntax names inputs by full
    path (``body/id``) and is never ambiguous, so only the first syntax is checked.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {id: x}}}
              responses: {'200': {description: OK}}
          /kinds/{id}:
            post:
              operationId: ListKinds
              parameters:
                - {name: id, in: path, required: true, type: string}
                - {name: body, in: body, schema: {type: object, properties: {name: {type: string}}}}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, parameters: {id: x}}}
              responses: {'200': {description: OK}}
          /kinds/{id}:
            post:
              operationId: ListKinds
              parameters:
                - {name: id, in: path, required: true, type: string}
                - {name: body, in: body, schema: {type: object, properties: {id: {type: string}}}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values/parameters/id
    """

    code = "OperationParameterNameIsAmbiguous"
    severity = Severity.ERROR
    summary = "a dynamic-values/-schema input name is not both a parameter and a body property"

    def check(self, ctx, index, invocation):
        if not invocation.legacy:
            return
        target = index.find(invocation.operation_id)
        if target is None:
            return
        names = {str(p.get("name")) for p in index.parameters(target)
                 if "name" in p and p.get("in") != "body"}
        properties = body_property_names(index, target)
        for arg in arguments(invocation):
            if arg.key in names and arg.key in properties:
                ctx.report(arg.pointer,
                           f"{invocation.extension} passes '{arg.key}' to operation {target.label}, "
                           f"which has both a parameter and a body property of that name",
                           "rename the parameter or the body property, or use x-ms-dynamic-list/"
                           "x-ms-dynamic-properties, which name inputs by their full path")
