"""The connection: authentication kind, connection parameters, host and basePath, policies.
Existing connections were made with the old definition and are not re-created by an update."""

from __future__ import annotations

from generator.diff.rule import ChangeRule
from generator.findings import Severity, pointer_of


def authentication_kind(view) -> str:
    """"oauth2", "apiKey", "basic", a combination, "none" — from the swagger's
    securityDefinitions, else from the connection parameters (an oauthSetting means OAuth)."""
    definitions = view.swagger.get("securityDefinitions")
    kinds = sorted({str(d.get("type")) for d in definitions.values() if isinstance(d, dict)}
                   if isinstance(definitions, dict) else set())
    if view.api_property("connectionParameterSets") is not None:
        kinds.append("parameter sets")
    if kinds:
        return " + ".join(kinds)
    types = {str(p.get("type")) for p in view.connection_parameters.values()}
    if "oauthSetting" in types:
        return "oauth2"
    return "connection parameters" if types else "none"


class AuthenticationChanged(ChangeRule):
    """The connection's authentication kind changed (e.g. API key → OAuth). Existing connections
    stop working; Microsoft does not allow it for certified connectors.

    Before example::

        securityDefinitions: {key: {type: apiKey, name: X-Key, in: header}}

    After example::

        securityDefinitions: {oauth: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a.example/auth',
                                      tokenUrl: 'https://a.example/token', scopes: {}}}
    """

    code = "AuthenticationChanged"
    severity = Severity.ERROR
    summary = "the authentication kind changed"

    def document(self, ctx):
        before, after = authentication_kind(ctx.old), authentication_kind(ctx.new)
        if before != after:
            ctx.report("/securityDefinitions" if "securityDefinitions" in ctx.new.swagger else "",
                       f"The authentication type has been changed ({before}, now {after}). Existing "
                       "connections will stop working; certified connectors may not change it.",
                       "keep the authentication type; publish a new connector for the new one")


def _required(param: dict) -> bool:
    ui = param.get("uiDefinition")
    constraints = ui.get("constraints") if isinstance(ui, dict) else None
    return isinstance(constraints, dict) and str(constraints.get("required")).lower() == "true"


def _where(name: str) -> str:
    return pointer_of("properties", "connectionParameters", name)


def renamed_parameters(ctx) -> dict[str, str]:
    """Old name → new name: when exactly one parameter went and one came, with the same type."""
    old, new = ctx.old.connection_parameters, ctx.new.connection_parameters
    gone, came = [n for n in old if n not in new], [n for n in new if n not in old]
    if len(gone) == 1 and len(came) == 1 and old[gone[0]].get("type") == new[came[0]].get("type"):
        return {gone[0]: came[0]}
    return {}


class ConnectionParameterAdded(ChangeRule):
    """A new connection parameter. Required: existing connections do not have it (breaking);
    optional: non-breaking.

    Before example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key, constraints: {required: 'true'}}}}}}

    After example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key, constraints: {required: 'true'}}},
            region: {type: string, uiDefinition: {displayName: Region, constraints: {required: 'true'}}}}}}
    """

    code = "ConnectionParameterAdded"
    severity = Severity.ERROR
    summary = "a connection parameter was added"

    def document(self, ctx):
        renamed = set(renamed_parameters(ctx).values())
        for name, param in ctx.new.connection_parameters.items():
            if name not in ctx.old.connection_parameters and name not in renamed:
                required = _required(param)
                ctx.report(_where(name), f"The connection parameter '{name}' has been added"
                           + (" as required. Existing connections do not have it." if required else "."),
                           "make it optional" if required else "", None if required else Severity.INFO)


class ConnectionParameterRemoved(ChangeRule):
    """A connection parameter is gone: what existing connections hold for it (and policies or
    code that read it) no longer fits.

    Before example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key}},
            region: {type: string, uiDefinition: {displayName: Region}}}}}

    After example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key}}}}}
    """

    code = "ConnectionParameterRemoved"
    severity = Severity.ERROR
    summary = "a connection parameter was removed"

    def document(self, ctx):
        renamed = renamed_parameters(ctx)
        for name in ctx.old.connection_parameters:
            if name not in ctx.new.connection_parameters and name not in renamed:
                ctx.report_old(_where(name), f"The connection parameter '{name}' has been removed. Existing "
                               "connections were made with it.", "keep the connection parameter")


