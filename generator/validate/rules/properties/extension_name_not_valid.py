from generator.findings import Severity, escape_token
from generator.validate.rule import Rule
from generator.validate.rules._common import NOT_IN_SWAGGER_SCHEMA, SCHEMA_ONLY
from generator.validate.rules.properties._helpers import NON_BODY_KEYWORDS
from generator.validate.traversal import HTTP_METHODS

_VALIDATIONS = ("default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
                "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum",
                "multipleOf")
#: The fixed members of each Swagger 2.0 object; any other member must be an ``x-`` extension.
MEMBERS = {
    "root": ("swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths",
             "definitions", "parameters", "responses", "securityDefinitions", "security", "tags",
             "externalDocs"),
    "info": ("title", "description", "termsOfService", "contact", "license", "version"),
    "contact": ("name", "url", "email"),
    "license": ("name", "url"),
    "tag": ("name", "description", "externalDocs"),
    "externalDocs": ("description", "url"),
    "path item": ("$ref", "parameters") + HTTP_METHODS,
    "operation": ("tags", "summary", "description", "externalDocs", "operationId", "consumes",
                  "produces", "parameters", "responses", "schemes", "deprecated", "security"),
    "response": ("description", "schema", "headers", "examples"),
    "body parameter": ("name", "in", "description", "required", "schema"),
    "parameter": ("name", "in", "description", "required", "type", "format", "allowEmptyValue",
                  "items", "collectionFormat") + _VALIDATIONS,
    "items": ("type", "format", "items", "collectionFormat", "description") + _VALIDATIONS,
    "schema": ("$ref", "format", "title", "description", "required", "type", "items", "allOf",
               "properties", "additionalProperties", "discriminator", "readOnly", "xml",
               "externalDocs", "example", "maxProperties", "minProperties") + _VALIDATIONS,
    "xml": ("name", "namespace", "prefix", "attribute", "wrapped"),
}
#: Members other rules already report (SwaggerKeywordNotSupported, BodyParameterPropertyNotValid).
_REPORTED_ELSEWHERE = {
    "schema": NOT_IN_SWAGGER_SCHEMA,
    "parameter": NOT_IN_SWAGGER_SCHEMA + SCHEMA_ONLY,
    "items": NOT_IN_SWAGGER_SCHEMA + SCHEMA_ONLY,
    "body parameter": NON_BODY_KEYWORDS,
}

#: Per kind, the members that are never reported here.
_PASSING = {kind: frozenset(known) | frozenset(_REPORTED_ELSEWHERE.get(kind, ())) for kind, known in MEMBERS.items()}


