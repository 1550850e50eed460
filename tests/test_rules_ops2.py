"""Edge cases of the Operations rules written by ops2, beyond their docstring examples: odd input
must not crash them, and the finer points of each rule's meaning are pinned down."""

import copy

import pytest
import yaml
from conftest import assert_findings_are_sound

from generator.validate.rule import example_documents, load_all_rules, run_rules

CODES = """
OperationParameterNameIsAmbiguous OperationParameterNameNotFound OperationParameterRequiredMismatch
OperationParametersAreNotUnique OperationParametersContainDuplicateParameter
OperationParametersContainMultipleBodyParameters OperationParameterStaticTypeMismatch
OperationParameterTypeMismatch OperationPathContainsUnsupportedCharacters
OperationPathMayNotContainQueryOrFragment OperationPathMustStartWithSlash OperationPathTemplateNotValid
OperationPathVariablesContainDefaults OperationRevisionEmpty OperationSchemaCountExceedsMaxAllowed
OperationShouldHaveSuccessfulResponse OperationStatusAheadOfConnector OperationSummaryTooLong
PartialDuplicateOperationPath PathParameterMustBeRequired PathParameterNotDefinedInTemplate
PathParametersContainDuplicateParameter PathParametersContainMultipleBodyParameters PathRedefined
RestrictedCharactersInSummary SelectedItemValuePathNotAllowedInThisPosition
StringBinaryNotSupportedForFormUrlEncoded TotalOperationsCountExceedsMaxAllowed UnrecognizedTypeFormat
WebhookOperationsMissingNotificationUrlProperty
""".split()

RULES = load_all_rules()
MINE = [RULES[code] for code in CODES]


def codes_for(fragment: str, only: str | None = None) -> list[str]:
    swagger, properties = example_documents(yaml.safe_load(fragment))
    rules = [RULES[only]] if only else MINE
    return [f.code for f in run_rules(swagger, properties, rules)]


def test_all_codes_are_registered():
    assert len(MINE) == 30


ODD_DOCUMENTS = [
    {"paths": []},
    {"paths": {"/a": [], "/b": None, "x-note": {"get": {}}}},
    {"paths": {"/a": {"parameters": {"x": 1}, "get": {"parameters": "x", "responses": []}}}},
    {"paths": {"/a": {"get": {"operationId": 5, "summary": ["x"], "parameters": [None, 3, {"$ref": 7},
                                                                          {"$ref": "#/nope"}],
                              "x-ms-api-annotation": "Production", "responses": {"200": None}}}}},
    {"x-ms-api-annotation": {"status": 1},
     "paths": {"/a/{id}": {"get": {"parameters": [{"name": {"x": 1}, "in": "path"},
                                                  {"name": ["y"], "in": "body", "schema": 3},
                                                  {"name": ["y"], "in": "body", "schema": {"$ref": "#/definitions/L"}}],
                                   "responses": {"200": {"schema": {"$ref": "#/definitions/L"}}}}}},
     "definitions": {"L": {"$ref": "#/definitions/L"}, "M": {"type": {"type": "string"}},
                     "N": {"type": "object", "properties": {"n": {"$ref": "#/definitions/N"}}}}},
    {"paths": {"/a": {"get": {"parameters": [
        {"name": "k", "in": "query", "type": "string",
         "x-ms-dynamic-values": {"operationId": ["A"], "parameters": ["x"]},
         "x-ms-dynamic-list": {"operationId": "A", "parameters": {"a": None, "b": {"value": None},
                                                                  "c": {"parameterReference": 5}}},
         "x-ms-dynamic-tree": {"open": "x", "browse": {"operationId": "A", "parameters": {"a": 1}}}}],
        "operationId": "A", "responses": {"200": {"description": "OK"}}}}}},
    {"paths": {"/hooks": {"x-ms-notification-content": None,
                          "post": {"x-ms-trigger": "single", "parameters": [
                              {"in": "body", "name": "b", "schema": {"$ref": "#/definitions/W"}}]}}},
     "definitions": {"W": {"allOf": [{"$ref": "#/definitions/W"}], "items": [None, {"$ref": 1}]}}},
]


