from generator.findings import Severity
from generator.validate.rule import Rule


class PathParameterMustBeRequired(Rule):
    """A parameter with ``in: path`` must say ``required: true``.

    A path parameter fills a segment of the URL, so the request cannot be built without it;
    Swagger 2.0 makes ``required: true`` mandatory for it, and Power Platform rejects a path
    parameter that leaves it out or sets it to false. Shared parameters under ``#/parameters``
    are checked too.

    Passing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, type: string}], responses: {'200': {description: OK}}}}

    Reports: /paths/~1items~1{id}/get/parameters/0

    Failing example::

        parameters:
          Tag: {name: tag, in: path, type: string}
        paths:
          /items/{id}/tags/{tag}:
            parameters: [{name: id, in: path, type: string}]
            post:
              operationId: TagItem
              parameters: [{$ref: '#/parameters/Tag'}]
              responses: {'200': {description: OK}}

    Reports:
      - /paths/~1items~1{id}~1tags~1{tag}/parameters/0
      - /parameters/Tag
    """

    code = "PathParameterMustBeRequired"
    severity = Severity.ERROR
    summary = "path parameters are marked required: true"

    def parameter(self, ctx, param):
        if param.location == "path" and param.node.get("required") is not True:
            ctx.report(param.pointer, f"path parameter '{param.name}' is not marked as required",
                       "add \"required\": true")
