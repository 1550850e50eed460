"""Edge cases of the Properties rules beyond their docstring examples (written by props)."""

import yaml

from generator.findings import Severity
from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()
OK = "{'200': {description: OK}}"


def hits(fragment: str, code: str, properties=None) -> list:
    swagger, _ = example_documents(yaml.safe_load(fragment) or {})
    return [f for f in run_rules(swagger, properties, [RULES[code]]) if f.code == code]


def body_op(schema: str) -> str:
    return f"""
    paths:
      /a:
        post:
          operationId: A
          parameters: [{{name: body, in: body, schema: {schema}}}]
          responses: {OK}
    """


# --- x-ms-connector-metadata ------------------------------------------------------------------

def test_metadata_names_are_case_insensitive():
    doc = """
    x-ms-connector-metadata:
      - {PropertyName: website, PropertyValue: 'https://contoso.com'}
      - {propertyName: Privacy Policy, propertyValue: 'https://contoso.com/privacy'}
      - {propertyName: Categories, propertyValue: AI}
    """
    assert not hits(doc, "ConnectorMetadataPropertiesMissing")
    assert not hits(doc, "RequiredPropertyMissing")
    assert not hits(doc, "AdditionalPropertyNotAllowed")


def test_missing_metadata_reports_each_entry():
    assert len(hits("{}", "ConnectorMetadataPropertiesMissing")) == 3


def test_categories_case_and_spacing_and_limit():
    doc = "x-ms-connector-metadata: [{propertyName: Categories, propertyValue: '%s'}]"
    assert not hits(doc % "social media ; Sales and CRM", "InvalidConnectorCategory")
    bad = hits(doc % "AI;Messaging", "InvalidConnectorCategory")
    assert len(bad) == 1 and "Messaging" in bad[0].message
    assert bad[0].pointer == "/x-ms-connector-metadata/0/propertyValue"
    assert not hits(doc % "AI;Data", "TooManyConnectorCategories")
    assert not hits(doc % "AI;ai", "TooManyConnectorCategories")
    assert hits(doc % "AI;Data;Finance", "TooManyConnectorCategories")


# --- input reachability (definitions used by request bodies) ----------------------------------

SHARED = """
definitions:
  Row:
    type: object
    required: [id]
    properties:
      id: {type: string, readOnly: true}
      name: {type: string, x-ms-capabilities: {filterFunctions: [eq]}}
      source: {type: string, default: app, x-ms-visibility: Internal}
  Wrapper: {type: object, properties: {row: {$ref: '#/definitions/Row'}}}
paths:
  /rows:
    get:
      operationId: ListRows
      responses: {'200': {description: OK, schema: {type: array, items: {$ref: '#/definitions/Row'}}}}
"""
AS_INPUT = SHARED + """
    post:
      operationId: AddRow
      parameters: [{name: body, in: body, schema: {$ref: '#/definitions/Wrapper'}}]
      responses: {'200': {description: OK}}
"""


def test_output_only_definitions_are_not_input():
    for code in ("FilterFunctionsPropertyInInputSchema", "PropertyMustBeRequired",
                 "RequiredReadOnlyPropertyNotAllowedAsInput"):
        assert not hits(SHARED, code), code


def test_definitions_reached_from_a_body_through_refs_are_input():
    expected = {
        "FilterFunctionsPropertyInInputSchema": "/definitions/Row/properties/name/x-ms-capabilities/filterFunctions",
        "PropertyMustBeRequired": "/definitions/Row/properties/source",
        "RequiredReadOnlyPropertyNotAllowedAsInput": "/definitions/Row/properties/id/readOnly",
    }
    for code, pointer in expected.items():
        found = hits(AS_INPUT, code)
        assert [f.pointer for f in found] == [pointer], code


def test_filter_functions_checks():
    prop = "{type: object, properties: {n: {type: string, x-ms-capabilities: {filterFunctions: %s}}}}"
    doc = "definitions: {Row: " + prop + "}"
    assert not hits(doc % "[EQ, startswith, tolower]", "FilterFunctionsPropertyInvalidValue")
    assert len(hits(doc % "[eq, like, 3]", "FilterFunctionsPropertyInvalidValue")) == 2
    assert hits(doc % "[]", "FilterFunctionsPropertyEmpty")
    assert not hits(doc % "[eq]", "FilterFunctionsPropertyEmpty")
    dup = hits(doc % "[eq, ne, eq]", "FilterFunctionsPropertyHasDuplicates")
    assert [f.pointer for f in dup] == ["/definitions/Row/properties/n/x-ms-capabilities/filterFunctions/2"]


