"""ArrayDuplicateValue (``canonical``, the JSON value key it uses, is in ``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.operations._helpers import canonical

#: Arrays whose items Swagger 2.0 declares unique, by where they occur.
SCHEMA_ARRAYS = ("enum", "required")
PARAMETER_ARRAYS = ("enum",)
OPERATION_ARRAYS = ("tags", "consumes", "produces", "schemes")
DOCUMENT_ARRAYS = ("consumes", "produces", "schemes")


def _plainly_unique(values: list) -> bool:
    """True for a list of distinct strings (most enum and required lists): no need to build a
    ``canonical`` key per value."""
    return all(type(value) is str for value in values) and len(set(values)) == len(values)


class ArrayDuplicateValue(Rule):
    """Arrays that Swagger 2.0 declares unique must not repeat a value.

    Checked: ``enum`` and ``required`` in schemas (including parameter items and response
    headers), ``enum`` of parameters, an operation's ``tags``, ``consumes``, ``produces`` and
    ``schemes``, and the document's ``consumes``, ``produces`` and ``schemes``. A repeated value
    makes the definition ambiguous (e.g. a dropdown showing the same choice twice). Values are
    compared exactly, so ``1`` and ``"1"`` are different.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: order, in: query, type: string, enum: [asc, desc]}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: order, in: query, type: string, enum: [asc, desc, asc]}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/enum/2

    Failing example::

        consumes: [application/json, application/json]
        paths:
          /items:
            post: {operationId: AddItem, tags: [Items, Items], responses: {'200': {description: OK}}}
        definitions:
          Item: {type: object, required: [id, id], properties: {id: {type: string}}}

    Reports:
      - /consumes/1
      - /paths/~1items/post/tags/1
      - /definitions/Item/required/1
    """

    code = "ArrayDuplicateValue"
    severity = Severity.ERROR
    summary = "enum, required, tags, consumes, produces and schemes arrays have no repeated values"
    keys = {"schema": frozenset(SCHEMA_ARRAYS), "parameter": frozenset(PARAMETER_ARRAYS),
            "operation": frozenset(OPERATION_ARRAYS)}

    def document(self, ctx, doc):
        self._check(ctx, doc, "", DOCUMENT_ARRAYS, "the swagger")

    def operation(self, ctx, op):
        self._check(ctx, op.node, op.pointer, OPERATION_ARRAYS, f"operation {op.label}")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, PARAMETER_ARRAYS,
                    f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        label = f"schema '{schema.name}'" if schema.name else "a schema"
        self._check(ctx, schema.node, schema.pointer, SCHEMA_ARRAYS, label)

    @staticmethod
    def _check(ctx, node, pointer, keys, label):
        for key in keys:
            values = node.get(key)
            if not isinstance(values, list) or _plainly_unique(values):
                continue
            seen = set()
            for index, value in enumerate(values):
                marker = canonical(value)
                if marker in seen:
                    ctx.report(f"{pointer}/{key}/{index}",
                               f"'{key}' of {label} lists {marker} more than once",
                               f"remove the repeated value from '{key}'")
                seen.add(marker)
