from __future__ import annotations

from typing import Any

from generator.findings import Severity
from generator.validate.rule import Rule

MAX_SCHEMAS = 16384
MAX_DEPTH = 200


class SchemaCounter:
    """Counts the schema objects of a schema with its ``$ref``s expanded. A reference back into
    a definition that is being expanded counts once (the loop is not unrolled); the size of each
    definition is remembered, so shared definitions are expanded once per connector."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.sizes: dict[str, int] = {}
        self.expanding: set[str] = set()

    def count(self, node: Any, depth: int = 0) -> int:
        return self._count(node, depth) if isinstance(node, dict) else 0

    def _count(self, node: dict, depth: int) -> int:
        # Plain loops that skip non-objects before calling: this runs on every schema of every
        # operation (the order of the calls, which the remembered sizes depend on, is unchanged).
        if depth > MAX_DEPTH:
            return 1
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref in self.sizes:
                return self.sizes[ref]
            if ref in self.expanding:
                return 1
            self.expanding.add(ref)
            size = self.count(self.ctx.resolve(ref), depth + 1) or 1
            self.expanding.discard(ref)
            self.sizes[ref] = size
            return size
        total = 1
        deeper = depth + 1
        props = node.get("properties")
        if isinstance(props, dict):
            for sub in props.values():
                if isinstance(sub, dict):
                    total += self._count(sub, deeper)
        items = node.get("items")
        if isinstance(items, list):
            for sub in items:
                if isinstance(sub, dict):
                    total += self._count(sub, deeper)
        elif isinstance(items, dict):
            total += self._count(items, deeper)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            total += self._count(extra, deeper)
        all_of = node.get("allOf")
        if isinstance(all_of, list):
            for sub in all_of:
                if isinstance(sub, dict):
                    total += self._count(sub, deeper)
        return total

    def operation(self, op) -> int:
        total = 0
        params = op.node.get("parameters")
        shared = op.path_item.node.get("parameters")
        for raw in (shared if isinstance(shared, list) else []) + (params if isinstance(params, list) else []):
            param = self.ctx.deref(raw)
            if isinstance(param, dict):
                total += self.count(param.get("schema")) if param.get("in") == "body" else (
                    1 + self.count(param.get("items")))
        responses = op.node.get("responses")
        for raw in (responses.values() if isinstance(responses, dict) else ()):
            response = self.ctx.deref(raw)
            if not isinstance(response, dict):
                continue
            total += self.count(response.get("schema"))
            headers = response.get("headers")
            if isinstance(headers, dict):
                total += sum(self.count(h) for h in headers.values())
        return total


class OperationSchemaCountExceedsMaxAllowed(Rule):
    """One operation's inputs and outputs may hold at most 16,384 schemas, references expanded.

    Microsoft documents 16,384 as the maximum number of schemas per operation (custom connector
    FAQ, limits table). Each parameter, body or response schema, property, item and allOf part
    counts, and a ``$ref`` counts the whole definition it points to, as often as it is used; a
    reference back into a definition already being expanded counts once.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK, schema: {$ref: '#/definitions/L0'}}}}}
        definitions:
          L0: {type: object, properties: {a: {type: string}}}

    Failing example::

        # each level doubles: L13 expands to 2^15 - 1 = 32,767 schemas
        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK, schema: {$ref: '#/definitions/L13'}}}}}
        definitions:
          L0: {type: object, properties: {a: {type: string}, b: {type: string}}}
          L1: {type: object, properties: {a: {$ref: '#/definitions/L0'}, b: {$ref: '#/definitions/L0'}}}
          L2: {type: object, properties: {a: {$ref: '#/definitions/L1'}, b: {$ref: '#/definitions/L1'}}}
          L3: {type: object, properties: {a: {$ref: '#/definitions/L2'}, b: {$ref: '#/definitions/L2'}}}
          L4: {type: object, properties: {a: {$ref: '#/definitions/L3'}, b: {$ref: '#/definitions/L3'}}}
          L5: {type: object, properties: {a: {$ref: '#/definitions/L4'}, b: {$ref: '#/definitions/L4'}}}
          L6: {type: object, properties: {a: {$ref: '#/definitions/L5'}, b: {$ref: '#/definitions/L5'}}}
          L7: {type: object, properties: {a: {$ref: '#/definitions/L6'}, b: {$ref: '#/definitions/L6'}}}
          L8: {type: object, properties: {a: {$ref: '#/definitions/L7'}, b: {$ref: '#/definitions/L7'}}}
          L9: {type: object, properties: {a: {$ref: '#/definitions/L8'}, b: {$ref: '#/definitions/L8'}}}
          L10: {type: object, properties: {a: {$ref: '#/definitions/L9'}, b: {$ref: '#/definitions/L9'}}}
          L11: {type: object, properties: {a: {$ref: '#/definitions/L10'}, b: {$ref: '#/definitions/L10'}}}
          L12: {type: object, properties: {a: {$ref: '#/definitions/L11'}, b: {$ref: '#/definitions/L11'}}}
          L13: {type: object, properties: {a: {$ref: '#/definitions/L12'}, b: {$ref: '#/definitions/L12'}}}

    Reports: /paths/~1items/get
    """

    code = "OperationSchemaCountExceedsMaxAllowed"
    severity = Severity.ERROR
    summary = "an operation holds at most 16,384 schemas with references expanded"

    def finish(self, ctx):
        counter = SchemaCounter(ctx)
        for op in ctx.operations:
            total = counter.operation(op)
            if total > MAX_SCHEMAS:
                ctx.report(op.pointer,
                           f"operation {op.label} holds {total} schemas (references expanded); at "
                           f"most {MAX_SCHEMAS} are allowed",
                           "remove unneeded properties, or split the operation; a response can "
                           "also use x-ms-dynamic-schema instead of a large static schema")
