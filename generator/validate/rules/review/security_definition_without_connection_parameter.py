from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    OAUTH_SETTING,
    SECURE_STRING,
    connection_parameter_groups,
    parameter_type,
    security_definitions,
)


class SecurityDefinitionWithoutConnectionParameter(Rule):
    """Each security definition has the connection parameter the platform sends for it.

    The swagger's ``securityDefinitions`` say how the API authenticates; apiProperties'
    connection parameters say what the connection dialog asks for and what the platform sends
    (Microsoft's "Connection parameters"). Each kind needs its own:

    - ``oauth2``: a parameter of type ``oauthSetting`` (by convention ``token``), whose
      ``oAuthSettings`` sign the user in; without one the dialog never signs in and no token
      is sent;
    - ``apiKey``: a ``securestring`` parameter (by convention ``api_key``) holding the key.
      A ``string`` one works but is not kept as a secret (the dialog shows the key as it
      is typed), so it is reported too;
    - ``basic``: two credential parameters, the user name and a ``securestring`` password
      (62 of the 63 merged basic connectors name them ``username`` and ``password``; the
      certified ClickSend connector sends ``username`` and ``api_key``).

    With ``connectionParameterSets`` (multi-auth), one set that has them is enough. Among
    several definitions, one without its parameter while another has its own is an extra
    definition: ``SecurityDefinitionsMoreThanOne`` reports that, once. It is a warning, not an
    error: the upload accepts the mismatch (Insiders Cloud, merged, has an oauth2 definition and
    no connection parameters), but calls then fail with 401. On the corpus it fires on 5 of 628
    readable connectors (0.8 %). Nothing is judged without an apiProperties document.

    Passing example::

        securityDefinitions:
          oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://login.contoso.com/authorize',
                  tokenUrl: 'https://login.contoso.com/token', scopes: {}}
        apiProperties:
          properties:
            connectionParameters:
              token: {type: oauthSetting, oAuthSettings: {identityProvider: oauth2, clientId: abc}}

    Failing example::

        securityDefinitions:
          oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://login.contoso.com/authorize',
                  tokenUrl: 'https://login.contoso.com/token', scopes: {}}
        apiProperties:
          properties: {connectionParameters: {}}

    Reports: /securityDefinitions/oauth

    Failing example::

        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Api-Key}
          basic: {type: basic}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: string}
              username: {type: string}

    Reports: [/securityDefinitions/key, /securityDefinitions/basic]
    """

    code = "SecurityDefinitionWithoutConnectionParameter"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "each security definition has the connection parameter the platform sends for it"

    def security_definition(self, ctx, definition):
        props = ctx.properties.get("properties") if isinstance(ctx.properties, dict) else None
        if not isinstance(props, dict) or not isinstance(definition.node, dict):
            return  # no apiProperties to compare with (a lone swagger), or another rule's finding
        kind = definition.node.get("type")
        groups = [parameters for _pointer, parameters in connection_parameter_groups(ctx.properties)]
        problem = _missing(kind, groups)
        if problem and not _another_is_bound(ctx, definition.name, groups):
            message, hint = problem
            ctx.report(definition.pointer, f"security definition '{definition.name}' ({kind}): {message}",
                       hint)


def _another_is_bound(ctx, name: str, groups: list[dict]) -> bool:
    """Whether another security definition has its connection parameter (then this one is an
    extra definition, SecurityDefinitionsMoreThanOne's finding)."""
    return any(other != name and _missing(node.get("type"), groups) is None
               for other, node in security_definitions(ctx.swagger).items())


def _missing(kind, groups: list[dict]) -> tuple[str, str] | None:
    """What the connection parameters lack for a security definition of ``kind``, or None."""
    types = [{parameter_type(node) for node in group.values()} for group in groups]
    if kind == "oauth2" and not any(OAUTH_SETTING in found for found in types):
        return ("no connection parameter of type oauthSetting, so the connection never signs in "
                "and no token is sent", "add a connection parameter 'token' of type oauthSetting "
                "with the oAuthSettings (identity provider, client id, scopes)")
    if kind == "apiKey" and not any(SECURE_STRING in found for found in types):
        if any("string" in found for found in types):
            return ("the key's connection parameter is of type string, so the key is shown as typed "
                    "and is not kept as a secret",
                    "make the api_key connection parameter type securestring")
        return ("no securestring connection parameter, so the connection never asks for the key",
                "add a connection parameter 'api_key' of type securestring")
    if kind == "basic" and not any(_has_user_and_password(group) for group in groups):
        return ("basic authentication sends a user name and a password, and no connection "
                "parameters hold them", "add connection parameters 'username' (string) and "
                "'password' (securestring)")
    return None


def _has_user_and_password(group: dict) -> bool:
    """Two credential parameters, one of them a securestring (the password)."""
    types = [parameter_type(node) for node in group.values()]
    credentials = [kind for kind in types if kind in ("string", SECURE_STRING)]
    return len(credentials) >= 2 and SECURE_STRING in credentials
