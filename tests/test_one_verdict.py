"""Issue 15 item 6: one verdict per fact and one finding per defect across the OpenAPI stage and
the swagger rules (string-spelled values are wrong in every layer; an element the OpenAPI stage
reported is not reported again by a rule)."""

import json

from click.testing import CliRunner

from generator.cli import main
from generator.findings import Finding, Severity
from generator.validate.dedupe import one_finding_per_element
from generator.validate.rules.properties.default_value_must_match_type import default_fits

BASE = {"swagger": "2.0", "info": {"title": "A", "description": "A connector.", "version": "1"},
        "host": "a.com", "basePath": "/", "schemes": ["https"]}
CODES = ["OpenApiInvalid", "InvalidEnumValue", "DefaultValueMustMatchType", "OperationMustHaveResponse"]


def findings_of(tmp_path, paths, select=CODES):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text(json.dumps({**BASE, "paths": paths}), encoding="utf-8")
    args = ["validate", str(path), "--format", "json"] + [a for code in select for a in ("--select", code)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["findings"]


def operation(parameter):
    return {"/items": {"get": {"operationId": "ListItems", "parameters": [parameter],
                               "responses": {"200": {"description": "OK"}}}}}


def test_string_spelled_default_in_an_enum_is_one_finding(tmp_path):
    # '0' is both "not of type integer" and "not one of [0, 1]": one defect, one finding.
    found = findings_of(tmp_path, operation({"name": "top", "in": "query", "type": "integer",
                                             "enum": [0, 1], "default": "0"}))
    assert [(f["code"], f["pointer"]) for f in found] == [
        ("OpenApiInvalid", "/paths/~1items/get/parameters/0/default")]
    assert "is not of type 'integer'" in found[0]["message"] and "is not one of" in found[0]["message"]
    assert found[0]["message"].count("paths./items.get.parameters[0].default") == 1


def test_the_rule_reports_a_string_spelled_default_when_the_openapi_stage_is_not_selected(tmp_path):
    found = findings_of(tmp_path, operation({"name": "top", "in": "query", "type": "integer", "default": "10"}),
                        select=["DefaultValueMustMatchType"])
    assert [(f["code"], f["pointer"]) for f in found] == [
        ("DefaultValueMustMatchType", "/paths/~1items/get/parameters/0/default")]


def test_string_spelled_numbers_in_an_enum_are_wrong(tmp_path):
    found = findings_of(tmp_path, operation({"name": "n", "in": "query", "type": "integer",
                                             "enum": [0, "1"]}))
    assert [(f["code"], f["pointer"]) for f in found] == [
        ("InvalidEnumValue", "/paths/~1items/get/parameters/0/enum/1")]


def test_boolean_strings_in_a_boolean_enum_are_accepted_as_certification_does(tmp_path):
    found = findings_of(tmp_path, operation({"name": "on", "in": "query", "type": "boolean",
                                             "enum": [True, "false"]}))
    assert [f["code"] for f in found] == []


def test_empty_responses_are_reported_once(tmp_path):
    found = findings_of(tmp_path, {"/items": {"get": {"operationId": "ListItems", "responses": {}}}})
    assert [(f["code"], f["pointer"]) for f in found] == [("OpenApiInvalid", "/paths/~1items/get/responses")]


def test_default_fits_only_values_of_the_declared_type():
    assert default_fits("integer", 10) and default_fits("integer", 10.0) and default_fits("number", 1)
    assert default_fits("boolean", None)
    assert not default_fits("integer", "10") and not default_fits("boolean", "true")
    assert not default_fits("number", "1.5")


def finding(code, pointer, message, file="a.json"):
    return Finding(code, Severity.ERROR, message, file, pointer, 1, 1)


def test_findings_of_other_elements_files_and_stages_are_kept():
    findings = [finding("OpenApiInvalid", "/a", "a: x"),
                finding("InvalidEnumValue", "/a/enum/0", "other element"),
                finding("InvalidEnumValue", "/a", "same element, other file", file="b.json"),
                finding("JsonSyntaxError", "/a", "not a rule: kept")]
    assert one_finding_per_element(findings, frozenset({"InvalidEnumValue"})) == findings


def test_merging_is_deterministic_and_keeps_distinct_reasons_once():
    findings = [finding("OpenApiInvalid", "/a", "a: x"), finding("Rule", "/a", "dropped"),
                finding("OpenApiInvalid", "/a", "a: y"), finding("OpenApiInvalid", "/a", "a: x")]
    merged = one_finding_per_element(findings, frozenset({"Rule"}))
    assert [f.message for f in merged] == ["a: x; y"]
    assert one_finding_per_element(findings, frozenset({"Rule"})) == merged


def test_an_enum_spelled_as_strings_is_one_finding_naming_every_wrong_value(tmp_path):
    found = findings_of(tmp_path, operation({"name": "limit", "in": "query", "type": "integer",
                                             "enum": ["0", 1, "2"]}))
    assert [(f["code"], f["pointer"]) for f in found] == [
        ("InvalidEnumValue", "/paths/~1items/get/parameters/0/enum/0")]
    assert '"0", "2"' in found[0]["message"] and "values" in found[0]["message"]
