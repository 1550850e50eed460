import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

VARIABLE = re.compile(r"\{([^{}/]*)\}")


def template_variables(path: str) -> set[str]:
    return {name.split("=")[0] for name in VARIABLE.findall(path)}


class PathParameterNotDefinedInTemplate(Rule):
    """Every ``in: path`` parameter must appear as ``{name}`` in the path it belongs to.

    A path parameter's value is put into the URL where its ``{name}`` stands; when the template
    has no such variable (often a typo or a changed case) the value has nowhere to go. Parameters
    given by ``$ref`` are resolved first; the check covers both the path item's and the
    operation's parameter lists.

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: itemId, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1{id}/get/parameters/0

    Failing example::

        paths:
          /items/{id}:
            parameters: [{name: id, in: path, required: true, type: string}, {name: itemId, in: path, required: true, type: string}]
            get: {operationId: GetItem, responses: {'200': {description: OK}}}

    Reports: /paths/~1items~1{id}/parameters/1
    """

    code = "PathParameterNotDefinedInTemplate"
    severity = Severity.ERROR
    summary = "path parameters appear as {name} in their path template"
    keys = node_keys("parameters", kinds=("path_item", "operation"))

    def path_item(self, ctx, item):
        self._check(ctx, item.path, item.node.get("parameters"), f"{item.pointer}/parameters")

    def operation(self, ctx, op):
        self._check(ctx, op.path, op.node.get("parameters"), f"{op.pointer}/parameters")

    def _check(self, ctx, path, params, base):
        if not isinstance(params, list) or path.startswith("x-"):
            return
        names = template_variables(path)
        for index, raw in enumerate(params):
            param = ctx.deref(raw)
            if not isinstance(param, dict) or param.get("in") != "path":
                continue
            name = param.get("name")
            if isinstance(name, str) and name not in names:
                ctx.report(f"{base}/{index}",
                           f"path parameter '{name}' does not appear in the path template '{path}'",
                           f"put {{{name}}} in the path where the value belongs, or fix the "
                           f"parameter's name or location")
