from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.secrets._helpers import SECRET_NAME, is_literal_credential

SECURE_TYPES = ("securestring", "secureobject")
VALUE_KEYS = ("default", "x-ms-test-value")


def is_secret_parameter(node: dict) -> bool:
    # a boolean "Include Dynamic Secrets" switch or a number names a secret but holds none
    if node.get("type") not in (None, "string"):
        return False
    if node.get("format") == "password":
        return True
    return any(isinstance(node.get(key), str) and SECRET_NAME.search(node[key])
               for key in ("name", "x-ms-summary"))


def has_value(node: dict, key: str) -> bool:
    return is_literal_credential(node.get(key))


def is_secret_connection_parameter(node: dict) -> bool:
    """Secure by type, or a plain string parameter whose name or display name says credential."""
    if node.get("type") in SECURE_TYPES:
        return True
    ui = node.get("uiDefinition")
    names = [ui.get("displayName")] if isinstance(ui, dict) else []
    return node.get("type") == "string" and any(
        isinstance(name, str) and SECRET_NAME.search(name) for name in names)


class SecretParameterHasValue(Rule):
    """A password or API-key parameter must not come with a value (``default``,
    ``x-ms-test-value``, or a ``defaultValue`` of a secure connection parameter).

    A value written into the connector files is published with them: it ends up in the
    repository, in the solution and in every environment the connector is imported into.
    Credentials belong in the connection, which stores them encrypted. A parameter counts as a
    secret when its format is ``password``, its name or x-ms-summary says API key, password,
    secret, access token or authorization, or (in apiProperties.json) its type is
    ``securestring`` or ``secureobject``, or its display name says so. Empty values, obvious
    placeholders (``<token>``, ``{apiKey}``, ``[[DUMMY]]``, ``YOUR_API_KEY``, ``****``) and
    expressions (``@connectionParameters('key')``, ``@parameters('x')``), which refer to a secret
    rather than hold one, are ignored, and so are booleans and numbers: a switch named "Include
    Dynamic Secrets" holds no secret.

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: X-Api-Key, in: header, type: string, required: true}]
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: X-Api-Key, in: header, type: string, required: true, default: 4f1c2a9e77d0}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/default

    Passing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters:
              - {name: X-Api-Key, in: header, type: string, default: "@connectionParameters('key')"}
              - {name: includeSecrets, in: query, type: boolean, x-ms-summary: Include Dynamic Secrets,
                 default: false}
              responses: {'200': {description: OK}}

    Failing example::

        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring, defaultValue: 4f1c2a9e77d0}

    Reports: /properties/connectionParameters/api_key/defaultValue
    """

    code = "SecretParameterHasValue"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "password and API-key parameters carry no default or test value"
    keys = {"parameter": frozenset(VALUE_KEYS)}

    def parameter(self, ctx, param):
        node = param.node
        if not is_secret_parameter(node):
            return
        for key in VALUE_KEYS:
            if has_value(node, key):
                ctx.report(f"{param.pointer}/{key}",
                           f"the parameter '{param.name}' carries a credential, yet it has a '{key}': "
                           f"the value is published with the connector",
                           f"remove '{key}' (and revoke the credential if it is real); users enter it "
                           f"when they create a connection")

    def connection_parameter(self, ctx, named):
        node = named.node
        if (isinstance(node, dict) and is_secret_connection_parameter(node)
                and has_value(node, "defaultValue")):
            ctx.report(f"{named.pointer}/defaultValue",
                       f"the credential connection parameter '{named.name}' has a defaultValue: the value "
                       f"is published with the connector",
                       "remove 'defaultValue' (and revoke the credential if it is real)")
