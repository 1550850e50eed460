
from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys, reference_shape, target_exists


class ParameterReferenceNotFound(Rule):
    """A ``#/parameters/<name>`` reference must name a parameter defined under ``parameters``.

    A dangling reference leaves the operation without the parameter it expects; usually the
    shared parameter was renamed or removed.

    Passing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/$ref

    Failing example::

        paths:
          /items:
            parameters: [{$ref: '#/parameters/top'}]
            get: {operationId: ListItems, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/0/$ref
    """

    code = "ParameterReferenceNotFound"
    severity = Severity.ERROR
    summary = "parameter references point to a defined shared parameter"
    keys = node_keys("parameters", kinds=("path_item", "operation"))

    def _check(self, ctx, params, pointer):
        for index, param in enumerate(params if isinstance(params, list) else ()):
            if isinstance(param, dict) and "$ref" in param:
                ref = param["$ref"]
                if reference_shape(ref, "parameters") == "ok" \
                        and not target_exists(ctx.swagger, ref, "parameters"):
                    ctx.report(f"{pointer}/parameters/{index}/$ref",
                               f"the parameter reference '{ref}' could not be found",
                               "define the parameter under the root 'parameters' or fix the name")

    def path_item(self, ctx, item):
        self._check(ctx, item.node.get("parameters"), item.pointer)

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("parameters"), op.pointer)
