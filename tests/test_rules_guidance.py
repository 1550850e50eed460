"""Microsoft's coding standards and string guidance as warnings, misspelt extensions, and the
rules that read the swagger file's text (indentation, trailing blanks)."""

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.findings import Severity
from generator.pipeline import load_connector
from generator.validate.file_rule import load_file_rules
from generator.validate.pipeline import Selection, validate
from generator.validate.rule import example_documents, load_all_rules, run_rules
from generator.validate.rules.string_guidance.x_ms_summary_not_title_case import lower_case_words

RULES = load_all_rules()
FILE_RULES = load_file_rules()
GUIDANCE = ("OperationIdNotPascalCase", "OperationDescriptionWithoutPeriod", "SummarySameAsDescription",
            "OperationSummaryEndsWithPunctuation", "XMsSummaryNotTitleCase", "XMsSummaryTooLong",
            "TriggerSummaryNotWhen", "ResponseDefaultOnly", "InternalRequiredParameterWithoutDefault",
            "ExtensionNotKnown", "ExtensionMemberNotKnown")


def _codes(example: dict, code: str) -> list:
    swagger, properties = example_documents(example)
    return [f for f in run_rules(swagger, properties, [RULES[code]]) if f.code == code]


@pytest.mark.parametrize("code", GUIDANCE)
def test_guidance_rules_are_warnings_with_a_named_source(code):
    rule = RULES[code]
    assert rule.severity is Severity.WARNING
    assert rule.source in ("coding-standards", "string-guidance", "openapi-extensions", "pacgen")


def _operation(**fields) -> dict:
    op = {"operationId": "ListItems", "responses": {"200": {"description": "OK"}}}
    op.update(fields)
    return {"paths": {"/items": {"get": op}}}


@pytest.mark.parametrize("operation_id, fires", [
    ("GetMessages", False), ("GetMessagesV2", False), ("GetMessages_V2", False), ("GetMessages_Two", True), ("getMessages", True), ("Get-Messages", True),
    ("Get_Messages", True), ("sms_send", True),
])
def test_operation_id_pascal_case(operation_id, fires):
    hits = _codes(_operation(operationId=operation_id), "OperationIdNotPascalCase")
    assert bool(hits) is fires
    if fires:
        assert hits[0].pointer == "/paths/~1items/get/operationId"


def test_pascal_case_hint_suggests_the_rewritten_id():
    hits = _codes(_operation(operationId="sms_send"), "OperationIdNotPascalCase")
    assert "'SmsSend'" in hits[0].hint


@pytest.mark.parametrize("description, fires", [
    ("Lists every item.", False), ("Items", False), ("Does it work?", False),
    ("Lists every item (see the docs.)", False), ("Lists every item", True), ("Lists every item. ", False),
])
def test_description_period(description, fires):
    assert bool(_codes(_operation(description=description), "OperationDescriptionWithoutPeriod")) is fires


@pytest.mark.parametrize("summary, fires", [
    ("List items", False), ("Get row (V2)", False), ("List items.", True), ("List items ", True),
    ("List items:", True),
])
def test_summary_trailing_punctuation(summary, fires):
    assert bool(_codes(_operation(summary=summary), "OperationSummaryEndsWithPunctuation")) is fires


def test_summary_same_as_description_ignores_case_and_final_period():
    assert _codes(_operation(summary="Send Fax", description="send fax."), "SummarySameAsDescription")
    assert not _codes(_operation(summary="Send fax", description="Sends a fax to one number."),
                      "SummarySameAsDescription")


@pytest.mark.parametrize("text, lower", [
    ("Message Body", []), ("Text of the Message", []), ("Of Counts", []), ("iOS Version", []),
    ("Example (e.g. 5)", []), ("Message body", ["body"]), ("the Name", ["the"]),
    ("Number of records per page", ["records", "page"]),
])
def test_title_case_words(text, lower):
    assert lower_case_words(text) == lower


def test_x_ms_summary_length_limit_is_80():
    def prop(summary):
        return {"definitions": {"A": {"type": "object", "properties": {"p": {"type": "string",
                                                                             "x-ms-summary": summary}}}}}
    assert not _codes(prop("A" * 80), "XMsSummaryTooLong")
    hits = _codes(prop("A" * 81), "XMsSummaryTooLong")
    assert hits and hits[0].pointer == "/definitions/A/properties/p/x-ms-summary"


def test_trigger_summary_starts_with_when_and_actions_are_not_checked():
    assert _codes(_operation(summary="New message", **{"x-ms-trigger": "single"}), "TriggerSummaryNotWhen")
    assert not _codes(_operation(summary="when a message arrives", **{"x-ms-trigger": "batch"}),
                      "TriggerSummaryNotWhen")
    assert not _codes(_operation(summary="New message"), "TriggerSummaryNotWhen")


def test_default_only_response_but_not_default_beside_2xx():
    assert _codes(_operation(responses={"default": {"description": "OK"}}), "ResponseDefaultOnly")
    assert not _codes(_operation(responses={"201": {"description": "Created"}, "default": {"description": "x"}}),
                      "ResponseDefaultOnly")


def test_internal_required_parameter_needs_default_except_webhook_callback():
    param = {"name": "callback", "in": "query", "type": "string", "required": True, "x-ms-visibility": "internal"}
    assert _codes(_operation(parameters=[param]), "InternalRequiredParameterWithoutDefault")
    callback = dict(param, **{"x-ms-notification-url": True})
    assert not _codes(_operation(parameters=[callback]), "InternalRequiredParameterWithoutDefault")
    optional = dict(param, required=False)
    assert not _codes(_operation(parameters=[optional]), "InternalRequiredParameterWithoutDefault")


