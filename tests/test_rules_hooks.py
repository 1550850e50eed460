"""Edge cases of the webhook, metadata and dynamic-extension rules beyond their docstring examples
(written by hooks)."""

import pytest
import yaml
from conftest import assert_findings_are_sound

from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()

HOOKS_CODES = [
    "NotificationUrlNotAllowedInThisPosition", "NotificationUrlNotInternal",
    "NotificationUrlNotRequired", "NotificationUrlNotString",
    "AllowEmptyValueOnlyValidForQueryFormData", "DiscriminatorMustBeARequiredStringProperty",
    "ExclusiveMaximumRequiresMaximum", "ExclusiveMinimumRequiresMinimum", "FieldLengthExceeded",
    "FieldLengthNotInRange", "MaxItemsMustBeGreaterThanOrEqualToZero",
    "MaxLengthMustBeGreaterThanOrEqualToZero", "MaxPropertiesMustBeGreaterThanOrEqualToZero",
    "MinimumShouldBeLessThanOrEqualToMaximum", "MinItemsMustBeGreaterThanOrEqualToZero",
    "MinItemsShouldBeLessThanOrEqualToMaxItems", "MinLengthMustBeGreaterThanOrEqualToZero",
    "MinLengthShouldBeLessThanOrEqualToMaxLength", "MinPropertiesMustBeGreaterThanOrEqualToZero",
    "PatternShouldBeValidRegularExpression", "RequiredValueEmpty", "ValueContainsRestrictedWords",
    "ValueMustBeInEnglish", "ValueMustEndWithAlphanumeric",
    "DynamicExtensionDefinitionNotAllowedInParameter",
    "DynamicListExtensionRequiredForAmbiguousReferences",
    "DynamicListExtensionRequiredForNonParameterReferences",
    "DynamicPropertiesExtensionRequiredForAmbiguousReferences",
    "DynamicPropertiesExtensionRequiredForNonParameterReferences",
    "DynamicPropertiesExtensionRequiredForPropertiesValuePath",
    "DynamicPropertiesItemValuePathMismatch", "DynamicTreeExtensionMissing",
    "InvokedOperationShouldProduceArray", "InvokedOperationShouldProduceProperty",
]


def hits(fragment: str, code: str, properties=None) -> list:
    swagger, _ = example_documents(yaml.safe_load(fragment))
    return [f for f in run_rules(swagger, properties, [RULES[code]]) if f.code == code]


def test_all_codes_registered():
    assert all(code in RULES for code in HOOKS_CODES)


ODD = [
    "paths: {/a: 5, /b: {get: 7}, /c: {get: {operationId: C, parameters: [1, null, {$ref: '#/parameters/x'}], responses: 3}}}",
    "definitions: {A: {$ref: '#/definitions/A'}, B: {allOf: 5, properties: 3, required: 7, discriminator: 9}}",
    "definitions: {A: {type: object, properties: {p: {$ref: '#/definitions/B'}}}, B: {$ref: '#/definitions/A'}}",
    "info: 5\nx-ms-connector-metadata: {a: 1}",
    "info: {title: 7, description: [1], contact: 3}",
    """
    paths:
      /a:
        x-ms-notification-content: {schema: {$ref: '#/definitions/L'}}
        post:
          operationId: A
          x-ms-trigger: single
          parameters:
            - {name: body, in: body, schema: {$ref: '#/definitions/L'}}
            - {name: q, in: query, type: string, pattern: 5, maxLength: '3', minimum: true,
               x-ms-dynamic-values: {operationId: A, value-collection: 5, parameters: [1]},
               x-ms-dynamic-list: {operationId: 5, itemsPath: {a: 1}}}
          responses: {200: {description: OK, schema: {$ref: '#/definitions/L'}}, '201': 4}
    definitions:
      L:
        type: object
        allOf: [{$ref: '#/definitions/L'}, 3]
        required: [u]
        properties:
          u: {type: [string], x-ms-notification-url: 'true', x-ms-visibility: 5}
          self: {$ref: '#/definitions/L'}
        x-ms-dynamic-schema: {operationId: A, value-path: [1], parameters: {a: {parameter: [1]}}}
        x-ms-dynamic-properties: {operationId: A, itemValuePath: 5}
    """,
]


