from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules.secrets._helpers import is_real_value


def oauth_settings(properties: dict):
    """(pointer, oAuthSettings) of every connection parameter, in parameter sets too."""
    props = properties.get("properties")
    if not isinstance(props, dict):
        return
    params = props.get("connectionParameters")
    for name, param in params.items() if isinstance(params, dict) else ():
        if isinstance(param, dict) and isinstance(param.get("oAuthSettings"), dict):
            yield (f"/properties/connectionParameters/{escape_token(name)}/oAuthSettings",
                   param["oAuthSettings"])
    sets = props.get("connectionParameterSets")
    values = sets.get("values") if isinstance(sets, dict) else None
    for index, entry in enumerate(values if isinstance(values, list) else ()):
        inner = entry.get("parameters") if isinstance(entry, dict) else None
        for name, param in inner.items() if isinstance(inner, dict) else ():
            if isinstance(param, dict) and isinstance(param.get("oAuthSettings"), dict):
                yield (f"/properties/connectionParameterSets/values/{index}/parameters/"
                       f"{escape_token(name)}/oAuthSettings", param["oAuthSettings"])


class OAuthClientSecretPresent(Rule):
    """apiProperties.json must not contain an OAuth ``clientSecret``.

    The client secret of the connector's OAuth app is a credential. paconn asks for it at
    upload time (``--secret``) and the platform stores it encrypted; written into
    ``oAuthSettings`` it is published with the connector files. Checked in connection
    parameters and in connection parameter sets; an empty value or an obvious placeholder
    (``YOUR_CLIENT_SECRET``, ``[[DUMMY]]``) is accepted.

    Passing example::

        apiProperties:
          properties:
            connectionParameters:
              token:
                type: oauthSetting
                oAuthSettings: {identityProvider: oauth2, clientId: contoso-app, scopes: [read]}

    Failing example::

        apiProperties:
          properties:
            connectionParameters:
              token:
                type: oauthSetting
                oAuthSettings: {identityProvider: oauth2, clientId: contoso-app, clientSecret: s3cr3t-v4lue}

    Reports: /properties/connectionParameters/token/oAuthSettings/clientSecret
    """

    code = "OAuthClientSecretPresent"
    severity = Severity.ERROR
    source = "pacgen"
    summary = "oAuthSettings hold no clientSecret"

    def properties(self, ctx, doc):
        for pointer, settings in oauth_settings(doc):
            if is_real_value(settings.get("clientSecret")):
                ctx.report(f"{pointer}/clientSecret",
                           "oAuthSettings contains a clientSecret, which is published with the connector",
                           "remove it (and rotate the secret); give it to paconn with --secret when "
                           "uploading")
