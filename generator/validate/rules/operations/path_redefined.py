from generator.findings import Severity
from generator.validate.rule import Rule


class PathRedefined(Rule):
    """No two path keys may differ only in capitalization.

    Power Platform matches paths without regard to case, so ``/Items`` and ``/items`` are the
    same path defined twice and the router cannot tell which one a request is for.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}
          /Items: {post: {operationId: AddItem, responses: {'200': {description: OK}}}}

    Reports: /paths/~1Items
    """

    code = "PathRedefined"
    severity = Severity.ERROR
    summary = "path keys are unique when compared case-insensitively"

    def __init__(self):
        self.seen: dict[str, str] = {}

    def path_item(self, ctx, item):
        if item.path.startswith("x-"):
            return
        key = item.path.lower()
        if key in self.seen:
            ctx.report(item.pointer,
                       f"path '{item.path}' is already defined as '{self.seen[key]}' (they differ "
                       f"only in capitalization)",
                       "merge the operations into one path, or make the paths differ in more than case")
        else:
            self.seen[key] = item.path
