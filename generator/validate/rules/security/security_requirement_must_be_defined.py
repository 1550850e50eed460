from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.security._helpers import requirements, scheme_of


class SecurityRequirementMustBeDefined(Rule):
    """Every security requirement must name a scheme from ``securityDefinitions``.

    A requirement such as ``{oauth2_auth: []}`` refers to a security scheme by name; if no scheme
    of that name is defined, the authentication the operation needs is undefined. About 4 % of
    certified connectors carry such a dangling name (accepted when they were merged); it is
    still a defect in the definition.

    Passing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: []}]

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{apiKey: []}]

    Reports: /security/0/apiKey

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: []}]
        paths:
          /items:
            post: {operationId: AddItem, security: [{apiKey: []}], responses: {'200': {description: OK}}}

    Reports: /paths/~1items/post/security/0/apiKey
    """

    code = "SecurityRequirementMustBeDefined"
    severity = Severity.ERROR
    summary = "security requirements name a scheme defined in securityDefinitions"
    keys = {"operation": frozenset({"security"})}

    def _check(self, ctx, security, base):
        for pointer, name, _ in requirements(security, base):
            if scheme_of(ctx, name) is None:
                ctx.report(pointer, f"the security requirement '{name}' is not defined in "
                                    "'securityDefinitions'",
                           "use the name of a scheme under 'securityDefinitions', or define it")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("security"), "")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("security"), op.pointer)
