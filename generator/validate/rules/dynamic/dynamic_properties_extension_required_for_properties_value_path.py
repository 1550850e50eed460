"""DynamicPropertiesExtensionRequiredForPropertiesValuePath (its base ``DynamicHostRule`` is in
``_helpers``)."""

from __future__ import annotations

from generator.findings import Severity
from generator.validate.rules.dynamic._helpers import PROPERTIES_EXT, SCHEMA_EXT, DynamicHostRule, path_steps


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

    Reports: /paths/~1rows/post/parameters/0/schema/x-ms-dynamic-schema/value-path
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
