"""Connection parameters (apiProperties) for a Swagger 2.0 security definition: what Power Platform
asks the user for when they create a connection. Used by `pacgen init`, and by imports of lone
swagger files and OpenAPI 3 documents, which carry no apiProperties of their own."""

from __future__ import annotations

from typing import Any

REDIRECT_URL = "https://global.consent.azure-apim.net/redirect"
CLIENT_ID_PLACEHOLDER = "[[client id from the provider's app registration]]"


def _ui(title: str, description: str, tab_index: int | None = None, secret: bool = False) -> dict:
    constraints: dict[str, Any] = {"required": "true"}
    if tab_index is not None:
        constraints = {"tabIndex": tab_index, "clearText": not secret, "required": "true"}
    return {"displayName": title, "description": description, "tooltip": description,
            "constraints": constraints}


def api_key_parameters(header_name: str = "API key") -> dict:
    return {"api_key": {"type": "securestring", "uiDefinition": _ui(
        header_name, f"The {header_name} for this API", tab_index=2, secret=True)}}


def basic_parameters() -> dict:
    return {
        "username": {"type": "securestring", "uiDefinition": _ui("Username", "Your user name", 2)},
        "password": {"type": "securestring", "uiDefinition": _ui("Password", "Your password", 3, secret=True)},
    }


def oauth_parameters(authorization_url: str, token_url: str, refresh_url: str | None,
                     scopes: list[str], provider: str = "oauth2") -> dict:
    """An OAuth 2.0 (authorization code) connection; ``provider`` is Power Platform's identity
    provider name (oauth2 for any provider, or aad, github, google, ...)."""
    settings: dict[str, Any] = {
        "identityProvider": provider,
        "clientId": CLIENT_ID_PLACEHOLDER,
        "scopes": list(scopes),
        "redirectMode": "GlobalPerConnector",
        "redirectUrl": REDIRECT_URL,
        "properties": {"IsFirstParty": "False"},
    }
    if provider == "oauth2":
        settings["customParameters"] = {
            "authorizationUrl": {"value": authorization_url},
            "tokenUrl": {"value": token_url},
            "refreshUrl": {"value": refresh_url or token_url},
        }
    return {"token": {"type": "oauthSetting", "oAuthSettings": settings, "uiDefinition": _ui(
        "Log in", "Sign in with your account")}}


def connection_parameters(definition: Any) -> dict:
    """The connection parameters for one Swagger 2.0 security definition ({} when none fit)."""
    if not isinstance(definition, dict):
        return {}
    kind = definition.get("type")
    if kind == "apiKey":
        name = definition.get("name")
        return api_key_parameters(name if isinstance(name, str) and name else "API key")
    if kind == "basic":
        return basic_parameters()
    if kind == "oauth2":
        scopes = definition.get("scopes")
        return oauth_parameters(str(definition.get("authorizationUrl", "")), str(definition.get("tokenUrl", "")),
                                None, list(scopes) if isinstance(scopes, dict) else [])
    return {}


def properties_for(swagger: dict, parameters: dict | None = None, members: dict | None = None,
                   refresh_url: str | None = None) -> dict:
    """An apiProperties document for ``swagger``: the connection parameters of the security
    definition its `security` names first (else the first defined), then ``parameters`` (e.g. a
    host chosen by the user) and further ``members`` (e.g. policyTemplateInstances)."""
    definitions = swagger.get("securityDefinitions")
    definitions = definitions if isinstance(definitions, dict) else {}
    chosen = None
    security = swagger.get("security")
    for requirement in security if isinstance(security, list) else []:
        if isinstance(requirement, dict):
            chosen = next((name for name in requirement if name in definitions), None)
            if chosen:
                break
    if chosen is None and definitions:
        chosen = next(iter(definitions))
    connection = connection_parameters(definitions.get(chosen)) if chosen else {}
    if refresh_url and "token" in connection:
        connection["token"]["oAuthSettings"]["customParameters"]["refreshUrl"]["value"] = refresh_url
    connection.update(parameters or {})
    properties: dict[str, Any] = {}
    if connection:
        properties["connectionParameters"] = connection
    # certification rejects #007ee5 (the old default); Microsoft's colour for independent publishers
    properties.update({"iconBrandColor": "#da3b01", "capabilities": []})
    properties.update(members or {})
    return {"properties": properties}
