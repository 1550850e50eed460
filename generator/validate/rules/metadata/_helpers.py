"""Helpers only the metadata rules use (rule discovery skips modules whose name starts with "_")."""

from __future__ import annotations

import re
from typing import Any

from generator.validate.rule import Rule
from generator.validate.rules._common import describe_parameter, describe_schema, node_keys

# --- Schema validation keywords (minimum/maximum, lengths, counts, pattern) and naming nodes ------

def number(value: Any) -> float | int | None:
    """``value`` when it is a JSON number (booleans excluded), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


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

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.keys = node_keys(cls.keyword)

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

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.keys = node_keys(cls.low)  # nothing to compare without the lower bound

    def check(self, ctx, node, pointer, where):
        low, high = number(node.get(self.low)), number(node.get(self.high))
        if low is not None and high is not None and low > high:
            ctx.report(f"{pointer}/{self.low}",
                       f"{where} has '{self.low}' {low}, greater than its '{self.high}' {high}",
                       f"make '{self.low}' less than or equal to '{self.high}' (they may be swapped)")


# --- Connector texts and metadata (info, x-ms-connector-metadata, categories) ---------------------

#: The suffix Microsoft prescribes for independent publishers' titles; it does not count
#: against the title's length.
INDEPENDENT_SUFFIX = re.compile(r"\s*\(Independent Publisher\)\s*$", re.IGNORECASE)


def info_text(doc: Any, key: str) -> str | None:
    """``info.<key>`` when it is a string, else None."""
    info = doc.get("info") if isinstance(doc, dict) else None
    value = info.get(key) if isinstance(info, dict) else None
    return value if isinstance(value, str) else None


def connector_title(title: str) -> str:
    """The connector's own name: the title without the independent-publisher suffix."""
    return INDEPENDENT_SUFFIX.sub("", title)
