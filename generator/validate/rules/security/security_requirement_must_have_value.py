from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.security._helpers import requirements


class SecurityRequirementMustHaveValue(Rule):
    """Each security requirement's value must be an array (of OAuth scopes, possibly empty).

    Swagger 2.0 requires a list for every named scheme in a requirement; ``null`` or another
    type is not a valid requirement, even when no scope is needed.

    Passing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: []}]

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        security: [{api_key: null}]

    Reports: /security/0/api_key

    Failing example::

        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key}
        paths:
          /items:
            post: {operationId: AddItem, security: [{api_key: null}], responses: {'200': {description: OK}}}

    Reports: /paths/~1items/post/security/0/api_key
    """

    code = "SecurityRequirementMustHaveValue"
    severity = Severity.ERROR
    summary = "security requirement values are arrays"
    keys = {"operation": frozenset({"security"})}

    def _check(self, ctx, security, base):
        for pointer, name, value in requirements(security, base):
            if not isinstance(value, list):
                ctx.report(pointer, f"the security requirement '{name}' has no array value",
                           "provide an empty array [] if no OAuth scopes are required")

    def document(self, ctx, doc):
        self._check(ctx, doc.get("security"), "")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("security"), op.pointer)
