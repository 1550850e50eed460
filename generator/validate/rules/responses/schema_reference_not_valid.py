from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import reference_shape


class SchemaReferenceNotValid(Rule):
    """A schema ``$ref`` must have the form ``#/definitions/<name>``.

    Schemas are shared only through the root ``definitions`` object; references to a nested
    member, to another section or to another file are not resolved by the platform. Malformed
    JSON pointers are reported as JsonPointerNotValid.

    Passing example::

        definitions:
          Pet: {type: object}
          Pets: {type: array, items: {$ref: '#/definitions/Pet'}}

    Failing example::

        definitions:
          Pet: {type: object, properties: {name: {type: string}}}
          Pets: {type: array, items: {$ref: '#/definitions/Pet/properties/name'}}

    Reports: /definitions/Pets/items/$ref
    """

    code = "SchemaReferenceNotValid"
    severity = Severity.ERROR
    summary = "schema references have the form '#/definitions/<name>'"
    keys = {"schema": frozenset({"$ref"})}

    def schema(self, ctx, schema):
        if "$ref" not in schema.node:
            return
        ref = schema.node["$ref"]
        if reference_shape(ref, "definitions") == "kind":
            ctx.report(schema.pointer + "/$ref", f"the schema reference '{ref}' is not valid",
                       "point to a shared schema as '#/definitions/<name>'")