class ExtensionNameNotValid(Rule):
    """A member that is not part of a Swagger object must be an extension named ``x-...``.

    Swagger 2.0 objects have a fixed set of members and accept anything else only as a vendor
    extension whose name begins with ``x-`` (``x-ms-summary``, ``x-ms-visibility``). A member such
    as ``ms-summary``, ``X-ms-visibility`` or a misspelt keyword (``operationID``, ``basepath``)
    is therefore invalid, and whatever it was meant to do does not happen.

    Checked: the root, info, contact, license, tags, externalDocs, path items, operations,
    parameters, responses and schemas. Keywords reported by SwaggerKeywordNotSupported or
    BodyParameterPropertyNotValid are left to those rules.

    Passing example::

        paths:
          /items: {get: {operationId: ListItems, x-ms-visibility: important, responses: {'200': {description: OK}}}}

    Failing example::

        paths:
          /items: {get: {operationId: ListItems, ms-visibility: important, responses: {'200': {description: OK}}}}

    Reports: /paths/~1items/get/ms-visibility

    Failing example::

        ms-brand: blue
        paths:
          /items:
            ms-note: shared
            get:
              operationId: ListItems
              parameters: [{name: top, in: query, type: integer, ms-summary: Top}]
              responses: {'200': {description: OK, ms-note: listed}}
        definitions:
          Item: {type: object, ms-summary: Item}

    Reports:
      - /ms-brand
      - /paths/~1items/ms-note
      - /paths/~1items/get/parameters/0/ms-summary
      - /paths/~1items/get/responses/200/ms-note
      - /definitions/Item/ms-summary
    """

    code = "ExtensionNameNotValid"
    severity = Severity.ERROR
    summary = "members outside a Swagger object's keywords are 'x-' extensions"

    def _check(self, ctx, node, pointer, kind, where):
        if not isinstance(node, dict) or _PASSING[kind].issuperset(node):
            return  # the common case, decided at C speed
        known = MEMBERS[kind]
        for key in node:
            if not isinstance(key, str) or key in _PASSING[kind] or key.startswith("x-"):
                continue
            ctx.report(f"{pointer}/{escape_token(key)}",
                       f"the property '{key}' of {where} is not valid; an extension's name must "
                       f"begin with 'x-'",
                       _hint(key, known))

    def document(self, ctx, doc):
        self._check(ctx, doc, "", "root", "the document")
        info = doc.get("info")
        if isinstance(info, dict):
            self._check(ctx, info, "/info", "info", "'info'")
            self._check(ctx, info.get("contact"), "/info/contact", "contact", "the contact")
            self._check(ctx, info.get("license"), "/info/license", "license", "the license")
        self._check(ctx, doc.get("externalDocs"), "/externalDocs", "externalDocs", "'externalDocs'")
        tags = doc.get("tags")
        for index, tag in enumerate(tags if isinstance(tags, list) else ()):
            self._check(ctx, tag, f"/tags/{index}", "tag", f"tag {index}")
            if isinstance(tag, dict):
                self._check(ctx, tag.get("externalDocs"), f"/tags/{index}/externalDocs",
                            "externalDocs", f"the externalDocs of tag {index}")

    def path_item(self, ctx, item):
        self._check(ctx, item.node, item.pointer, "path item", f"path '{item.path}'")

    def operation(self, ctx, op):
        self._check(ctx, op.node, op.pointer, "operation", f"operation {op.label}")
        self._check(ctx, op.node.get("externalDocs"), op.pointer + "/externalDocs", "externalDocs",
                    f"the externalDocs of operation {op.label}")

    def parameter(self, ctx, param):
        kind = "body parameter" if param.location == "body" else "parameter"
        self._check(ctx, param.node, param.pointer, kind, f"parameter '{param.name}'")

    def response(self, ctx, response):
        self._check(ctx, response.node, response.pointer, "response", f"response '{response.status}'")

    @classmethod
    def wants(cls, kind, role, keys, node_type=None):
        if kind != "schema":
            return True
        # Exactly the nodes ``_check`` can report on, decided once per node shape, not per node.
        passing = _PASSING["items" if role in ("header", "parameter-items") else "schema"]
        return "xml" in keys or "externalDocs" in keys or any(
            isinstance(key, str) and key not in passing and not key.startswith("x-") for key in keys)

    def schema(self, ctx, schema):
        node = schema.node
        kind = "items" if schema.role in ("header", "parameter-items") else "schema"
        if _PASSING[kind].issuperset(node) and not ("xml" in node or "externalDocs" in node):
            return  # nothing to report: skip building the names (~190,000 schemas in a corpus run)
        if kind == "items":
            where = (f"response header '{schema.name}'" if schema.role == "header"
                     else "the items of a parameter")
        else:
            where = f"schema '{schema.name}'" if schema.name else "a schema"
        self._check(ctx, node, schema.pointer, kind, where)
        if kind == "schema":
            self._check(ctx, node.get("xml"), schema.pointer + "/xml", "xml", f"the xml of {where}")
            self._check(ctx, node.get("externalDocs"), schema.pointer + "/externalDocs",
                        "externalDocs", f"the externalDocs of {where}")


def _hint(key: str, known) -> str:
    for name in known:
        if name.lower() == key.lower():
            return f"did you mean '{name}'? (names are case-sensitive)"
    if key.lower().startswith("x-") or key.startswith("ms-"):
        return f"write the extension in lower case with the 'x-' prefix, e.g. 'x-{key.lower().removeprefix('x-')}'"
    return f"remove '{key}', or rename it 'x-{key}' if it is meant as an extension"
