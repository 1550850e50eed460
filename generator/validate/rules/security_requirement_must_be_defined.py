from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule


def requirements(security, base: str):
    """(pointer, scheme name, value) of every entry of a ``security`` list."""
    for index, requirement in enumerate(security if isinstance(security, list) else ()):
        if isinstance(requirement, dict):
            for name, value in requirement.items():
                yield f"{base}/security/{index}" + pointer_of(name), name, value


def scheme_of(ctx, name):
    definitions = ctx.swagger.get("securityDefinitions")
    return definitions.get(name) if isinstance(definitions, dict) else None


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
    """

    code = "SecurityRequirementMustBeDefined"
    severity = Severity.ERROR
    summary = "security requirements name a scheme defined in securityDefinitions"

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
