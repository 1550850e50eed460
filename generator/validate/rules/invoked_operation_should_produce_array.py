"""InvokedOperationShouldProduceArray, plus what InvokedOperationShouldProduceProperty shares with
it: ``success_schema``, ``follow_path`` and ``ResponsePathRule``, which read the paths a dynamic
extension expects in the invoked operation's successful response."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.findings import Severity
from generator.validate.rules.dynamic_properties_extension_required_for_properties_value_path import (
    path_steps,
)
from generator.validate.rules.operation_parameter_name_not_found import (
    DynamicInvocationRule,
    Invocation,
    OperationIndex,
)

#: Per extension: the key naming the array of items (None: the extension reads no list), and the
#: keys naming a property - inside each item when there is a list, else from the response root.
LIST_KEYS = {
    "x-ms-dynamic-values": ("value-collection", ("value-path", "value-title")),
    "x-ms-dynamic-list": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-tree/open": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-tree/browse": ("itemsPath", ("itemValuePath", "itemTitlePath")),
    "x-ms-dynamic-schema": (None, ("value-path",)),
    "x-ms-dynamic-properties": (None, ("itemValuePath",)),
}


def success_schema(index: OperationIndex, op) -> dict | None:
    """The schema of the operation's first successful (2xx) response that has one."""
    responses = op.node.get("responses")
    if not isinstance(responses, dict):
        return None
    for status in sorted(str(s) for s in responses):
        if not status.startswith("2"):
            continue
        response = index.ctx.deref(responses.get(status) if status in responses else None)
        if response is None:  # YAML may have read the status as an integer
            response = index.ctx.deref(responses.get(int(status)) if status.isdigit() else None)
        if isinstance(response, dict) and isinstance(response.get("schema"), dict):
            return index.schema(response["schema"])
    return None


@dataclass(frozen=True)
class Found:
    """The outcome of following a path string through a response schema."""

    state: str            # "found", "missing" or "unknown" (the schema is open or untyped there)
    node: Any = None      # found: the schema at the path
    step: str = ""        # missing: the first step that is not defined


def _members(index: OperationIndex, node: dict) -> tuple[dict, bool]:
    """Declared properties of ``node`` (``allOf`` parts merged) and whether it is closed, i.e.
    declares properties and allows no others."""
    props: dict = {}
    open_ = False
    all_of = node.get("allOf")
    parts = [node] + [index.schema(p) for p in (all_of if isinstance(all_of, list) else ())]
    for part in parts:
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
        if part.get("additionalProperties") not in (None, False):
            open_ = True
    return props, bool(props) and not open_


def follow_path(index: OperationIndex, schema: Any, steps: list[str]) -> Found:
    node = index.schema(schema)
    for step in steps:
        if not node:
            return Found("unknown")
        props, closed = _members(index, node)
        # a name differing only in case is given the benefit of the doubt
        match = step if step in props else next(
            (name for name in props if isinstance(name, str) and name.lower() == step.lower()), None)
        if match is not None:
            node = index.schema(props[match])
        elif closed and node.get("type") in (None, "object"):
            return Found("missing", step=step)
        else:
            return Found("unknown")
    return Found("found", node)


def is_array(node: dict) -> bool | None:
    """True/False when the schema says whether it is an array, None when it does not say."""
    if node.get("type") == "array" or "items" in node:
        return True
    if isinstance(node.get("properties"), dict) and node["properties"]:
        return False
    # Untyped, an object whose members are not declared, or a plain type: accepted connectors
    # write ``type: string`` as a placeholder for responses the designer parses as JSON.
    return None


class ResponsePathRule(DynamicInvocationRule):
    """Base for rules that follow an invocation's paths through the invoked operation's
    successful response; subclasses define ``judge``."""

    def check(self, ctx, index, invocation):
        keys = LIST_KEYS.get(invocation.extension)
        target = index.find(invocation.operation_id)
        if keys is None or target is None:
            return
        schema = success_schema(index, target)
        if schema is None:
            return
        self.judge(ctx, index, invocation, target, schema, *keys)

    def judge(self, ctx, index, invocation: Invocation, target, schema: dict,
              list_key: str | None, property_keys: tuple) -> None:
        raise NotImplementedError


class InvokedOperationShouldProduceArray(ResponsePathRule):
    """The list a dynamic extension reads must be an array in the invoked operation's response.

    x-ms-dynamic-values (``value-collection``), x-ms-dynamic-list and the steps of
    x-ms-dynamic-tree (``itemsPath``) take the options of a dropdown or picker from an array in
    the successful response of the operation they call; without the path, the response itself
    must be the array. When the response schema declares that place as something else, or its
    declared properties do not include the path, the dropdown stays empty. Open or untyped
    schemas (no declared properties, ``additionalProperties``), plain types used as placeholders
    (``type: string``), names that differ only in case, and operations without a response schema
    are given the benefit of the doubt. 13 accepted corpus connectors still have such mismatches
    (``value-collection: value`` where the schema says ``values``, an object response without
    ``value-collection``); they are reported, as the dropdowns they describe cannot be filled
    from the declared response.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: value, value-path: id}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties: {value: {type: array, items: {type: object, properties: {id: {type: string}}}}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: kind, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListKinds, value-collection: kinds, value-path: id}}
              responses: {'200': {description: OK}}
          /kinds:
            get:
              operationId: ListKinds
              responses:
                '200':
                  description: OK
                  schema:
                    type: object
                    properties: {value: {type: array, items: {type: object, properties: {id: {type: string}}}}}
    """

    code = "InvokedOperationShouldProduceArray"
    severity = Severity.ERROR
    summary = "the list path of a dynamic extension is an array in the invoked operation's response"

    def judge(self, ctx, index, invocation, target, schema, list_key, property_keys):
        if list_key is None:
            return
        raw = invocation.node.get(list_key)
        steps = path_steps(raw)
        found = follow_path(index, schema, steps)
        if found.state == "unknown" or (found.state == "found" and is_array(found.node) is not False):
            return
        path = "/".join(steps) or "(the response root)"
        ctx.report(invocation.pointer + (f"/{list_key}" if raw is not None else ""),
                   f"{invocation.extension} expects an array at '{path}' in the successful "
                   f"response of operation {target.label}, but "
                   + (f"its schema has no property '{found.step}'" if found.state == "missing"
                      else "its schema is not an array there"),
                   f"point '{list_key}' at the array of items in {target.label}'s response, or "
                   "define that array in the response schema")
