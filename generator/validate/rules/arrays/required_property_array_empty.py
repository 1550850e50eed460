from generator.findings import Severity
from generator.validate.rule import Rule


class RequiredPropertyArrayEmpty(Rule):
    """A schema's ``required`` list, when present, must name at least one property.

    An empty ``required`` array says nothing and Microsoft's validator rejects it; leave the
    keyword out when no property is required.

    Passing example::

        definitions:
          Contact: {type: object, required: [name], properties: {name: {type: string}}}

    Failing example::

        definitions:
          Contact: {type: object, required: [], properties: {name: {type: string}}}

    Reports: /definitions/Contact/required
    """

    code = "RequiredPropertyArrayEmpty"
    severity = Severity.ERROR
    summary = "a schema's 'required' array is not empty"
    keys = {"schema": frozenset({"required"})}

    def schema(self, ctx, schema):
        if schema.role == "header":
            return
        required = schema.node.get("required")
        if isinstance(required, list) and not required:
            what = f"schema '{schema.name}'" if schema.name else "schema"
            ctx.report(schema.pointer + "/required", f"{what} has an empty 'required' array",
                       "remove 'required' or list the names of the required properties")
