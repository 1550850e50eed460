from generator.findings import Severity
from generator.validate.rule import Rule


class InvalidFormDataParameterName(Rule):
    """A ``formData`` parameter's name may contain only US-ASCII characters.

    The name becomes a field name in the encoded form (a multipart header or a urlencoded key),
    where characters outside US-ASCII are not reliably carried.

    Passing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: fileName, in: formData, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: "nomDuFichié", in: formData, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1upload/post/parameters/0/name
    """

    code = "InvalidFormDataParameterName"
    severity = Severity.ERROR
    summary = "formData parameter names use US-ASCII characters only"

    def parameter(self, ctx, param):
        name = param.node.get("name")
        if param.node.get("in") != "formData" or not isinstance(name, str) or name.isascii():
            return
        where = f" of operation {param.operation.label}" if param.operation else ""
        ctx.report(param.pointer + "/name",
                   f"formData parameter name '{name}'{where} contains non-ASCII characters",
                   "rename the parameter using US-ASCII letters, digits and punctuation only")
