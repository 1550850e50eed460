import re

from generator.findings import Severity
from generator.validate.rule import Rule

_BAD_POINTER = re.compile(r"~(?![01])|%(?![0-9A-Fa-f]{2})")


def reference_shape(ref, kind: str) -> str:
    """'ok' for '#/<kind>/<name>'; 'pointer' for a '#...' fragment that is not a valid JSON
    pointer (JsonPointerNotValid's case); 'kind' for anything else (wrong place, external)."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        return "kind"
    fragment = ref[1:]
    if fragment and (not fragment.startswith("/") or _BAD_POINTER.search(fragment)):
        return "pointer"
    tokens = fragment.split("/")[1:] if fragment else []
    if len(tokens) != 2 or tokens[0] != kind or not tokens[1]:
        return "kind"
    return "ok"


class ParameterReferenceNotValid(Rule):
    """A parameter ``$ref`` must have the form ``#/parameters/<name>``.

    Parameters can only be shared through the root ``parameters`` object; a reference into
    another section, to a nested member, or to another file cannot be resolved by the platform.
    References that are not even valid JSON pointers are reported as JsonPointerNotValid.

    Passing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{$ref: '#/parameters/top'}]
              responses: {'200': {description: OK}}

    Failing example::

        parameters:
          top: {name: top, in: query, type: integer}
        paths:
          /a:
            get:
              operationId: GetA
              parameters: [{$ref: 'common.json#/parameters/top'}]
              responses: {'200': {description: OK}}
    """

    code = "ParameterReferenceNotValid"
    severity = Severity.ERROR
    summary = "parameter references have the form '#/parameters/<name>'"

    def _check(self, ctx, params, pointer):
        for index, param in enumerate(params if isinstance(params, list) else ()):
            if isinstance(param, dict) and "$ref" in param:
                ref = param["$ref"]
                if reference_shape(ref, "parameters") == "kind":
                    ctx.report(f"{pointer}/parameters/{index}/$ref",
                               f"the parameter reference '{ref}' is not valid",
                               "point to a shared parameter as '#/parameters/<name>'")

    def path_item(self, ctx, item):
        self._check(ctx, item.node.get("parameters"), item.pointer)

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("parameters"), op.pointer)
