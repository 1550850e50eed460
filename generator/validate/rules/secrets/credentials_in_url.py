import re

from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

#: scheme://user:password@host — user information with a password. Anchored at "://", so the
#: search only starts where a URL does.
CREDENTIALS = re.compile(r"://[^/\s:@\"]+:[^/\s@\"]+@")
#: Members of a parameter or schema that hold a value the connector sends or shows.
VALUE_MEMBERS = ("default", "x-ms-test-value", "example", "x-example", "enum")


def string_values(node, pointer=""):
    """(pointer, text) of every string in ``node``, keys included (a key may be a URL)."""
    if isinstance(node, str):
        yield pointer, node
    elif isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{escape_token(key)}"
            if isinstance(key, str):
                yield here, key
            yield from string_values(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from string_values(value, f"{pointer}/{index}")


class CredentialsInUrl(Rule):
    """No URL in the connector files may contain a user name and password.

    A URL of the form ``https://user:password@host`` carries a credential in clear text, and
    it is published with the connector. Checked where URLs live: ``host``, ``info``,
    ``externalDocs``, the security definitions and connector metadata, parameter and schema
    values (default, x-ms-test-value, example, enum), and the whole of apiProperties.json (OAuth
    URLs, policy templates). Authentication belongs in the security definition and the
    connection parameters.

    Passing example::

        info: {contact: {url: 'https://contoso.com/support'}}

    Failing example::

        info: {contact: {url: 'https://admin:hunter2@contoso.com/support'}}

    Reports: /info/contact/url

    Failing example::

        paths:
          /items:
            get:
              operationId: ListItems
              parameters: [{name: source, in: query, type: string, default: 'ftp://bot:pa55@files.contoso.com'}]
              responses: {'200': {description: OK}}

    Reports: /paths/~1items/get/parameters/0/default

    Failing example::

        apiProperties:
          properties:
            connectionParameters:
              token: {type: oauthSetting, oAuthSettings: {identityProvider: oauth2, customParameters:
                {tokenUrl: {value: 'https://app:s3cret@login.contoso.com/token'}}}}

    Reports: /properties/connectionParameters/token/oAuthSettings/customParameters/tokenUrl/value

    Failing example::

        definitions:
          Link: {type: object, properties: {url: {type: string, default: 'https://bot:pa55@files.contoso.com'}}}

    Reports: /definitions/Link/properties/url/default
    """

    code = "CredentialsInUrl"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "URLs carry no user name and password"
    keys = {kind: frozenset(VALUE_MEMBERS) for kind in ("parameter", "schema")}

    def _check(self, ctx, node, pointer):
        for here, text in string_values(node, pointer):
            match = CREDENTIALS.search(text)
            if match:
                user = match.group()[3:].split(":", 1)[0]
                ctx.report(here, f"a URL here contains the user name '{user}' and a password",
                           "remove the credentials from the URL (and change the password); users "
                           "enter credentials when they create a connection")

    def document(self, ctx, doc):
        for key in ("host", "basePath", "info", "externalDocs", "securityDefinitions",
                    "x-ms-connector-metadata"):
            if key in doc:
                self._check(ctx, doc[key], f"/{key}")

    def _values(self, ctx, node, pointer):
        for key in VALUE_MEMBERS:
            if key in node:
                self._check(ctx, node[key], f"{pointer}/{key}")

    def parameter(self, ctx, param):
        self._values(ctx, param.node, param.pointer)

    def schema(self, ctx, schema):
        self._values(ctx, schema.node, schema.pointer)

    def properties(self, ctx, doc):
        self._check(ctx, doc, "")