# --- internal / default / required ------------------------------------------------------------

def test_internal_parameter_rule_is_a_warning_and_respects_required():
    doc = """
    paths:
      /a:
        get:
          operationId: A
          parameters: [{name: v, in: query, type: string, default: '1', x-ms-visibility: internal%s}]
          responses: {'200': {description: OK}}
    """
    found = hits(doc % "", "InternalPropertyWithDefaultOptional")
    assert found and found[0].severity is Severity.WARNING
    assert not hits(doc % ", required: true", "InternalPropertyWithDefaultOptional")
    assert not hits(doc % "", "PropertyMustBeRequired")


def test_internal_body_property_in_required_list_passes():
    schema = "{type: object, required: [s], properties: {s: {type: string, default: x, x-ms-visibility: internal}}}"
    assert not hits(body_op(schema), "PropertyMustBeRequired")


# --- schema keywords --------------------------------------------------------------------------

def test_default_tolerates_null_but_not_spelt_scalars():
    # Issue 15 item 6: a string spelling a value is a string, as the OpenAPI stage judges it.
    doc = "definitions: {T: {type: object, properties: {a: {type: %s, default: %s}}}}"
    for declared, value in (("string", "null"), ("number", "3"), ("integer", "2.0")):
        assert not hits(doc % (declared, value), "DefaultValueMustMatchType"), (declared, value)
    for declared, value in (("integer", "ten"), ("boolean", "'yes'"), ("string", "{a: 1}"),
                            ("array", "x"), ("integer", "2.5"), ("integer", "'10'"),
                            ("boolean", "'false'"), ("number", "'1.5'")):
        assert hits(doc % (declared, value), "DefaultValueMustMatchType"), (declared, value)


def test_required_names_defined_through_allof_refs():
    doc = """
    definitions:
      Base: {type: object, properties: {id: {type: string}}}
      Item:
        allOf: [{$ref: '#/definitions/Base'}, {type: object, properties: {name: {type: string}}}]
        required: [id, name]
    """
    assert not hits(doc, "RequiredPropertyDefinitionMissing")
    assert hits(doc.replace("[id, name]", "[id, title]"), "RequiredPropertyDefinitionMissing")


def test_required_on_array_is_tolerated_but_not_on_scalars():
    doc = "definitions: {T: {type: %s, required: [a], items: {type: object}}}"
    assert not hits(doc % "array", "RequiredPropertyNotOnObject")
    assert hits(doc % "integer", "RequiredPropertyNotOnObject")


def test_binary_allowed_at_roots_only():
    assert not hits(body_op("{type: string, format: binary}"), "InvalidStringBinaryProperty")
    assert hits(body_op("{type: array, items: {type: string, format: binary}}"), "InvalidStringBinaryProperty")


# --- root members -----------------------------------------------------------------------------

def test_host_forms():
    for host in ("api.contoso.com", "api.contoso.com:8443", "localhost"):
        assert not hits(f"host: '{host}'", "HostNameNotValid"), host
    for host in ("contoso.com/api", "api.contoso.com:99999", "api contoso.com", "https://api.contoso.com", ""):
        assert hits(f"host: '{host}'", "HostNameNotValid"), host


def test_schemes_leaves_websocket_to_scheme_not_supported():
    assert not hits("schemes: [https, wss]", "SchemeNotValid")
    assert hits("schemes: [HTTPS]", "SchemeNotValid")


def test_swagger_version_must_be_a_string():
    assert hits("swagger: 2.0", "SpecificationVersionIncorrect")


def test_mime_ranges_and_parameters_are_well_formed():
    assert not hits("consumes: ['application/*+json', '*/*', 'application/json; odata.metadata=minimal']",
                    "MimeTypeNotValid")
    assert hits("consumes: ['application json']", "MimeTypeNotValid")


def test_url_members():
    assert hits("externalDocs: {url: docs.contoso.com}", "UrlNotValid")
    assert not hits("externalDocs: {url: 'https://docs.contoso.com'}", "UrlNotValid")
    assert hits("info: {license: {name: MIT, url: '/license'}}", "UrlNotValid")


def test_contact_email_must_be_ascii():
    assert hits("info: {contact: {email: 'søren@contoso.com'}}", "ContactEmailNotValid")


# --- extension and reference members ----------------------------------------------------------

def test_extension_name_hint_and_no_double_report():
    found = hits(f"paths: {{/a: {{get: {{operationID: A, operationId: A, responses: {OK}}}}}}}",
                 "ExtensionNameNotValid")
    assert len(found) == 1 and "operationId" in found[0].hint
    assert not hits("definitions: {T: {type: string, nullable: true}}", "ExtensionNameNotValid")


