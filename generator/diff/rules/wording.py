"""Wording: descriptions, summaries and labels. Never breaking; listed so a review sees them."""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.findings import Severity

WORDS = ("summary", "description", "x-ms-summary")


class WordingChanged(ChangeRule):
    """An operation's or a field's summary, description or ``x-ms-summary`` changed, or the
    connector's description. Existing flows are not affected.

    Before example::

        paths: {/a: {get: {operationId: GetA, summary: Get an item, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, summary: Get one item, responses: {'200': {description: OK}}}}}
    """

    code = "WordingChanged"
    severity = Severity.INFO
    summary = "a summary, description or label changed"

    def document(self, ctx):
        before, after = ctx.old.swagger.get("info"), ctx.new.swagger.get("info")
        if isinstance(before, dict) and isinstance(after, dict) and before.get("description") != after.get(
                "description") and "description" in after:
            ctx.report("/info/description", "The connector's description has been changed.")

    def operation(self, ctx, pair):
        for word in WORDS:
            if word in pair.new.node and pair.old.node.get(word) != pair.new.node[word]:
                ctx.report(f"{pair.new.pointer}/{word}", f"The {word} of operation {pair.new.label} has been "
                           "changed.")

    def input(self, ctx, pair, old, new):
        self.field(ctx, pair, old, new, "input")

    def output(self, ctx, pair, old, new):
        self.field(ctx, pair, old, new, "output")

    @staticmethod
    def field(ctx, pair, old, new, direction):
        if old is None or new is None:
            return
        for word in ("x-ms-summary", "description"):
            if word in new.node and old.get(word) != new.get(word):
                ctx.report(f"{new.pointer}/{word}", f"The {word} of {direction} field '{new.label}' of "
                           f"operation {pair.new.label} has been changed.")
