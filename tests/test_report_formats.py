"""Machine-read reports: the JSON report holds results only (same input, same bytes), and SARIF
says what its columns count."""

import json

from click.testing import CliRunner

from generator.cli import main

# One line, two characters outside the Basic Multilingual Plane before the element reported:
# one code point each, two UTF-16 code units each.
SWAGGER = ('{"swagger": "2.0", "info": {"title": "Contoso \U0001F600\U0001F600", "description": '
           '"Contoso sends text messages.", "version": "1.0"}, "host": "api.contoso.com", "basePath": "/", '
           '"schemes": ["https"], "paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}}}}')


def validate(tmp_path, fmt):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text(SWAGGER, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--format", fmt, "--select", "OperationIdRequired"])
    assert result.exit_code == 1, result.output
    return result.output


def test_json_report_is_byte_identical_between_runs(tmp_path):
    first, second = validate(tmp_path, "json"), validate(tmp_path, "json")
    assert first == second
    assert "seconds" not in json.loads(first)["summary"]


def test_text_report_still_says_how_long_it_took(tmp_path):
    assert " s\n" in validate(tmp_path, "text").splitlines(keepends=True)[-1]


def test_sarif_columns_are_unicode_code_points(tmp_path):
    run = json.loads(validate(tmp_path, "sarif"))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    code_points = SWAGGER.index('"get": ') + len('"get": ') + 1
    utf16_units = code_points + 2
    assert (region["startLine"], region["startColumn"]) == (1, code_points) != (1, utf16_units)