def test_ref_siblings_on_schemas_are_tolerated_but_not_on_responses():
    assert not hits("definitions: {A: {type: string}, B: {type: object, properties: {a: {$ref: '#/definitions/A', description: x}}}}",
                    "AdditionalPropertyNotAllowedAdjacentToRef")
    doc = """
    responses: {Ok: {description: OK}}
    paths: {/a: {get: {operationId: A, responses: {'200': {$ref: '#/responses/Ok', description: x}}}}}
    """
    assert [f.pointer for f in hits(doc, "AdditionalPropertyNotAllowedAdjacentToRef")] == \
        ["/paths/~1a/get/responses/200/description"]


def test_body_parameter_keywords():
    assert hits(body_op("{type: object}").replace("in: body,", "in: body, format: json,"),
                "BodyParameterPropertyNotValid")


def test_security_scheme_members_follow_the_flow():
    doc = "securityDefinitions: {o: {type: oauth2, flow: implicit, authorizationUrl: 'https://a', %s}}"
    assert hits(doc % "tokenUrl: 'https://t'", "SecuritySchemePropertyNotValid")
    assert not hits(doc % "scopes: {}", "SecuritySchemePropertyNotValid")
    assert not hits(doc % "scopes: {}", "SecuritySchemePropertyRequired")
    assert hits("securityDefinitions: {k: {type: apiKey, in: header}}", "SecuritySchemePropertyRequired")


def test_dynamic_extension_alternatives():
    param = "{name: p, in: query, type: string, %s}"
    doc = f"paths: {{/a: {{get: {{operationId: A, parameters: [{param}], responses: {OK}}}}}}}"
    assert hits(doc % "x-ms-dynamic-values: {value-path: id}", "OneOfPropertiesRequired")
    assert not hits(doc % "x-ms-dynamic-values: {capability: file-picker}", "OneOfPropertiesRequired")
    tree = ("x-ms-dynamic-tree: {open: {operationId: R}, browse: {operationId: B, "
            "parameters: {id: {selectedItemValuePath: id}}}}")
    assert not hits(doc % tree, "OneOfPropertiesRequired")
    assert hits(doc % "x-ms-dynamic-list: {itemsPath: value}", "RequiredPropertyMissing")


def test_enum_values_are_case_insensitive_and_empty_visibility_is_unset():
    doc = f"paths: {{/a: {{get: {{operationId: A, x-ms-visibility: '%s', responses: {OK}}}}}}}"
    for value in ("Advanced", "INTERNAL", ""):
        assert not hits(doc % value, "JsonValueNotInEnum"), value
    assert hits(doc % "hidden", "JsonValueNotInEnum")


def test_production_on_beta_host():
    doc = "x-ms-api-annotation: {status: production}\nhost: %s"
    assert hits(doc % "beta.contoso.com", "ProductionStatusOnBetaService")
    assert not hits(doc % "betamax.contoso.com", "ProductionStatusOnBetaService")


# --- apiProperties.json -----------------------------------------------------------------------

PROPS = {"properties": {"iconBrandColor": "#007ee5", "capabilities": [], "connectionParameters": {
    "api_key": {"type": "securestring", "uiDefinition": {"displayName": "API key"}}}}}


def _props(**changes):
    import copy

    props = copy.deepcopy(PROPS)
    for key, value in changes.items():
        props["properties"][key] = value
    return props


def test_valid_api_properties_pass():
    for code in ("AdditionalPropertyNotAllowed", "JsonTypeIncorrect", "JsonValueNotInEnum",
                 "RequiredPropertyMissing"):
        assert not hits("{}", code, PROPS), code


def test_api_properties_findings_point_under_properties():
    cases = {
        "AdditionalPropertyNotAllowed": {**_props(stackowner="Contoso"), "extra": 1},
        "JsonTypeIncorrect": _props(capabilities="actions"),
        "JsonValueNotInEnum": _props(connectionParameters={"k": {"type": "password"}}),
        "RequiredPropertyMissing": {"properties": {"connectionParameters": {"k": {}}}},
    }
    for code, props in cases.items():
        found = hits("{}", code, props)
        assert found, code
        assert all(f.pointer.startswith("/properties") for f in found), (code, [f.pointer for f in found])


def test_null_members_read_as_unset():
    props = _props(connectionParameters={"t": {"type": "string", "uiDefinition": None}})
    assert not hits("{}", "JsonTypeIncorrect", props)
