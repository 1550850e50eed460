from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import describe_schema


def _parts(ctx, node: dict) -> list[dict]:
    """The schema and the (dereferenced) parts of its ``allOf``, where its properties may live."""
    parts = [node]
    all_of = node.get("allOf")
    for part in all_of if isinstance(all_of, list) else ():
        part = ctx.deref(part)
        if isinstance(part, dict):
            parts.append(part)
    return parts


def _names(value: Any) -> set[str]:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


class DiscriminatorMustBeARequiredStringProperty(Rule):
    """A schema's ``discriminator`` must name one of its properties that is required and a string.

    The discriminator tells which derived schema a payload uses: its value is read from that
    property and compared with schema names. The property therefore has to exist, always be
    present (listed in ``required``) and hold a string. Properties and ``required`` entries
    contributed by ``allOf`` parts count as the schema's own; a property without ``type`` is
    given the benefit of the doubt.

    Passing example::

        definitions:
          Pet:
            type: object
            discriminator: petType
            required: [petType]
            properties: {petType: {type: string}, name: {type: string}}

    Failing example::

        definitions:
          Pet:
            type: object
            discriminator: petType
            properties: {petType: {type: string}, name: {type: string}}

    Reports: /definitions/Pet/discriminator
    """

    code = "DiscriminatorMustBeARequiredStringProperty"
    severity = Severity.ERROR
    summary = "'discriminator' names a required string property of the schema"
    keys = {"schema": frozenset({"discriminator"})}

    def schema(self, ctx, schema):
        if "discriminator" not in schema.node:
            return
        name = schema.node.get("discriminator")
        where = describe_schema(schema)
        pointer = schema.pointer + "/discriminator"
        hint = ("set 'discriminator' to the name of a string property of this schema and list "
                "that property in 'required'")
        if not isinstance(name, str) or not name:
            ctx.report(pointer, f"the 'discriminator' of {where} is not a property name", hint)
            return
        parts = _parts(ctx, schema.node)
        prop = None
        for part in parts:
            props = part.get("properties")
            if isinstance(props, dict) and name in props:
                prop = ctx.deref(props[name])
                break
        required = set().union(*(_names(part.get("required")) for part in parts))
        if prop is None:
            problem = "is not one of its properties"
        elif name not in required:
            problem = "is not listed in 'required'"
        elif isinstance(prop, dict) and prop.get("type") not in (None, "string"):
            problem = f"has type {prop.get('type')!r}, not 'string'"
        else:
            return
        ctx.report(pointer, f"the discriminator '{name}' of {where} {problem}", hint)
