import re

from generator.findings import Severity
from generator.validate.rule import Rule

VARIABLE = re.compile(r"\{([^{}/]*)\}")


class OperationPathVariablesContainDefaults(Rule):
    """A path template variable must not set a default value with ``=`` (``{id=1}``).

    Swagger 2.0 path templates only name a variable; the value always comes from the path
    parameter of that name, whose ``default`` keyword is the place for a default. The ``{name=x}``
    form of other template languages is not understood and the variable cannot be bound.

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id=1}: {get: {operationId: GetItem, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1{id=1}
    """

    code = "OperationPathVariablesContainDefaults"
    severity = Severity.ERROR
    summary = "path template variables do not set defaults with '='"

    def path_item(self, ctx, item):
        if item.path.startswith("x-"):
            return
        for name in VARIABLE.findall(item.path):
            if "=" in name:
                ctx.report(item.pointer,
                           f"path '{item.path}' sets a default in its variable '{{{name}}}'",
                           f"write '{{{name.split('=')[0]}}}' and give the path parameter a "
                           f"'default' instead, if it needs one")
