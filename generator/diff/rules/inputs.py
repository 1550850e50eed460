"""Inputs (parameters and request body properties): what existing flows send must still be
accepted. Each rule's ``input`` handler sees one field on both sides (None where it is absent)."""

from __future__ import annotations

from generator.diff.rule import ChangeRule, field_words
from generator.findings import Severity

NEW_REVISION = "add a new revision of the operation (x-ms-api-annotation) instead"
#: Formats that accept every value of the format they replace, for inputs.
WIDER_FORMATS = {("int32", "int64"), ("float", "double")}


def _words(pair, item):
    return field_words(pair, item, "input")


def _needed(item) -> bool:
    """Required, with no default to fill in for a flow that does not send it."""
    return item.required and not item.has_default


class RequiredInputAdded(ChangeRule):
    """A new parameter or body property is required and has no default.

    Before example::

        paths: {/a: {post: {operationId: PostA, responses: {'200': {description: OK}},
                            parameters: [{name: q, in: query, type: string}]}}}

    After example::

        paths: {/a: {post: {operationId: PostA, responses: {'200': {description: OK}},
                            parameters: [{name: q, in: query, type: string},
                                         {name: lang, in: query, type: string, required: true}]}}}
    """

    code = "RequiredInputAdded"
    severity = Severity.ERROR
    summary = "a required input without default was added"

    def input(self, ctx, pair, old, new):
        if old is None and new is not None and _needed(new):
            ctx.report(new.pointer, "The required input field has been added. Existing flows will not send "
                       "this new field. " + _words(pair, new),
                       "make it optional, give it a default, or " + NEW_REVISION)


class OptionalInputAdded(ChangeRule):
    """A new optional input (or a required one with a default). Existing flows are not affected.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: top, in: query, type: integer}]}}}
    """

    code = "OptionalInputAdded"
    severity = Severity.INFO
    summary = "an optional input was added"

    def input(self, ctx, pair, old, new):
        if old is None and new is not None and not _needed(new):
            ctx.report(new.pointer, "An optional input field has been added. " + _words(pair, new))


class InputMadeRequired(ChangeRule):
    """An optional input became required (without a default).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string, required: true}]}}}
    """

    code = "InputMadeRequired"
    severity = Severity.ERROR
    summary = "an optional input became required"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and not old.required and _needed(new):
            ctx.report(new.pointer, "The input field has been made required. Existing flows may not send "
                       "this field. " + _words(pair, new), "keep it optional or give it a default")


class InputRemoved(ChangeRule):
    """A parameter or body property (required or not) is gone: existing flows still send it.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
    """

    code = "InputRemoved"
    severity = Severity.ERROR
    summary = "an input was removed"

    def input(self, ctx, pair, old, new):
        if old is not None and new is None:
            ctx.report_old(old.pointer, "The input field has been removed. Existing flows will continue to "
                           "send it. " + _words(pair, old), "keep it (mark it internal with a default, or "
                           "deprecated) or " + NEW_REVISION)


class InputLocationChanged(ChangeRule):
    """A parameter moved (``in``: query, header, path, body, formData).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: header, type: string}]}}}
    """

    code = "InputLocationChanged"
    severity = Severity.ERROR
    summary = "a parameter's location (in) changed"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and old.location != new.location:
            ctx.report(new.pointer + "/in", "The location has been changed for the parameter. Existing flows "
                       f"will continue to send the parameter in the old location ({old.location}, now "
                       f"{new.location}). " + _words(pair, new), NEW_REVISION)


class InputTypeChanged(ChangeRule):
    """An input's type changed.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: top, in: query, type: integer}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: top, in: query, type: string}]}}}
    """

    code = "InputTypeChanged"
    severity = Severity.ERROR
    summary = "an input's type changed"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and old.kind != new.kind:
            ctx.report(new.pointer, "The type has been changed for the input field. Existing flows will "
                       f"continue to send the field with the old type ({old.kind}, now {new.kind}). "
                       + _words(pair, new), NEW_REVISION)


class InputFormatChanged(ChangeRule):
    """An input's format changed. A wider format (int32 → int64, float → double) accepts every
    value flows send, so it is reported as non-breaking.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: day, in: query, type: string, format: date-time}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: day, in: query, type: string, format: date}]}}}
    """

    code = "InputFormatChanged"
    severity = Severity.ERROR
    summary = "an input's format changed"

    def input(self, ctx, pair, old, new):
        if old is None or new is None or old.kind != new.kind or old.get("format") == new.get("format"):
            return
        wider = (old.get("format"), new.get("format")) in WIDER_FORMATS
        ctx.report(new.pointer, "The type format has been changed for the input field "
                   f"({old.get('format')}, now {new.get('format')}). " + _words(pair, new),
                   "" if wider else NEW_REVISION, Severity.INFO if wider else None)


def _enum(item):
    values = item.get("enum") if item is not None else None
    return values if isinstance(values, list) else None


class InputEnumValueRemoved(ChangeRule):
    """A value of an input's enum is gone: flows may have it chosen.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string, enum: [asc, desc]}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string, enum: [asc]}]}}}
    """

    code = "InputEnumValueRemoved"
    severity = Severity.ERROR
    summary = "an input enum value was removed"

    def input(self, ctx, pair, old, new):
        before, after = _enum(old), _enum(new)
        if before is None or after is None:
            return
        gone = [value for value in before if value not in after]
        if gone:
            ctx.report(new.pointer + "/enum", "An enum value has been removed from the input field. Existing "
                       f"flows may have this value chosen and will continue to send it ({_values(gone)}). "
                       + _words(pair, new), "keep the value")


