from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.secrets._helpers import SECRET_NAME, is_literal_credential, looks_like_key

PARAMETER_PREFIX = "x-ms-apimTemplateParameter."


def policy_instances(properties: dict):
    """(pointer, parameters) of every policy template instance with a parameters object."""
    props = properties.get("properties")
    instances = props.get("policyTemplateInstances") if isinstance(props, dict) else None
    for index, instance in enumerate(instances if isinstance(instances, list) else ()):
        parameters = instance.get("parameters") if isinstance(instance, dict) else None
        if isinstance(parameters, dict):
            yield f"/properties/policyTemplateInstances/{index}/parameters", parameters


def names_a_credential(parameters: dict) -> bool:
    """A setheader/setqueryparameter whose target header or query parameter is a credential."""
    name = parameters.get(PARAMETER_PREFIX + "name")
    return isinstance(name, str) and bool(SECRET_NAME.search(name))


class PolicyTemplateHasCredential(Rule):
    """A policy template must not write a literal credential into a request.

    A ``setheader`` of ``X-Api-Key`` with a fixed value, or a ``setproperty`` whose value is a
    40-digit key, publishes the key with the connector and shares it with every user. The value
    belongs in a secure connection parameter the policy refers to
    (``@connectionParameters('api_key')``). Reported: a literal value of a template that sets a
    header or query parameter named as a credential, and any literal that looks like a key (a
    long hex or base64url token, a ready-made ``Basic``/``Bearer`` value). Expressions,
    placeholders and ordinary values are not.

    Passing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheader
              title: key
              parameters:
                x-ms-apimTemplateParameter.name: X-Api-Key
                x-ms-apimTemplateParameter.value: "@connectionParameters('api_key')"
                x-ms-apimTemplate-policySection: Request

    Failing example::

        apiProperties:
          properties:
            policyTemplateInstances:
            - templateId: setheader
              title: key
              parameters:
                x-ms-apimTemplateParameter.name: X-Api-Key
                x-ms-apimTemplateParameter.value: k3y-v4lue
                x-ms-apimTemplate-policySection: Request

    Reports: /properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value
    """

    code = "PolicyTemplateHasCredential"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "policy templates write no literal credential"

    def properties(self, ctx, doc):
        for pointer, parameters in policy_instances(doc):
            named_credential = names_a_credential(parameters)
            for key, value in parameters.items():
                if not key.startswith(PARAMETER_PREFIX) or key == PARAMETER_PREFIX + "name":
                    continue
                is_value = key == PARAMETER_PREFIX + "value"
                if (named_credential and is_value and is_literal_credential(value)) or looks_like_key(value):
                    ctx.report(f"{pointer}/{escape_token(key)}",
                               "the policy template writes a literal credential into every request; "
                               "it is published with the connector",
                               "move it into a securestring connection parameter and refer to it as "
                               "@connectionParameters('name') (and revoke the credential if it is real)")
