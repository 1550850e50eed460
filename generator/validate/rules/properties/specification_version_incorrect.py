from generator.findings import Severity
from generator.validate.rule import Rule


class SpecificationVersionIncorrect(Rule):
    """The ``swagger`` member must be the string ``"2.0"``.

    Power Platform connectors are described in Swagger (OpenAPI) 2.0 only; a document that
    declares another version (OpenAPI 3, a number ``2.0`` instead of a string, or none at all) is
    not read as a connector definition.

    Passing example::

        swagger: '2.0'

    Failing example::

        swagger: '3.0'

    Reports: /swagger
    """

    code = "SpecificationVersionIncorrect"
    severity = Severity.ERROR
    summary = "the 'swagger' member is the string \"2.0\""

    def document(self, ctx, doc):
        if "swagger" not in doc:
            ctx.report("", "the document has no 'swagger' member",
                       'add "swagger": "2.0" at the top of the definition')
            return
        value = doc["swagger"]
        if value != "2.0" or not isinstance(value, str):
            ctx.report("/swagger", f"the 'swagger' member is {value!r}; it must be the string \"2.0\"",
                       'set "swagger": "2.0"; only Swagger 2.0 definitions are supported')