@pytest.mark.parametrize("index", range(len(ODD_DOCUMENTS)))
def test_odd_input_does_not_crash(index):
    swagger, properties = example_documents(ODD_DOCUMENTS[index])
    assert_findings_are_sound(run_rules(swagger, properties, MINE), swagger, properties, MINE)
    findings = run_rules(swagger, {"properties": None}, MINE)
    assert_findings_are_sound(findings, swagger, {"properties": None}, MINE)


def test_non_dict_swagger_does_not_crash():
    for doc in (None, [], "x", 1):
        assert_findings_are_sound(run_rules(doc, None, MINE), doc, None, MINE)


def test_extension_path_keys_are_not_paths():
    assert codes_for("""
        paths:
          x-ms-notes: {get: {operationId: A, responses: {'200': {description: OK}}}}
    """, "OperationPathMustStartWithSlash") == []


def test_newer_syntax_names_body_fields_by_path():
    fragment = """
        paths:
          /a:
            get:
              operationId: A
              parameters:
                - {name: k, in: query, type: string,
                   x-ms-dynamic-list: {operationId: B, parameters: {'body/folder': {value: x}}}}
              responses: {'200': {description: OK}}
          /b:
            post:
              operationId: B
              parameters: [{name: body, in: body, schema: {type: object, properties: {folder: {type: string}}}}]
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment, "OperationParameterNameNotFound") == []
    assert codes_for(fragment.replace("'body/folder'", "'body/missing'"),
                     "OperationParameterNameNotFound") == ["OperationParameterNameNotFound"]


def test_selected_item_value_path_is_fine_in_browse_only():
    fragment = """
        paths:
          /a:
            get:
              operationId: A
              parameters:
                - {name: k, in: query, type: string,
                   x-ms-dynamic-list: {operationId: A, parameters: {k: {selectedItemValuePath: id}}}}
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment, "SelectedItemValuePathNotAllowedInThisPosition") == [
        "SelectedItemValuePathNotAllowedInThisPosition"]


def test_integer_may_feed_a_number_but_not_a_string():
    fragment = """
        paths:
          /a:
            get:
              operationId: A
              parameters:
                - {name: n, in: query, required: true, type: integer}
                - {name: k, in: query, type: string,
                   x-ms-dynamic-values: {operationId: B, parameters: {n: {parameter: n}, m: 5}}}
              responses: {'200': {description: OK}}
          /b:
            get:
              operationId: B
              parameters: [{name: n, in: query, type: number}, {name: m, in: query, type: number}]
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment) == []
    broken = fragment.replace("{name: n, in: query, type: number}", "{name: n, in: query, type: string}")
    broken = broken.replace("m: 5", "m: 'five'")
    assert sorted(codes_for(broken)) == ["OperationParameterStaticTypeMismatch",
                                         "OperationParameterTypeMismatch"]


def test_duplicates_ignore_header_case_and_path_level_overrides():
    fragment = """
        paths:
          /a:
            parameters: [{name: top, in: query, type: integer}]
            get:
              operationId: A
              parameters:
                - {name: top, in: query, type: string}
                - {name: X-Key, in: header, type: string}
                - {name: x-key, in: header, type: string}
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment) == ["OperationParametersContainDuplicateParameter"]


