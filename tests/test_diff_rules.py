"""Each change rule's before/after example is its test: comparing them reports the rule at its
level, and comparing a side with itself reports nothing."""

from __future__ import annotations

import pytest
import yaml

from generator.diff.engine import compare
from generator.diff.rule import load_change_rules
from generator.pipeline import LoadedConnector
from generator.validate.rule import example_documents, load_all_rules

RULES = load_change_rules()
EXAMPLED = sorted(code for code, rule in RULES.items() if not getattr(rule, "whole_connector", False))


def side(text: str) -> LoadedConnector:
    swagger, properties = example_documents(yaml.safe_load(text) or {})
    return LoadedConnector("example", swagger, properties)


@pytest.mark.parametrize("code", EXAMPLED)
def test_after_example_reports_the_rule(code):
    before, after = RULES[code].examples()
    found = compare(side(before), side(after))
    assert [f.severity for f in found if f.code == code] == [RULES[code].severity], found


@pytest.mark.parametrize("code", EXAMPLED)
def test_a_side_compared_with_itself_reports_nothing(code):
    before, after = RULES[code].examples()
    assert compare(side(before), side(before)) == []
    assert compare(side(after), side(after)) == []


def test_change_codes_do_not_reuse_validator_codes():
    assert not set(RULES) & set(load_all_rules())


def test_every_change_rule_is_documented_with_a_level():
    for code, rule in RULES.items():
        assert rule.summary and rule.doc().startswith("Level: "), code
        assert rule.source == "change"


def test_control_characters_from_the_input_are_escaped_in_messages():
    before = side("paths: {/a: {get: {operationId: \"Get\\e[31mA\", responses: {'200': {description: OK}}}}}")
    after = side("paths: {}")
    [found] = compare(before, after)
    assert found.code == "OperationRemoved"
    assert "\x1b" not in found.message and "Get\\x1b[31mA" in found.message


def test_a_credential_default_is_never_shown():
    before = side("paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}, parameters: "
                  "[{name: X-Api-Key, in: header, type: string, default: 4f1c2a9e77d0}]}}}")
    after = side("paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}, parameters: "
                 "[{name: X-Api-Key, in: header, type: string, default: 9b8e7d6c5a4f}]}}}")
    [found] = compare(before, after)
    assert found.code == "InputDefaultChanged"
    assert "4f1c2a9e77d0" not in found.message and "9b8e7d6c5a4f" not in found.message
    assert "holds a credential" in found.message


def test_pacgen_rules_lists_change_rules_and_rule_shows_the_example():
    from click.testing import CliRunner

    from generator.cli import main

    listing = CliRunner().invoke(main, ["rules"])
    lines = {line.split()[0]: line.split() for line in listing.output.splitlines() if line.strip()}
    assert all(lines[code][1:3] == [rule.severity.value, "change"] for code, rule in RULES.items())
    shown = CliRunner().invoke(main, ["rule", "OperationHidden"])
    assert shown.exit_code == 0
    assert "(error, source: change)" in shown.output and "Level: breaking." in shown.output
    assert "Before example::" in shown.output and "After example::" in shown.output


def test_parameters_are_told_apart_by_location_when_a_name_is_used_twice():
    two = ("paths: {/a: {parameters: [{name: id, in: header, type: string}], get: {operationId: GetA, "
           "responses: {'200': {description: OK}}, parameters: [{name: id, in: query, type: string}]}}}")
    one = ("paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}, "
           "parameters: [{name: id, in: query, type: string}]}}}")
    [found] = compare(side(two), side(one))
    assert (found.code, found.pointer) == ("InputRemoved", "/paths/~1a/parameters/0")
    assert "field 'id (header)'" in found.message
    override = ("paths: {/a: {parameters: [{name: id, in: query, type: string}], get: {operationId: GetA, "
                "responses: {'200': {description: OK}}, parameters: [{name: id, in: query, type: integer}]}}}")
    assert [f.code for f in compare(side(one), side(override))] == ["InputTypeChanged"]


def op(parameters: str = "[]", extra: str = "", responses: str = "{'200': {description: OK}}") -> str:
    return (f"paths: {{/a: {{get: {{operationId: GetA, responses: {responses}, parameters: {parameters}"
            f"{', ' + extra if extra else ''}}}}}}}")


def props(schema: str) -> str:
    return f"{{'200': {{description: OK, schema: {{type: object, properties: {schema}}}}}}}"


