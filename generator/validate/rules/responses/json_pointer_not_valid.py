from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule
from generator.validate.rules._common import reference_shape


class JsonPointerNotValid(Rule):
    """A local ``$ref`` must be a well-formed JSON pointer (RFC 6901) after the '#'.

    The part after '#' must be empty or start with '/', and '~' may only appear as the escapes
    '~0' and '~1' ('%' only as a percent-escape). A malformed pointer cannot be resolved at all.
    Well-formed references to the wrong place are reported by the Parameter/Response/Schema
    ReferenceNotValid rules instead.

    Passing example::

        definitions:
          Pet: {type: object}
          Pets: {type: array, items: {$ref: '#/definitions/Pet'}}

    Failing example::

        definitions:
          Pet: {type: object}
          Pets: {type: array, items: {$ref: '#definitions/Pet'}}

    Reports: /definitions/Pets/items/$ref

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        responses:
          Failure: {description: Failure}
        paths:
          /items:
            parameters: [{$ref: '#parameters/top'}]
            get:
              operationId: ListItems
              parameters: [{$ref: '#parameters/top'}]
              responses: {'200': {description: OK}, default: {$ref: '#responses/Failure'}}

    Reports:
      - /paths/~1items/parameters/0/$ref
      - /paths/~1items/get/parameters/0/$ref
      - /paths/~1items/get/responses/default/$ref
    """

    code = "JsonPointerNotValid"
    severity = Severity.ERROR
    summary = "local '$ref' values are valid JSON pointers"
    keys = {"schema": frozenset({"$ref"}), "path_item": frozenset({"parameters"}),
            "operation": frozenset({"parameters", "responses"})}

    def _check(self, ctx, node, pointer):
        if isinstance(node, dict) and "$ref" in node \
                and reference_shape(node["$ref"], "") == "pointer":
            ctx.report(pointer + "/$ref", f"the JSON pointer in '{node['$ref']}' is not valid",
                       "write it as '#/<section>/<name>', escaping '~' as '~0' and '/' as '~1'")

    def _check_list(self, ctx, params, pointer):
        for index, param in enumerate(params if isinstance(params, list) else ()):
            self._check(ctx, param, f"{pointer}/parameters/{index}")

    def document(self, ctx, doc):
        for section in ("parameters", "responses"):
            entries = doc.get(section)
            for name, node in (entries.items() if isinstance(entries, dict) else ()):
                self._check(ctx, node, pointer_of(section, name))

    def path_item(self, ctx, item):
        self._check_list(ctx, item.node.get("parameters"), item.pointer)

    def operation(self, ctx, op):
        self._check_list(ctx, op.node.get("parameters"), op.pointer)
        responses = op.node.get("responses")
        for status, resp in (responses.items() if isinstance(responses, dict) else ()):
            self._check(ctx, resp, op.pointer + pointer_of("responses", status))

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer)
