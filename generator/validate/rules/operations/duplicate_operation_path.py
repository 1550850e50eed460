import re

from generator.findings import Severity
from generator.validate.rule import Rule

_VARIABLE = re.compile(r"\{[^{}]*\}")


def path_shape(path: str) -> str:
    """A path with every template variable blanked and case folded: '/Items/{id}' → '/items/{}'."""
    return _VARIABLE.sub("{}", path).lower()


class DuplicateOperationPath(Rule):
    """Two operations with the same method may not have paths that differ only in variable names.

    Requests are routed by the static segments of the path; ``GET /items/{id}`` and
    ``GET /items/{name}`` (or ``/Items/{name}``) match exactly the same URLs, so one of the two
    operations can never be reached. Paths that are identical apart from case are left to
    PathRedefined. A trailing slash counts as a difference: several certified connectors rely on
    it (e.g. ``/messages`` and ``/messages/``).

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /items/{id}/owner: {get: {operationId: GetOwner, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /items/{name}: {get: {operationId: GetItemByName, parameters: [{name: name, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1{name}/get
    """

    code = "DuplicateOperationPath"
    severity = Severity.ERROR
    summary = "operations of one method have paths that differ in their static segments"

    def __init__(self):
        self.first: dict[tuple, object] = {}

    def operation(self, ctx, op):
        if not isinstance(op.path, str):
            return
        key = (op.method, path_shape(op.path))
        earlier = self.first.get(key)
        if earlier is None:
            self.first[key] = op
            return
        if earlier.path.lower() == op.path.lower():
            return  # same path in another spelling: PathRedefined
        ctx.report(op.pointer,
                   f"operations {earlier.label} and {op.label} have the indistinguishable paths "
                   f"'{earlier.path}' and '{op.path}' ({op.method.upper()})",
                   "make the paths differ in at least one static segment, or merge the operations")
