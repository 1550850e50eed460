from generator.findings import Severity
from generator.validate.rule import Rule


class OperationPathMayNotContainQueryOrFragment(Rule):
    """An operation path must not contain a query part (``?``) or a fragment (``#``).

    The path key is only the path of the URL; query values belong in ``in: query`` parameters,
    and a fragment is never sent to the server. A literal ``?`` or ``#`` that really is part of a
    path segment has to be percent-encoded (``%3F``, ``%23``).

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, parameters: [{name: kind, in: query, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items?kind=open: {get: {operationId: ListItems, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items?kind=open
    """

    code = "OperationPathMayNotContainQueryOrFragment"
    severity = Severity.ERROR
    summary = "operation paths contain no '?' query part and no '#' fragment"

    def path_item(self, ctx, item):
        if item.path.startswith("x-"):
            return
        found = [c for c in "?#" if c in item.path]
        if found:
            ctx.report(item.pointer,
                       f"path '{item.path}' contains '{found[0]}', which starts a "
                       f"{'query' if found[0] == '?' else 'fragment'}",
                       "move query values into 'in: query' parameters, or percent-encode the "
                       "character (%3F for '?', %23 for '#')")
