from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import ResponsePathRule, follow_path, is_array, path_steps


class InvokedOperationShouldProduceProperty(ResponsePathRule):
    """The properties a dynamic extension reads must exist in the invoked operation's response.

    x-ms-dynamic-values (``value-path``, ``value-title``), x-ms-dynamic-list and the steps of
    x-ms-dynamic-tree (``itemValuePath``, ``itemTitlePath``) read each option's value and title
    from a property of the items of the returned list; x-ms-dynamic-schema (``value-path``) and
    x-ms-dynamic-properties (``itemValuePath``) read the schema from a property of the response.
    A path the response schema does not define yields empty options or no schema. Only schemas
    that declare their properties and allow no others are judged; open or untyped schemas, and
    operations without a response schema, are given the benefit of the doubt, as are names that
    differ only in case. 9 accepted corpus connectors have such mismatches (a misspelt
    ``value-title``, a ``value-path`` naming a property the schema lacks); they are reported.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: value, value-path: id,
                                         value-title: name}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties:
                      value: {type: array, items: {type: object, properties: {id: {type: string}, name: {type: string}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: value, value-path: kindId,
                                         value-title: name}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties:
                      value: {type: array, items: {type: object, properties: {id: {type: string}, name: {type: string}}}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values/value-path
    """

    code = "InvokedOperationShouldProduceProperty"
    severity = Severity.ERROR
    summary = "paths a dynamic extension reads are defined in the invoked operation's response"

    def judge(self, ctx, index, invocation, target, schema, list_key, property_keys):
        base, where = schema, "the successful response"
        if list_key is not None:
            steps = path_steps(invocation.node.get(list_key))
            found = follow_path(index, schema, steps)
            if found.state != "found" or is_array(found.node) is not True:
                return  # the list itself is InvokedOperationShouldProduceArray's business
            base = index.schema(found.node.get("items"))
            where = "each list item of the successful response"
        for key in property_keys:
            raw = invocation.node.get(key)
            steps = path_steps(raw)
            if not steps:
                continue
            found = follow_path(index, base, steps)
            if found.state != "missing":
                continue
            ctx.report(f"{invocation.pointer}/{key}",
                       f"{invocation.extension} expects a property at '{raw}' in {where} of "
                       f"operation {target.label}, but its schema has no property '{found.step}'",
                       f"correct '{key}', or define the property in {target.label}'s response "
                       "schema")