@pytest.mark.parametrize("fragment", ODD)
def test_odd_documents_do_not_crash(fragment):
    swagger, _ = example_documents(yaml.safe_load(fragment))
    rules = [RULES[code] for code in HOOKS_CODES]
    for properties in ({"properties": {"publisher": 5, "connectionParameters": {"a": 5, "b": {"uiDefinition": 3}}}},
                       "not a dict"):
        assert_findings_are_sound(run_rules(swagger, properties, rules), swagger, properties, rules)


# --- webhooks ------------------------------------------------------------------------------

WEBHOOK = """
paths:
  /hooks:
    post:
      operationId: CreateHook
      x-ms-trigger: single
      parameters:
        - {name: body, in: body, %s schema: {$ref: '#/definitions/Sub'}}
      responses: {'201': {description: Created, schema: {$ref: '#/definitions/Sub'}}}
definitions:
  Sub:
    type: object
    required: [target]
    properties:
      target:
        type: object
        %s
        properties: {url: {type: string, x-ms-notification-url: true, x-ms-visibility: internal}}
"""


def test_notification_url_required_through_references():
    found = hits(WEBHOOK % ("", "required: [url]"), "NotificationUrlNotRequired")
    assert not found
    found = hits(WEBHOOK % ("", ""), "NotificationUrlNotRequired")
    assert [f.pointer for f in found] == ["/definitions/Sub/properties/target/properties/url"]
    assert "target/url" in found[0].message


def test_notification_url_internal_parent_counts():
    doc = WEBHOOK.replace("x-ms-visibility: internal", "x-ms-visibility: important")
    assert hits(doc % ("", "required: [url]"), "NotificationUrlNotInternal")
    assert not hits(doc % ("x-ms-visibility: Internal,", "required: [url]"), "NotificationUrlNotInternal")


def test_notification_url_shared_with_response_is_tolerated_but_inline_response_is_not():
    assert not hits(WEBHOOK % ("", "required: [url]"), "NotificationUrlNotAllowedInThisPosition")
    doc = """
    paths:
      /hooks:
        x-ms-notification-content:
          schema: {type: object, properties: {cb: {type: string, x-ms-notification-url: true}}}
        post: {operationId: A, responses: {'200': {description: OK}}}
    """
    found = hits(doc, "NotificationUrlNotAllowedInThisPosition")
    assert [f.pointer for f in found] == ["/paths/~1hooks/x-ms-notification-content/schema/properties/cb"]


def test_untyped_notification_url_is_tolerated():
    doc = WEBHOOK.replace("type: string, x-ms-notification-url", "x-ms-notification-url")
    assert not hits(doc % ("", "required: [url]"), "NotificationUrlNotString")


# --- metadata ------------------------------------------------------------------------------

def test_exclusive_false_without_bound_is_tolerated():
    doc = "definitions: {A: {type: integer, exclusiveMaximum: false, exclusiveMinimum: false}}"
    assert not hits(doc, "ExclusiveMaximumRequiresMaximum")
    assert not hits(doc, "ExclusiveMinimumRequiresMinimum")


def test_count_keywords_ignore_non_numbers_and_booleans():
    doc = "definitions: {A: {type: string, minLength: '-1', maxLength: true, minimum: '5', maximum: 1}}"
    for code in ("MinLengthMustBeGreaterThanOrEqualToZero", "MaxLengthMustBeGreaterThanOrEqualToZero",
                 "MinimumShouldBeLessThanOrEqualToMaximum", "MinLengthShouldBeLessThanOrEqualToMaxLength"):
        assert not hits(doc, code), code


