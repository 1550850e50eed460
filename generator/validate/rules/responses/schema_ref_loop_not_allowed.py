from generator.findings import Severity
from generator.validate.rule import Rule


class SchemaRefLoopNotAllowed(Rule):
    """A definition under ``definitions`` must not be just a ``$ref`` to another definition.

    An alias definition adds a level of indirection the platform refuses; chains of such
    aliases can also close into a loop (A points to B, which points back to A) that can never
    be resolved. Define the schema in place or reference the target directly.

    Passing example::

        definitions:
          Pet: {type: object, properties: {name: {type: string}}}

    Failing example::

        definitions:
          Pet: {type: object, properties: {name: {type: string}}}
          Animal: {$ref: '#/definitions/Pet'}

    Reports: /definitions/Animal/$ref
    """

    code = "SchemaRefLoopNotAllowed"
    severity = Severity.ERROR
    summary = "a definition is not itself a '$ref' to another definition"
    keys = {"schema": frozenset({"$ref"})}
    schema_roles = frozenset({"definition"})

    def schema(self, ctx, schema):
        if schema.role == "definition" and "$ref" in schema.node:
            ctx.report(schema.pointer + "/$ref",
                       f"definition '{schema.name}' uses '$ref' to point to another definition",
                       "reference the target definition directly where it is used, "
                       "or define the schema here")
