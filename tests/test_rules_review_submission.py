"""The review rules about what a submission carries (brand colour, publisher, swagger size,
response schemas) beyond their docstring examples: the defaults pacgen writes pass them, and
the size rule measures what paconn uploads."""

import json

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.importer.auth import properties_for
from generator.validate.rule import load_all_rules, run_rules
from generator.validate.rules.review.swagger_too_large import SWAGGER_MAX_BYTES, uploaded_size

RULES = load_all_rules()
BASE = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "paths": {}}


def codes(swagger, properties, *names):
    return [(f.code, f.pointer) for f in run_rules(swagger, properties, [RULES[n] for n in names])]


@pytest.mark.parametrize("color", ["#007ee5", "#007EE5", "#ffffff", "#FFFFFF", " #ffffff "])
def test_init_refuses_a_rejected_brand_colour(tmp_path, color):
    output = tmp_path / "new.yaml"
    result = CliRunner().invoke(main, ["init", "Contoso", "-o", str(output), "--brand-color", color])
    assert result.exit_code == 2 and not output.exists()
    assert "--brand-color" in result.output


def test_init_writes_the_given_colour_and_both_publisher_fields(tmp_path):
    output = tmp_path / "new.yaml"
    result = CliRunner().invoke(main, ["init", "Contoso", "-o", str(output), "--brand-color", "#1A2B3C"])
    assert result.exit_code == 0, result.output
    spec = yaml.safe_load(output.read_text("utf-8"))
    assert (spec["brandColor"], spec["publisher"], spec["stackOwner"]) == ("#1a2b3c", "Contoso", "Contoso")
    report = CliRunner().invoke(main, ["validate", str(output), "--format", "json"])
    assert json.loads(report.output)["findings"] == []


def test_importer_default_colour_passes_the_rule():
    properties = properties_for({"securityDefinitions": {}})
    assert properties["properties"]["iconBrandColor"] == "#da3b01"
    assert codes(BASE, properties, "BrandColorNotAllowed") == []


def test_swagger_size_is_measured_as_uploaded_not_as_indented_on_disk():
    swagger = dict(BASE, **{"x-padding": ["x" * 10] * 60_000})  # indentation is most of the file
    assert len(json.dumps(swagger, indent=4)) > SWAGGER_MAX_BYTES > uploaded_size(swagger)
    assert codes(swagger, None, "SwaggerTooLarge") == []


def test_swagger_one_byte_over_the_limit_is_reported_with_its_size():
    swagger = dict(BASE, **{"x-padding": ""})
    swagger["x-padding"] = "x" * (SWAGGER_MAX_BYTES + 1 - uploaded_size(swagger))
    assert uploaded_size(swagger) == SWAGGER_MAX_BYTES + 1
    found = run_rules(swagger, None, [RULES["SwaggerTooLarge"]])
    assert [f.pointer for f in found] == [""]
    assert f"{SWAGGER_MAX_BYTES + 1:,} bytes" in found[0].message
    swagger["x-padding"] = swagger["x-padding"][1:]
    assert codes(swagger, None, "SwaggerTooLarge") == []


def test_publisher_messages_never_repeat_the_value():
    value = "<script>alert(1)</script>"
    found = run_rules(BASE, {"properties": {"publisher": value, "stackOwner": "Contoso"}},
                      [RULES["PublisherNotAlphanumeric"]])
    assert [f.pointer for f in found] == ["/properties/publisher"]
    assert value not in found[0].message + found[0].hint


@pytest.mark.parametrize("name", ["Zuva Inc.", "DocuSign, Inc.", "AT&T", "axiom.ai", "Rosengrün GmbH", "365Training"])
def test_company_names_of_merged_connectors_pass(name):
    properties = {"properties": {"publisher": name, "stackOwner": name}}
    assert codes(BASE, properties, "PublisherNotAlphanumeric", "PublisherMissing") == []


def test_response_schema_rule_skips_triggers_internal_and_dynamic_schemas():
    def op(**extra):
        return dict({"operationId": "Op", "responses": {"200": {"description": "OK"}}}, **extra)

    dynamic = {"description": "OK", "schema": {"x-ms-dynamic-schema": {"operationId": "GetSchema"}}}
    swagger = dict(BASE, paths={
        "/a": {"post": op(**{"x-ms-trigger": "single"})},
        "/b": {"post": op(**{"x-ms-visibility": "internal"})},
        "/c": {"post": op(responses={"200": dynamic})},
        "/d": {"post": op(responses={"2XX": {"description": "OK"}})},
    })
    assert codes(swagger, None, "ResponseSchemaMissing") == [("ResponseSchemaMissing", "/paths/~1d/post/responses/2XX")]
