from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.review._helpers import (
    OAUTH_SETTING,
    connection_parameter_groups,
    independent_publisher_reason,
    parameter_type,
    security_definitions,
)


class IndependentPublisherOAuth(Rule):
    """An independent publisher's connector authenticates with an API key or basic auth.

    Since 2026 Microsoft's certification team has paused OAuth for independent publishers'
    connectors and asks for API-key or basic authentication instead (PowerPlatformConnectors
    #4124, an independent publisher's OAuth connector sent back in March 2026: "we will be
    pausing support for OAuth connectors moving forward"). A warning, not an error: the pause
    is a current review stance, not a documented rule, and connectors certified before it keep
    OAuth. Reported at the first ``oauth2`` security definition, else at the first
    ``oauthSetting`` connection parameter. A connector is taken for an independent
    publisher's as ``IndependentPublisherTitle`` says. No connector of the corpus is an
    independent publisher's, so it fires on none of its 628 readable connectors.

    Passing example::

        info: {title: Contoso (Independent Publisher)}
        securityDefinitions:
          key: {type: apiKey, in: header, name: X-Api-Key}

    Failing example::

        info: {title: Contoso (Independent Publisher)}
        securityDefinitions:
          oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://login.contoso.com/authorize',
                  tokenUrl: 'https://login.contoso.com/token', scopes: {}}

    Reports: /securityDefinitions/oauth
    """

    code = "IndependentPublisherOAuth"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "an independent publisher's connector authenticates with an API key or basic auth"

    def document(self, ctx, doc):
        where = _first_oauth(ctx)
        if where is None:
            return
        reason = independent_publisher_reason(ctx)
        if reason is not None:
            ctx.report(where,
                       f"the connector is an independent publisher's ({reason}) and signs in with "
                       "OAuth, which certification has paused for independent publishers",
                       "authenticate with an API key or basic authentication")


def _first_oauth(ctx) -> str | None:
    for name, node in security_definitions(ctx.swagger).items():
        if node.get("type") == "oauth2":
            return "/securityDefinitions/" + escape_token(name)
    for pointer, group in connection_parameter_groups(ctx.properties):
        for name, node in group.items():
            if parameter_type(node) == OAUTH_SETTING:
                return f"{pointer}/{escape_token(name)}"
    return None
