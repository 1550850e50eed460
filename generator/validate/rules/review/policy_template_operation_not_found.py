from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import OPERATION_NAME, parameter_pointer, policy_instances


def operation_ids(ctx) -> set:
    return {op.node.get("operationId") for op in ctx.operations}


class PolicyTemplateOperationNotFound(Rule):
    """Every operation a policy template names (``x-ms-apimTemplate-operationName``) must exist.

    The policy applies only to the operations listed; a name with no matching operationId
    (a typo, an operation renamed or removed) silently applies it to nothing. A warning: the
    upload succeeds, but the behaviour the policy was written for is gone.

    Passing example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: routerequesttoendpoint
              title: Route
              parameters: {x-ms-apimTemplate-operationName: [GetA], x-ms-apimTemplateParameter.newPath: /v2/a}

    Failing example::

        paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}
        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: routerequesttoendpoint
              title: Route
              parameters: {x-ms-apimTemplate-operationName: [GetA, GetB], x-ms-apimTemplateParameter.newPath: /v2/a}

    Reports: /properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/1
    """

    code = "PolicyTemplateOperationNotFound"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "operations named by policy templates exist"

    def properties(self, ctx, doc):
        known = None
        for pointer, _template, parameters in policy_instances(doc):
            names = parameters.get(OPERATION_NAME)
            entries = [(f"/{i}", n) for i, n in enumerate(names)] if isinstance(names, list) else [("", names)]
            for suffix, name in entries:
                if not isinstance(name, str):
                    continue
                known = operation_ids(ctx) if known is None else known
                if name not in known:
                    ctx.report(parameter_pointer(pointer, OPERATION_NAME) + suffix,
                               "the policy template names an operation that does not exist",
                               "use an operationId of the swagger, or remove the name")