def test_identical_items_are_not_unique_not_duplicates():
    fragment = """
        paths:
          /a:
            get:
              operationId: A
              parameters: [{name: top, in: query, type: integer}, {name: top, in: query, type: integer}]
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment) == ["OperationParametersAreNotUnique"]


def test_inherited_body_counts_towards_multiple_bodies():
    fragment = """
        paths:
          /a:
            parameters: [{name: shared, in: body, schema: {type: object}}]
            post:
              operationId: A
              parameters: [{name: own, in: body, schema: {type: object}}]
              responses: {'200': {description: OK}}
    """
    assert codes_for(fragment) == ["OperationParametersContainMultipleBodyParameters"]
    assert codes_for(fragment.replace("name: own", "name: shared")) == []


def test_partial_duplicates_need_the_same_method():
    fragment = """
        paths:
          /items/{id}: {get: {operationId: A, parameters: [{name: id, in: path, required: true, type: string}], responses: {'200': {description: OK}}}}
          /items/recent: {post: {operationId: B, responses: {'200': {description: OK}}}}
    """
    assert codes_for(fragment, "PartialDuplicateOperationPath") == []
    same = fragment.replace("/items/recent: {post:", "/items/{key}: {get:")
    assert codes_for(same, "PartialDuplicateOperationPath") == []  # DuplicateOperationPath's case


def test_webhook_url_found_through_references_and_polling_triggers_ignored():
    fragment = """
        definitions:
          Hook: {type: object, properties: {config: {$ref: '#/definitions/Config'}}}
          Config: {type: object, properties: {url: {type: string, x-ms-notification-url: true}}}
        paths:
          /hooks:
            post:
              operationId: OnEvent
              x-ms-trigger: single
              x-ms-notification-content: {schema: {type: object}}
              parameters: [{name: body, in: body, schema: {$ref: '#/definitions/Hook'}}]
              responses: {'201': {description: Created}}
          /poll:
            get: {operationId: Poll, x-ms-trigger: batch, responses: {'200': {description: OK}}}
    """
    assert codes_for(fragment, "WebhookOperationsMissingNotificationUrlProperty") == []
    broken = fragment.replace("x-ms-notification-url: true", "x-ms-summary: URL")
    assert codes_for(broken, "WebhookOperationsMissingNotificationUrlProperty") == [
        "WebhookOperationsMissingNotificationUrlProperty"]


def test_schema_count_terminates_on_recursive_definitions():
    fragment = """
        definitions:
          Node: {type: object, properties: {children: {type: array, items: {$ref: '#/definitions/Node'}},
                                            parent: {$ref: '#/definitions/Node'}}}
        paths:
          /tree: {get: {operationId: Tree, responses: {'200': {description: OK, schema: {$ref: '#/definitions/Node'}}}}}
    """
    assert codes_for(fragment, "OperationSchemaCountExceedsMaxAllowed") == []


def test_path_templates():
    from generator.validate.rules.operations.operation_path_template_not_valid import template_problem

    assert template_problem("/a/{b}/c{d}.json") is None
    for bad in ("/a/{b", "/a/b}", "/a/{}", "/a/{b/c}", "/a/{{b}}"):
        assert template_problem(bad), bad


def test_docstring_examples_do_not_share_state():
    rule = RULES["PathRedefined"]
    swagger, properties = example_documents(rule.examples()["failing"][0])
    first = run_rules(copy.deepcopy(swagger), properties, [rule])
    second = run_rules(copy.deepcopy(swagger), properties, [rule])
    assert len(first) == len(second) == 1


def test_partial_duplicate_overlap_is_reported_once_at_the_later_operation():
    fragment = """
paths:
  /items/{id}: {get: {operationId: GetItem, parameters: [{name: id, in: path, required: true, type: string}],
                      responses: {'200': {description: OK}}}}
  /items/recent: {get: {operationId: ListRecent, responses: {'200': {description: OK}}}}
  /items/mine: {get: {operationId: ListMine, responses: {'200': {description: OK}}}}
"""
    # two overlaps ({id}/recent, {id}/mine), one finding each; recent/mine do not overlap
    assert codes_for(fragment, "PartialDuplicateOperationPath") == ["PartialDuplicateOperationPath"] * 2
