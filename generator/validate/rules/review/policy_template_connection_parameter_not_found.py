from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    CONNECTION_PARAMETER_REF,
    connection_parameter_names,
    parameter_pointer,
    policy_instances,
)


class PolicyTemplateConnectionParameterNotFound(Rule):
    """``@connectionParameters('x')`` in a policy template must name a connection parameter.

    The platform substitutes the value the user gave when creating the connection; a name
    that no connection parameter (or parameter set) has leaves the request with nothing. Names
    are compared without regard to case, as the platform does: certified connectors refer to
    ``serialNumber`` as ``@connectionParameters('SerialNumber')`` and work.

    Passing example::

        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}
            policyTemplateInstances:
            - templateId: setheader
              title: Key
              parameters: {x-ms-apimTemplateParameter.name: X-Api-Key,
                           x-ms-apimTemplateParameter.value: "@connectionParameters('api_key')"}

    Failing example::

        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}
            policyTemplateInstances:
            - templateId: setheader
              title: Key
              parameters: {x-ms-apimTemplateParameter.name: X-Api-Key,
                           x-ms-apimTemplateParameter.value: "@connectionParameters('apikey')"}

    Reports: /properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value
    """

    code = "PolicyTemplateConnectionParameterNotFound"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "@connectionParameters('x') in policy templates names a connection parameter"

    def properties(self, ctx, doc):
        names = None
        for pointer, _template, parameters in policy_instances(doc):
            for key, value in parameters.items():
                if not isinstance(value, str):
                    continue
                for referenced in CONNECTION_PARAMETER_REF.findall(value):
                    names = connection_parameter_names(doc) if names is None else names
                    if referenced.lower() not in {name.lower() for name in names}:
                        ctx.report(parameter_pointer(pointer, key),
                                   f"@connectionParameters('{referenced}') names no connection parameter",
                                   f"use one of: {', '.join(sorted(names)) or '(none defined)'}")
