from generator.findings import Severity, escape_token
from generator.validate.rule import Rule

_COMMON = ("type", "description")
_OAUTH_URLS = {"implicit": ("authorizationUrl",), "password": ("tokenUrl",),
               "application": ("tokenUrl",), "accessCode": ("authorizationUrl", "tokenUrl")}


def allowed_members(scheme: dict) -> tuple[str, ...] | None:
    """The members a security scheme of its type (and OAuth flow) may have; None for an unknown
    type."""
    kind = scheme.get("type")
    if kind == "basic":
        return _COMMON
    if kind == "apiKey":
        return _COMMON + ("name", "in")
    if kind == "oauth2":
        flow = scheme.get("flow")
        urls = _OAUTH_URLS.get(flow, ("authorizationUrl", "tokenUrl")) if isinstance(flow, str) else (
            "authorizationUrl", "tokenUrl")
        return _COMMON + ("flow", "scopes") + urls
    return None


class SecuritySchemePropertyNotValid(Rule):
    """A security definition may only carry the members of its type.

    ``basic`` takes only ``type`` and ``description``; ``apiKey`` adds ``name`` and ``in``;
    ``oauth2`` adds ``flow``, ``scopes`` and the URLs of its flow (``authorizationUrl`` for
    implicit, ``tokenUrl`` for password and application, both for accessCode). Anything else
    (say an ``in`` on a basic scheme, or a ``tokenUrl`` on an implicit flow) is not used and
    usually signals a mixed-up definition. ``x-`` extensions are allowed.

    Passing example::

        securityDefinitions:
          api_key: {type: apiKey, name: X-API-Key, in: header}

    Failing example::

        securityDefinitions:
          basic_auth: {type: basic, name: Authorization, in: header}

    Reports:
      - /securityDefinitions/basic_auth/name
      - /securityDefinitions/basic_auth/in
    """

    code = "SecuritySchemePropertyNotValid"
    severity = Severity.ERROR
    summary = "security definitions only carry the members of their type"

    def security_definition(self, ctx, named):
        scheme = named.node
        if not isinstance(scheme, dict):
            return
        allowed = allowed_members(scheme)
        if allowed is None:
            return
        kind = scheme["type"]
        if kind == "oauth2" and isinstance(scheme.get("flow"), str):
            kind = f"oauth2 ({scheme['flow']} flow)"
        for key in scheme:
            if key in allowed or (isinstance(key, str) and key.startswith("x-")):
                continue
            ctx.report(f"{named.pointer}/{escape_token(key)}",
                       f"the property '{key}' of security definition '{named.name}' is not valid for "
                       f"definitions of type {kind}",
                       f"remove '{key}'; a {kind} definition takes {', '.join(allowed)}")
