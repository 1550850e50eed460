"""DynamicPropertiesExtensionRequiredForPropertiesValuePath, plus ``DynamicHostRule`` and
``path_steps``, which the sibling x-ms-dynamic-schema/-properties rules of this set import."""

from __future__ import annotations

from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.exclusive_maximum_requires_maximum import (
    describe_parameter,
    describe_schema,
)

SCHEMA_EXT = "x-ms-dynamic-schema"
PROPERTIES_EXT = "x-ms-dynamic-properties"
_CONTENT = "x-ms-notification-content"


def path_steps(value: Any) -> list[str]:
    """The steps of a path string (``a/b/c``; a leading slash or empty steps are ignored)."""
    return [step for step in value.split("/") if step] if isinstance(value, str) else []


class DynamicHostRule(Rule):
    """Base for rules about the dynamic extensions written on one node: every parameter and
    schema, plus the root schema of x-ms-notification-content (the traversal does not visit it).
    Subclasses define ``check(ctx, node, pointer, where)``."""

    def parameter(self, ctx, param):
        self.check(ctx, param.node, param.pointer, describe_parameter(param))

    def schema(self, ctx, schema):
        self.check(ctx, schema.node, schema.pointer, describe_schema(schema))

    def path_item(self, ctx, item):
        self._content(ctx, item.node, item.pointer, f"path '{item.path}'")

    def operation(self, ctx, op):
        self._content(ctx, op.node, op.pointer, f"operation {op.label}")

    def _content(self, ctx, owner, pointer, where):
        content = owner.get(_CONTENT)
        schema = content.get("schema") if isinstance(content, dict) else None
        if isinstance(schema, dict):
            self.check(ctx, schema, f"{pointer}/{_CONTENT}/schema",
                       f"the notification payload of {where}")

    def check(self, ctx, node: dict, pointer: str, where: str) -> None:
        raise NotImplementedError


class DynamicPropertiesExtensionRequiredForPropertiesValuePath(DynamicHostRule):
    """An x-ms-dynamic-schema whose ``value-path`` ends in ``properties`` needs
    x-ms-dynamic-properties beside it.

    Such a value-path points at the ``properties`` of a schema rather than at the schema object.
    The newer x-ms-dynamic-properties extension, whose ``itemValuePath`` names the schema object
    itself, is required in that case so the designer gets a complete schema.

    Passing example::

        paths:
          /rows:
            post:
              operationId: AddRow
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}, value-path: schema/properties}
                    x-ms-dynamic-properties: {operationId: GetRowSchema, parameters: {}, itemValuePath: schema}
              responses: {'200': {description: OK}}
          /schema:
            get: {operationId: GetRowSchema, responses: {'200': {description: OK}}}

    Failing example::

        paths:
          /rows:
            post:
              operationId: AddRow
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    x-ms-dynamic-schema: {operationId: GetRowSchema, parameters: {}, value-path: schema/properties}
              responses: {'200': {description: OK}}
          /schema:
            get: {operationId: GetRowSchema, responses: {'200': {description: OK}}}
    """

    code = "DynamicPropertiesExtensionRequiredForPropertiesValuePath"
    severity = Severity.ERROR
    summary = "x-ms-dynamic-schema with a value-path ending in 'properties' has x-ms-dynamic-properties"

    def check(self, ctx, node, pointer, where):
        dynamic = node.get(SCHEMA_EXT)
        if not isinstance(dynamic, dict) or PROPERTIES_EXT in node:
            return
        steps = path_steps(dynamic.get("value-path"))
        if steps and steps[-1] == "properties":
            ctx.report(f"{pointer}/{SCHEMA_EXT}/value-path",
                       f"the {SCHEMA_EXT} of {where} has value-path "
                       f"'{dynamic.get('value-path')}', which points to schema properties, but "
                       f"no {PROPERTIES_EXT}",
                       f"add {PROPERTIES_EXT} calling the same operation, with itemValuePath "
                       f"'{'/'.join(steps[:-1])}' (the schema object)")
