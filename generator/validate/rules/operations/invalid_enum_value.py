from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import fits_json_type, json_type, node_keys
from generator.validate.rules.operations._helpers import canonical


def _fits(declared: str, value) -> bool:
    # null fits too: nullable elements list it among their choices
    if declared == "boolean" and isinstance(value, str):
        # "true"/"false" strings for a boolean are accepted by the service and by certification
        # (13 certified corpus connectors use them, 88 enums): reporting them would be a false error.
        return value.strip().lower() in ("true", "false")
    return fits_json_type(declared, value)


CHECKED_TYPES = ("string", "integer", "number", "boolean", "array", "object")


class InvalidEnumValue(Rule):
    """Each ``enum`` value must have the JSON type the element declares in ``type``.

    The designer offers the enum values as choices and sends the chosen one as a value of the
    declared type; a value of another type (a number in a string enum, a string in an integer
    enum) cannot be sent as declared. ``null`` is accepted (nullable elements list it).

    A string that spells a number (``"0"`` in an integer enum) is a string, so it is reported:
    OpenAPI 2.0 requires enum values to conform to the element's type, and the OpenAPI stage
    (``OpenApiInvalid``) judges string-spelled defaults the same way. The one exception is
    ``"true"``/``"false"`` in a boolean enum: the service and certification accept them (13
    certified connectors use them), so reporting them would be a false error. A finding on an
    element the OpenAPI stage already reported is dropped (one defect, one finding), and an enum
    with several wrong values is one finding, at its first wrong value, naming them all.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, enum: [10, 50, 100]}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, enum: [10, "fifty"]}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/enum/1

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, enum: [10, fifty]}}}

    Reports: /definitions/Page/properties/size/enum/1

    Failing example::

        definitions:
          Flag: {type: integer, enum: [0, "1", "2"]}

    Reports: /definitions/Flag/enum/1
    """

    code = "InvalidEnumValue"
    severity = Severity.ERROR
    summary = "enum values have the type declared by the element's 'type'"
    keys = node_keys("enum")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer,
                    f"schema '{schema.name}'" if schema.name else "a schema")

    @staticmethod
    def _check(ctx, node, pointer, label):
        declared = node.get("type")
        values = node.get("enum")
        if declared not in CHECKED_TYPES or not isinstance(values, list):
            return
        wrong = [index for index, value in enumerate(values) if not _fits(declared, value)]
        if not wrong:
            return
        # One enum spelled wrongly is one defect: one finding at its first wrong value.
        shown = ", ".join(canonical(values[index]) for index in wrong[:5])
        more = f" and {len(wrong) - 5} more" if len(wrong) > 5 else ""
        kinds = "', '".join(sorted({json_type(values[index]) for index in wrong}))
        noun = "value" if len(wrong) == 1 else "values"
        verb = "is" if len(wrong) == 1 else "are"
        ctx.report(f"{pointer}/enum/{wrong[0]}",
                   f"enum {noun} {shown}{more} of {label} {verb} of type '{kinds}' but the element's type "
                   f"is '{declared}'",
                   f"write the {noun} with type '{declared}', or change 'type'")
