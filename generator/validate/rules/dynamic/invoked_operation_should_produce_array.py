"""InvokedOperationShouldProduceArray (its base ``ResponsePathRule`` and the response-path helpers
are in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import ResponsePathRule, follow_path, is_array, path_steps


class InvokedOperationShouldProduceArray(ResponsePathRule):
    """The list a dynamic extension reads must be an array in the invoked operation's response.

    x-ms-dynamic-values (``value-collection``), x-ms-dynamic-list and the steps of
    x-ms-dynamic-tree (``itemsPath``) take the options of a dropdown or picker from an array in
    the successful response of the operation they call; without the path, the response itself
    must be the array. When the response schema declares that place as something else, or its
    declared properties do not include the path, the dropdown stays empty. Open or untyped
    schemas (no declared properties, ``additionalProperties``), plain types used as placeholders
    (``type: string``), names that differ only in case, and operations without a response schema
    are given the benefit of the doubt. 13 accepted corpus connectors still have such mismatches
    (``value-collection: value`` where the schema says ``values``, an object response without
    ``value-collection``); they are reported, as the dropdowns they describe cannot be filled
    from the declared response.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: value, value-path: id}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties: {value: {type: array, items: {type: object, properties: {id: {type: string}}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: kinds, value-path: id}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties: {value: {type: array, items: {type: object, properties: {id: {type: string}}}}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values/value-collection
    """

    code = "InvokedOperationShouldProduceArray"
    severity = Severity.ERROR
    summary = "the list path of a dynamic extension is an array in the invoked operation's response"

    def judge(self, ctx, index, invocation, target, schema, list_key, property_keys):
        if list_key is None:
            return
        raw = invocation.node.get(list_key)
        steps = path_steps(raw)
        found = follow_path(index, schema, steps)
        if found.state == "unknown" or (found.state == "found" and is_array(found.node) is not False):
            return
        path = "/".join(steps) or "(the response root)"
        ctx.report(invocation.pointer + (f"/{list_key}" if raw is not None else ""),
                   f"{invocation.extension} expects an array at '{path}' in the successful "
                   f"response of operation {target.label}, but "
                   + (f"its schema has no property '{found.step}'" if found.state == "missing"
                      else "its schema is not an array there"),
                   f"point '{list_key}' at the array of items in {target.label}'s response, or "
                   "define that array in the response schema")
