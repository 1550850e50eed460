from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.properties._helpers import element_label


def defined_properties(ctx, node, depth: int = 0) -> set[str] | None:
    """Property names a schema defines, its ``allOf`` members included (``$ref`` followed).

    None when the set cannot be known (an ``allOf`` member that does not resolve)."""
    node = ctx.deref(node)
    if not isinstance(node, dict) or depth > 20:
        return None
    names = set(node["properties"]) if isinstance(node.get("properties"), dict) else set()
    members = node.get("allOf")
    for member in members if isinstance(members, list) else ():
        found = defined_properties(ctx, member, depth + 1)
        if found is None:
            return None
        names |= found
    return names


class RequiredPropertyDefinitionMissing(Rule):
    """Every name in a schema's ``required`` list must be defined in its ``properties``.

    ``required`` refers to properties by name; a name that the schema (with its ``allOf``
    members) does not define is a typo or a leftover, and the designer cannot show or send a
    property it knows nothing about.

    Passing example::

        definitions:
          Contact: {type: object, required: [name], properties: {name: {type: string}}}

    Failing example::

        definitions:
          Contact: {type: object, required: [email], properties: {name: {type: string}}}

    Reports: /definitions/Contact/required/0

    Failing example::

        paths:
          /contacts:
            post:
              operationId: AddContact
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      address: {type: object, required: [city, zip], properties: {city: {type: string}}}
              responses:
                '200':
                  description: OK
                  schema: {type: array, items: {type: object, required: [id], properties: {name: {type: string}}}}

    Reports:
      - /paths/~1contacts/post/parameters/0/schema/properties/address/required/1
      - /paths/~1contacts/post/responses/200/schema/items/required/0
    """

    code = "RequiredPropertyDefinitionMissing"
    severity = Severity.ERROR
    summary = "every 'required' name is defined in the schema's 'properties'"
    keys = {"schema": frozenset({"required"})}

    def schema(self, ctx, schema):
        node = schema.node
        required = node.get("required")
        if not isinstance(required, list) or not required or "$ref" in node:
            return
        if isinstance(node.get("type"), str) and node["type"] != "object":
            return  # RequiredPropertyNotOnObject
        defined = defined_properties(ctx, node)
        if defined is None:
            return
        for index, name in enumerate(required):
            if isinstance(name, str) and name not in defined:
                ctx.report(f"{schema.pointer}/required/{index}",
                           f"the required property '{name}' is not defined in the properties of "
                           f"{element_label(schema)}",
                           f"define '{name}' under 'properties', or remove it from 'required'")
