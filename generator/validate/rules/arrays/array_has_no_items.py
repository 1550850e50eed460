from generator.findings import Severity
from generator.validate.rule import OTHER_TYPE, Rule


def _is_array(node) -> bool:
    kind = node.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


class ArrayHasNoItems(Rule):
    """A schema, parameter or header of type array must say what its items are.

    Without ``items`` the designer cannot build an input for the array's elements nor show
    them as outputs, and the platform rejects the definition.

    Passing example::

        definitions:
          Tags: {type: array, items: {type: string}}

    Failing example::

        definitions:
          Tags: {type: array}

    Reports: /definitions/Tags

    Failing example::

        paths:
          /tags:
            get:
              operationId: ListTags
              parameters: [{name: ids, in: query, type: array}]
              responses:
                '200':
                  description: OK
                  headers: {X-Ids: {type: array}}
                  schema: {type: object, properties: {tags: {type: array}}}

    Reports:
      - /paths/~1tags/get/parameters/0
      - /paths/~1tags/get/responses/200/schema/properties/tags
      - /paths/~1tags/get/responses/200/headers/X-Ids
    """

    code = "ArrayHasNoItems"
    severity = Severity.ERROR
    summary = "every array schema, parameter and header defines items"
    @classmethod
    def wants(cls, kind, role, keys, node_type=None):
        # Only arrays (or a list of types) can lack their items: most nodes never need a call.
        return node_type in ("array", OTHER_TYPE)

    def parameter(self, ctx, param):
        node = param.node
        if node.get("in") != "body" and _is_array(node) and "items" not in node:
            ctx.report(param.pointer, f"array parameter '{param.name}' does not define 'items'",
                       "add 'items' with the type of the elements, e.g. {type: string}")

    def schema(self, ctx, schema):
        node = schema.node
        if "$ref" in node or not _is_array(node) or "items" in node:
            return
        what = f"'{schema.name}'" if schema.name else "schema"
        ctx.report(schema.pointer, f"array {what} does not define 'items'",
                   "add 'items' describing the elements, e.g. {type: string}")
