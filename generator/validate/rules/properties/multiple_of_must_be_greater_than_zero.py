from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys
from generator.validate.rules.properties._helpers import element_label


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class MultipleOfMustBeGreaterThanZero(Rule):
    """``multipleOf``, when present, must be a number greater than zero.

    A value is valid when dividing it by ``multipleOf`` gives an integer; zero or a negative
    divisor makes that test meaningless (division by zero, or no value ever passing).

    Passing example::

        definitions:
          Order: {type: object, properties: {quantity: {type: integer, multipleOf: 5}}}

    Failing example::

        definitions:
          Order: {type: object, properties: {quantity: {type: integer, multipleOf: 0}}}

    Reports: /definitions/Order/properties/quantity/multipleOf

    Failing example::

        paths:
          /items:
            get:
              operationId: Op
              parameters:
                - {name: quantity, in: query, type: integer, multipleOf: -1}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/multipleOf
    """

    code = "MultipleOfMustBeGreaterThanZero"
    severity = Severity.ERROR
    summary = "'multipleOf' is greater than zero"
    keys = node_keys("multipleOf")

    def _check(self, ctx, node, pointer, label):
        value = node.get("multipleOf")
        if _is_number(value) and value <= 0:
            ctx.report(pointer + "/multipleOf", f"the 'multipleOf' of {label} is {value}; it must be "
                                                f"greater than zero",
                       "use a positive number, or remove 'multipleOf'")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, element_label(schema))
