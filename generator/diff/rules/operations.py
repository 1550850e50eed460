"""Operations: removed, renamed, moved, hidden, deprecated, added."""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.findings import Severity

NEW_REVISION = "add a new revision instead (x-ms-api-annotation family/revision) and deprecate this one"


class OperationRemoved(ChangeRule):
    """An operation present before is gone (neither its operationId nor its method and path remain).

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}},
                /b: {get: {operationId: GetB, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
    """

    code = "OperationRemoved"
    severity = Severity.ERROR
    summary = "an operation was deleted"

    def document(self, ctx):
        for op in ctx.removed:
            ctx.report_old(op.pointer, f"The operation has been deleted. This change breaks existing flows. "
                           f"Operation {op.label} ({op.method.upper()} {op.path}).",
                           "keep it and mark it deprecated: true, pointing at its replacement")


class OperationIdRenamed(ChangeRule):
    """The operation at the same method and path has a new operationId: flows refer to operations
    by id, so existing flows lose it.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetItems, responses: {'200': {description: OK}}}}}
    """

    code = "OperationIdRenamed"
    severity = Severity.ERROR
    summary = "an operationId changed (same method and path)"

    def operation(self, ctx, pair):
        if pair.renamed:
            ctx.report(pair.new.pointer + "/operationId",
                       f"The operation has been updated. This change breaks existing flows: operationId "
                       f"'{pair.old.id}' is now '{pair.new.id}' ({pair.new.method.upper()} {pair.new.path}).",
                       "keep the old operationId; " + NEW_REVISION)


class PathTemplateChanged(ChangeRule):
    """The operation (same operationId) now calls another path (basePath included).

    Before example::

        paths: {'/items/{id}': {get: {operationId: GetItem, responses: {'200': {description: OK}},
                                    parameters: [{name: id, in: path, required: true, type: string}]}}}

    After example::

        paths: {'/v2/items/{id}': {get: {operationId: GetItem, responses: {'200': {description: OK}},
                                       parameters: [{name: id, in: path, required: true, type: string}]}}}
    """

    code = "PathTemplateChanged"
    severity = Severity.ERROR
    summary = "an operation's path template changed"

    def operation(self, ctx, pair):
        if pair.old.path != pair.new.path and not pair.renamed:
            ctx.report(pair.new.pointer, f"The path template has been changed for the operation. Operation "
                       f"{pair.new.label}: '{pair.old.path}' is now '{pair.new.path}'.", NEW_REVISION)


class MethodChanged(ChangeRule):
    """The operation (same operationId) now uses another HTTP method.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {post: {operationId: GetA, responses: {'200': {description: OK}}}}}
    """

    code = "MethodChanged"
    severity = Severity.ERROR
    summary = "an operation's HTTP method changed"

    def operation(self, ctx, pair):
        if pair.old.method != pair.new.method:
            ctx.report(pair.new.pointer, f"The HTTP method has been changed for the operation. Operation "
                       f"{pair.new.label}: {pair.old.method.upper()} is now {pair.new.method.upper()}.",
                       NEW_REVISION)


class OperationHidden(ChangeRule):
    """A visible operation became ``x-ms-visibility: internal``: the designer no longer shows the
    cards of existing flows that use it.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, x-ms-visibility: internal, responses: {'200': {description: OK}}}}}
    """

    code = "OperationHidden"
    severity = Severity.ERROR
    summary = "a visible operation became internal"

    def operation(self, ctx, pair):
        if pair.new.internal and not pair.old.internal:
            ctx.report(pair.new.pointer + "/x-ms-visibility",
                       f"The operation has been hidden. This change breaks the designer for existing flows. "
                       f"Operation {pair.new.label}.",
                       "deprecate it (deprecated: true) instead of hiding it")


def replacement_of(ctx, op) -> str | None:
    """The operation of NEW that replaces ``op`` the documented way: named by
    x-ms-api-annotation.replacement, or a non-deprecated member of its family with a higher revision."""
    named = op.annotation.get("replacement")
    if isinstance(named, dict) and named.get("operationId") in ctx.new.operations:
        return str(named["operationId"])
    for candidate in ctx.new.operations.values():
        if (candidate.id != op.id and not candidate.deprecated and candidate.family == op.family
                and candidate.revision > op.revision):
            return candidate.id
    return None


class OperationDeprecated(ChangeRule):
    """An operation was deprecated the documented way: a replacement shares its
    ``x-ms-api-annotation`` family with a higher revision (or is named by ``replacement``).
    Existing flows keep working; the designer offers the new revision.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths:
          /a: {get: {operationId: GetA, deprecated: true, responses: {'200': {description: OK}},
                     x-ms-api-annotation: {family: GetA, revision: 1}}}
          /v2/a: {get: {operationId: GetA_V2, responses: {'200': {description: OK}},
                        x-ms-api-annotation: {family: GetA, revision: 2}}}
    """

    code = "OperationDeprecated"
    severity = Severity.INFO
    summary = "an operation was deprecated in favour of a new revision"

    def operation(self, ctx, pair):
        if pair.new.deprecated and not pair.old.deprecated:
            successor = replacement_of(ctx, pair.new)
            if successor is not None:
                ctx.report(pair.new.pointer + "/deprecated",
                           f"Operation {pair.new.label} has been deprecated in favour of '{successor}'. "
                           "Existing flows keep working.")


class OperationDeprecatedWithoutReplacement(ChangeRule):
    """An operation was deprecated with no replacement: no operation of its family with a higher
    revision and no ``x-ms-api-annotation.replacement``. Makers lose the action in the designer
    with nothing to move to.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, deprecated: true, responses: {'200': {description: OK}}}}}
    """

    code = "OperationDeprecatedWithoutReplacement"
    severity = Severity.WARNING
    summary = "an operation was deprecated without a new revision or replacement"

    def operation(self, ctx, pair):
        if pair.new.deprecated and not pair.old.deprecated and replacement_of(ctx, pair.new) is None:
            ctx.report(pair.new.pointer + "/deprecated",
                       f"Operation {pair.new.label} has been deprecated without a replacement: no operation "
                       "of its x-ms-api-annotation family has a higher revision.",
                       "add the new revision (same family, higher revision) or "
                       "x-ms-api-annotation.replacement")


class OperationAdded(ChangeRule):
    """A new operation. Existing flows are not affected.

    Before example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

    After example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}},
                     post: {operationId: CreateA, responses: {'200': {description: OK}}}}}
    """

    code = "OperationAdded"
    severity = Severity.INFO
    summary = "a new operation"

    def document(self, ctx):
        for op in ctx.added:
            ctx.report(op.pointer, f"The operation has been added: {op.label} ({op.method.upper()} {op.path}).")
