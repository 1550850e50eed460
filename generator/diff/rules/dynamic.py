"""Dynamic values, lists, schemas and trees: the operations a field's dropdown or schema comes
from (``x-ms-dynamic-*`` with an ``operationId``)."""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.diff.view import DYNAMIC_KEYS
from generator.findings import Severity


def references(item) -> list[tuple[str, dict]]:
    """(extension, its value) for each x-ms-dynamic-* of a field that names a source operation."""
    found = []
    for key in DYNAMIC_KEYS:
        value = item.node.get(key)
        if isinstance(value, dict) and isinstance(value.get("operationId"), str):
            found.append((key, value))
    return found


def sources(view) -> set[str]:
    return {value["operationId"] for op in view.operations.values()
            for item in [*op.inputs.values(), *op.outputs.values()] for _, value in references(item)}


class DynamicSourceRemoved(ChangeRule):
    """A field's ``x-ms-dynamic-*`` names a source operation that existed before and is gone
    (removed or renamed): its dropdown or schema no longer loads in existing flows.

    Before example::

        paths:
          /lists: {get: {operationId: GetLists, x-ms-visibility: internal, responses: {'200': {description: OK}}}}
          /items: {get: {operationId: GetItems, responses: {'200': {description: OK}},
                         parameters: [{name: list, in: query, type: string,
                                       x-ms-dynamic-values: {operationId: GetLists, value-path: id}}]}}

    After example::

        paths:
          /items: {get: {operationId: GetItems, responses: {'200': {description: OK}},
                         parameters: [{name: list, in: query, type: string,
                                       x-ms-dynamic-values: {operationId: GetLists, value-path: id}}]}}
    """

    code = "DynamicSourceRemoved"
    severity = Severity.ERROR
    summary = "the source operation of x-ms-dynamic-* was removed"

    def input(self, ctx, pair, old, new):
        self.check(ctx, pair, new)

    def output(self, ctx, pair, old, new):
        self.check(ctx, pair, new)

    @staticmethod
    def check(ctx, pair, item):
        if item is None:
            return
        for key, value in references(item):
            source = value["operationId"]
            if source not in ctx.new.operations and source in ctx.old.operations:
                ctx.report(f"{item.pointer}/{key}", f"The source operation '{source}' of {key} has been "
                           f"removed. The field's values no longer load. Operation {pair.new.label}, "
                           f"field '{item.label}'.", "keep the source operation")


class DynamicSourceChanged(ChangeRule):
    """What a dynamic field calls changed: its ``x-ms-dynamic-*`` names another operation or passes
    other parameters, or its source operation's parameters changed.

    Before example::

        paths:
          /lists: {get: {operationId: GetLists, x-ms-visibility: internal, responses: {'200': {description: OK}}}}
          /items: {get: {operationId: GetItems, responses: {'200': {description: OK}},
                         parameters: [{name: list, in: query, type: string,
                                       x-ms-dynamic-values: {operationId: GetLists, value-path: id}}]}}

    After example::

        paths:
          /lists: {get: {operationId: GetLists, x-ms-visibility: internal, responses: {'200': {description: OK}},
                         parameters: [{name: site, in: query, type: string, required: true}]}}
          /items: {get: {operationId: GetItems, responses: {'200': {description: OK}},
                         parameters: [{name: list, in: query, type: string,
                                       x-ms-dynamic-values: {operationId: GetLists, value-path: id}}]}}
    """

    code = "DynamicSourceChanged"
    severity = Severity.WARNING
    summary = "a dynamic field's source operation or its parameters changed"

    def operation(self, ctx, pair):
        if pair.old.id not in ctx.memo("old dynamic sources", lambda: sources(ctx.old)):
            return
        before = {key: item.required for key, item in pair.old.inputs.items() if len(key) == 2}
        after = {key: item.required for key, item in pair.new.inputs.items() if len(key) == 2}
        if before != after:
            ctx.report(pair.new.pointer, f"The parameters of operation {pair.new.label}, the source of dynamic "
                       "values or schemas, have been changed. Dropdowns and schemas built from it may no "
                       "longer load.", "keep the source operation's parameters")

    def input(self, ctx, pair, old, new):
        if old is None or new is None:
            return
        now = dict(references(new))
        for key, value in references(old):
            after = now.get(key)
            if after is not None and (after.get("operationId"), after.get("parameters")) != (
                    value.get("operationId"), value.get("parameters")):
                ctx.report(f"{new.pointer}/{key}", f"The {key} of the field now calls "
                           f"'{after.get('operationId')}' with other parameters (was '{value.get('operationId')}'"
                           f"). Operation {pair.new.label}, input field '{new.label}'.",
                           "keep what the field's values come from")