def test_misspelt_extension_gets_did_you_mean():
    param = {"name": "q", "in": "query", "type": "string", "x-ms-visibilty": "advanced", "x-ms-summmary": "Q"}
    hits = _codes(_operation(parameters=[param]), "ExtensionNotKnown")
    hints = sorted(h.hint for h in hits)
    assert hints == ["did you mean 'x-ms-summary'?", "did you mean 'x-ms-visibility'?"]
    assert {h.pointer for h in hits} == {"/paths/~1items/get/parameters/0/x-ms-visibilty",
                                         "/paths/~1items/get/parameters/0/x-ms-summmary"}


def test_known_and_autorest_and_own_extensions_are_accepted():
    schema = {"type": "string", "x-ms-enum": {"name": "Kind"}, "x-ms-summary": "Kind", "x-contoso-flag": True}
    doc = {"definitions": {"Kind": schema}, "info": {"x-ms-keywords": ["sms"]}}
    assert not _codes(doc, "ExtensionNotKnown")


def test_unknown_extension_at_the_root_and_in_info():
    hits = _codes({"x-ms-conector-metadata": [], "info": {"x-ms-keyword": ["a"]}}, "ExtensionNotKnown")
    assert {h.pointer for h in hits} == {"/x-ms-conector-metadata", "/info/x-ms-keyword"}


def test_unknown_member_of_dynamic_tree():
    param = {"name": "folder", "in": "query", "type": "string",
             "x-ms-dynamic-tree": {"settings": {}, "opne": {}, "browse": {}}}
    hits = _codes(_operation(parameters=[param]), "ExtensionMemberNotKnown")
    assert [h.hint for h in hits] == ["did you mean 'open'?"]


# --- rules that read the file's text -------------------------------------------------------------

@pytest.mark.parametrize("code", ["JsonIndentationNotFourSpaces", "TrailingWhitespace"])
def test_file_rule_examples(code):
    rule = FILE_RULES[code]
    examples = rule.examples()
    assert examples["passing"] and examples["failing"]
    for text in examples["passing"]:
        assert not list(rule().check(text)), f"{code} fired on its passing example"
    for text in examples["failing"]:
        assert list(rule().check(text)), f"{code} did not fire on its failing example"


@pytest.mark.parametrize("text, fires", [
    ('{\n    "a": {\n        "b": 1\n    }\n}\n', False),
    ('{"a": 1}', False),
    ('{\n\t"a": 1\n}\n', True),
    ('{\n    \t"a": 1\n}\n', True),
    ('{\n      "a": 1\n}\n', True),
])
def test_indentation(text, fires):
    assert bool(list(FILE_RULES["JsonIndentationNotFourSpaces"]().check(text))) is fires


@pytest.mark.parametrize("text, offset", [
    ('{\n    "a": 1\n}\n', None), ('{\r\n    "a": 1\r\n}\r\n', None),
    ('{  \n    "a": 1\n}\n', 1), ('{\r\n    "a": 1\t\r\n}', 13), ('{"a": 1}  ', 8),
])
def test_trailing_whitespace_points_at_the_first_blank_of_the_run(text, offset):
    problems = list(FILE_RULES["TrailingWhitespace"]().check(text))
    assert (problems[0].offset if problems else None) == offset


def _write_folder(tmp_path, swagger_text: str):
    folder = tmp_path / "conn"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(swagger_text, "utf-8")
    return folder


def test_file_findings_are_located_by_line_and_column(tmp_path):
    swagger = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "host": "contoso.com",
               "paths": {}}
    text = json.dumps(swagger, indent=2).replace('"host"', '"host"', 1)
    text = text.replace('"swagger": "2.0",', '"swagger": "2.0", ', 1)
    folder = _write_folder(tmp_path, text)
    assert not {f.code for f in validate(load_connector(folder)).findings} & {
        "JsonIndentationNotFourSpaces", "TrailingWhitespace"}, "style rules are opt-in"
    outcome = validate(load_connector(folder), Selection(select=("JsonIndentationNotFourSpaces",
                                                                 "TrailingWhitespace")))
    found = {f.code: f for f in outcome.findings}
    indent = found["JsonIndentationNotFourSpaces"]
    assert (indent.file.endswith("apiDefinition.swagger.json"), indent.line, indent.column) == (True, 2, 1)
    trailing = found["TrailingWhitespace"]
    assert (trailing.line, trailing.column) == (2, len('  "swagger": "2.0",') + 1)


def test_cli_lists_the_source_of_each_rule():
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    assert "coding-standards" in lines["OperationIdNotPascalCase"]
    assert "microsoft-validator" in lines["OperationIdRequired"]
    assert "coding-standards" in lines["TrailingWhitespace"]
    shown = CliRunner().invoke(main, ["rule", "TrailingWhitespace"])
    assert shown.exit_code == 0 and "source: coding-standards" in shown.output


def test_cli_lists_rules_by_family():
    plain = CliRunner().invoke(main, ["rules"])
    result = CliRunner().invoke(main, ["rules", "--family"])
    assert result.exit_code == 0
    rows = [line.split() for line in result.output.splitlines() if line.strip() and not line.endswith(" rules")]
    family = {row[1]: row[0] for row in rows}
    assert family["OperationIdRequired"] == "operations"
    assert family["DynamicTreeExtensionMissing"] == "dynamic"
    assert family["TrailingWhitespace"] == "file_text"
    assert family["SecretParameterHasValue"] == "secrets"
    assert [row[0] for row in rows] == sorted(row[0] for row in rows), "grouped by family"
    assert sorted(family) == sorted(line.split()[0] for line in plain.output.splitlines()
                                   if line.strip() and not line.endswith(" rules"))
