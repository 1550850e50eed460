import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.secrets._helpers import is_real_value

#: Names of parameters that carry a credential ("api_key", "X-Api-Key", "password", "client secret").
SECRET_NAME = re.compile(r"(api[-_ ]?key|apikey|pass(word|wd)|secret|access[-_ ]?token|auth[-_ ]?token"
                         r"|^authorization$)", re.IGNORECASE)
SECURE_TYPES = ("securestring", "secureobject")
VALUE_KEYS = ("default", "x-ms-test-value")


def is_secret_parameter(node: dict) -> bool:
    if node.get("format") == "password":
        return True
    return any(isinstance(node.get(key), str) and SECRET_NAME.search(node[key])
               for key in ("name", "x-ms-summary"))


def has_value(node: dict, key: str) -> bool:
    return is_real_value(node.get(key))


class SecretParameterHasValue(Rule):
    """A password or API-key parameter must not come with a value (``default``,
    ``x-ms-test-value``, or a ``defaultValue`` of a secure connection parameter).

    A value written into the connector files is published with them: it ends up in the
    repository, in the solution and in every environment the connector is imported into.
    Credentials belong in the connection, which stores them encrypted. A parameter counts as a
    secret when its format is ``password``, its name or x-ms-summary says API key, password,
    secret, access token or authorization, or (in apiProperties.json) its type is
    ``securestring`` or ``secureobject``. Empty values and obvious placeholders (``<token>``,
    ``{apiKey}``, ``[[DUMMY]]``, ``YOUR_API_KEY``, ``****``) are ignored.

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
        if isinstance(node, dict) and node.get("type") in SECURE_TYPES and has_value(node, "defaultValue"):
            ctx.report(f"{named.pointer}/defaultValue",
                       f"the secure connection parameter '{named.name}' has a defaultValue: the value "
                       f"is published with the connector",
                       "remove 'defaultValue' (and revoke the credential if it is real)")
