"""DynamicListExtensionRequiredForAmbiguousReferences, plus what the three sibling rules about the
``{"parameter": ...}`` references of x-ms-dynamic-values/-schema share: ``SourceOperations``
(which operations use a definition or a shared parameter), ``classify_reference`` and the base
``LegacyReferenceRule``."""

from __future__ import annotations

from typing import Any

from generator.findings import Severity, split_pointer
from generator.validate.rules.operation_parameter_name_not_found import (
    DynamicInvocationRule,
    Invocation,
    OperationIndex,
    arguments,
)

_DEFINITIONS = "#/definitions/"
_PARAMETERS = "#/parameters/"


def _owner(pointer: str) -> tuple[str, str] | None:
    """("definitions" | "parameters", name) when ``pointer`` lies in a shared definition or
    a shared parameter."""
    tokens = split_pointer(pointer)
    if len(tokens) >= 2 and tokens[0] in ("definitions", "parameters"):
        return tokens[0], tokens[1]
    return None


def _ref_name(ref: Any, prefix: str) -> str | None:
    if isinstance(ref, str) and ref.startswith(prefix) and "/" not in ref[len(prefix):]:
        return ref[len(prefix):].replace("~1", "/").replace("~0", "~")
    return None


class SourceOperations:
    """Which operations a node belongs to. Nodes under an operation know it; for nodes in
    ``#/definitions/X`` or ``#/parameters/X`` the operations are found from the ``$ref``s the
    traversal reports (definitions referenced by other definitions included)."""

    def __init__(self):
        self.users: dict[str, dict] = {}                # definition → {op pointer: operation}
        self.parents: dict[str, set[str]] = {}          # definition → definitions referencing it
        self.parameter_defs: dict[str, set[str]] = {}   # shared parameter → definitions it uses

    def record(self, schema) -> None:
        """Feed every schema event of the traversal."""
        target = _ref_name(schema.node.get("$ref"), _DEFINITIONS)
        if target is None:
            return
        if schema.operation is not None:
            self.users.setdefault(target, {})[schema.operation.pointer] = schema.operation
            return
        owner = _owner(schema.pointer)
        if owner is None:
            return
        kind, name = owner
        if kind == "definitions":
            self.parents.setdefault(target, set()).add(name)
        else:
            self.parameter_defs.setdefault(name, set()).add(target)

    def for_invocation(self, ctx, invocation: Invocation) -> list:
        if invocation.source is not None:
            return [invocation.source]
        owner = _owner(invocation.pointer)
        if owner is None:
            return []
        kind, name = owner
        return self._parameter_users(ctx, name) if kind == "parameters" else self._definition_users(ctx, name)

    def _definition_users(self, ctx, name: str) -> list:
        seen, todo, found = {name}, [name], {}
        while todo:
            current = todo.pop()
            found.update(self.users.get(current, {}))
            for parent in self.parents.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        for parameter, defs in self.parameter_defs.items():
            if defs & seen:
                found.update((op.pointer, op) for op in self._parameter_users(ctx, parameter))
        return [found[key] for key in sorted(found)]

    @staticmethod
    def _parameter_users(ctx, name: str) -> list:
        found = []
        for op in ctx.operations:
            for owner in (op.node, op.path_item.node):
                entries = owner.get("parameters")
                if any(isinstance(e, dict) and _ref_name(e.get("$ref"), _PARAMETERS) == name
                       for e in (entries if isinstance(entries, list) else ())):
                    found.append(op)
                    break
        return found


def _schema_properties(index: OperationIndex, schema: Any) -> set[str]:
    """Top-level property names of a (dereferenced) schema, ``allOf`` parts included."""
    schema = index.schema(schema)
    all_of = schema.get("allOf")
    names: set[str] = set()
    for part in [schema] + [index.schema(p) for p in (all_of if isinstance(all_of, list) else ())]:
        props = part.get("properties")
        if isinstance(props, dict):
            names |= {str(k) for k in props}
    return names


