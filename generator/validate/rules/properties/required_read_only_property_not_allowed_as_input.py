from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import InputDefinitions


class RequiredReadOnlyPropertyNotAllowedAsInput(Rule):
    """An input property must not be both ``readOnly`` and required.

    ``readOnly`` marks a value the service sets (an id, a timestamp) that the user cannot
    provide; ``required`` in a request body demands that the user provide it. Both at once make
    the request impossible to fill. Checked in request bodies and the definitions they use;
    response schemas may combine them.

    Passing example::

        paths:
          /contacts:
            post:
              operationId: CreateContact
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    required: [name]
                    properties:
                      id: {type: string, readOnly: true}
                      name: {type: string}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /contacts:
            post:
              operationId: CreateContact
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    required: [id, name]
                    properties:
                      id: {type: string, readOnly: true}
                      name: {type: string}
              responses: {'200': {description: OK}}

    Reports: /paths/~1contacts/post/parameters/0/schema/properties/id/readOnly
    """

    code = "RequiredReadOnlyPropertyNotAllowedAsInput"
    severity = Severity.ERROR
    summary = "no input property is both readOnly and required"
    # ``$ref`` feeds InputDefinitions; the check itself needs properties and required.
    keys = {"schema": frozenset({"$ref", "required"})}

    def __init__(self):
        self.inputs = InputDefinitions()
        self.pending: list = []

    @staticmethod
    def _candidates(ctx, schema):
        props = schema.node.get("properties")
        required = schema.node.get("required")
        if not isinstance(props, dict) or not isinstance(required, list):
            return
        for name in required:
            prop = ctx.deref(props.get(name)) if isinstance(name, str) else None
            if isinstance(prop, dict) and prop.get("readOnly") is True:
                yield name, f"{schema.pointer}/properties/{escape_token(name)}/readOnly"

    def _report(self, ctx, name, pointer):
        ctx.report(pointer, f"the input property '{name}' is readOnly and required",
                   f"remove '{name}' from 'required' (or drop readOnly if the user must send it); "
                   "use a separate definition for requests if responses need it required")

    def schema(self, ctx, schema):
        self.inputs.see(schema)
        if schema.direction == "output":
            return
        for name, pointer in self._candidates(ctx, schema):
            if schema.direction == "input":
                self._report(ctx, name, pointer)
            else:
                self.pending.append((schema, name, pointer))

    def finish(self, ctx):
        reached = self.inputs.reached()
        for schema, name, pointer in self.pending:
            if self.inputs.is_input(schema, reached):
                self._report(ctx, name, pointer)
