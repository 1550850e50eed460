from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import reference_shape, target_exists


class SchemaReferenceNotFound(Rule):
    """A ``#/definitions/<name>`` reference must name a schema defined under ``definitions``.

    A dangling reference leaves the parameter or response without a shape; usually the
    definition was renamed or removed.

    Passing example::

        definitions:
          Pet: {type: object}
          Pets: {type: array, items: {$ref: '#/definitions/Pet'}}

    Failing example::

        definitions:
          Pets: {type: array, items: {$ref: '#/definitions/Pet'}}

    Reports: /definitions/Pets/items/$ref

    Failing example::

        paths:
          /pets:
            post:
              operationId: AddPet
              parameters:
                - {name: body, in: body, schema: {type: object, properties: {owner: {$ref: '#/definitions/Owner'}}}}
              responses:
                '200': {description: OK, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}

    Reports:
      - /paths/~1pets/post/parameters/0/schema/properties/owner/$ref
      - /paths/~1pets/post/responses/200/schema/items/$ref
    """

    code = "SchemaReferenceNotFound"
    severity = Severity.ERROR
    summary = "schema references point to a defined schema"
    keys = {"schema": frozenset({"$ref"})}

    def schema(self, ctx, schema):
        if "$ref" not in schema.node:
            return
        ref = schema.node["$ref"]
        if reference_shape(ref, "definitions") == "ok" \
                and not target_exists(ctx.swagger, ref, "definitions"):
            ctx.report(schema.pointer + "/$ref", f"the schema reference '{ref}' could not be found",
                       "define the schema under 'definitions' or fix the name")
