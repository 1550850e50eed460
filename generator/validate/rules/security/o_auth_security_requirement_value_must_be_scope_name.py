from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.security._helpers import requirements, scheme_of


class OAuthSecurityRequirementValueMustBeScopeName(Rule):
    """Scopes listed in an OAuth security requirement must be declared in the scheme's ``scopes``.

    A requirement's values name scopes of the OAuth 2.0 scheme; a name the scheme does not
    declare is a typo or a stale scope. Names are compared case-insensitively (certified
    connectors use 'API' for a declared 'api').

    Passing example::

        securityDefinitions:
          oauth2_auth:
            type: oauth2
            flow: accessCode
            authorizationUrl: 'https://login.contoso.com/authorize'
            tokenUrl: 'https://login.contoso.com/token'
            scopes: {read: Read data}
        security: [{oauth2_auth: [read]}]

    Failing example::

        securityDefinitions:
          oauth2_auth:
            type: oauth2
            flow: accessCode
            authorizationUrl: 'https://login.contoso.com/authorize'
            tokenUrl: 'https://login.contoso.com/token'
            scopes: {read: Read data}
        security: [{oauth2_auth: [write]}]

    Reports: /security/0/oauth2_auth/0

    Failing example::

        securityDefinitions:
          oauth2_auth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://login.contoso.com/authorize',
                        tokenUrl: 'https://login.contoso.com/token', scopes: {read: Read data, write: Write data}}
        security: [{oauth2_auth: [read]}]
        paths:
          /items:
            post: {operationId: AddItem, security: [{oauth2_auth: [write, delete]}], responses: {'200': {description: OK}}}

    Reports: /paths/~1items/post/security/0/oauth2_auth/1
    """

    code = "OAuthSecurityRequirementValueMustBeScopeName"
    severity = Severity.ERROR
    summary = "OAuth requirement scopes are declared in the scheme's scopes"
    keys = {"operation": frozenset({"security"})}

    def _check(self, ctx, security, base):
        for pointer, name, value in requirements(security, base):
            scheme = scheme_of(ctx, name)
            if not isinstance(scheme, dict) or scheme.get("type") != "oauth2" \
                    or not isinstance(value, list):
                continue
            scopes = scheme.get("scopes")
            declared = {str(s).lower() for s in (scopes if isinstance(scopes, dict) else ())}
            for index, scope in enumerate(value):
                if str(scope).lower() not in declared:
                    ctx.report(f"{pointer}/{index}",
                               f"the OAuth security requirement '{name}' refers to scope "
                               f"'{scope}', which is not defined in 'securityDefinitions'",
                               f"declare '{scope}' under securityDefinitions/{name}/scopes, "
                               "or use a declared scope")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("security"), "")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("security"), op.pointer)
