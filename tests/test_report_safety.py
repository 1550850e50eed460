"""The report stage under hostile input (issue 11): secrets masked, findings capped, input text
escaped so that no report format can be broken or a terminal recoloured."""

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.findings import Finding, Severity
from generator.limits import FINDINGS_PER_RULE
from generator.report.cap import cap_findings
from generator.report.emit import render
from generator.report.mask import mask_text, secret_values

FORMATS = ["text", "json", "sarif", "github"]
BASE = {"swagger": "2.0", "info": {"title": "A", "description": "A connector.", "version": "1"},
        "host": "a.com", "basePath": "/", "schemes": ["https"], "paths": {}}


def validate(path, fmt="text"):
    result = CliRunner().invoke(main, ["validate", str(path), "--format", fmt])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def write(tmp_path, data, name="apiDefinition.swagger.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_secure_parameter_default_is_masked(tmp_path, fmt):
    parameter = {"name": "pw", "in": "query", "type": "integer", "format": "password", "default": "THE-PASSWORD"}
    swagger = {**BASE, "paths": {"/a": {"get": {"parameters": [parameter],
                                                "responses": {"200": {"description": "OK"}}}}}}
    result = validate(write(tmp_path, swagger), fmt)
    assert "THE-PASSWORD" not in result.output
    assert "***" in result.output  # the finding is still there, only the value is hidden


@pytest.mark.parametrize("fmt", FORMATS)
def test_credential_named_value_in_spec_is_masked(tmp_path, fmt):
    spec = tmp_path / "c.yaml"
    spec.write_text('info: {title: A, description: A connector., version: "1"}\nhost: a.com\n'
                    'connectionParameters:\n  api_key: "THE-KEY"\n', encoding="utf-8")
    result = validate(spec, fmt)
    assert result.exit_code == 2
    assert "THE-KEY" not in result.output and "api_key" in result.output


def test_secret_values_found_by_type_format_and_name():
    document = {"connectionParameters": {"token": {"type": "securestring", "default": "s3cr3t-1"},
                                         "plain": {"type": "string", "default": "visible"}},
                "parameters": [{"name": "X-Api-Key", "in": "header", "default": "hdr-key-1"},
                               {"name": "q", "in": "query", "format": "password", "example": "pw-ex-1"}],
                "securityDefinitions": {"oauth": {"tokenUrl": "https://login.example.com"}},
                "client_secret": "cs-1"}
    assert secret_values(document) == {"s3cr3t-1", "hdr-key-1", "pw-ex-1", "cs-1"}


def test_mask_text_keeps_short_words_unless_quoted():
    assert mask_text("'abc' is not abc", {"abc"}) == "'***' is not abc"
    assert mask_text('got "longsecret" and longsecret', {"longsecret"}) == 'got "***" and ***'


def test_findings_are_capped_per_rule_and_file_with_a_summary_line(tmp_path):
    # Strings, not numbers: a number is the OpenAPI stage's finding, which takes the element.
    result = validate(write(tmp_path, {**BASE, "produces": [f"bad{i}" for i in range(2000)]}), "json")
    body = json.loads(result.output)
    shown = [f for f in body["findings"] if f["code"] == "MimeTypeNotValid"]
    assert len(shown) == FINDINGS_PER_RULE + 1
    assert "1,800 more MimeTypeNotValid finding(s)" in shown[-1]["message"] or any(
        "1,800 more MimeTypeNotValid" in f["message"] for f in shown)
    assert body["summary"]["by_code"]["MimeTypeNotValid"]["error"] == 2000  # counts stay true
    assert result.exit_code == 1


def test_cap_keeps_everything_under_the_limit():
    findings = [Finding("A", Severity.ERROR, f"m{i}", "f", "", i, 1) for i in range(5)]
    assert cap_findings(findings, per_rule=5) == findings
    capped = cap_findings(findings, per_rule=2)
    assert [f.message for f in capped[:2]] == ["m0", "m1"]
    assert capped[2].message.startswith("3 more A finding(s)") and capped[2].line == 2 and capped[2].omitted == 2


HOSTILE = "x\ud800\x1b[31m\u202e\nline"


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_is_escaped_in_every_format(fmt):
    finding = Finding("MimeTypeNotValid", Severity.ERROR, f"the MIME type '{HOSTILE}' is not valid",
                      "a\x1bb.json", "/produces/0", 1, 2)
    text = render([finding], fmt)
    text.encode("utf-8")  # a lone surrogate would raise here
    assert "\x1b" not in text and "\u202e" not in text
    if fmt in ("json", "sarif"):
        json.loads(text)
    if fmt == "text":
        assert len(text.strip().splitlines()) == 1
        assert "\\x1b[31m" in text and "\\ud800" in text


def test_lone_surrogate_from_a_swagger_reaches_no_output_raw(tmp_path):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text('{"swagger": "2.0", "info": {"title": "A", "version": "1"}, "host": "a.com", '
                    '"paths": {}, "produces": ["x\\ud800\\u001b[31m"]}', encoding="utf-8")
    for fmt in FORMATS:
        result = validate(path, fmt)
        assert result.exit_code == 1
        assert "\\ud800" in result.output and "\x1b" not in result.output
