from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    BASIC_PARAMETERS,
    OAUTH_SETTING,
    connection_parameter_groups,
    parameter_type,
    referenced_connection_parameters,
    security_types,
)


class ConnectionParameterWithoutSecurityDefinition(Rule):
    """A credential connection parameter has the security definition that sends it.

    The reverse of ``SecurityDefinitionWithoutConnectionParameter``. The platform sends three
    kinds of connection parameter because a security definition says how:

    - an ``oauthSetting`` parameter's token, for an ``oauth2`` definition. Without one the
      token is still sent, but the swagger says the API needs no sign-in, so what reads the
      swagger (OpenAPI tools, the OAuth scope rules) sees an anonymous API; 25 merged
      connectors do this, Microsoft's own AzureAD and Planner among them;
    - ``api_key``, for an ``apiKey`` definition (which names the header or query parameter),
      or as the password of a ``basic`` one (the certified ClickSend connector does that);
    - ``username`` and ``password``, for a ``basic`` definition.

    For the last two, a parameter no definition binds and nothing else sends (no
    ``@connectionParameters('name')`` in a policy template or the swagger) is asked for and
    never reaches the service. A warning: the upload accepts both. Reported once per missing
    definition, at the first parameter it concerns (for ``username``/``password``, at
    ``password``), however many parameter sets repeat it. On the corpus it fires on 31 of 628
    readable connectors (4.9 %).

    Passing example::

        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Api-Key}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}

    Failing example::

        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring}

    Reports: /properties/connectionParameters/api_key

    Failing example::

        apiProperties:
          properties:
            connectionParameterSets:
              values:
                - name: oauth
                  parameters:
                    token: {type: oauthSetting, oAuthSettings: {identityProvider: aad, clientId: abc}}

    Reports: /properties/connectionParameterSets/values/0/parameters/token
    """

    code = "ConnectionParameterWithoutSecurityDefinition"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "a credential connection parameter has the security definition that sends it"

    def properties(self, ctx, doc):
        kinds = security_types(ctx.swagger)
        used = None  # computed only when a parameter needs it
        reported: set[str] = set()  # one missing definition, one finding (parameter sets repeat it)
        for pointer, group in connection_parameter_groups(doc):
            for name, node in group.items():
                finding = _unbound(name, node, group, kinds)
                if finding is None or finding[0] in reported:
                    continue
                if finding[0] != "oauth2":
                    used = referenced_connection_parameters(ctx.swagger, doc) if used is None else used
                    if name in used:
                        continue
                kind, message, hint = finding
                reported.add(kind)
                ctx.report(f"{pointer}/{escape_token(name)}", message, hint)


def _unbound(name: str, node, group: dict, kinds: set) -> tuple[str, str, str] | None:
    """(kind of definition missing, message, hint) for a parameter only a definition sends."""
    if parameter_type(node) == OAUTH_SETTING and "oauth2" not in kinds:
        return ("oauth2", f"connection parameter '{name}' is an oauthSetting, but the swagger has no "
                "oauth2 security definition, so it describes an API that needs no sign-in",
                "add an oauth2 security definition (flow, authorizationUrl, tokenUrl, scopes) "
                "matching the oAuthSettings, and a security requirement naming it")
    if name == "api_key" and not kinds & {"apiKey", "basic"}:  # ClickSend's basic password is api_key
        return ("apiKey", "connection parameter 'api_key' is sent by an apiKey security definition, "
                "and the swagger has none, so the key is asked for and never sent",
                "add an apiKey security definition naming the header or query parameter, or "
                "send the key with a setheader policy (@connectionParameters('api_key'))")
    if (name == "password" and all(key in group for key in BASIC_PARAMETERS)
            and "basic" not in kinds):
        return ("basic", "connection parameters 'username' and 'password' are sent by a basic "
                "security definition, and the swagger has none, so they are asked for and never sent",
                "add a basic security definition, or send them with a policy "
                "(@connectionParameters('username'))")
    return None