class InputEnumAdded(ChangeRule):
    """An input that took any value now has an enum.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string, enum: [asc, desc]}]}}}
    """

    code = "InputEnumAdded"
    severity = Severity.ERROR
    summary = "an enum list was added to an input"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and _enum(old) is None and _enum(new) is not None:
            ctx.report(new.pointer + "/enum", "The list of enum values has been added to the input field. "
                       "Existing flows may use values outside of this list. " + _words(pair, new),
                       "offer the values with x-ms-dynamic-values or x-ms-enum-values suggestions instead")


class InputEnumValueAdded(ChangeRule):
    """An input's enum accepts more values. Existing flows are not affected.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string, enum: [asc]}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: order, in: query, type: string, enum: [asc, desc]}]}}}
    """

    code = "InputEnumValueAdded"
    severity = Severity.INFO
    summary = "an input enum accepts more values"

    def input(self, ctx, pair, old, new):
        before, after = _enum(old), _enum(new)
        if before is not None and after is not None:
            added = [value for value in after if value not in before]
            if added:
                ctx.report(new.pointer + "/enum", f"Enum values have been added to the input field "
                           f"({_values(added)}). " + _words(pair, new))


def _values(values: list) -> str:
    shown = ", ".join(repr(v) for v in values[:5])
    return shown + (f" and {len(values) - 5} more" if len(values) > 5 else "")


#: Constraint → True when a larger value is stricter (minimum-like), False when smaller is.
_BOUNDS = {"maximum": False, "maxLength": False, "maxItems": False,
           "minimum": True, "minLength": True, "minItems": True}


def _tighter(name: str, before, after) -> bool | None:
    """True stricter, False looser, None unchanged or not comparable."""
    if before == after:
        return None
    if before is None:
        return True
    if after is None:
        return False
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (before, after)):
        return None
    return after > before if _BOUNDS[name] else after < before


class InputConstraintTightened(ChangeRule):
    """An input accepts less: maximum/maxLength/maxItems lowered or added, minimum/minLength/
    minItems raised or added, a pattern added. A changed pattern may or may not accept what it did
    (potentially breaking).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string, maxLength: 200}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string, maxLength: 100}]}}}
    """

    code = "InputConstraintTightened"
    severity = Severity.ERROR
    summary = "an input constraint was tightened"

    def input(self, ctx, pair, old, new):
        if old is None or new is None:
            return
        for name in _BOUNDS:
            if _tighter(name, old.get(name), new.get(name)):
                ctx.report(new.pointer + "/" + name, f"The constraint has been tightened for the input field "
                           f"({name} {_shown(old.get(name))}, now {_shown(new.get(name))}). Existing flows may "
                           "send values outside it. " + _words(pair, new), "keep the old bound")
        before, after = old.get("pattern"), new.get("pattern")
        if after is not None and before != after:
            ctx.report(new.pointer + "/pattern", "The pattern has been "
                       + ("added to" if before is None else "changed for")
                       + " the input field. Existing flows may send values it does not match. "
                       + _words(pair, new), "keep the old pattern",
                       None if before is None else Severity.WARNING)


def _shown(value) -> str:
    return "none" if value is None else repr(value)


def _default_of(item) -> str:
    """The field's default for a message; never the value of a field that holds a credential."""
    from generator.validate.rules.secrets.secret_parameter_has_value import is_secret_parameter

    if is_secret_parameter({**item.node, "name": str(item.key[-1])}):
        return "(not shown: the field holds a credential)"
    return _shown(item.get("default"))


class InputDefaultChanged(ChangeRule):
    """An input's default changed: flows that never set the field now send another value.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: top, in: query, type: integer, default: 10}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: top, in: query, type: integer, default: 50}]}}}
    """

    code = "InputDefaultChanged"
    severity = Severity.WARNING
    summary = "an input's default changed"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and old.has_default and old.get("default") != new.get("default"):
            ctx.report(new.pointer, "The default value has been changed for the input field "
                       f"({_default_of(old)}, now {_default_of(new)}). Existing flows "
                       "that do not set it will send the new value. " + _words(pair, new), "keep the old default")


class CollectionFormatChanged(ChangeRule):
    """An array parameter is serialised another way (``collectionFormat``; csv when absent).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: ids, in: query, type: array, items: {type: string}}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: ids, in: query, type: array, items: {type: string},
                                         collectionFormat: multi}]}}}
    """

    code = "CollectionFormatChanged"
    severity = Severity.ERROR
    summary = "an array parameter's collectionFormat changed"

    def input(self, ctx, pair, old, new):
        if old is None or new is None or old.location is None or new.kind != "array":
            return
        before, after = old.get("collectionFormat", "csv"), new.get("collectionFormat", "csv")
        if before != after:
            ctx.report(new.pointer, f"The collection format has been changed for the input field ({before}, "
                       f"now {after}): the service receives the values of existing flows differently. "
                       + _words(pair, new), "keep the old collectionFormat")


class InputMadeInternal(ChangeRule):
    """A visible input became ``x-ms-visibility: internal``: what existing flows set is no longer
    sent. Without a default nothing is sent at all (breaking); with one, the default replaces the
    flows' values (potentially breaking).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string}]}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}},
                           parameters: [{name: q, in: query, type: string, x-ms-visibility: internal}]}}}
    """

    code = "InputMadeInternal"
    severity = Severity.ERROR
    summary = "a visible input became internal"

    def input(self, ctx, pair, old, new):
        if old is not None and new is not None and new.internal and not old.internal:
            ctx.report(new.pointer, "The input field has been hidden (x-ms-visibility: internal)"
                       + (f"; its default {_default_of(new)} replaces what existing flows set. "
                          if new.has_default else " without a default. Existing flows' values are no longer "
                          "sent. ") + _words(pair, new), "keep it visible",
                       Severity.WARNING if new.has_default else None)