SEMANTICS = [  # before, after, exact (code, severity) reported
    (op("[{name: n, in: query, type: integer, format: int32}]"),
     op("[{name: n, in: query, type: integer, format: int64}]"), [("InputFormatChanged", "info")]),
    (op("[{name: n, in: query, type: integer, format: int64}]"),
     op("[{name: n, in: query, type: integer, format: int32}]"), [("InputFormatChanged", "error")]),
    (op("[{name: q, in: query, type: string, maxLength: 10}]"),
     op("[{name: q, in: query, type: string, maxLength: 20}]"), []),
    (op("[{name: q, in: query, type: string, minimum: 1}]"),
     op("[{name: q, in: query, type: string, minimum: 2}]"), [("InputConstraintTightened", "error")]),
    (op("[{name: q, in: query, type: string, pattern: '^a'}]"),
     op("[{name: q, in: query, type: string, pattern: '^b'}]"), [("InputConstraintTightened", "warning")]),
    (op("[{name: q, in: query, type: string}]"),
     op("[{name: q, in: query, type: string, x-ms-visibility: internal, default: x}]"),
     [("InputMadeInternal", "warning")]),
    (op("[{name: q, in: query, type: string}]"),
     op("[{name: q, in: query, type: string, required: true, default: x}]"), []),
    (op("[{name: q, in: query, type: string}]"),
     op("[{name: q, in: query, type: string, required: true, x-ms-visibility: internal, default: x}]"),
     [("InputMadeInternal", "warning")]),
    (op(responses="{'200': {description: OK}, '404': {description: Missing}}"), op(),
     [("ResponseCodeRemoved", "warning")]),
    (op(responses=props("{a: {type: object, properties: {b: {type: string}}}}")),
     op(responses=props("{a: {type: string}}")), [("OutputTypeChanged", "error")]),
    (op(responses=props("{a: {type: array, items: {type: object, properties: {b: {type: string}}}}}")),
     op(responses=props("{a: {type: array, items: {type: object, properties: {}}}}")),
     [("OutputRemoved", "error")]),
    (op("[{name: body, in: body, schema: {type: object, properties: {a: {type: string}}}}]"),
     op("[{name: body, in: body, schema: {type: object, required: [b], properties: {a: {type: string}, "
        "b: {type: object, required: [c], properties: {c: {type: string}}}}}}]"),
     [("RequiredInputAdded", "error")]),
    (op("[{name: body, in: body, schema: {$ref: '#/definitions/Item'}}]") + "\ndefinitions: {Item: {type: object,"
     " properties: {a: {type: string}}}}",
     op("[{name: body, in: body, schema: {$ref: '#/definitions/Item'}}]") + "\ndefinitions: {Item: {type: object,"
     " properties: {a: {type: string, enum: [x, y]}}}}", [("InputEnumAdded", "error")]),
    (op(extra="x-ms-trigger: single, x-ms-trigger-hint: new items"),
     op(extra="x-ms-trigger: single, x-ms-notification-content: {schema: {type: object}}"),
     [("TriggerKindChanged", "error")]),
    (op(), op(extra="x-ms-trigger: batch"), [("TriggerKindChanged", "error")]),
    ("apiProperties: {properties: {connectionParameters: {key: {type: securestring}}}}",
     "apiProperties: {properties: {connectionParameters: {token: {type: oauthSetting}}}}",
     [("AuthenticationChanged", "error"), ("ConnectionParameterRemoved", "error"),
      ("ConnectionParameterAdded", "info")]),  # another type: not a rename
    ("apiProperties: {properties: {connectionParameters: {key: {type: securestring}}}}",
     "apiProperties: {properties: {connectionParameters: {key: {type: securestring}, "
     "region: {type: string}}}}", [("ConnectionParameterAdded", "info")]),
    (op("[{name: body, in: body, schema: {type: object, properties: {a: {type: string}}}}]"),
     op("[{name: body, in: body, schema: {type: array, items: {type: object, properties: {a: {type: string}}}}}]"),
     [("InputTypeChanged", "error")]),
    ("basePath: /v1\n" + op(), "basePath: /v1/\n" + op(), [("BasePathChanged", "warning")]),
]


@pytest.mark.parametrize("before, after, expected", SEMANTICS)
def test_direction_and_level_semantics(before, after, expected):
    found = compare(side(before), side(after))
    assert sorted((f.code, f.severity.value) for f in found) == sorted(expected), found


def test_replacement_named_by_the_annotation_counts_as_documented():
    before = ("paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}, "
              "/b: {get: {operationId: FetchA, responses: {'200': {description: OK}}}}}")
    after = ("paths: {/a: {get: {operationId: GetA, deprecated: true, responses: {'200': {description: OK}}, "
             "x-ms-api-annotation: {replacement: {operationId: FetchA}}}}, "
             "/b: {get: {operationId: FetchA, responses: {'200': {description: OK}}}}}")
    assert [(f.code, f.severity.value) for f in compare(side(before), side(after))] == [
        ("OperationDeprecated", "info")]


def test_a_renamed_dynamic_source_left_behind_is_reported():
    before = RULES["DynamicSourceRemoved"].examples()[0]
    after = before.replace("/lists: {get: {operationId: GetLists,", "/lists: {get: {operationId: ListLists,")
    codes = sorted(f.code for f in compare(side(before), side(after)))
    assert codes == ["DynamicSourceRemoved", "OperationIdRenamed"]
