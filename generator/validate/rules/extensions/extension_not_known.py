import difflib

from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

#: The x-ms-* extensions Power Platform reads (Microsoft's connector documentation, and the
#: platform's own extensions that certified connectors use).
POWER_PLATFORM_EXTENSIONS = frozenset({
    "x-ms-summary", "x-ms-visibility", "x-ms-api-annotation", "x-ms-operation-context",
    "x-ms-capabilities", "x-ms-trigger", "x-ms-trigger-hint", "x-ms-trigger-metadata",
    "x-ms-notification-content", "x-ms-notification-url", "x-ms-notification", "x-ms-url-encoding",
    "x-ms-dynamic-values", "x-ms-dynamic-list", "x-ms-dynamic-schema", "x-ms-dynamic-properties",
    "x-ms-dynamic-tree", "x-ms-enum-values", "x-ms-editor", "x-ms-editor-options",
    "x-ms-connector-metadata", "x-ms-test-value", "x-ms-no-generic-test", "x-ms-pageable",
    "x-ms-media-kind", "x-ms-openai-data", "x-ms-openai-manifest", "x-ms-openai-published-to-copilots",
    "x-ms-require-user-confirmation", "x-ms-deployment-version", "x-ms-keywords",
    "x-ms-property-name-alias", "x-ms-explicit-only", "x-ms-safe-operation",
})
#: Microsoft's AutoRest (Azure SDK) extensions: swaggers generated for Azure services carry them;
#: Power Platform ignores them, which is harmless, so they are not reported.
AUTOREST_EXTENSIONS = frozenset({
    "x-ms-enum", "x-ms-client-name", "x-ms-parameter-location", "x-ms-long-running-operation",
    "x-ms-long-running-operation-options", "x-ms-mutability", "x-ms-discriminator-value",
    "x-ms-identifiers", "x-ms-secret", "x-ms-client-flatten", "x-ms-parameterized-host",
    "x-ms-skip-url-encoding", "x-ms-azure-resource", "x-ms-examples", "x-ms-paths",
    "x-ms-odata", "x-ms-error-response", "x-ms-external", "x-ms-parameter-grouping",
    "x-ms-request-id", "x-ms-client-request-id", "x-ms-header-collection-prefix",
    "x-ms-code-generation-settings",
})
KNOWN_EXTENSIONS = POWER_PLATFORM_EXTENSIONS | AUTOREST_EXTENSIONS
_ANY_X_MS = frozenset({"x-ms*"})


def suggestion(key: str) -> str:
    close = difflib.get_close_matches(key.lower().replace(" ", ""), sorted(POWER_PLATFORM_EXTENSIONS),
                                      n=1, cutoff=0.75)
    if close:
        return f"did you mean '{close[0]}'?"
    return "check the spelling against Microsoft's list of OpenAPI extensions, or remove it"


class ExtensionNotKnown(Rule):
    """An ``x-ms-`` extension that Power Platform does not know is probably misspelt (warning).

    Power Platform ignores extensions it does not know, so a misspelt one
    (``x-ms-visibilty``, ``x-ms-summmary``) silently does nothing: the parameter is not hidden,
    the field keeps its technical name. Known are the extensions of Microsoft's connector
    documentation and those certified connectors use; Microsoft's AutoRest extensions
    (``x-ms-enum``, ``x-ms-client-name``, ...) are ignored by the platform but deliberate, so
    they are not reported. Other ``x-`` extensions (without ``ms-``) are the author's own and
    are left alone. The hint names the closest known extension.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-visibility: advanced, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-visibilty: advanced, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/x-ms-visibilty

    Failing example::

        x-ms-conector-metadata: []
        securityDefinitions:
          api_key: {type: apiKey, in: header, name: X-API-Key, x-ms-summry: Key}
        paths:
          /items:
            x-ms-notificaton-content: {}
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, x-ms-sumary: Top}]
              responses: {'200': {description: OK, x-ms-summry: Items}}
        definitions:
          Item: {type: object, x-ms-visiblity: advanced}

    Reports:
      - /x-ms-conector-metadata
      - /paths/~1items/x-ms-notificaton-content
      - /paths/~1items/get/parameters/0/x-ms-sumary
      - /paths/~1items/get/responses/200/x-ms-summry
      - /definitions/Item/x-ms-visiblity
      - /securityDefinitions/api_key/x-ms-summry
    """

    code = "ExtensionNotKnown"
    severity = Severity.WARNING
    source = "pacgen"
    summary = "x-ms-* extensions are ones Power Platform knows (catches misspellings)"
    keys = {kind: _ANY_X_MS for kind in ("path_item", "operation", "parameter", "response", "schema",
                                         "security_definition")}

    def _check(self, ctx, node, pointer):
        if not isinstance(node, dict):
            return
        for key in node:
            # Upper-case "X-MS" keys are ExtensionNameNotValid's.
            if isinstance(key, str) and key.startswith("x-ms") and key not in KNOWN_EXTENSIONS:
                ctx.report(f"{pointer}/{escape_token(key)}",
                           f"'{key}' is not an extension Power Platform knows, so it has no effect",
                           suggestion(key))

    def document(self, ctx, doc):
        self._check(ctx, doc, "")
        self._check(ctx, doc.get("info"), "/info")

    def path_item(self, ctx, item):
        self._check(ctx, item.node, item.pointer)

    def operation(self, ctx, op):
        self._check(ctx, op.node, op.pointer)

    def parameter(self, ctx, param):
        self._check(ctx, param.node, param.pointer)

    def response(self, ctx, response):
        self._check(ctx, response.node, response.pointer)

    def schema(self, ctx, schema):
        self._check(ctx, schema.node, schema.pointer)

    def security_definition(self, ctx, named):
        self._check(ctx, named.node, named.pointer)
