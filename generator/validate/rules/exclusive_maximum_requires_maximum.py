"""ExclusiveMaximumRequiresMaximum, plus ``SchemaKeywordRule`` and ``number``, which the other
validation-keyword rules of this set (minimum/maximum, lengths, item and property counts,
pattern) import, with the two small bases ``NonNegativeKeywordRule`` and ``OrderedKeywordsRule``."""

from __future__ import annotations

from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule


def number(value: Any) -> float | int | None:
    """``value`` when it is a JSON number (booleans excluded), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def describe_schema(schema) -> str:
    """How a message names a schema node of the traversal."""
    if schema.role == "definition":
        where = f"definition '{schema.name}'"
    elif schema.role in ("property", "header") and schema.name:
        where = f"{'header' if schema.role == 'header' else 'property'} '{schema.name}'"
    elif schema.role == "body":
        where = f"the schema of body parameter '{schema.name}'" if schema.name else "a body schema"
    elif schema.role == "response":
        where = "a response schema"
    elif schema.role in ("items", "parameter-items"):
        where = "an array's items"
    else:
        where = "a schema"
    if schema.operation is not None:
        where += f" of operation {schema.operation.label}"
    return where


def describe_parameter(param) -> str:
    where = f"parameter '{param.name}'"
    if param.operation is not None:
        where += f" of operation {param.operation.label}"
    return where


class _Where:
    """The name of a node for a message, worked out only when a message is written (most nodes
    never need one, and these rules look at every schema)."""

    __slots__ = ("_describe", "_node")

    def __init__(self, describe, node):
        self._describe, self._node = describe, node

    def __str__(self) -> str:
        return self._describe(self._node)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class SchemaKeywordRule(Rule):
    """Base for rules about JSON-schema validation keywords. They are judged wherever swagger 2.0
    allows them: on every schema (bodies, responses, headers, definitions, properties, items) and
    directly on non-body parameters. Subclasses define ``check(ctx, node, pointer, where)``."""

    def schema(self, ctx, schema):
        self.check(ctx, schema.node, schema.pointer, _Where(describe_schema, schema))

    def parameter(self, ctx, param):
        if param.location != "body":
            self.check(ctx, param.node, param.pointer, _Where(describe_parameter, param))

    def check(self, ctx, node: dict, pointer: str, where: str) -> None:
        raise NotImplementedError


class NonNegativeKeywordRule(SchemaKeywordRule):
    """A count keyword (``keyword``) whose value must not be negative."""

    keyword = ""

    def check(self, ctx, node, pointer, where):
        value = number(node.get(self.keyword))
        if value is not None and value < 0:
            ctx.report(f"{pointer}/{self.keyword}",
                       f"{where} has '{self.keyword}' {value}, which is below zero",
                       f"use a '{self.keyword}' of zero or more, or remove it")


class OrderedKeywordsRule(SchemaKeywordRule):
    """A lower bound keyword (``low``) that must not exceed its upper bound (``high``)."""

    low = ""
    high = ""

    def check(self, ctx, node, pointer, where):
        low, high = number(node.get(self.low)), number(node.get(self.high))
        if low is not None and high is not None and low > high:
            ctx.report(f"{pointer}/{self.low}",
                       f"{where} has '{self.low}' {low}, greater than its '{self.high}' {high}",
                       f"make '{self.low}' less than or equal to '{self.high}' (they may be swapped)")


class ExclusiveMaximumRequiresMaximum(SchemaKeywordRule):
    """``exclusiveMaximum`` may only be used together with ``maximum``.

    In swagger 2.0 ``exclusiveMaximum`` is a flag that says whether the ``maximum`` value itself
    is allowed; without a ``maximum`` it bounds nothing, which usually means a JSON-schema draft 6
    style number was written in the wrong keyword. ``exclusiveMaximum: false`` alone (the default, which
    generated swaggers write out) is tolerated, as the platform accepts it.

    Passing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, maximum: 100, exclusiveMaximum: true}}}

    Failing example::

        definitions:
          Page: {type: object, properties: {size: {type: integer, exclusiveMaximum: true}}}
    """

    code = "ExclusiveMaximumRequiresMaximum"
    severity = Severity.ERROR
    summary = "'exclusiveMaximum' is used only together with 'maximum'"

    def check(self, ctx, node, pointer, where):
        if "exclusiveMaximum" in node and node["exclusiveMaximum"] is not False and "maximum" not in node:
            ctx.report(pointer + "/exclusiveMaximum",
                       f"{where} uses 'exclusiveMaximum' without 'maximum'",
                       "add the 'maximum' value it qualifies, or remove 'exclusiveMaximum'")