def test_keywords_checked_on_headers_and_parameter_items():
    doc = """
    paths:
      /a:
        get:
          operationId: A
          parameters: [{name: ids, in: query, type: array, items: {type: string, maxLength: -1}}]
          responses: {'200': {description: OK, headers: {X-Count: {type: integer, minimum: 5, maximum: 1}}}}
    """
    assert hits(doc, "MaxLengthMustBeGreaterThanOrEqualToZero")
    assert hits(doc, "MinimumShouldBeLessThanOrEqualToMaximum")


@pytest.mark.parametrize("pattern", [r"(?<year>\d{4})-\k<year>", r"^\p{L}+$", r"[\p{Lu}\d]+",
                                     r"(?<=ab|abc)x", r"a(?i)b", r"\cM\e", r"^[^\\x00]{1,255}$",
                                     r"(?!^(a|b)$)(^[a-z]+$)"])
def test_dotnet_and_ecmascript_patterns_are_valid(pattern):
    doc = {"definitions": {"A": {"type": "string", "pattern": pattern}}}
    swagger, _ = example_documents(doc)
    assert not [f for f in run_rules(swagger, None, [RULES["PatternShouldBeValidRegularExpression"]])]


@pytest.mark.parametrize("pattern", ["(a", "*a", "[a-", "a{2,1}", r"\i"])
def test_broken_patterns_are_reported(pattern):
    doc = {"definitions": {"A": {"type": "string", "pattern": pattern}}}
    swagger, _ = example_documents(doc)
    assert run_rules(swagger, None, [RULES["PatternShouldBeValidRegularExpression"]])


def test_discriminator_from_all_of_part():
    doc = """
    definitions:
      Base: {type: object, required: [kind], properties: {kind: {type: string}}}
      Pet: {discriminator: kind, allOf: [{$ref: '#/definitions/Base'}]}
      Bad: {discriminator: kind, required: [kind], properties: {kind: {type: integer}}}
    """
    found = hits(doc, "DiscriminatorMustBeARequiredStringProperty")
    assert [f.pointer for f in found] == ["/definitions/Bad/discriminator"]


def test_title_rules_handle_independent_publisher_suffix():
    doc = "info: {title: Contoso Messaging Platform (Independent Publisher)}"
    assert not hits(doc, "FieldLengthExceeded")
    assert not hits(doc, "ValueMustEndWithAlphanumeric")
    assert hits("info: {title: 'Contoso '}", "ValueMustEndWithAlphanumeric")


def test_restricted_words_whole_words_and_severity():
    assert not hits("info: {title: RapidAPI Tools, description: Tools for working with RapidAPI services.}",
                    "ValueContainsRestrictedWords")
    found = hits("info: {title: Contoso, description: Use Contoso from PowerApps and flows every day.}",
                 "ValueContainsRestrictedWords")
    assert [f.severity.value for f in found] == ["warning"]
    found = hits("info: {title: Contoso for Power Automate}", "ValueContainsRestrictedWords")
    assert [f.severity.value for f in found] == ["error"]


def test_english_heuristic():
    from generator.validate.rules.metadata.value_must_be_in_english import not_english

    assert not_english("Send an SMS message to a recipient") is None
    assert not_english("Отправить SMS") is not None
    assert not_english("SMSを送信する") is not None
    assert not_english("Odeslat zprávu příjemci") is not None
    assert not_english("Fé") is None  # too short to judge
    assert not_english("Unit Membershiú") is None  # a single stray accent is not a language


def test_english_checked_in_api_properties_with_properties_pointer():
    found = hits("info: {title: Contoso}", "ValueMustBeInEnglish",
                 {"properties": {"connectionParameters": {"api_key": {"type": "securestring",
                  "uiDefinition": {"displayName": "Klíč rozhraní přístupu"}}}}})
    assert [f.pointer for f in found] == ["/properties/connectionParameters/api_key/uiDefinition/displayName"]


def test_required_value_empty_pointers():
    found = hits("x-ms-connector-metadata: [{propertyName: Website, propertyValue: ' '}]", "RequiredValueEmpty",
                 {"properties": {"stackOwner": ""}})
    assert sorted(f.pointer for f in found) == ["/properties/stackOwner",
                                                "/x-ms-connector-metadata/0/propertyValue"]


