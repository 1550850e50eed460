from generator.findings import Severity
from generator.validate.rule import Rule


class FileParameterMustBeInFormData(Rule):
    """A parameter of type ``file`` must be in ``formData``.

    Files are uploaded as a part of a form body; a query, path or header parameter cannot carry
    one, so Swagger 2.0 and the platform only allow ``type: file`` with ``in: formData``.

    Passing example::

        paths:
          /upload:
            post:
              operationId: Upload
              consumes: [multipart/form-data]
              parameters: [{name: file, in: formData, type: file}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /upload:
            post:
              operationId: Upload
              parameters: [{name: file, in: query, type: file}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1upload/post/parameters/0
    """

    code = "FileParameterMustBeInFormData"
    severity = Severity.ERROR
    summary = "parameters of type 'file' are in formData"

    def parameter(self, ctx, param):
        if param.node.get("type") == "file" and param.location != "formData":
            ctx.report(param.pointer,
                       f"parameter '{param.name}' has type 'file' but is in '{param.location}'",
                       "put file parameters in formData (and consume multipart/form-data), or "
                       "send the file as a body schema of type string/binary")
