import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import json_type, node_keys
from generator.validate.rules.properties._helpers import element_label

_INTEGER_TEXT = re.compile(r"^\s*[-+]?\d+\s*$")
_NUMBER_TEXT = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")


def default_fits(declared: str, value) -> bool:
    actual = json_type(value)
    if actual == declared or actual == "null":
        return True  # null stands for "no default"
    if declared == "number":
        return actual == "integer" or (actual == "string" and bool(_NUMBER_TEXT.match(value)))
    if declared == "integer":
        if actual == "number":
            return float(value).is_integer()
        return actual == "string" and bool(_INTEGER_TEXT.match(value))
    if declared == "boolean":
        return actual == "string" and value.strip().lower() in ("true", "false")
    return False


CHECKED = ("string", "integer", "number", "boolean", "array", "object")


class DefaultValueMustMatchType(Rule):
    """A ``default`` value must have the type that the element declares.

    The designer pre-fills the default and the runtime sends it as a value of the declared
    ``type``; a default of another kind (an object for a string, a word for an integer) cannot
    be sent as declared. Tolerated, as the service accepts them (certified connectors use them):
    ``null``, and strings that spell a value of the declared scalar type (``"10"`` for an
    integer, ``"true"`` for a boolean).

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, default: 50}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, default: fifty}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/default

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, default: fifty}}}

    Reports: /definitions/Page/properties/size/default
    """

    code = "DefaultValueMustMatchType"
    severity = Severity.ERROR
    summary = "a 'default' value has the element's declared type"
    keys = node_keys("default")

    def _check(self, ctx, node, pointer, label):
        declared = node.get("type")
        if "default" not in node or declared not in CHECKED:
            return
        value = node["default"]
        if not default_fits(declared, value):
            ctx.report(pointer + "/default",
                       f"the default of {label} is of type '{json_type(value)}' but the declared type "
                       f"is '{declared}'",
                       f"write the default as a {declared}, or correct 'type'")

    def parameter(self, ctx, param):
        if param.location != "body":
            self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, element_label(schema))
