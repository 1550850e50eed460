"""Edge cases of the operation rules beyond their docstring examples (written by ops1)."""

import pytest
import yaml
from conftest import assert_findings_are_sound

from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()


def codes(fragment: str, code: str, properties=None) -> list:
    swagger, _ = example_documents(yaml.safe_load(fragment))
    return [f for f in run_rules(swagger, properties, [RULES[code]]) if f.code == code]


def test_empty_responses_tolerated_on_webhook_trigger_with_notification_content():
    doc = """
    paths:
      /hook:
        x-ms-notification-content: {schema: {type: object}}
        post: {operationId: OnEvent, x-ms-trigger: single, responses: {}}
    """
    assert not codes(doc, "OperationMustHaveResponse")
    assert codes(doc.replace("x-ms-trigger: single, ", ""), "OperationMustHaveResponse")


def test_missing_responses_key_fires():
    assert codes("paths: {/a: {get: {operationId: A}}}", "OperationMustHaveResponse")


def test_duplicate_path_ignores_trailing_slash_and_case_only_variants():
    doc = """
    paths:
      /messages: {post: {operationId: A, responses: {'200': {description: OK}}}}
      /messages/: {post: {operationId: B, responses: {'200': {description: OK}}}}
      /Messages: {post: {operationId: C, responses: {'200': {description: OK}}}}
      /messages/{id}: {get: {operationId: D, responses: {'200': {description: OK}}}}
      /Messages/{key}: {get: {operationId: E, responses: {'200': {description: OK}}}}
      /messages/{id}/x: {post: {operationId: F, responses: {'200': {description: OK}}}}
    """
    hits = codes(doc, "DuplicateOperationPath")
    assert len(hits) == 1 and "E" in hits[0].message


def test_boolean_enum_accepts_booleans_and_their_strings():
    # "true"/"false" strings: accepted by the service and by certification (13 certified connectors).
    base = "paths: {/a: {get: {operationId: A, parameters: [{name: f, in: query, type: boolean, enum: %s}], responses: {'200': {description: OK}}}}}"
    assert not codes(base % "[true, false]", "InvalidEnumValue")
    assert not codes(base % "['true', 'false']", "InvalidEnumValue")  # accepted by the service and certification
    assert codes(base % "[1, 0]", "InvalidEnumValue")


def test_enum_checked_in_definitions_and_string_type():
    doc = "definitions: {T: {type: string, enum: [a, 2]}}"
    assert [h.pointer for h in codes(doc, "InvalidEnumValue")] == ["/definitions/T/enum/1"]


def test_consumes_missing_ignores_body_operations():
    doc = """
    consumes: []
    paths: {/a: {post: {operationId: A, parameters: [{name: b, in: body, schema: {type: object}}], responses: {'200': {description: OK}}}}}
    """
    assert not codes(doc, "ConsumesMissing")


def test_urlencoded_form_cannot_carry_a_file():
    doc = """
    paths: {/a: {post: {operationId: A, consumes: [application/x-www-form-urlencoded], parameters: [{name: f, in: formData, type: file}], responses: {'200': {description: OK}}}}}
    """
    assert codes(doc, "MimeTypeNotCompatibleWithRequestContentSchemaType")
    assert not codes(doc.replace("application/x-www-form-urlencoded", "multipart/form-data"),
                     "MimeTypeNotCompatibleWithRequestContentSchemaType")


def test_object_body_with_only_text_plain():
    doc = """
    paths: {/a: {post: {operationId: A, consumes: [text/plain], parameters: [{name: b, in: body, schema: {$ref: '#/definitions/B'}}], responses: {'200': {description: OK}}}}}
    definitions: {B: {type: object}}
    """
    assert codes(doc, "MimeTypeNotCompatibleWithRequestContentSchemaType")


def test_notification_url_found_through_ref_and_loop():
    doc = """
    definitions:
      Hook: {type: object, properties: {target: {$ref: '#/definitions/Target'}, self: {$ref: '#/definitions/Hook'}}}
      Target: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}
    paths:
      /hook: {post: {operationId: Hook, x-ms-trigger: single, parameters: [{name: body, in: body, schema: {$ref: '#/definitions/Hook'}}], responses: {'201': {description: OK}}}}
    """
    hits = codes(doc, "OperationMustHaveNotificationContentExtension")
    assert len(hits) == 1 and "body/target/url" in hits[0].message


