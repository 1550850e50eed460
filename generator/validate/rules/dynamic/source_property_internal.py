from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

DYNAMIC = ("x-ms-dynamic-list", "x-ms-dynamic-properties", "x-ms-dynamic-tree")


def _references(extension):
    """Yield the 'parameterReference' values of one dynamic extension, including
    x-ms-dynamic-tree's 'open'/'browse' parts."""
    if not isinstance(extension, dict):
        return
    parts = [extension] + [extension.get(k) for k in ("open", "browse")]
    for part in parts:
        params = part.get("parameters") if isinstance(part, dict) else None
        for value in (params.values() if isinstance(params, dict) else ()):
            if isinstance(value, dict) and isinstance(value.get("parameterReference"), str):
                yield value["parameterReference"]


def _internal(node) -> bool:
    return isinstance(node, dict) and node.get("x-ms-visibility") == "internal"


def _find_internal(ctx, op, reference: str) -> bool:
    """True when the referenced parameter, or a property on its path, is internal."""
    tokens = [t for t in reference.split("/") if t]
    if not tokens:
        return False
    params = {}
    for owner in (op.path_item.node, op.node):
        entries = owner.get("parameters")
        for param in (entries if isinstance(entries, list) else ()):
            param = ctx.deref(param)
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                params[param["name"]] = param
    param = params.get(tokens[0])
    if param is None:
        return False
    if _internal(param):
        return True
    node = ctx.deref(param.get("schema"))
    for token in tokens[1:]:
        props = node.get("properties") if isinstance(node, dict) else None
        if not isinstance(props, dict) or token not in props:
            return False
        node = ctx.deref(props[token])
        if _internal(node):
            return True
    return False


class SourcePropertyInternal(Rule):
    """A dynamic extension must not take its input from an internal parameter or property.

    ``x-ms-dynamic-list``/``-properties``/``-tree`` pass values from the current (source)
    operation to the lookup operation through ``parameterReference``. An internal value is never
    entered by the user, and Microsoft documents that its default is not used through such a
    reference: pass the default as a static ``value`` instead. The older ``x-ms-dynamic-values``
    and ``-schema`` ``{parameter: ...}`` form is not checked (certified connectors reference
    internal parameters that way).

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
              - {name: version, in: query, type: string}
              - name: list
                in: query
                type: string
                x-ms-dynamic-list:
                  operationId: GetLists
                  parameters: {version: {parameterReference: version}}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
              - {name: version, in: query, type: string, default: '2', required: true,
                 x-ms-visibility: internal}
              - name: list
                in: query
                type: string
                x-ms-dynamic-list:
                  operationId: GetLists
                  parameters: {version: {parameterReference: version}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/1/x-ms-dynamic-list

    Failing example::

        paths:
          /items:
            post:
              operationId: Op
              parameters:
                - {name: version, in: query, type: string, default: '2', required: true, x-ms-visibility: internal}
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      list:
                        type: string
                        x-ms-dynamic-list: {operationId: GetLists, parameters: {version: {parameterReference: version}}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/post/parameters/1/schema/properties/list/x-ms-dynamic-list
    """

    code = "SourcePropertyInternal"
    severity = Severity.ERROR
    summary = "dynamic extensions do not reference internal parameters of the source operation"
    keys = node_keys(*DYNAMIC)

    def _check(self, ctx, node, pointer, op):
        if op is None:
            return
        for name in DYNAMIC:
            for reference in _references(node.get(name)):
                if _find_internal(ctx, op, reference):
                    ctx.report(pointer + "/" + name,
                               f"the parameter reference '{reference}' in source operation "
                               f"{op.label} is internal or has an internal parent",
                               "make the parameter visible, or replace the reference with "
                               "{\"value\": <its default>}")

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, param.operation)

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, schema.operation)
