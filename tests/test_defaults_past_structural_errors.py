"""Issue 15 item 6's open question: why PDF4me's string defaults (`"0"` for an integer body
property) come from DefaultValueMustMatchType and not from the OpenAPI stage. The stage stops
after a structural (JSON Schema) error, as the reference's verdict does, so the defaults of a
document with an empty `responses` elsewhere are judged by the rule alone — once, never twice."""

import json

from click.testing import CliRunner
from openapi_spec_validator import OpenAPIV2SpecValidator

from generator.cli import main
from generator.validate.oas2 import check_oas2

BASE = {"swagger": "2.0", "info": {"title": "A", "description": "A connector.", "version": "1"},
        "host": "a.com", "basePath": "/", "schemes": ["https"]}
DEFAULT = "/paths/~1sign/post/parameters/0/schema/properties/marginX/default"
CODES = ("OpenApiInvalid", "DefaultValueMustMatchType")


def swagger(structural_error: bool) -> dict:
    body = {"name": "body", "in": "body",
            "schema": {"type": "object", "properties": {"marginX": {"type": "integer", "default": "0"}}}}
    paths = {"/sign": {"post": {"operationId": "Sign", "parameters": [body],
                                "responses": {"200": {"description": "OK"}}}}}
    if structural_error:
        paths["/subscribe"] = {"post": {"operationId": "Subscribe", "responses": {}}}
    return {**BASE, "paths": paths}


def findings(tmp_path, document) -> list[tuple[str, str]]:
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    args = ["validate", str(path), "--format", "json", *(a for code in CODES for a in ("--select", code))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    return [(f["code"], f["pointer"]) for f in json.loads(result.output)["findings"]]


def reference_messages(document) -> list[str]:
    return [error.message for error in OpenAPIV2SpecValidator(document).iter_errors()]


def test_a_valid_structure_lets_the_openapi_stage_judge_the_default(tmp_path):
    assert findings(tmp_path, swagger(False)) == [("OpenApiInvalid", DEFAULT)]


def test_after_a_structural_error_the_rule_alone_reports_the_default_once(tmp_path):
    found = findings(tmp_path, swagger(True))
    assert ("OpenApiInvalid", "/paths/~1subscribe/post/responses") in found
    assert [entry for entry in found if entry[1] == DEFAULT] == [("DefaultValueMustMatchType", DEFAULT)]


def test_the_stage_stops_where_the_references_verdict_does():
    document = swagger(True)
    assert [problem.pointer for problem in check_oas2(document)] == ["/paths/~1subscribe/post/responses"]
    messages = reference_messages(document)
    # the reference's verdict (validate() raises the first error) is the structural one; only its
    # iter_errors goes on to the defaults, which the rule reports here instead
    assert "'0' is not of type 'integer'" not in messages[0]
    assert "'0' is not of type 'integer'" in messages


def test_pdf4me_reports_each_string_default_once(corpus_path):
    folder = corpus_path / "certified-connectors" / "PDF4me"
    document = json.loads((folder / "apiDefinition.swagger.json").read_text("utf-8-sig"))
    assert sum("is not of type" in m for m in reference_messages(document)) == 6
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json"])
    found = json.loads(result.output)["findings"]
    defaults = [(f["code"], f["pointer"]) for f in found if f["pointer"].endswith("/default")]
    assert len(defaults) == 6 and len(set(p for _, p in defaults)) == 6
    assert {code for code, _ in defaults} == {"DefaultValueMustMatchType"}
    assert any(f["code"] == "OpenApiInvalid" and f["pointer"].endswith("/responses") for f in found)
