from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import element_label

_SCALARS = ("string", "integer", "number", "boolean", "file")


class RequiredPropertyNotOnObject(Rule):
    """A ``required`` list of property names only belongs on a schema of type ``object``.

    ``required`` names properties that must be present; a string, number, integer or boolean
    schema has no properties, so the list means nothing there (often it was meant for the
    enclosing object, or ``type`` is wrong). Schemas without ``type`` are not judged, nor are
    arrays: eight certified connectors put the ``required`` list of their items on the array
    itself and were accepted, so Microsoft evidently tolerates that.

    Passing example::

        definitions:
          Contact: {type: object, required: [name], properties: {name: {type: string}}}

    Failing example::

        definitions:
          Name: {type: string, required: [name]}

    Reports: /definitions/Name/required
    """

    code = "RequiredPropertyNotOnObject"
    severity = Severity.ERROR
    summary = "no 'required' list on a string, number, integer or boolean schema"
    keys = {"schema": frozenset({"required"})}

    def schema(self, ctx, schema):
        node = schema.node
        declared = node.get("type")
        if not isinstance(node.get("required"), list) or not isinstance(declared, str):
            return
        if declared in _SCALARS:
            ctx.report(schema.pointer + "/required",
                       f"{element_label(schema)} has type '{declared}' but lists 'required' properties",
                       "remove 'required', or move it to the object schema that holds the properties")
