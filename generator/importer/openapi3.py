"""OpenAPI 3.0 / 3.1 document → Swagger 2.0 document, the only form Power Platform accepts.

Every change that alters or loses meaning is a finding placed at the OpenAPI 3 element it is about
(file:line:col). Renamings that keep the meaning exactly (``nullable`` → ``x-nullable``,
``#/components/schemas/X`` → ``#/definitions/X``, ``type: [T, "null"]`` → ``type: T`` +
``x-nullable``) are not reported. ``$ref``s to other local files are read and resolved; ``$ref``s
to URLs are never fetched (reported, replaced by an empty schema).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.findings import Finding, Severity, escape_token, unescape_token
from generator.importer.document import ApiDocument, read_document
from generator.importer.emit import comment_text
from generator.importer.reader import ImportError_
from generator.spec.model import METHODS

SCHEMA_KEYS = frozenset(
    "type format description default example required properties additionalProperties items allOf "
    "readOnly xml externalDocs maximum minimum maxLength minLength pattern maxItems minItems "
    "uniqueItems maxProperties minProperties multipleOf enum title".split())
#: Parameter fields (besides name/in/description/required) taken from a non-body parameter's schema.
PARAMETER_SCHEMA_KEYS = ("type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum",
                         "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
                         "uniqueItems", "enum", "multipleOf")
ITEMS_KEYS = frozenset(PARAMETER_SCHEMA_KEYS)
#: Request body media types in the order tried: JSON first, then form, multipart, octet-stream.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
COLLECTION_FORMATS = {("form", True): "csv", ("form", False): "csv", ("simple", False): "csv",
                      ("simple", True): "csv", ("spaceDelimited", False): "ssv", ("pipeDelimited", False): "pipes"}
OAUTH_FLOWS = (("authorizationCode", "accessCode"), ("implicit", "implicit"), ("password", "password"),
               ("clientCredentials", "application"))
MAX_SUMMARY = 80  # OperationSummaryTooLong
MAX_TITLE = 30  # the connector title (FieldLengthExceeded)
MAX_OPERATION_ID = 80
PLACEHOLDER_HOST = "api.example.com"
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_ID_WORDS = re.compile(r"[A-Za-z0-9]+")
_STATUS_RANGE = re.compile(r"[1-5]XX", re.IGNORECASE)
_VARIABLE = re.compile(r"\{([^{}]*)\}")

Where = tuple  # (ApiDocument, tokens) of an element of an OpenAPI 3 document


class Converter:
    """One document's conversion; ``findings`` collects what was changed or left out."""

    def __init__(self, document: ApiDocument) -> None:
        self.root = document
        self.findings: list[Finding] = []
        self.documents: dict[Path, ApiDocument] = {document.path.resolve(): document}
        self.definitions: dict[str, Any] = {}
        self.external_names: dict[tuple, str] = {}  # (file, pointer) of an external schema → definition
        self.resolving: list[tuple] = []
        self.extra_properties: dict[str, Any] = {}
        self.connection_parameters: dict[str, Any] = {}
        self.operation_ids: set[str] = set()
        self.bearer: set[str] = set()  # http bearer schemes (an API key plus a setheader policy)

    # --- findings ---------------------------------------------------------------------------
    def report(self, code: str, message: str, at: Where, hint: str = "",
               severity: Severity = Severity.WARNING) -> None:
        document, tokens = at
        line, column = document.locate(tokens)
        pointer = "".join("/" + escape_token(t) for t in tokens)
        # Messages quote names from the document: escaped, so they cannot drive a terminal or a report.
        self.findings.append(Finding(code, severity, comment_text(message), str(document.path), pointer,
                                     line, column, hint))

    def fail(self, code: str, message: str, at: Where, hint: str) -> ImportError_:
        self.report(code, message, at, hint, Severity.ERROR)
        return ImportError_([self.findings.pop()])

    # --- references -------------------------------------------------------------------------
    def resolve(self, ref: Any, at: Where) -> tuple[Any, Where]:
        """The value a `$ref` points at and where it stands (ImportError_ when it cannot be found)."""
        document, _ = at
        if not isinstance(ref, str):
            raise self.fail("RefInvalid", "$ref must be a string", at, "write '#/components/...'")
        location, _, fragment = ref.partition("#")
        if ":" in location and _split_url(location).scheme:
            raise _UrlRef(ref)
        if location:
            target = (document.path.parent / location).resolve()
            if target not in self.documents:
                try:
                    self.documents[target] = read_document(target)
                except ImportError_ as exc:
                    raise self.fail("RefUnresolvable", f"$ref {ref!r}: {exc.findings[0].message}", at,
                                    "point at a readable file beside the document") from None
            document = self.documents[target]
        value, tokens = document.data, ()
        for raw in fragment.split("/")[1:] if fragment else ():
            token = unescape_token(raw)
            if isinstance(value, dict) and token in value:
                value, tokens = value[token], tokens + (token,)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value, tokens = value[int(token)], tokens + (int(token),)
            else:
                raise self.fail("RefUnresolvable", f"$ref {ref!r} points at nothing", at,
                                "fix the reference or define the component")
        return value, (document, tokens)

    def follow(self, node: Any, at: Where) -> tuple[Any, Where]:
        """``node`` with `$ref` chains followed (ImportError_ on a cycle)."""
        seen = []
        while isinstance(node, dict) and "$ref" in node:
            key = (id(at[0]), at[1])
            if key in seen or len(seen) > 50:
                raise self.fail("RefCycle", "this $ref leads back to itself", at,
                                "break the cycle of references")
            seen.append(key)
            node, at = self.resolve(node["$ref"], _sub(at, "$ref"))
        return node, at

    def local_component(self, ref: Any, at: Where, section: str) -> str | None:
        """The component name when ``ref`` is `#/components/SECTION/NAME` of the main document."""
        prefix = f"#/components/{section}/"
        if at[0] is self.root and isinstance(ref, str) and ref.startswith(prefix) and "/" not in ref[len(prefix):]:
            name = unescape_token(ref[len(prefix):])
            components = self.root.data.get("components")
            if isinstance(components, dict) and isinstance(components.get(section), dict) \
                    and name in components[section]:
                return name
        return None

    # --- top level --------------------------------------------------------------------------
    def convert(self) -> dict:
        data = self.root.data
        top = (self.root, ())
        swagger: dict[str, Any] = {"swagger": "2.0", "info": self.info(data.get("info"), _sub(top, "info"))}
        swagger.update(self.servers(data.get("servers"), _sub(top, "servers")))
        security = self.security(data, top)
        paths = self.paths(data.get("paths"), _sub(top, "paths"), security["names"])
        swagger["paths"] = paths
        swagger.update(_shared_media_types(paths))
        components = data.get("components") if isinstance(data.get("components"), dict) else {}
        parameters = self.component_parameters(components.get("parameters"), _sub(top, "components", "parameters"))
        responses = self.component_responses(components.get("responses"), _sub(top, "components", "responses"))
        self.component_schemas(components.get("schemas"), _sub(top, "components", "schemas"))
        self.other_components(components, _sub(top, "components"))
        if self.definitions:
            swagger["definitions"] = self.definitions
        if parameters:
            swagger["parameters"] = parameters
        if responses:
            swagger["responses"] = responses
        if security["definitions"]:
            swagger["securityDefinitions"] = security["definitions"]
        if security["requirement"] is not None:
            swagger["security"] = security["requirement"]
        for key in ("tags", "externalDocs"):
            if key in data:
                swagger[key] = data[key]
        for key, value in data.items():
            if key.startswith("x-"):
                swagger[key] = value
            elif key not in ("openapi", "info", "servers", "paths", "components", "security", "tags",
                             "externalDocs"):
                self.top_level_extra(key, value, _sub(top, key))
        return swagger

    def top_level_extra(self, key: str, value: Any, at: Where) -> None:
        if key == "webhooks" and isinstance(value, dict):
            for name in value:
                self.report("Oas3Webhook", f"webhook {name!r} has no Swagger 2.0 form and was left out: "
                            "a Power Platform webhook trigger is an operation that registers the callback "
                            "URL (x-ms-trigger, x-ms-notification-url)", _sub(at, name),
                            "add a subscribe operation with `trigger: single` to the spec")
        else:
            self.report("Oas3Dropped", f"top-level member {key!r} has no Swagger 2.0 form: left out", at)

    def info(self, info: Any, at: Where) -> dict:
        if not isinstance(info, dict):
            self.report("Oas3Changed", "no 'info' object: title 'Connector' and version '1.0' used", at)
            return {"title": "Connector", "version": "1.0"}
        out: dict[str, Any] = {}
        for key, value in info.items():
            if key == "title" and isinstance(value, str) and len(value) > MAX_TITLE:
                out[key] = value[:MAX_TITLE].rstrip()
                self.report("Oas3Truncated", f"the title is {len(value)} characters; Power Platform "
                            f"allows {MAX_TITLE}: cut to {out[key]!r}", _sub(at, key))
            elif key == "license" and isinstance(value, dict) and "identifier" in value:
                out[key] = {k: v for k, v in value.items() if k != "identifier"}
                self.report("Oas3Dropped", "license 'identifier' (OpenAPI 3.1) has no Swagger 2.0 form: "
                            "left out", _sub(at, key, "identifier"))
            elif key == "summary":
                self.report("Oas3Dropped", "info 'summary' (OpenAPI 3.1) has no Swagger 2.0 form: left out",
                            _sub(at, key), "put it into info.description")
            else:
                out[key] = value
        for key in ("title", "version"):
            if not isinstance(out.get(key), str) or not out[key]:
                out[key] = "Connector" if key == "title" else "1.0"
                self.report("Oas3Changed", f"info has no {key}: {out[key]!r} used", at)
        return out

    def servers(self, servers: Any, at: Where) -> dict:
        if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
            self.report("Oas3HostMissing", f"no servers: host set to the placeholder {PLACEHOLDER_HOST}",
                        at, "set `host` in the spec to the API's host")
            return {"host": PLACEHOLDER_HOST, "basePath": "/", "schemes": ["https"]}
        for index in range(1, len(servers)):
            url = servers[index].get("url") if isinstance(servers[index], dict) else servers[index]
            self.report("Oas3ServerDropped", f"server {url!r} left out: a connector has one host "
                        "(the first server is used)", _sub(at, index))
        first = servers[0]
        url = str(first.get("url", ""))
        variables = first.get("variables") if isinstance(first.get("variables"), dict) else {}
        host_template = _split_url(url).netloc if "://" in url else ""
        resolved = _VARIABLE.sub(lambda m: self.server_variable(m.group(1), variables, host_template,
                                                                _sub(at, 0)), url)
        parts = _split_url(resolved)
        out: dict[str, Any] = {}
        if parts.netloc:
            out["host"] = parts.netloc
        else:
            out["host"] = PLACEHOLDER_HOST
            self.report("Oas3HostMissing", f"the server URL {url!r} names no host: host set to the "
                        f"placeholder {PLACEHOLDER_HOST}", _sub(at, 0, "url"),
                        "set `host` in the spec to the API's host")
        out["basePath"] = parts.path.rstrip("/") or "/"
        scheme = parts.scheme if parts.scheme in ("http", "https") else "https"
        out["schemes"] = [scheme]
        return out

    def server_variable(self, name: str, variables: dict, host_template: str, at: Where) -> str:
        variable = variables.get(name) if isinstance(variables.get(name), dict) else {}
        default = str(variable.get("default", name))
        if "{" + name + "}" in host_template:
            # The host depends on the user's choice: a connection parameter and a dynamichosturl policy.
            self.connection_parameters[name] = {"type": "string", "uiDefinition": {
                "displayName": name, "description": str(variable.get("description", f"The {name} of your "
                                                                                  "API host")),
                "tooltip": str(variable.get("description", f"The {name} of your API host")),
                "constraints": {"required": "true"}}}
            url_template = re.sub(r"\{([^{}]*)\}", r"@connectionParameters('\1')", host_template)
            self.policy("dynamichosturl", "Host from the connection",
                        {"x-ms-apimTemplateParameter.urlTemplate": f"https://{url_template}"})
            self.report("Oas3ServerVariable", f"server variable {name!r} is part of the host: it becomes the "
                        f"connection parameter {name!r} (a dynamichosturl policy); the swagger's host is its "
                        f"default {default!r}", _sub(at, "variables", name))
        else:
            choices = variable.get("enum")
            other = f" (other values: {', '.join(map(str, choices))})" if isinstance(choices, list) \
                and len(choices) > 1 else ""
            self.report("Oas3ServerVariable", f"server variable {name!r} replaced by its default "
                        f"{default!r}{other}", _sub(at, "variables", name) if name in variables else at)
        return default

    # --- security ---------------------------------------------------------------------------
    def security(self, data: dict, top: Where) -> dict:
        """The one security scheme a connector can have: the first one the top-level `security`
        names that converts (else the first defined one); the others are reported."""
        components = data.get("components") if isinstance(data.get("components"), dict) else {}
        schemes = components.get("securitySchemes") if isinstance(components.get("securitySchemes"), dict) else {}
        at = _sub(top, "components", "securitySchemes")
        converted: dict[str, dict] = {}
        for name, scheme in schemes.items():
            scheme, where = self.follow(scheme, _sub(at, name))
            definition = self.security_scheme(name, scheme, where)
            if definition is not None:
                converted[name] = definition
        requirements = data.get("security") if isinstance(data.get("security"), list) else []
        chosen = next((n for r in requirements if isinstance(r, dict) for n in r if n in converted), None)
        if chosen is None and converted:
            chosen = next(iter(converted))
        for name in converted:
            if name != chosen:
                self.report("Oas3SecurityDropped", f"security scheme {name!r} left out: a connector has one "
                            f"kind of authentication ({chosen!r} is used)", _sub(at, name),
                            "to offer several, add connectionParameterSets to the spec")
        definitions = {chosen: converted[chosen]} if chosen else {}
        if chosen in self.bearer:
            self.connection_parameters = {"api_key": {"type": "securestring", "uiDefinition": {
                "displayName": "Access token", "description": "Your access token (without 'Bearer ')",
                "tooltip": "Your access token (without 'Bearer ')",
                "constraints": {"tabIndex": 2, "clearText": False, "required": "true"}}},
                **self.connection_parameters}
            self.policy("setheader", "Bearer token", {
                "x-ms-apimTemplateParameter.name": "Authorization",
                "x-ms-apimTemplateParameter.value": "Bearer @connectionParameters('api_key')",
                "x-ms-apimTemplateParameter.existsAction": "override",
                "x-ms-apimTemplate-policySection": "Request"})
        requirement = None
        if chosen:
            scopes = next((r[chosen] for r in requirements if isinstance(r, dict) and chosen in r), [])
            requirement = [{chosen: scopes if isinstance(scopes, list) else []}]
            requirement = [r for r in requirement]
        if requirement is not None:
            requirement = self.requirements(requirements, _sub(top, "security"), definitions) or requirement
            if definitions[chosen]["type"] != "oauth2":
                requirement = [{chosen: []}]
        return {"definitions": definitions, "requirement": requirement, "names": definitions}

    def policy(self, template: str, title: str, parameters: dict) -> None:
        """Add (or, for the same template, replace) a policy template instance of apiProperties."""
        policies = self.extra_properties.setdefault("policyTemplateInstances", [])
        policies[:] = [p for p in policies if p["templateId"] != template]
        policies.append({"templateId": template, "title": title, "parameters": parameters})

    def security_scheme(self, name: str, scheme: Any, at: Where) -> dict | None:
        if not isinstance(scheme, dict):
            self.report("Oas3SecurityDropped", f"security scheme {name!r} is not an object: left out", at)
            return None
        kind = scheme.get("type")
        if kind == "apiKey" and scheme.get("in") in ("header", "query"):
            return {"type": "apiKey", "in": scheme["in"], "name": scheme.get("name", name)}
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return {"type": "basic"}
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            self.bearer.add(name)
            self.report("Oas3SecurityChanged", f"http bearer scheme {name!r} becomes an API key in the "
                        "Authorization header, with a setheader policy that sends 'Bearer <token>': users "
                        "enter only the token", at)
            return {"type": "apiKey", "in": "header", "name": "Authorization"}
        if kind == "oauth2" and isinstance(scheme.get("flows"), dict):
            return self.oauth(name, scheme["flows"], _sub(at, "flows"))
        if kind == "openIdConnect":
            url = str(scheme.get("openIdConnectUrl", ""))
            base = url.split("/.well-known/")[0] if "/.well-known/" in url else url.rstrip("/")
            self.report("Oas3SecurityChanged", f"openIdConnect scheme {name!r} becomes OAuth 2.0 "
                        f"(authorization code) with the usual endpoints below {base!r}: the discovery "
                        f"document {url!r} is not fetched", at,
                        "check authorizationUrl and tokenUrl against the discovery document")
            return {"type": "oauth2", "flow": "accessCode", "authorizationUrl": f"{base}/authorize",
                    "tokenUrl": f"{base}/token", "scopes": {"openid": "OpenID Connect"}}
        described = f"{kind} in {scheme.get('in')}" if kind == "apiKey" else f"{kind} {scheme.get('scheme', '')}"
        self.report("Oas3SecurityDropped", f"security scheme {name!r} ({described.strip()}) has no Swagger "
                    "2.0 form: left out", at)
        return None

    def oauth(self, name: str, flows: dict, at: Where) -> dict | None:
        chosen = next(((key, flow) for key, flow in OAUTH_FLOWS if isinstance(flows.get(key), dict)), None)
        if chosen is None:
            self.report("Oas3SecurityDropped", f"OAuth 2.0 scheme {name!r} has no usable flow: left out", at)
            return None
        key, flow_name = chosen
        for other in flows:
            if other != key:
                self.report("Oas3SecurityChanged", f"OAuth 2.0 flow {other!r} left out: a connector uses one "
                            f"flow ({key!r})", _sub(at, other))
        if key != "authorizationCode":
            self.report("Oas3SecurityChanged", f"OAuth 2.0 flow {key!r}: Power Platform's generic OAuth 2.0 "
                        "connection signs in with the authorization code flow", _sub(at, key))
        flow = flows[key]
        out: dict[str, Any] = {"type": "oauth2", "flow": flow_name}
        if flow_name in ("accessCode", "implicit"):
            out["authorizationUrl"] = str(flow.get("authorizationUrl", ""))
        if flow_name != "implicit":
            out["tokenUrl"] = str(flow.get("tokenUrl", ""))
        scopes = flow.get("scopes")
        out["scopes"] = scopes if isinstance(scopes, dict) else {}
        if "refreshUrl" in flow:
            self.extra_properties["refreshUrl"] = str(flow["refreshUrl"])
        return out

    # --- paths and operations ---------------------------------------------------------------
    def paths(self, paths: Any, at: Where, security_names: dict) -> dict:
        out: dict[str, Any] = {}
        if not isinstance(paths, dict):
            self.report("Oas3Changed", "no 'paths' object: the connector has no operations", at)
            return out
        for path, item in paths.items():
            here = _sub(at, path)
            item, where = self.follow(item, here) if isinstance(item, dict) else (item, here)
            if not isinstance(item, dict):
                self.report("Oas3Dropped", "a path item that is not an object: left out", here)
                continue
            converted: dict[str, Any] = {}
            for key, value in item.items():
                if key in METHODS:
                    operation = self.operation(value, key, path, _sub(where, key), security_names)
                    if operation is not None:
                        converted[key] = operation
                elif key == "parameters" and isinstance(value, list):
                    converted[key] = self.parameters(value, _sub(where, key))
                elif key.startswith("x-"):
                    converted[key] = value
                elif key == "trace":
                    self.report("Oas3Dropped", "TRACE operations have no Swagger 2.0 form: left out",
                                _sub(where, key))
                elif key not in ("$ref",):
                    self.report("Oas3Dropped", f"path item member {key!r} has no Swagger 2.0 form: left out",
                                _sub(where, key))
            if not converted.get("parameters", True):
                del converted["parameters"]
            out[path] = converted
        return out

    def operation(self, op: Any, method: str, path: str, at: Where, security_names: dict) -> dict | None:
        if not isinstance(op, dict):
            self.report("Oas3Dropped", f"{method.upper()} {path} is not an object: left out", at)
            return None
        out: dict[str, Any] = {"operationId": self.operation_id(op.get("operationId"), method, path, at)}
        parameters: list = []
        consumes: list[str] = []
        produces: list[str] = []
        for key, value in op.items():
            here = _sub(at, key)
            if key == "operationId":
                continue
            if key == "summary" and isinstance(value, str) and len(value) > MAX_SUMMARY:
                out[key] = value[:MAX_SUMMARY - 3].rstrip() + "..."
                self.report("Oas3Truncated", f"summary is {len(value)} characters; Power Platform allows "
                            f"{MAX_SUMMARY}: cut", here)
            elif key == "parameters" and isinstance(value, list):
                parameters = self.parameters(value, here) + parameters
            elif key == "requestBody":
                body, consumes = self.request_body(value, here)
                parameters += body
            elif key == "responses" and isinstance(value, dict):
                out[key] = self.responses(value, here, produces)
            elif key == "security" and isinstance(value, list):
                out[key] = self.requirements(value, here, security_names)
            elif key == "callbacks" and isinstance(value, dict):
                for name in value:
                    self.report("Oas3Callback", f"callback {name!r} has no Swagger 2.0 form and was left out; "
                                "Power Platform calls this a webhook trigger", _sub(here, name),
                                "make this operation a trigger: `trigger: single` and `notificationUrl: true` "
                                "on the callback URL parameter")
            elif key in ("summary", "description", "tags", "deprecated", "externalDocs") or key.startswith("x-"):
                out[key] = value
            else:
                self.report("Oas3Dropped", f"operation member {key!r} has no Swagger 2.0 form: left out", here)
        if consumes:
            out["consumes"] = consumes
        if produces:
            out["produces"] = produces
        if parameters:
            out["parameters"] = parameters
        if "responses" not in out:
            out["responses"] = {"default": {"description": "Response"}}
            self.report("Oas3Changed", f"{method.upper()} {path} has no responses: a default response was "
                        "added", at)
        return _ordered(out, ("operationId", "summary", "description", "tags", "consumes", "produces",
                              "parameters", "responses"))

    def requirements(self, requirements: list, at: Where, kept: dict) -> list:
        """The requirements naming the kept scheme (scopes only for OAuth 2.0), once each; `{}`
        (authentication optional) stays."""
        out: list = []
        for index, requirement in enumerate(requirements):
            if not isinstance(requirement, dict):
                continue
            converted = {}
            for name, scopes in requirement.items():
                if name not in kept:
                    continue
                if kept[name].get("type") != "oauth2" and scopes:
                    self.report("Oas3SecurityChanged", f"scopes of {name!r} left out: Swagger 2.0 has scopes "
                                "only for OAuth 2.0", _sub(at, index, name))
                    scopes = []
                converted[name] = scopes if isinstance(scopes, list) else []
            if (converted or not requirement) and converted not in out:
                out.append(converted)
        return out

    def operation_id(self, value: Any, method: str, path: str, at: Where) -> str:
        """A valid, unique operationId: letters, digits, '_' and '-', at most 80 characters."""
        if isinstance(value, str) and value and not _ID_UNSAFE.search(value):
            wanted = value
        else:
            source = value if isinstance(value, str) and _ID_WORDS.search(value) else f"{method} {path}"
            wanted = "".join(word[:1].upper() + word[1:] for word in _ID_WORDS.findall(source))
            if wanted[:1].isdigit():
                wanted = "Op" + wanted
        wanted = wanted[:MAX_OPERATION_ID]
        unique, counter = wanted, 2
        while unique in self.operation_ids:
            unique = f"{wanted[:MAX_OPERATION_ID - len(str(counter))]}{counter}"
            counter += 1
        self.operation_ids.add(unique)
        if unique != value:
            why = ("is missing" if value is None else "is not unique" if wanted == value
                   else f"{value!r} is not valid (letters, digits, '_' and '-' only)")
            self.report("Oas3OperationId", f"the operationId {why}: {unique!r} used",
                        _sub(at, "operationId") if value is not None else at)
        return unique

    # --- parameters -------------------------------------------------------------------------
    def parameters(self, parameters: list, at: Where) -> list:
        out = []
        for index, parameter in enumerate(parameters):
            converted = self.parameter(parameter, _sub(at, index))
            if converted is not None:
                out.append(converted)
        return out

    def parameter(self, parameter: Any, at: Where, component: bool = False) -> dict | None:
        if isinstance(parameter, dict) and "$ref" in parameter and not component:
            name = self.local_component(parameter["$ref"], at, "parameters")
            if name is not None and self.component_parameter_kept(name):
                return {"$ref": f"#/parameters/{escape_token(name)}"}
        parameter, at = self.follow_or_empty(parameter, at)
        if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
            self.report("Oas3Dropped", "a parameter without a name: left out", at)
            return None
        where = parameter.get("in")
        if where not in ("query", "header", "path"):
            self.report("Oas3Dropped", f"{where} parameter {parameter['name']!r} has no Swagger 2.0 form: left "
                        "out", at, "a cookie can be sent as a `Cookie` header parameter")
            return None
        out: dict[str, Any] = {"name": parameter["name"], "in": where}
        for key in ("description", "required", "allowEmptyValue"):
            if key in parameter:
                out[key] = parameter[key]
        if where == "path":
            out["required"] = True
        schema, schema_at = parameter.get("schema"), _sub(at, "schema")
        if "content" in parameter and isinstance(parameter["content"], dict) and parameter["content"]:
            media = next(iter(parameter["content"]))
            schema, schema_at = parameter["content"][media].get("schema"), _sub(at, "content", media, "schema")
            self.report("Oas3Changed", f"parameter {parameter['name']!r} is {media} content: sent as a plain "
                        "value", _sub(at, "content"))
        fields = self.simple_schema(schema, schema_at, parameter["name"])
        out.update({k: v for k, v in fields.items() if k not in out})
        collection = self.collection_format(parameter, where, at)
        if collection and out.get("type") == "array":
            out["collectionFormat"] = collection
        for key, value in parameter.items():
            if key.startswith("x-"):
                out[key] = value
            elif key in ("example", "examples", "deprecated", "allowReserved") or \
                    (key in ("style", "explode") and out.get("type") != "array"):
                if key not in ("style", "explode") or collection is None:
                    self.report("Oas3Dropped", f"parameter member {key!r} has no Swagger 2.0 form: left out",
                                _sub(at, key))
        return out

    def follow_or_empty(self, node: Any, at: Where) -> tuple[Any, Where]:
        try:
            return self.follow(node, at)
        except _UrlRef as exc:
            self.report("Oas3UrlRef", f"$ref to a URL ({exc.ref!r}) is not fetched: left out", at,
                        "copy the referenced component into the document")
            return None, at

    def collection_format(self, parameter: dict, where: str, at: Where) -> str | None:
        style = parameter.get("style", "form" if where == "query" else "simple")
        explode = parameter.get("explode", style == "form")
        found = COLLECTION_FORMATS.get((style, bool(explode)))
        if (style, bool(explode)) == ("form", True) and (parameter.get("schema") or {}).get("type") == "array":
            self.report("Oas3Changed", "an exploded array (?a=1&a=2, Swagger 2.0's 'multi') is not supported by "
                        "Power Platform: comma-separated values (?a=1,2) are sent", at,
                        "check that the API accepts comma-separated values")
        if found is None and (parameter.get("schema") or {}).get("type") == "array":
            self.report("Oas3Changed", f"style {style!r} (explode {bool(explode)}) has no Swagger 2.0 form: "
                        "comma-separated values are sent", _sub(at, "style"))
            return "csv"
        return found

    def simple_schema(self, schema: Any, at: Where, name: str) -> dict:
        """The schema of a non-body parameter or a header, flattened into its fields."""
        converted = self.schema(schema, at) if schema is not None else {"type": "string"}
        if "$ref" in converted:
            target, _ = self.follow_or_empty(schema, at)
            converted = self.schema(target, at) if isinstance(target, dict) else {}
        out = {k: v for k, v in converted.items() if k in PARAMETER_SCHEMA_KEYS or k.startswith("x-")}
        if out.get("type") in (None, "object") or ("items" in out and not _simple_items(out["items"])):
            self.report("Oas3Changed", f"{name!r} has a structured schema, which Swagger 2.0 allows only in a "
                        "body: it is sent as a string", at)
            out = {k: v for k, v in out.items() if k not in ("type", "items", "format")}
            out["type"] = "string"
        for key in converted:
            if key not in out and key not in ("type", "items", "format", "$ref", "properties", "required",
                                              "additionalProperties", "allOf", "title", "description"):
                self.report("Oas3Dropped", f"schema member {key!r} has no place in a parameter: left out",
                            _sub(at, key))
        if isinstance(converted.get("description"), str):
            out["description"] = converted["description"]
        return out

    def request_body(self, body: Any, at: Where) -> tuple[list, list[str]]:
        body, at = self.follow_or_empty(body, at)
        if not isinstance(body, dict) or not isinstance(body.get("content"), dict) or not body["content"]:
            self.report("Oas3Dropped", "a request body without content: left out", at)
            return [], []
        content = body["content"]
        media = _preferred_media(list(content))
        for other in content:
            if other != media:
                self.report("Oas3Dropped", f"request body type {other!r} left out: a Swagger 2.0 operation has "
                            f"one body ({media!r} is used)", _sub(at, "content", other))
        entry = content[media] if isinstance(content[media], dict) else {}
        media_at = _sub(at, "content", media)
        for key in entry:
            if key in ("example", "examples", "encoding"):
                self.report("Oas3Dropped", f"request body {key!r} has no Swagger 2.0 form: left out",
                            _sub(media_at, key))
        required = body.get("required") is True
        if media in FORM_TYPES:
            return self.form_parameters(entry.get("schema"), _sub(media_at, "schema"), media), [media]
        schema = entry.get("schema")
        if schema is None:
            schema_out: dict = {"type": "string", "format": "binary"} if "octet" in media else {}
        else:
            schema_out = self.schema(schema, _sub(media_at, "schema"))
        parameter: dict[str, Any] = {"name": "body", "in": "body", "required": required, "schema": schema_out}
        if isinstance(body.get("description"), str):
            parameter = {"name": "body", "in": "body", "description": body["description"],
                         "required": required, "schema": schema_out}
        parameter.update({k: v for k, v in body.items() if k.startswith("x-")})
        return [parameter], [media]

    def form_parameters(self, schema: Any, at: Where, media: str) -> list:
        schema, at = self.follow_or_empty(schema, at)
        if not isinstance(schema, dict) or not isinstance(schema.get("properties"), dict):
            self.report("Oas3Changed", f"the {media} body has no properties: one 'file' field is used", at)
            return [{"name": "file", "in": "formData", "type": "file"}]
        required = schema.get("required") if isinstance(schema.get("required"), list) else []
        out = []
        for name, member in schema["properties"].items():
            member_at = _sub(at, "properties", name)
            fields = self.simple_schema(member, member_at, name)
            if fields.get("format") in ("binary", "byte") or (isinstance(member, dict)
                                                               and member.get("contentMediaType")):
                fields = {k: v for k, v in fields.items() if k not in ("format", "type")}
                fields["type"] = "file"
            parameter = {"name": name, "in": "formData", **({"required": True} if name in required else {}),
                         **fields}
            if parameter.get("type") == "array":
                parameter["collectionFormat"] = "multi"
            out.append(parameter)
        return out

    # --- responses --------------------------------------------------------------------------
    def responses(self, responses: dict, at: Where, produces: list[str]) -> dict:
        out: dict[str, Any] = {}
        for code, response in responses.items():
            here = _sub(at, code)
            key = str(code)
            if _STATUS_RANGE.fullmatch(key):
                exact = key[0] + "00"
                if exact in responses:
                    self.report("Oas3Dropped", f"status range {key!r} left out: {exact!r} is defined too", here)
                    continue
                self.report("Oas3Changed", f"status range {key!r} has no Swagger 2.0 form: written as {exact!r}",
                            here)
                key = exact
            elif key.startswith("x-"):
                out[key] = response
                continue
            elif not (key == "default" or (key.isdigit() and len(key) == 3)):
                self.report("Oas3Dropped", f"response {key!r} is not a status code: left out", here)
                continue
            out[key] = self.response(response, here, produces)
        return out

    def response(self, response: Any, at: Where, produces: list[str], component: bool = False) -> Any:
        if isinstance(response, dict) and "$ref" in response and not component:
            name = self.local_component(response["$ref"], at, "responses")
            if name is not None:
                self.response_media(self.follow(response, at)[0], produces)
                return {"$ref": f"#/responses/{escape_token(name)}"}
        response, at = self.follow_or_empty(response, at)
        if not isinstance(response, dict):
            return {"description": "Response"}
        out: dict[str, Any] = {"description": str(response.get("description", ""))}
        for key, value in response.items():
            here = _sub(at, key)
            if key == "content" and isinstance(value, dict):
                out.update(self.response_content(value, here, produces))
            elif key == "headers" and isinstance(value, dict):
                out["headers"] = {name: self.header(header, _sub(here, name)) for name, header in value.items()}
            elif key.startswith("x-"):
                out[key] = value
            elif key == "links":
                for name in value if isinstance(value, dict) else ():
                    self.report("Oas3Dropped", f"link {name!r} has no Swagger 2.0 form: left out", _sub(here, name),
                                "dynamic values (x-ms-dynamic-values) can point one operation at another")
            elif key != "description":
                self.report("Oas3Dropped", f"response member {key!r} has no Swagger 2.0 form: left out", here)
        return out

    def response_media(self, response: Any, produces: list[str]) -> None:
        if isinstance(response, dict) and isinstance(response.get("content"), dict):
            for media in response["content"]:
                if media not in produces:
                    produces.append(media)

    def response_content(self, content: dict, at: Where, produces: list[str]) -> dict:
        if not content:
            return {}
        media = _preferred_media(list(content))
        for other in content:
            if other not in produces:
                produces.append(other)
        out: dict[str, Any] = {}
        entry = content[media] if isinstance(content[media], dict) else {}
        if "schema" in entry:
            out["schema"] = self.schema(entry["schema"], _sub(at, media, "schema"))
        for other, other_entry in content.items():
            if other != media and isinstance(other_entry, dict) and "schema" in other_entry:
                self.report("Oas3Dropped", f"the {other!r} schema left out: a Swagger 2.0 response has one "
                            f"schema ({media!r} is used)", _sub(at, other, "schema"))
        examples: dict[str, Any] = {}
        for name, item in content.items():
            if not isinstance(item, dict):
                continue
            if "example" in item:
                examples[name] = item["example"]
            elif isinstance(item.get("examples"), dict) and item["examples"]:
                first_name, first = next(iter(item["examples"].items()))
                first, _ = self.follow_or_empty(first, _sub(at, name, "examples", first_name))
                if isinstance(first, dict) and "value" in first:
                    examples[name] = first["value"]
                if len(item["examples"]) > 1:
                    self.report("Oas3Dropped", f"{len(item['examples']) - 1} more example(s) left out: Swagger "
                                "2.0 has one example per media type", _sub(at, name, "examples"))
            for key in item:
                if key == "encoding":
                    self.report("Oas3Dropped", "'encoding' has no Swagger 2.0 form: left out",
                                _sub(at, name, key))
        if examples:
            out["examples"] = examples
        return out

    def header(self, header: Any, at: Where) -> dict:
        header, at = self.follow_or_empty(header, at)
        if not isinstance(header, dict):
            return {"type": "string"}
        out = {k: header[k] for k in ("description",) if k in header}
        out.update(self.simple_schema(header.get("schema"), _sub(at, "schema"), "header"))
        return out

    # --- schemas ----------------------------------------------------------------------------
    def schema(self, node: Any, at: Where) -> Any:
        if isinstance(node, bool):  # 3.1: true/false schemas
            return {} if node else {"x-ms-visibility": "internal"}
        if not isinstance(node, dict):
            self.report("Oas3Dropped", "a schema that is not an object: an empty schema is used", at)
            return {}
        if "$ref" in node:
            return self.schema_ref(node, at)
        out: dict[str, Any] = {}
        nullable = node.get("nullable") is True
        for key, value in node.items():
            here = _sub(at, key)
            if key == "type":
                nullable = self.schema_type(value, here, out) or nullable
            elif key == "nullable":
                continue
            elif key == "properties" and isinstance(value, dict):
                out[key] = {name: self.schema(sub, _sub(here, name)) for name, sub in value.items()}
            elif key in ("items", "additionalProperties") and isinstance(value, (dict, bool)):
                out[key] = self.schema(value, here) if isinstance(value, dict) else value
            elif key == "allOf" and isinstance(value, list):
                out[key] = [self.schema(sub, _sub(here, i)) for i, sub in enumerate(value)]
            elif key in ("oneOf", "anyOf") and isinstance(value, list):
                nullable = self.alternatives(key, value, here, out) or nullable
            elif key == "const":
                out["enum"] = [value]
            elif key == "examples" and isinstance(value, list):
                if value:
                    out.setdefault("example", value[0])
                if len(value) > 1:
                    self.report("Oas3Dropped", f"{len(value) - 1} more example(s) left out: Swagger 2.0 has "
                                "one", here)
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and not isinstance(value, bool):
                out["minimum" if key == "exclusiveMinimum" else "maximum"] = value
                out[key] = True
            elif key == "discriminator" and isinstance(value, dict):
                out[key] = value.get("propertyName")
                if "mapping" in value:
                    self.report("Oas3Dropped", "discriminator 'mapping' has no Swagger 2.0 form: left out",
                                _sub(here, "mapping"))
            elif key == "contentEncoding" and value == "base64":
                out.setdefault("format", "byte")
            elif key in SCHEMA_KEYS or key.startswith("x-"):
                out[key] = value
            else:
                self.report("Oas3Dropped", f"schema keyword {key!r} has no Swagger 2.0 form: left out", here)
        if nullable:
            out["x-nullable"] = True
        return out

    def schema_type(self, value: Any, at: Where, out: dict) -> bool:
        """Write the Swagger 2.0 type; True when the OpenAPI type allows null."""
        if isinstance(value, list):
            kinds = [kind for kind in value if kind != "null"]
            if len(kinds) == 1 and isinstance(kinds[0], str):
                out["type"] = kinds[0]
            elif kinds:
                self.report("Oas3TypeList", f"type {value!r} has no Swagger 2.0 form: the schema is left untyped",
                            at, "pick one type")
            return "null" in value
        if value == "null":
            return True
        if isinstance(value, str):
            out["type"] = value
        else:
            self.report("Oas3Dropped", "a type that is not a name: the schema is left untyped", at)
        return False

    def alternatives(self, key: str, options: list, at: Where, out: dict) -> bool:
        """oneOf/anyOf in the closest Swagger 2.0 form; True when one alternative is null."""
        null = [o for o in options if isinstance(o, dict) and (o.get("type") == "null" or o.get("type") == ["null"])]
        rest = [(i, o) for i, o in enumerate(options) if not any(o is n for n in null)]
        converted = [self.schema(o, _sub(at, i)) for i, o in rest]
        if len(converted) == 1:
            out.update({k: v for k, v in converted[0].items() if k not in out})
            return bool(null)
        kinds = {c.get("type") if isinstance(c.get("type"), str) else None for c in converted}
        if len(kinds) == 1 and None not in kinds and "object" not in kinds and "array" not in kinds:
            out.setdefault("type", kinds.pop())
            self.report("Oas3OneOf", f"{key} of {len(converted)} {out['type']} schemas becomes one {out['type']}",
                        at)
        elif converted:
            out.update({k: v for k, v in converted[0].items() if k not in out})
            self.report("Oas3OneOf", f"{key} has no Swagger 2.0 form: the first alternative is used, "
                        f"{len(converted) - 1} other(s) left out", at,
                        "describe the union in the description, or use dynamicSchema")
        return bool(null)

    def schema_ref(self, node: dict, at: Where) -> dict:
        ref = node["$ref"]
        for key in node:
            if key != "$ref" and not key.startswith("x-") and key != "description":
                self.report("Oas3Dropped", f"{key!r} beside $ref has no effect in Swagger 2.0: left out",
                            _sub(at, key))
        name = self.local_component(ref, at, "schemas")
        if name is not None:
            return {"$ref": f"#/definitions/{escape_token(name)}"}
        try:
            target, where = self.resolve(ref, _sub(at, "$ref"))
        except _UrlRef:
            self.report("Oas3UrlRef", f"$ref to a URL ({ref!r}) is not fetched: an empty schema is used", at,
                        "copy the referenced schema into components/schemas")
            return {}
        key = (str(where[0].path), where[1])
        if key not in self.external_names:
            if key in self.resolving:
                raise self.fail("RefCycle", f"$ref {ref!r} leads back to itself", at, "break the cycle")
            definition = _unique(str(where[1][-1]) if where[1] else where[0].path.stem, self.definitions)
            self.external_names[key] = definition
            self.definitions[definition] = {}
            self.resolving.append(key)
            self.definitions[definition] = self.schema(target, where)
            self.resolving.pop()
        return {"$ref": f"#/definitions/{escape_token(self.external_names[key])}"}

    # --- components -------------------------------------------------------------------------
    def component_schemas(self, schemas: Any, at: Where) -> None:
        if not isinstance(schemas, dict):
            return
        converted = {}
        for name, schema in schemas.items():
            self._check_alias_cycle(name, schema, _sub(at, name))
            converted[name] = self.schema(schema, _sub(at, name))
        # components first, in their order, then the external schemas they pulled in
        self.definitions = {**converted, **{k: v for k, v in self.definitions.items() if k not in converted}}

    def _check_alias_cycle(self, name: str, schema: Any, at: Where) -> None:
        """Schemas that are only a $ref to each other in a ring describe nothing."""
        seen = [name]
        while isinstance(schema, dict) and list(schema) == ["$ref"]:
            target = self.local_component(schema["$ref"], (self.root, ()), "schemas")
            if target is None:
                return
            if target in seen:
                raise self.fail("RefCycle", f"schemas {' → '.join(seen + [target])} only refer to each other",
                                at, "give one of them a real schema")
            seen.append(target)
            schema = self.root.data["components"]["schemas"][target]

    def component_parameter_kept(self, name: str) -> bool:
        parameter = self.root.data["components"]["parameters"][name]
        parameter, _ = self.follow_or_empty(parameter, (self.root, ("components", "parameters", name)))
        return isinstance(parameter, dict) and parameter.get("in") in ("query", "header", "path")

    def component_parameters(self, parameters: Any, at: Where) -> dict:
        if not isinstance(parameters, dict):
            return {}
        out = {}
        for name, parameter in parameters.items():
            converted = self.parameter(parameter, _sub(at, name), component=True)
            if converted is not None:
                out[name] = converted
        return out

    def component_responses(self, responses: Any, at: Where) -> dict:
        if not isinstance(responses, dict):
            return {}
        return {name: self.response(response, _sub(at, name), [], component=True)
                for name, response in responses.items()}

    def other_components(self, components: dict, at: Where) -> None:
        for section, value in components.items():
            if section in ("schemas", "parameters", "responses", "securitySchemes") or section.startswith("x-"):
                continue
            if section in ("requestBodies", "headers", "examples") and isinstance(value, dict):
                continue  # used inline where referenced
            self.report("Oas3Dropped", f"components/{section} has no Swagger 2.0 form: left out",
                        _sub(at, section))