# --- dynamic extensions ---------------------------------------------------------------------

SHARED = """
paths:
  /rows:
    post:
      operationId: AddRow
      parameters:
        - {name: body, in: body, schema: {$ref: '#/definitions/Row'}}
      responses: {'200': {description: OK}}
  /columns:
    get:
      operationId: ListColumns
      parameters: [{name: table, in: query, type: string}]
      responses: {'200': {description: OK}}
definitions:
  Row:
    type: object
    properties:
      table: {type: string}
      column: {$ref: '#/definitions/Column'}
  Column:
    type: string
    x-ms-dynamic-values: {operationId: ListColumns, parameters: {table: {parameter: table}}}
"""


def test_non_parameter_reference_found_through_definitions():
    found = hits(SHARED, "DynamicListExtensionRequiredForNonParameterReferences")
    assert [f.pointer for f in found] == ["/definitions/Column/x-ms-dynamic-values/parameters/table"]
    assert "AddRow" in found[0].message
    assert not hits(SHARED, "DynamicListExtensionRequiredForAmbiguousReferences")


def test_parameter_reference_needs_no_dynamic_list():
    doc = SHARED.replace("{name: body, in: body,", "{name: table, in: query, type: string}\n        - {name: body, in: body,")
    doc = doc.replace("table: {type: string}", "other: {type: string}")
    assert not hits(doc, "DynamicListExtensionRequiredForNonParameterReferences")


def test_value_path_ending_in_properties_alone_and_matching_paths():
    doc = """
    paths:
      /a:
        get:
          operationId: A
          responses:
            '200':
              description: OK
              schema:
                x-ms-dynamic-schema: {operationId: S, parameters: {}, value-path: properties}
                x-ms-dynamic-properties: {operationId: S, parameters: {}}
      /s: {get: {operationId: S, responses: {'200': {description: OK}}}}
    """
    assert not hits(doc, "DynamicPropertiesItemValuePathMismatch")
    assert not hits(doc, "DynamicPropertiesExtensionRequiredForPropertiesValuePath")
    assert hits(doc.replace("parameters: {}}\n", "parameters: {}, itemValuePath: x}\n"),
                "DynamicPropertiesItemValuePathMismatch")


LIST = """
paths:
  /items:
    get:
      operationId: ListItems
      parameters:
        - {name: kind, in: query, type: string,
           x-ms-dynamic-list: {operationId: ListKinds, itemsPath: %s, itemValuePath: id, itemTitlePath: title}}
      responses: {'200': {description: OK}}
  /kinds:
    get:
      operationId: ListKinds
      responses:
        200:
          description: OK
          schema: {$ref: '#/responses/Kinds/schema'}
responses:
  Kinds:
    description: OK
    schema:
      type: object
      properties:
        Value: {type: array, items: {type: object, properties: {id: {type: string}, name: {type: string}}}}
        open: {type: object, additionalProperties: true}
        count: {type: integer}
"""


def test_invoked_operation_paths():
    assert not hits(LIST % "value", "InvokedOperationShouldProduceArray")  # case differs only
    assert not hits(LIST % "open/anything", "InvokedOperationShouldProduceArray")
    assert not hits(LIST % "count", "InvokedOperationShouldProduceArray")  # a plain type: placeholder
    assert hits(LIST % "Value/0", "InvokedOperationShouldProduceArray") == []  # into an array: unknown
    assert hits(LIST.replace("count: {type: integer}", "count: {type: object, properties: {n: {type: integer}}}")
                % "count", "InvokedOperationShouldProduceArray")
    assert hits(LIST % "missing", "InvokedOperationShouldProduceArray")
    found = hits(LIST % "value", "InvokedOperationShouldProduceProperty")
    assert [f.pointer for f in found] == [
        "/paths/~1items/get/parameters/0/x-ms-dynamic-list/itemTitlePath"]
