from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.security._helpers import requirements, scheme_of


class SecurityRequirementMustHaveEmptyValue(Rule):
    """A requirement for a non-OAuth scheme (basic, apiKey) must have an empty scope list.

    Only OAuth 2.0 has scopes; listing values for a basic or API-key scheme has no meaning.

    Passing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: []}]

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: [read]}]

    Reports: /security/0/api_key

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        paths:
          /items:
            post: {operationId: AddItem, security: [{api_key: [write]}], responses: {'200': {description: OK}}}

    Reports: /paths/~1items/post/security/0/api_key
    """

    code = "SecurityRequirementMustHaveEmptyValue"
    severity = Severity.ERROR
    summary = "non-OAuth security requirements list no scopes"
    keys = {"operation": frozenset({"security"})}

    def _check(self, ctx, security, base):
        for pointer, name, value in requirements(security, base):
            scheme = scheme_of(ctx, name)
            if isinstance(scheme, dict) and scheme.get("type") != "oauth2" \
                    and isinstance(value, list) and value:
                ctx.report(pointer, f"the security requirement '{name}' cannot specify scopes",
                           "use an empty array []; only oauth2 schemes have scopes")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("security"), "")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("security"), op.pointer)