class _UrlRef(Exception):
    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


def _split_url(url: str):
    """urlsplit, with a URL it cannot read (a bad IPv6 host) read as a path."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("/" + url.split("://", 1)[-1].split("/", 1)[-1])


def _sub(at: Where, *tokens: Any) -> Where:
    return (at[0], at[1] + tokens)


def _preferred_media(types: list[str]) -> str:
    def rank(media: str) -> int:
        lower = media.lower()
        if lower.startswith("application/json") or lower.endswith("+json"):
            return 0
        if "json" in lower:
            return 1
        if lower.startswith(FORM_TYPES[0]):
            return 2
        if lower.startswith(FORM_TYPES[1]):
            return 3
        if lower.startswith("application/octet-stream"):
            return 4
        return 5
    return min(types, key=lambda media: (rank(media), types.index(media)))


def _simple_items(items: Any) -> bool:
    return isinstance(items, dict) and items.get("type") not in (None, "object") \
        and ("items" not in items or _simple_items(items["items"]))


def _shared_media_types(paths: dict) -> dict:
    """`consumes`/`produces` lists that every operation has alike, moved to the top level, where
    Swagger 2.0 applies them to every operation: said once, as a hand-written spec says it."""
    operations = [op for item in paths.values() for method, op in item.items()
                  if method in METHODS and isinstance(op, dict)]
    shared: dict[str, list] = {}
    for key in ("consumes", "produces"):
        first = operations[0].get(key) if operations else None
        if first and all(op.get(key) == first for op in operations):
            shared[key] = first
            for op in operations:
                del op[key]
    return shared


def _ordered(value: dict, order: tuple) -> dict:
    out = {key: value[key] for key in order if key in value}
    out.update({key: item for key, item in value.items() if key not in out})
    return out


def _unique(name: str, taken: dict) -> str:
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}{counter}", counter + 1
    return candidate


def convert_document(document: ApiDocument) -> tuple[dict, dict, list[Finding]]:
    """(swagger, apiProperties extras, findings) for an OpenAPI 3 document."""
    converter = Converter(document)
    swagger = converter.convert()
    extra = dict(converter.extra_properties)
    refresh = extra.pop("refreshUrl", None)
    return swagger, {"extra": extra, "connectionParameters": converter.connection_parameters,
                     "refreshUrl": refresh}, converter.findings
