from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import CONNECTION_PARAMETER_REF, policy_instances


def has_api_key_security(swagger) -> bool:
    definitions = swagger.get("securityDefinitions") if isinstance(swagger, dict) else None
    return any(isinstance(scheme, dict) and scheme.get("type") == "apiKey"
               for scheme in (definitions.values() if isinstance(definitions, dict) else ()))


def policy_referenced(properties) -> set[str]:
    """Connection parameter names (lower case) a policy template sends itself."""
    return {name.lower() for _pointer, _template, parameters in policy_instances(properties)
            for value in parameters.values() if isinstance(value, str)
            for name in CONNECTION_PARAMETER_REF.findall(value)}


class ApiKeyParameterNotNamedApiKey(Rule):
    """With an ``apiKey`` security definition, the key's connection parameter is named ``api_key``.

    The connection parameter the platform binds to an ``apiKey`` security definition is the one
    named ``api_key`` (518 of 540 merged API-key connectors use the name, and paconn's
    templates write it); under another name the key the user typed may never reach the
    header, and calls fail with 401. On the corpus it fires on 2 of 628 connectors. Reported at
    the secure connection parameters when none is named ``api_key``, except those a policy
    template sends itself (``@connectionParameters('token')`` in a setheader).
    A warning: script.csx can send the key too, which this rule does not follow.

    Passing example::

        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Api-Key}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}

    Failing example::

        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Api-Key}
        apiProperties:
          properties:
            connectionParameters:
              apiKey: {type: securestring}

    Reports: /properties/connectionParameters/apiKey
    """

    code = "ApiKeyParameterNotNamedApiKey"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "an apiKey security definition's connection parameter is named api_key"

    def properties(self, ctx, doc):
        params = ctx.connection_parameters
        if not params or "api_key" in params or not has_api_key_security(ctx.swagger):
            return
        sent_by_policy = policy_referenced(doc)
        for name, node in params.items():
            if (isinstance(node, dict) and node.get("type") == "securestring"
                    and name.lower() not in sent_by_policy):
                ctx.report(f"/properties/connectionParameters/{escape_token(name)}",
                           f"the API key's connection parameter is named '{name}', not 'api_key': "
                           f"the platform binds an apiKey security definition to 'api_key'",
                           "rename the connection parameter to api_key, or send it with a setheader "
                           "policy (@connectionParameters('name'))")