def classify_reference(index: OperationIndex, op, reference: Any) -> str | None:
    """What a first-syntax ``{"parameter": reference}`` names among the inputs of ``op``:
    "parameter", "property" (a field inside the body parameter, top level or as a dotted/slashed
    path), "ambiguous" (both a parameter and a top-level body field), or None (nothing)."""
    if not isinstance(reference, str) or not reference:
        return None
    params = index.parameters(op)
    names = {str(p.get("name")) for p in params if "name" in p}
    body = next((p for p in params if p.get("in") == "body"), None)
    fields = _schema_properties(index, body.get("schema")) if body is not None else set()
    if reference in names:
        return "ambiguous" if reference in fields else "parameter"
    if reference in fields:
        return "property"
    for separator in ("/", "."):
        steps = reference.split(separator)
        if len(steps) > 1 and body is not None:
            if steps[0] == str(body.get("name")):
                steps = steps[1:]
            if steps and steps[0] in fields:
                return "property"
    return None


class LegacyReferenceRule(DynamicInvocationRule):
    """Base for the rules that require the newer extension (``newer``) beside a first-syntax one
    (``legacy``) when one of its ``{"parameter": ...}`` references is of kind ``kind`` in the
    operation that holds it (see ``classify_reference``)."""

    legacy = ""
    newer = ""
    kind = ""

    def __init__(self):
        super().__init__()
        self.sources = SourceOperations()

    def schema(self, ctx, schema):
        super().schema(ctx, schema)
        self.sources.record(schema)

    def check(self, ctx, index, invocation):
        if invocation.extension != self.legacy or self.newer in invocation.host:
            return
        sources = self.sources.for_invocation(ctx, invocation)
        for arg in arguments(invocation):
            if arg.kind != "reference":
                continue
            hits = [op for op in sources if classify_reference(index, op, arg.payload) == self.kind]
            if hits:
                self.report(ctx, invocation, arg, hits[0])
                return

    def report(self, ctx, invocation, arg, op) -> None:
        raise NotImplementedError


class DynamicListExtensionRequiredForAmbiguousReferences(LegacyReferenceRule):
    """x-ms-dynamic-values whose reference is ambiguous needs x-ms-dynamic-list beside it.

    In x-ms-dynamic-values a ``{"parameter": "id"}`` reference names an input of the operation
    by a plain name. When that operation has both a parameter ``id`` and a body field ``id``,
    nothing says which one is meant. x-ms-dynamic-list names inputs by their full path
    (``id`` or ``body/id``), so it must be added to resolve the reference. For extensions in
    shared definitions or parameters, every operation using them is considered.

    Passing example::

        paths:
          /requests/{id}:
            post:
              operationId: UpdateRequest
              parameters:
                - {name: id, in: path, required: true, type: string}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      id: {type: string}
                      model:
                        type: string
                        x-ms-dynamic-values: {operationId: ListModels, parameters: {requestId: {parameter: id}}}
                        x-ms-dynamic-list: {operationId: ListModels, parameters: {requestId: {parameterReference: body/id}}}
              responses: {'200': {description: OK}}
          /models:
            get:
              operationId: ListModels
              parameters: [{name: requestId, in: query, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /requests/{id}:
            post:
              operationId: UpdateRequest
              parameters:
                - {name: id, in: path, required: true, type: string}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      id: {type: string}
                      model:
                        type: string
                        x-ms-dynamic-values: {operationId: ListModels, parameters: {requestId: {parameter: id}}}
              responses: {'200': {description: OK}}
          /models:
            get:
              operationId: ListModels
              parameters: [{name: requestId, in: query, type: string}]
              responses: {'200': {description: OK}}
    """

    code = "DynamicListExtensionRequiredForAmbiguousReferences"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-values with an ambiguous parameter reference has x-ms-dynamic-list"
    legacy, newer, kind = "x-ms-dynamic-values", "x-ms-dynamic-list", "ambiguous"

    def report(self, ctx, invocation, arg, op):
        ctx.report(arg.pointer,
                   f"x-ms-dynamic-values references '{arg.payload}', which in operation {op.label} "
                   f"is both a parameter and a body property, and there is no x-ms-dynamic-list",
                   "add x-ms-dynamic-list beside it, naming the input by its full path "
                   f"(\"parameterReference\": \"{arg.payload}\" or \"<body>/{arg.payload}\")")