class ConnectionParameterRenamed(ChangeRule):
    """A connection parameter was renamed (one went, one of the same type came).

    Before example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key}}}}}

    After example::

        apiProperties: {properties: {connectionParameters: {
            apiKey: {type: securestring, uiDefinition: {displayName: Key}}}}}
    """

    code = "ConnectionParameterRenamed"
    severity = Severity.ERROR
    summary = "a connection parameter was renamed"

    def document(self, ctx):
        for old_name, new_name in renamed_parameters(ctx).items():
            ctx.report(_where(new_name), f"The connection parameter '{old_name}' has been renamed to "
                       f"'{new_name}'. Existing connections hold the value under the old name.",
                       "keep the old name")


class ConnectionParameterTypeChanged(ChangeRule):
    """A connection parameter's type changed (e.g. string → securestring, or to oauthSetting).

    Before example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: string, uiDefinition: {displayName: Key}}}}}

    After example::

        apiProperties: {properties: {connectionParameters: {
            api_key: {type: securestring, uiDefinition: {displayName: Key}}}}}
    """

    code = "ConnectionParameterTypeChanged"
    severity = Severity.ERROR
    summary = "a connection parameter's type changed"

    def document(self, ctx):
        for name, param in ctx.new.connection_parameters.items():
            before = ctx.old.connection_parameters.get(name)
            if before is not None and before.get("type") != param.get("type"):
                ctx.report(_where(name) + "/type", f"The type of connection parameter '{name}' has been "
                           f"changed ({before.get('type')}, now {param.get('type')}). Existing connections "
                           "were made with the old type.", "keep the type")


class HostChanged(ChangeRule):
    """The host changed: every existing flow now calls another server. Breaking unless the new
    host serves the same API (a domain move), which the files cannot tell.

    Before example::

        host: api.contoso.com

    After example::

        host: api.fabrikam.com
    """

    code = "HostChanged"
    severity = Severity.WARNING
    summary = "the host changed"

    def document(self, ctx):
        before, after = ctx.old.swagger.get("host"), ctx.new.swagger.get("host")
        if before != after:
            ctx.report("/host" if after is not None else "", f"The host has been changed ({before}, now "
                       f"{after}). Existing flows will call the new host.",
                       "keep the host unless the new one serves the same API")


class BasePathChanged(ChangeRule):
    """The basePath changed. Operations whose full path changed with it are reported by
    PathTemplateChanged; this says why.

    Before example::

        basePath: /v1

    After example::

        basePath: /v2
    """

    code = "BasePathChanged"
    severity = Severity.WARNING
    summary = "the basePath changed"

    def document(self, ctx):
        before, after = ctx.old.swagger.get("basePath", "/"), ctx.new.swagger.get("basePath", "/")
        if before != after:
            ctx.report("/basePath" if "basePath" in ctx.new.swagger else "", f"The basePath has been changed "
                       f"({before}, now {after}). Existing flows will call other URLs unless every path "
                       "was adjusted.", "keep the basePath")


def _policies(view) -> dict[str, dict]:
    found = {}
    for index, policy in enumerate(view.api_property("policyTemplateInstances") or []):
        if isinstance(policy, dict):
            key = f"{policy.get('templateId')}: {policy.get('title', '')}"
            found.setdefault(key, {"index": index, "policy": policy})
    return found


class PolicyTemplateRemoved(ChangeRule):
    """A policy template instance (templateId and title) is gone: requests or responses existing
    flows rely on are no longer rewritten.

    Before example::

        apiProperties: {properties: {policyTemplateInstances: [
            {templateId: routerequesttoendpoint, title: Route, parameters: {x-ms-apimTemplate-operationName: [GetA]}}]}}

    After example::

        apiProperties: {properties: {policyTemplateInstances: []}}
    """

    code = "PolicyTemplateRemoved"
    severity = Severity.WARNING
    summary = "a policy template was removed"

    def document(self, ctx):
        now = _policies(ctx.new)
        for key, entry in _policies(ctx.old).items():
            if key not in now:
                ctx.report_old(pointer_of("properties", "policyTemplateInstances", entry["index"]),
                               f"The policy template '{key}' has been removed. Existing flows may rely on "
                               "what it did.", "keep the policy")
