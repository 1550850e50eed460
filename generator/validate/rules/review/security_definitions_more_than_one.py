from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    connection_parameter_groups,
    parameter_type,
    security_definitions,
)

#: The connection parameter type each kind of security definition is bound to.
BOUND_TYPE = {"oauth2": "oauthsetting", "apiKey": "securestring"}


class SecurityDefinitionsMoreThanOne(Rule):
    """Without ``connectionParameterSets``, the swagger has at most one security definition.

    A connection authenticates one way: the connection dialog asks for the connection
    parameters, and the platform sends them as the one security definition says. Several
    ways are made with ``connectionParameterSets`` in apiProperties, one set per way
    (Microsoft's "multi-auth" page; the custom connector wizard offers one authentication
    type). A second definition without sets describes authentication no connection performs,
    usually a left-over (Ephesoft, merged, has an oauth2 and an apiKey definition and only
    an oauthSetting connection parameter). A warning: the upload accepts it. Reported once, at
    ``securityDefinitions``, naming the definitions no connection parameter serves. On the
    corpus it fires on 11 of 628 readable connectors (1.8 %).

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
          oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://login.contoso.com/authorize',
                  tokenUrl: 'https://login.contoso.com/token', scopes: {}}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}

    Reports: /securityDefinitions
    """

    code = "SecurityDefinitionsMoreThanOne"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "without connectionParameterSets the swagger has at most one security definition"

    def document(self, ctx, doc):
        definitions = security_definitions(doc)
        if len(definitions) < 2 or _has_parameter_sets(ctx.properties):
            return
        groups = [parameters for _pointer, parameters in connection_parameter_groups(ctx.properties)]
        types = {parameter_type(node) for group in groups for node in group.values()}
        unserved = [name for name, node in definitions.items()
                    if node.get("type") in BOUND_TYPE and BOUND_TYPE[node.get("type")] not in types]
        names = ", ".join(f"'{name}'" for name in definitions)
        detail = (f"; no connection parameter serves {', '.join(repr(n) for n in unserved)}"
                  if unserved and isinstance(ctx.properties, dict) else "")
        ctx.report("/securityDefinitions",
                   f"{len(definitions)} security definitions ({names}), but a connection "
                   f"authenticates one way{detail}",
                   "keep the one definition the connection parameters serve; for several ways to "
                   "connect, use connectionParameterSets in apiProperties")


def _has_parameter_sets(properties) -> bool:
    props = properties.get("properties") if isinstance(properties, dict) else None
    return isinstance(props, dict) and isinstance(props.get("connectionParameterSets"), dict)
