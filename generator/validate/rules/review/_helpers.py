"""Helpers only the review rules use: the policy templates the platform knows (Microsoft's
apiProperties schema for paconn, plus the three merged connectors use that it lacks)."""

from __future__ import annotations

import re

from generator.findings import escape_token

PARAMETER_PREFIX = "x-ms-apimTemplateParameter."
OPERATION_NAME = "x-ms-apimTemplate-operationName"
POLICY_SECTION = "x-ms-apimTemplate-policySection"

#: templateId (lower case; the schema accepts PascalCase and camelCase spellings too) →
#: (required template parameters, optional template parameters).
TEMPLATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "setheader": (("name", "value"), ("existsAction",)),
    "dynamichosturl": (("urlTemplate",), ()),
    "routerequesttoendpoint": (("newPath",), ("httpMethod",)),
    "setqueryparameter": (("name", "value"), ("existsAction",)),
    "pollingtrigger": (("triggerConfig", "triggerDataPath"), ()),
    "setproperty": (("newPropertyParentPathTemplate", "newPropertySubPathTemplate",
                     "propertyValuePathTemplate"), ()),
    "stringreplace": (("propertyParentPath", "sourceString", "replacementString", "newPropertyPath"),
                      ("propertySubPath",)),
    "updatenextlink": (("nextLinkPropertyName",), ("nextLinkParentPropertyPath",)),
    "convertobjecttoarray": (("propertyParentPath", "newPropertyPath"),
                             ("propertySubPath", "keyName", "valueName")),
    "convertarraytoobject": (("propertyParentPath", "keyWithinCollectionPath", "newPropertyPath"),
                             ("propertySubPath", "retainKey")),
    "setvaluefromurl": (("parameterTemplate", "parameterValueUrl", "parameterValuePathTemplate"),
                        ("httpMethod",)),
    "stringtoarray": (("propertyParentPath", "delimiterList", "childPropertyName", "newPropertyPath"),
                      ("propertySubPath",)),
    "encodepropertyvalue": (("propertyParentPath", "newPropertyPath"), ("propertySubPath",)),
    # used by merged connectors, not in the schema (the first is documented on Microsoft Learn)
    "setconnectionstatustounauthenticated": (("statusCode",), ()),
    "moveproperties": ((), ()),
    "dynamicsubdomain": ((), ()),
}

#: Template parameters whose values come from a fixed list, by templateId ("*" = every template).
ENUMERATED: dict[tuple[str, str], tuple[str, ...]] = {
    ("setheader", "existsAction"): ("override", "skip", "append"),
    ("setqueryparameter", "existsAction"): ("override", "skip", "append"),
    ("routerequesttoendpoint", "httpMethod"): ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
                                               "HEAD", "@Request.OriginalHTTPMethod"),
    ("setvaluefromurl", "httpMethod"): ("GET", "POST", "PUT"),
    ("convertarraytoobject", "retainKey"): ("true", "false"),
}

#: policySection values; setheader may also act on a failure response.
POLICY_SECTIONS = ("Request", "Response")
SETHEADER_SECTIONS = ("Request", "Response", "Failure")

CONNECTION_PARAMETER_REF = re.compile(r"@connectionParameters\(\s*'([^']*)'")


def policy_instances(properties):
    """(pointer, templateId in lower case or None, parameters dict) of every policy instance."""
    props = properties.get("properties") if isinstance(properties, dict) else None
    instances = props.get("policyTemplateInstances") if isinstance(props, dict) else None
    for index, instance in enumerate(instances if isinstance(instances, list) else ()):
        if not isinstance(instance, dict):
            continue
        template = instance.get("templateId")
        parameters = instance.get("parameters")
        yield (f"/properties/policyTemplateInstances/{index}",
               template.lower() if isinstance(template, str) else None,
               parameters if isinstance(parameters, dict) else {})


def parameter_pointer(instance_pointer: str, key: str) -> str:
    return f"{instance_pointer}/parameters/{escape_token(key)}"


def connection_parameter_names(properties) -> set[str]:
    """Connection parameter names, of the plain list and of every parameter set."""
    props = properties.get("properties") if isinstance(properties, dict) else None
    if not isinstance(props, dict):
        return set()
    names = set(props["connectionParameters"]) if isinstance(props.get("connectionParameters"), dict) else set()
    sets = props.get("connectionParameterSets")
    values = sets.get("values") if isinstance(sets, dict) else None
    for entry in values if isinstance(values, list) else ():
        inner = entry.get("parameters") if isinstance(entry, dict) else None
        if isinstance(inner, dict):
            names.update(inner)
    return names


# --- Connection parameters and security definitions ---------------------------------------------

#: The connection parameter types that carry a credential the platform sends for a security
#: definition (compared in lower case: merged connectors spell ``oauthSetting`` and ``oAuthSetting``).
OAUTH_SETTING = "oauthsetting"
SECURE_STRING = "securestring"
#: Basic authentication reads these two connection parameters (Microsoft's "Connection parameters").
BASIC_PARAMETERS = ("username", "password")


