from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


class ResponseRefLoopNotAllowed(Rule):
    """A shared response under ``/responses`` must be defined in place, not as a ``$ref``.

    Operations reference shared responses with ``#/responses/<name>``; a definition that is
    itself a reference creates chains (and possibly loops) of references the platform refuses.

    Passing example::

        responses:
          NotFound: {description: Not found}

    Failing example::

        responses:
          NotFound: {description: Not found}
          Missing: {$ref: '#/responses/NotFound'}

    Reports: /responses/Missing/$ref
    """

    code = "ResponseRefLoopNotAllowed"
    severity = Severity.ERROR
    summary = "a shared response definition is not itself a '$ref'"

    def document(self, ctx, doc):
        responses = doc.get("responses")
        for name, node in (responses.items() if isinstance(responses, dict) else ()):
            if isinstance(node, dict) and "$ref" in node:
                ctx.report(pointer_of("responses", name, "$ref"),
                           f"shared response '{name}' uses '$ref' to point to another definition",
                           "copy the referenced response's fields into this definition")
