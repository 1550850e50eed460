from generator.findings import Severity, escape_token
from generator.validate.rule import Rule


class AdditionalPropertyNotAllowedAdjacentToRef(Rule):
    """A parameter or response given by ``$ref`` must not carry other members.

    A Reference Object is replaced by its target; members written beside ``$ref`` (a
    ``description``, ``required: true``, a ``schema``) are silently dropped, so the definition
    does not mean what it says. Change the shared definition, or define the parameter or response
    inline.

    What is checked: references in the parameter lists of path items and operations, and in
    operation responses. Schema references are not judged: 26 certified connectors put a
    ``description`` or ``title`` beside a schema ``$ref`` and were accepted.

    Passing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{$ref: '#/parameters/top', required: true}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/required

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            parameters: [{$ref: '#/parameters/top', description: How many}]
            get: {operationId: ListItems, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/0/description
    """

    code = "AdditionalPropertyNotAllowedAdjacentToRef"
    severity = Severity.ERROR
    summary = "no other members beside '$ref' in parameter and response references"
    keys = {"path_item": frozenset({"parameters"}), "operation": frozenset({"parameters", "responses"})}

    def _check(self, ctx, node, pointer, what):
        if not isinstance(node, dict) or "$ref" not in node:
            return
        for key in node:
            if key != "$ref":
                ctx.report(f"{pointer}/{escape_token(key)}",
                           f"{what} uses '$ref', so the member '{key}' beside it is not allowed",
                           f"remove '{key}'; change the referenced definition instead, or define "
                           f"the element inline without '$ref'")

    def _parameters(self, ctx, owner, pointer, where):
        params = owner.get("parameters")
        for index, param in enumerate(params if isinstance(params, list) else ()):
            self._check(ctx, param, f"{pointer}/parameters/{index}", f"a parameter of {where}")

    def path_item(self, ctx, item):
        self._parameters(ctx, item.node, item.pointer, f"path '{item.path}'")

    def operation(self, ctx, op):
        self._parameters(ctx, op.node, op.pointer, f"operation {op.label}")
        responses = op.node.get("responses")
        for status, response in (responses.items() if isinstance(responses, dict) else ()):
            self._check(ctx, response, f"{op.pointer}/responses/{escape_token(status)}",
                        f"response '{status}' of operation {op.label}")
