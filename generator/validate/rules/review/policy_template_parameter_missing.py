from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import PARAMETER_PREFIX, TEMPLATES, policy_instances


class PolicyTemplateParameterMissing(Rule):
    """A policy template instance must give every parameter its template requires.

    Each template needs its own parameters (``x-ms-apimTemplateParameter.<name>``): setheader
    and setqueryparameter a ``name`` and a ``value``, dynamichosturl a ``urlTemplate``,
    routerequesttoendpoint a ``newPath``, and so on, as Microsoft's apiProperties schema lists
    them. Without one the policy cannot be built and the upload fails.

    Passing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: routerequesttoendpoint
              title: Route
              parameters: {x-ms-apimTemplateParameter.newPath: /v2/items}

    Failing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheader
              title: Accept
              parameters: {x-ms-apimTemplateParameter.name: Accept}

    Reports: /properties/policyTemplateInstances/0/parameters
    """

    code = "PolicyTemplateParameterMissing"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "policy template instances give every required template parameter"

    def properties(self, ctx, doc):
        for pointer, template, parameters in policy_instances(doc):
            required = TEMPLATES.get(template, ((), ()))[0]
            missing = [name for name in required if PARAMETER_PREFIX + name not in parameters]
            if missing:
                keys = ", ".join(PARAMETER_PREFIX + name for name in missing)
                ctx.report(f"{pointer}/parameters",
                           f"the '{template}' policy template lacks its required parameter(s) {keys}",
                           f"add {keys} to the instance's parameters")
