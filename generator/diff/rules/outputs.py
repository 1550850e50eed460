"""Outputs (success responses and a webhook trigger's notification content): what existing flows
read must still come back, with the same type."""

from __future__ import annotations

from generator.diff.rule import ChangeRule, field_words
from generator.findings import Severity


def _words(pair, item):
    return field_words(pair, item, "output")


def _is_response(item) -> bool:
    return item.key[0] == "responses" and len(item.key) == 2


def _is_schema_root(item) -> bool:
    return item.key[-1] == "schema" and len(item.key) <= 3


def _success(code: str) -> bool:
    return code.startswith("2") or code == "default"


def _read_by_flows(item) -> bool:
    """Outputs of a success response or of a webhook's notification content."""
    return item.key[0] == "notification" or _success(str(item.key[1]))


def _property(item) -> bool:
    return not _is_response(item) and not _is_schema_root(item)


class OutputRemoved(ChangeRule):
    """A property of a success response (or of the notification content) is gone.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {id: {type: string}, name: {type: string}}}}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {id: {type: string}}}}}}}}
    """

    code = "OutputRemoved"
    severity = Severity.ERROR
    summary = "an output property was removed"

    def output(self, ctx, pair, old, new):
        if old is not None and new is None and _property(old) and _read_by_flows(old):
            ctx.report_old(old.pointer, "The output field has been deleted. Existing flows may be broken if "
                           "they are using this field and actual payload has been changed. " + _words(pair, old),
                           "keep the property (mark it deprecated in its description)")


class OutputTypeChanged(ChangeRule):
    """An output property's type changed.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {count: {type: integer}}}}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {count: {type: string}}}}}}}}
    """

    code = "OutputTypeChanged"
    severity = Severity.ERROR
    summary = "an output's type changed"

    def output(self, ctx, pair, old, new):
        if old is not None and new is not None and not _is_response(old) and old.kind != new.kind:
            ctx.report(new.pointer, "The type has been changed for the output field. Existing flows may be "
                       f"broken if they are using this field ({old.kind}, now {new.kind}). " + _words(pair, new),
                       "add a new property with the new type instead")


class OutputFormatChanged(ChangeRule):
    """An output property's format changed.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {when: {type: string, format: date-time}}}}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {when: {type: string, format: date}}}}}}}}
    """

    code = "OutputFormatChanged"
    severity = Severity.ERROR
    summary = "an output's format changed"

    def output(self, ctx, pair, old, new):
        if (old is not None and new is not None and not _is_response(old) and old.kind == new.kind
                and old.get("format") != new.get("format")):
            ctx.report(new.pointer, "The type format has been changed for the output field. Existing flows "
                       f"may be broken if they are using this field ({old.get('format')}, now "
                       f"{new.get('format')}). " + _words(pair, new), "keep the old format")


class ResponseCodeRemoved(ChangeRule):
    """A documented response code is gone: a success code is breaking (flows read its body);
    an error code only potentially breaking.

    Before example::

        paths: {/a: {post: {operationId: PostA, responses: {'200': {description: OK},
                                                             '202': {description: Accepted}}}}}

    After example::

        paths: {/a: {post: {operationId: PostA, responses: {'200': {description: OK}}}}}
    """

    code = "ResponseCodeRemoved"
    severity = Severity.ERROR
    summary = "a response code was removed"

    def output(self, ctx, pair, old, new):
        if old is not None and new is None and _is_response(old):
            code = str(old.key[1])
            ctx.report_old(old.pointer, f"The response '{code}' has been removed from operation "
                           f"{pair.new.label}.", "keep the response",
                           None if _success(code) else Severity.WARNING)


class SuccessSchemaRemoved(ChangeRule):
    """A success response (or the notification content) no longer has a schema: every output
    existing flows read from it is gone.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {id: {type: string}}}}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
    """

    code = "SuccessSchemaRemoved"
    severity = Severity.ERROR
    summary = "a success response lost its schema"

    def output(self, ctx, pair, old, new):
        if old is not None and new is None and _is_schema_root(old) and _read_by_flows(old):
            where = "notification content" if old.key[0] == "notification" else f"response '{old.key[1]}'"
            ctx.report_old(old.pointer, f"The schema of the {where} has been removed. Existing flows using "
                           f"its output fields will break. Operation {pair.new.label}.", "keep the schema")


class OutputAdded(ChangeRule):
    """A new output property. Existing flows are not affected.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {id: {type: string}}}}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK, schema: {type: object,
                           properties: {id: {type: string}, name: {type: string}}}}}}}}
    """

    code = "OutputAdded"
    severity = Severity.INFO
    summary = "a new output property"

    def output(self, ctx, pair, old, new):
        if old is None and new is not None and _property(new):
            ctx.report(new.pointer, "An output field has been added. " + _words(pair, new))
