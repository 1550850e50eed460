from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import is_internal
from generator.validate.rules.properties._helpers import InputDefinitions


def optional_internal_defaults(ctx, schema):
    """(name, pointer) of the properties of an object schema that are internal, have a default,
    and are not in the schema's ``required`` list."""
    props = schema.node.get("properties")
    if not isinstance(props, dict):
        return
    required = schema.node.get("required")
    required = required if isinstance(required, list) else []
    for name, prop in props.items():
        prop = ctx.deref(prop)
        if is_internal(prop) and "default" in prop and name not in required:
            yield name, f"{schema.pointer}/properties/{escape_token(name)}"


class PropertyMustBeRequired(Rule):
    """An internal body property with a default value must be required.

    ``x-ms-visibility: internal`` hides a property from the user so that its ``default`` is sent
    for them; but only required properties are filled in, so an optional internal property is
    never sent and its default is lost. Checked in request bodies (and the definitions they use);
    the same situation on a parameter is the warning InternalPropertyWithDefaultOptional.

    Passing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    required: [source]
                    properties:
                      source: {type: string, default: connector, x-ms-visibility: internal}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /messages:
            post:
              operationId: SendMessage
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      source: {type: string, default: connector, x-ms-visibility: internal}
              responses: {'200': {description: OK}}

    Reports: /paths/~1messages/post/parameters/0/schema/properties/source
    """

    code = "PropertyMustBeRequired"
    severity = Severity.ERROR
    summary = "internal body properties with a default are required"
    # ``$ref`` feeds InputDefinitions; the check itself needs properties.
    keys = {"schema": frozenset({"$ref", "properties"})}

    def __init__(self):
        self.inputs = InputDefinitions()
        self.pending: list = []

    def _report(self, ctx, name, pointer):
        ctx.report(pointer, f"the property '{name}' is internal and has a default value, so it must be "
                            f"required; optional internal properties are not sent",
                   f"add '{name}' to the 'required' list of its object (or make it visible)")

    def schema(self, ctx, schema):
        self.inputs.see(schema)
        if schema.direction == "output":
            return
        for name, pointer in optional_internal_defaults(ctx, schema):
            if schema.direction == "input":
                self._report(ctx, name, pointer)
            else:
                self.pending.append((schema, name, pointer))

    def finish(self, ctx):
        reached = self.inputs.reached()
        for schema, name, pointer in self.pending:
            if self.inputs.is_input(schema, reached):
                self._report(ctx, name, pointer)