def connection_parameter_groups(properties) -> list[tuple[str, dict]]:
    """The ways a connection can be made: (pointer, parameters) of the plain
    ``connectionParameters`` and of each ``connectionParameterSets`` entry (multi-auth). A
    connector with parameter sets and an empty plain list has only the sets."""
    props = properties.get("properties") if isinstance(properties, dict) else None
    if not isinstance(props, dict):
        return []
    groups = []
    plain = props.get("connectionParameters")
    if isinstance(plain, dict):
        groups.append(("/properties/connectionParameters", plain))
    sets = props.get("connectionParameterSets")
    values = sets.get("values") if isinstance(sets, dict) else None
    for index, entry in enumerate(values if isinstance(values, list) else ()):
        inner = entry.get("parameters") if isinstance(entry, dict) else None
        if isinstance(inner, dict):
            groups.append((f"/properties/connectionParameterSets/values/{index}/parameters", inner))
    if len(groups) > 1 and not groups[0][1] and groups[0][0] == "/properties/connectionParameters":
        groups = groups[1:]
    return groups


def parameter_type(node) -> str:
    """A connection parameter's ``type`` in lower case ("" when it has none)."""
    value = node.get("type") if isinstance(node, dict) else None
    return value.strip().lower() if isinstance(value, str) else ""


def security_definitions(swagger) -> dict:
    definitions = swagger.get("securityDefinitions") if isinstance(swagger, dict) else None
    return {name: node for name, node in definitions.items() if isinstance(node, dict)} \
        if isinstance(definitions, dict) else {}


def security_types(swagger) -> set[str]:
    """The ``type`` of every security definition (apiKey, basic, oauth2)."""
    return {node.get("type") for node in security_definitions(swagger).values()
            if isinstance(node.get("type"), str)}


def referenced_connection_parameters(*documents) -> set[str]:
    """Names used as ``@connectionParameters('name')`` anywhere in the documents (policy
    templates, swagger values): a parameter used that way reaches the service."""
    found: set[str] = set()
    stack = [doc for doc in documents if doc is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and "@connectionParameters" in node:
            found.update(CONNECTION_PARAMETER_REF.findall(node))
    return found


# --- Triggers ------------------------------------------------------------------------------------

NOTIFICATION_URL = "x-ms-notification-url"
#: How deep a body schema is searched for the notification-URL marker (references followed).
MARKER_SEARCH_DEPTH = 32


def triggers(ctx) -> list:
    """The operations marked ``x-ms-trigger``."""
    return [op for op in ctx.operations if op.is_trigger]


def is_webhook(ctx, op) -> bool:
    """A trigger that registers a callback: its notification is described
    (x-ms-notification-content on it or its path item), or one of its inputs is marked
    x-ms-notification-url (a parameter, or a property of its body schema)."""
    if "x-ms-notification-content" in op.node or "x-ms-notification-content" in op.path_item.node:
        return True
    if NOTIFICATION_URL not in ctx.document_keys:
        return False
    for entry in _parameters(op):
        param = ctx.deref(entry)
        if not isinstance(param, dict):
            continue
        if _marked(param) or (param.get("in") == "body" and _schema_marked(ctx, param.get("schema"))):
            return True
    return False


def _parameters(op) -> list:
    own = op.node.get("parameters")
    shared = op.path_item.node.get("parameters")
    return [*(shared if isinstance(shared, list) else ()), *(own if isinstance(own, list) else ())]


def _marked(node) -> bool:
    value = node.get(NOTIFICATION_URL)
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _schema_marked(ctx, schema) -> bool:
    stack, seen = [(schema, 0)], set()
    while stack:
        node, depth = stack.pop()
        node = ctx.deref(node)
        if not isinstance(node, dict) or id(node) in seen or depth > MARKER_SEARCH_DEPTH:
            continue
        seen.add(id(node))
        if _marked(node):
            return True
        children = node.get("properties")
        stack.extend((child, depth + 1) for child in (children.values() if isinstance(children, dict) else ()))
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                stack.append((node[key], depth + 1))
        all_of = node.get("allOf")
        stack.extend((child, depth + 1) for child in (all_of if isinstance(all_of, list) else ()))
    return False


# --- Independent publishers ----------------------------------------------------------------------

#: The folder of Microsoft's connector repository that holds independent publishers' connectors.
INDEPENDENT_PUBLISHER_FOLDER = "independent-publisher-connectors"
INDEPENDENT_PUBLISHER_SUFFIX = " (Independent Publisher)"
INDEPENDENT_PUBLISHER_COLOR = "#da3b01"


def title_of(swagger) -> str | None:
    info = swagger.get("info") if isinstance(swagger, dict) else None
    title = info.get("title") if isinstance(info, dict) else None
    return title if isinstance(title, str) else None


def independent_publisher_reason(ctx) -> str | None:
    """Why the connector is an independent publisher's (its folder, or its title says so), or
    None when nothing says it is. Whether publisher and stackOwner differ is no sign: 42 merged
    verified-publisher connectors have a partner as publisher."""
    parts = [part.lower() for part in ctx.location.replace("\\", "/").split("/")]
    if INDEPENDENT_PUBLISHER_FOLDER in parts:
        return f"its folder is under {INDEPENDENT_PUBLISHER_FOLDER}/"
    title = title_of(ctx.swagger)
    if title is not None and "independent publisher" in title.lower():
        return "its title says so"
    return None


def api_properties(properties) -> dict | None:
    props = properties.get("properties") if isinstance(properties, dict) else None
    return props if isinstance(props, dict) else None
