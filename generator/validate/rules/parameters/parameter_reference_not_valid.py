
from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys, reference_shape


class ParameterReferenceNotValid(Rule):
    """A parameter ``$ref`` must have the form ``#/parameters/<name>``.

    Parameters can only be shared through the root ``parameters`` object; a reference into
    another section, to a nested member, or to another file cannot be resolved by the platform.
    References that are not even valid JSON pointers are reported as JsonPointerNotValid.

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

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{$ref: 'common.json#/parameters/top'}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1a/get/parameters/0/$ref

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /items:
            parameters: [{$ref: 'common.json#/parameters/top'}]
            get: {operationId: ListItems, responses: {'200': {description: OK}}}

    Reports: /paths/~1items/parameters/0/$ref
    """

    code = "ParameterReferenceNotValid"
    severity = Severity.ERROR
    summary = "parameter references have the form '#/parameters/<name>'"
    keys = node_keys("parameters", kinds=("path_item", "operation"))

    def _check(self, ctx, params, pointer):
        for index, param in enumerate(params if isinstance(params, list) else ()):
            if isinstance(param, dict) and "$ref" in param:
                ref = param["$ref"]
                if reference_shape(ref, "parameters") == "kind":
                    ctx.report(f"{pointer}/parameters/{index}/$ref",
                               f"the parameter reference '{ref}' is not valid",
                               "point to a shared parameter as '#/parameters/<name>'")

    def path_item(self, ctx, item):
        self._check(ctx, item.node.get("parameters"), item.pointer)

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("parameters"), op.pointer)
