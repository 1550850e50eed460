from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys

#: x-ms-dynamic-values names its source by one of these.
DYNAMIC_VALUES_SOURCE = ("operationId", "capability", "builtInOperation")
#: Each parameter of the newer dynamic extensions is a static value or a reference.
PARAMETER_FORMS = ("value", "parameterReference")
#: x-ms-dynamic-tree's browse step may also pass the selected item (selectedItemValuePath).
TREE_PARAMETER_FORMS = PARAMETER_FORMS + ("selectedItemValuePath",)
NEWER_DYNAMIC = ("x-ms-dynamic-list", "x-ms-dynamic-properties")


class OneOfPropertiesRequired(Rule):
    """Dynamic extensions must give at least one of their alternative members.

    ``x-ms-dynamic-values`` fetches its choices from an operation (``operationId``) or a built-in
    capability (``capability``, ``builtInOperation``): without one of them it has no source. Each
    entry of ``parameters`` in ``x-ms-dynamic-list`` and ``x-ms-dynamic-properties`` (and in the
    ``open``/``browse`` parts of ``x-ms-dynamic-tree``) passes either a static ``value`` or a
    ``parameterReference`` (in x-ms-dynamic-tree also ``selectedItemValuePath``); an entry with
    none of them passes nothing.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - name: list
                  in: query
                  type: string
                  x-ms-dynamic-list: {operationId: GetLists, parameters: {version: {value: '2'}}}
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - name: list
                  in: query
                  type: string
                  x-ms-dynamic-list: {operationId: GetLists, parameters: {version: {default: '2'}}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-list/parameters/version

    Failing example::

        paths:
          /items:
            post:
              operationId: Op
              parameters:
                - name: body
                  in: body
                  schema:
                    type: object
                    properties:
                      list: {type: string, x-ms-dynamic-list: {operationId: GetLists, parameters: {version: {default: '2'}}}}
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/post/parameters/0/schema/properties/list/x-ms-dynamic-list/parameters/version
    """

    code = "OneOfPropertiesRequired"
    severity = Severity.ERROR
    summary = "dynamic extensions give one of their alternative members"
    keys = node_keys("x-ms-dynamic-values", "x-ms-dynamic-tree", *NEWER_DYNAMIC)

    def _one_of(self, ctx, holder, names, pointer, where):
        if isinstance(holder, dict) and not any(name in holder for name in names):
            ctx.report(pointer, f"{where} needs at least one of the properties: [{', '.join(names)}]",
                       f"add one of {', '.join(names)}")

    def _parameters(self, ctx, extension, pointer, where, forms=PARAMETER_FORMS):
        params = extension.get("parameters") if isinstance(extension, dict) else None
        for name, value in (params.items() if isinstance(params, dict) else ()):
            self._one_of(ctx, value, forms, f"{pointer}/parameters/{escape_token(name)}",
                         f"parameter '{name}' of {where}")

    def _check(self, ctx, node, pointer, where):
        self._one_of(ctx, node.get("x-ms-dynamic-values"), DYNAMIC_VALUES_SOURCE,
                     pointer + "/x-ms-dynamic-values", f"x-ms-dynamic-values of {where}")
        for key in NEWER_DYNAMIC:
            self._parameters(ctx, node.get(key), f"{pointer}/{key}", f"{key} of {where}")
        tree = node.get("x-ms-dynamic-tree")
        for part in ("open", "browse"):
            if isinstance(tree, dict):
                self._parameters(ctx, tree.get(part), f"{pointer}/x-ms-dynamic-tree/{part}",
                                 f"x-ms-dynamic-tree '{part}' of {where}", TREE_PARAMETER_FORMS)

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer, f"parameter '{param.name}'")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer, f"schema '{schema.name}'" if schema.name else "a schema")
