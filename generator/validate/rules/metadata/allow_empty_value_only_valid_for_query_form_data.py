from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import describe_parameter


class AllowEmptyValueOnlyValidForQueryFormData(Rule):
    """Only query and formData parameters may use ``allowEmptyValue``.

    Swagger 2.0 defines ``allowEmptyValue`` (send the parameter with an empty value) for query
    and formData parameters only; a path, header or body parameter cannot be sent empty that
    way, so the keyword there is invalid. ``allowEmptyValue: false``, the default, is reported
    too: the keyword itself is not allowed in that location.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: filter, in: query, type: string, allowEmptyValue: true}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items/{id}:
            get:
              operationId: GetItem
              parameters: [{name: id, in: path, required: true, type: string, allowEmptyValue: true}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items~1{id}/get/parameters/0/allowEmptyValue
    """

    code = "AllowEmptyValueOnlyValidForQueryFormData"
    severity = Severity.ERROR
    summary = "'allowEmptyValue' is used only on query and formData parameters"
    keys = {"parameter": frozenset({"allowEmptyValue"})}

    def parameter(self, ctx, param):
        if "allowEmptyValue" in param.node and param.location not in ("query", "formData"):
            ctx.report(param.pointer + "/allowEmptyValue",
                       f"{describe_parameter(param)} is in '{param.location}' but uses "
                       f"'allowEmptyValue', which only query and formData parameters may use",
                       "remove 'allowEmptyValue' from this parameter")
