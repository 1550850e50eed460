"""Extra checks for the array, not-supported, parameter, response and security rules beyond
their docstring examples: odd input must not crash them, and overlapping rules split cases."""

import pytest
from conftest import assert_findings_are_sound

from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()
MINE = [
    "ArrayHasNoItems", "RequiredPropertyArrayEmpty", "SchemesArrayEmpty",
    "CollectionFormatValueNotSupported", "MimeTypeNotSupported", "PathItemRefNotSuppored",
    "SwaggerKeywordNotSupported", "FileParameterMustBeInFormData",
    "ParameterListContainsFormDataAndBody", "ParameterReferenceNotFound",
    "ParameterReferenceNotValid", "ParameterRefLoopNotAllowed",
    "ParamtersWithSameNameMustHaveSameTypeAndVisibility", "PathParameterMissingEncoding",
    "QueryParameterEncodingNotSupported", "ReservedParameterIsUsed", "ResponseRefLoopNotAllowed",
    "SourcePropertyInternal", "BodyParameterSchemaRequired", "BodySchemaCountExceedsMaxAllowed",
    "DefaultResponseHasSchema", "InvalidCustomEditorExtensionDictionaryValue",
    "JsonPointerNotValid", "NonBodyParameterSchemaNotValid", "RequiredLoopInSchemaNotAllowed",
    "ResponseExampleMustBeProducedByOperation", "ResponseHeadersAreNotUnique",
    "ResponseMustBeDefaultOrHttpStatusCode", "ResponseReferenceNotFound",
    "ResponseReferenceNotValid", "SchemaDefinitionSetIncorrectly", "SchemaReferenceNotFound",
    "SchemaReferenceNotValid", "SchemaRefLoopNotAllowed", "SchemaTooDeep", "SchemaTypeFileNotValid",
    "SchemeNotSupported", "TotalSchemaCountExceedsMaxAllowed",
    "OAuthSecurityRequirementValueMustBeScopeName", "SecurityRequirementMustBeDefined",
    "SecurityRequirementMustHaveEmptyValue", "SecurityRequirementMustHaveValue",
]


def codes(example: dict, only=None) -> list[str]:
    swagger, properties = example_documents(example)
    rules = [RULES[c] for c in (only or MINE)]
    return sorted(f.code for f in run_rules(swagger, properties, rules))


def test_all_registered():
    assert set(MINE) <= set(RULES)


ODD = [
    None, [], "x", {}, {"paths": None, "definitions": [], "parameters": "x", "security": "x"},
    {"paths": {"/a": {"$ref": 5, "parameters": [None, 5, {"$ref": None}, {"$ref": "#bad~2"}],
                      "get": {"parameters": "x", "responses": None, "security": [None, {"a": None}],
                              "x-ms-notification": "x", "x-ms-trigger": "single"}}}},
    {"definitions": {"A": {"$ref": "#/definitions/A"}, "B": {"required": "x", "allOf": "y",
                                                              "properties": [], "type": ["array"]}},
     "securityDefinitions": [], "responses": {"R": {"$ref": 3}}, "parameters": {"P": None}},
]


@pytest.mark.parametrize("doc", ODD)
def test_odd_input_does_not_crash(doc):
    rules = [RULES[c] for c in MINE]
    assert_findings_are_sound(run_rules(doc, {"properties": None}, rules), doc, {"properties": None}, rules)


def test_required_loop_through_two_definitions_reported_once():
    example = {"definitions": {
        "A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/definitions/B"}}},
        "B": {"allOf": [{"$ref": "#/definitions/A"}]},
        "C": {"type": "object", "properties": {"c": {"$ref": "#/definitions/C"}}},
    }}
    assert codes(example, ["RequiredLoopInSchemaNotAllowed"]) == ["RequiredLoopInSchemaNotAllowed"]


def test_bad_pointer_is_only_json_pointer_not_valid():
    example = {"definitions": {"A": {"type": "object"},
                               "B": {"type": "array", "items": {"$ref": "#/definitions/A~2"}}}}
    assert codes(example) == ["JsonPointerNotValid"]


def test_path_level_parameter_reference_checked():
    example = {"paths": {"/a": {"parameters": [{"$ref": "#/parameters/missing"}],
                                "get": {"operationId": "GetA",
                                        "responses": {"200": {"description": "OK"}}}}}}
    assert codes(example) == ["ParameterReferenceNotFound"]


def test_operation_security_checked():
    example = {"securityDefinitions": {"basic": {"type": "basic"}},
               "paths": {"/a": {"get": {"operationId": "GetA", "security": [{"basic": ["x"]}],
                                        "responses": {"200": {"description": "OK"}}}}}}
    assert codes(example) == ["SecurityRequirementMustHaveEmptyValue"]


def test_recursive_optional_schema_is_not_too_big_or_deep():
    example = {"definitions": {"Node": {"type": "object", "properties": {
        "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}},
        "parent": {"$ref": "#/definitions/Node"}}}}}
    assert codes(example) == []
