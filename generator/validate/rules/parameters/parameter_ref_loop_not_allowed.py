from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


class ParameterRefLoopNotAllowed(Rule):
    """A shared parameter under ``/parameters`` must be defined in place, not as a ``$ref``.

    Operations reference shared parameters with ``#/parameters/<name>``; if that definition is
    itself a reference, chains (and loops) of references follow, which the platform refuses.

    Passing example::

        parameters:
          top: {name: top, in: query, type: integer}

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
          limit: {$ref: '#/parameters/top'}

    Reports: /parameters/limit/$ref
    """

    code = "ParameterRefLoopNotAllowed"
    severity = Severity.ERROR
    summary = "a shared parameter definition is not itself a '$ref'"

    def document(self, ctx, doc):
        params = doc.get("parameters")
        for name, node in (params.items() if isinstance(params, dict) else ()):
            if isinstance(node, dict) and "$ref" in node:
                ctx.report(pointer_of("parameters", name, "$ref"),
                           f"shared parameter '{name}' uses '$ref' to point to another definition",
                           "copy the referenced parameter's fields into this definition")
