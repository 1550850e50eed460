from generator.findings import Severity
from generator.validate.rule import Rule

_OAUTH_URLS = {"implicit": ("authorizationUrl",), "password": ("tokenUrl",),
               "application": ("tokenUrl",), "accessCode": ("authorizationUrl", "tokenUrl")}


def required_members(scheme: dict) -> tuple[str, ...]:
    kind = scheme.get("type")
    if kind == "apiKey":
        return ("name", "in")
    if kind == "oauth2":
        flow = scheme.get("flow")
        return ("flow",) + (_OAUTH_URLS.get(flow, ()) if isinstance(flow, str) else ())
    return ()


class SecuritySchemePropertyRequired(Rule):
    """A security definition must carry the members its type requires.

    ``apiKey`` needs ``name`` and ``in`` (which header or query parameter carries the key);
    ``oauth2`` needs ``flow`` and its URLs: ``authorizationUrl`` (implicit, accessCode) and
    ``tokenUrl`` (password, application, accessCode). Without them the platform cannot send the
    key or run the sign-in. ``scopes`` is not required: certified connectors omit it.

    Passing example::

        securityDefinitions:
          oauth:
            type: oauth2
            flow: accessCode
            authorizationUrl: 'https://login.contoso.com/authorize'
            tokenUrl: 'https://login.contoso.com/token'
            scopes: {}

    Failing example::

        securityDefinitions:
          oauth:
            type: oauth2
            flow: accessCode
            authorizationUrl: 'https://login.contoso.com/authorize'
            scopes: {}

    Reports: /securityDefinitions/oauth
    """

    code = "SecuritySchemePropertyRequired"
    severity = Severity.ERROR
    summary = "security definitions have the members their type requires"

    def security_definition(self, ctx, named):
        scheme = named.node
        if not isinstance(scheme, dict):
            return
        kind = scheme.get("type")
        if kind == "oauth2" and isinstance(scheme.get("flow"), str):
            kind = f"oauth2 ({scheme['flow']} flow)"
        for key in required_members(scheme):
            if key not in scheme:
                ctx.report(named.pointer,
                           f"security definition '{named.name}' has no '{key}', which definitions of "
                           f"type {kind} require",
                           f"add '{key}' to the definition")