def test_references_from_simulate_and_test_connection():
    doc = """
    x-ms-capabilities: {testConnection: {operationId: Ping}}
    paths:
      /a: {get: {operationId: A, x-ms-trigger: batch, x-ms-operation-context: {simulate: {operationId: Nope}}, responses: {'200': {description: OK}}}}
    """
    assert sorted(h.pointer for h in codes(doc, "OperationIdNotFound")) == [
        "/paths/~1a/get/x-ms-operation-context/simulate/operationId",
        "/x-ms-capabilities/testConnection/operationId",
    ]


def test_required_parameter_with_default_or_path_key_counts_as_given():
    doc = """
    paths:
      /a:
        get:
          operationId: A
          parameters:
            - {name: p, in: query, type: string,
               x-ms-dynamic-list: {operationId: B, parameters: {site/x: {value: 1}}}}
          responses: {'200': {description: OK}}
      /b/{site}:
        get:
          operationId: B
          parameters:
            - {name: site, in: path, required: true, type: string}
            - {name: v, in: query, required: true, type: string, default: '1'}
          responses: {'200': {description: OK}}
    """
    assert not codes(doc, "OperationMissingRequiredProperty")


def test_path_level_parameters_satisfy_path_template():
    doc = """
    paths:
      /a/{id}:
        parameters: [{$ref: '#/parameters/Id'}]
        get: {operationId: A, responses: {'200': {description: OK}}}
    parameters: {Id: {name: id, in: path, required: true, type: string}}
    """
    assert not codes(doc, "OperationMissingPathParameter")


def test_revision_suffix_variants():
    base = "paths: {/a: {get: {operationId: %s, x-ms-api-annotation: {family: A, revision: '3'}, responses: {'200': {description: OK}}}}}"
    assert not codes(base % "A_V3", "OperationIdShouldEndWithRevision")
    assert not codes(base % "AV3", "OperationIdShouldEndWithRevision")
    assert codes(base % "A_V2", "OperationIdShouldEndWithRevision")


@pytest.mark.parametrize("swagger", [
    [], "x", {"paths": []}, {"paths": {"/a": []}}, {"paths": {"/a": {"get": "x"}}},
    {"paths": {"/a/{id}": {"parameters": "x", "get": {"parameters": [1, None, {"$ref": 5}],
                                                       "responses": [], "consumes": "x",
                                                       "x-ms-api-annotation": {"replacement": []},
                                                       "x-ms-pageable": 3, "x-ms-notification": []}}}},
    {"x-ms-capabilities": {"testConnection": {"operationId": {"a": 1}, "parameters": []}}},
    {"definitions": {"A": {"enum": "x", "x-ms-enum-values": [1, {"value": {"a": [1]}}],
                           "type": "integer", "required": [[1], [1]]}}},
])
def test_odd_input_does_not_crash(swagger):
    ops_rules = [rule for code, rule in RULES.items() if rule.__module__.split(".")[-1] in OPS1_MODULES]
    findings = run_rules(swagger, {"properties": []}, ops_rules)
    assert_findings_are_sound(findings, swagger, {"properties": []}, ops_rules)


OPS1_MODULES = {
    "api_annotation_extension_replacement_info_for_non_deprecated_operations",
    "api_annotation_extension_replacement_info_missing_api_property",
    "api_annotation_extension_replacement_info_missing_operation_id_property",
    "array_duplicate_value", "body_or_form_data_parameter_in_fetch_operation_not_allowed",
    "connection_id_parameter_not_allowed", "consumes_missing", "duplicate_enum_values_in_extension",
    "duplicate_operation_path", "invalid_enum_value", "invalid_enum_values_extension_value",
    "invalid_form_data_parameter_name", "invalid_next_link_name_value",
    "mime_type_not_compatible_with_request_content_schema_type",
    "notification_extension_not_supported_in_webhook_operation",
    "notification_extension_supported_for_trigger_only", "notification_operation_must_be_webhook",
    "operation_family_has_duplicate_revisions", "operation_family_has_many_active_operations",
    "operation_family_has_many_active_production_operations",
    "operation_family_has_many_empty_revisions", "operation_has_many_responses_with_schema",
    "operation_id_not_found", "operation_id_not_unique", "operation_id_sanitized",
    "operation_id_should_end_with_revision", "operation_id_too_long",
    "operation_missing_path_parameter", "operation_missing_required_property",
    "operation_must_have_notification_content_extension", "operation_must_have_response",
}


def test_all_ops1_modules_are_registered():
    registered = {rule.__module__.split(".")[-1] for rule in RULES.values()}
    assert OPS1_MODULES <= registered
