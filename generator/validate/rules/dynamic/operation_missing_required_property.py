from generator.findings import Severity
from generator.validate.rules._common import effective_parameters
from generator.validate.rules.dynamic._helpers import OperationReferenceRule


class OperationMissingRequiredProperty(OperationReferenceRule):
    """An extension that calls another operation must pass every required parameter of it.

    x-ms-dynamic-values/-schema/-list/-properties/-tree, x-ms-operation-context ``simulate``,
    x-ms-notification and x-ms-capabilities ``testConnection`` invoke the named operation with the
    inputs listed under their ``parameters``. A required parameter (path, query, header or form)
    that is not listed and has no ``default`` leaves the call incomplete. Body parameters are not
    judged, since their content may be passed property by property. An entry counts for a
    parameter when its key is the parameter's name or a path starting with it.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListFolders, value-path: id,
                                         parameters: {site: contoso}}}
              responses: {'200': {description: OK}}
          /folders:
            get:
              operationId: ListFolders
              parameters: [{name: site, in: query, required: true, type: string}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
                - {name: folder, in: query, type: string,
                   x-ms-dynamic-values: {operationId: ListFolders, value-path: id}}
              responses: {'200': {description: OK}}
          /folders:
            get:
              operationId: ListFolders
              parameters: [{name: site, in: query, required: true, type: string}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/x-ms-dynamic-values
    """

    code = "OperationMissingRequiredProperty"
    severity = Severity.ERROR
    summary = "extensions that invoke an operation pass all its required parameters"

    def check(self, ctx, by_id, invocation):
        target_id = invocation.node.get("operationId")
        target = by_id.get(target_id) if isinstance(target_id, str) else None
        if target is None:
            return
        given = invocation.node.get("parameters")
        keys = {str(k).split("/")[0] for k in given} if isinstance(given, dict) else set()
        for param, _ in effective_parameters(ctx, target):
            name = param.get("name")
            if (param.get("required") is not True or "default" in param
                    or param.get("in") == "body" or not isinstance(name, str) or name in keys):
                continue
            pointer = invocation.pointer + ("/parameters" if isinstance(given, dict) else "")
            ctx.report(pointer,
                       f"{invocation.extension} calls {target.label}, which requires parameter "
                       f"'{name}', but does not pass it",
                       f"add '{name}' to 'parameters' (a static value or a reference to an input)")
