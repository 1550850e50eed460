"""`pacgen diff` on ClickSend: each kind of edit made to the spec, the verdict and exit code it
must get, and findings placed on the edited line of the YAML spec."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

SPEC = Path(__file__).resolve().parents[1] / "spec" / "clicksend.yaml"
TEXT = SPEC.read_text("utf-8")
LIST_PARAMS = ("      - {name: page, in: query, type: integer, title: Page Number, description: Page number, "
               "visibility: advanced}\n")
DELETE_LIST = """  - id: delete_list
    delete: /lists/{list_id}
    summary: Delete List
    description: Delete a specific contact list
    parameters: [*list_id]
    responses: *envelope_only
"""


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


def run_diff(tmp_path: Path, new_text: str, *options: str):
    edited = tmp_path / "clicksend.yaml"
    edited.write_text(new_text, "utf-8")
    result = CliRunner().invoke(main, ["diff", str(SPEC), str(edited), "--format", "json", *options])
    return result.exit_code, json.loads(result.output)["findings"], edited


BREAKING = {
    "OperationRemoved": [(DELETE_LIST, "")],
    "OperationIdRenamed": [("- id: get_contact_lists", "- id: list_contact_lists")],
    "PathTemplateChanged": [("post: /sms/send", "post: /sms/send-now")],
    "MethodChanged": [("delete: /lists/{list_id}\n", "post: /lists/{list_id}\n")],
    "OperationHidden": [("    summary: Get Contact Lists\n", "    summary: Get Contact Lists\n    visibility: internal\n")],
    "RequiredInputAdded": [(LIST_PARAMS, LIST_PARAMS + "      - {name: q, in: query, type: string, required: true}\n")],
    "InputMadeRequired": [("{name: page, in: query, type: integer,", "{name: page, in: query, required: true, type: integer,")],
    "InputRemoved": [(LIST_PARAMS, "")],
    "InputLocationChanged": [("{name: page, in: query", "{name: page, in: header")],
    "InputTypeChanged": [("{name: page, in: query, type: integer", "{name: page, in: query, type: string")],
    "InputEnumValueRemoved": [("{value: csv, title: CSV}, ", "")],
    "InputEnumAdded": [("{name: page, in: query, type: integer,", "{name: page, in: query, type: integer, enum: [1, 2],")],
    "InputConstraintTightened": [('body: {type: string, title: Body, description: "160',
                                  'body: {type: string, maxLength: 1224, title: Body, description: "160')],
    "InputMadeInternal": [("Page number, visibility: advanced", "Page number, visibility: internal")],
    "OutputRemoved": [("                      carrier: {type: string, title: Carrier}\n", "")],
    "OutputTypeChanged": [("message_parts: {type: integer", "message_parts: {type: string")],
    "ResponseCodeRemoved": [("      201:\n        description: Created", "      200:\n        description: Created")],
    "TriggerKindChanged": [("    trigger: single\n", "    trigger: batch\n")],
    "AuthenticationChanged": [("securityDefinitions: {basic_auth: {type: basic}}",
                               "securityDefinitions: {basic_auth: {type: apiKey, name: key, in: header}}")],
    "ConnectionParameterAdded": [("connectionParameters:\n",
                                  "connectionParameters:\n  region: {type: string, title: Region, required: true}\n")],
    "ConnectionParameterRenamed": [("  api_key: {type: securestring", "  apiKey: {type: securestring")],
    "ConnectionParameterTypeChanged": [("  api_key: {type: securestring", "  api_key: {type: string")],
}


@pytest.mark.parametrize("code", sorted(BREAKING))
def test_breaking_edit_exits_1_with_its_code(tmp_path, code):
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *BREAKING[code]))
    assert status == 1
    assert code in {f["code"] for f in findings if f["severity"] == "error"}, findings


POTENTIALLY_BREAKING = {
    "InputDefaultChanged": [("default: powerautomate", "default: pacgen")],
    "OperationDeprecatedWithoutReplacement": [("    summary: Get Contact Lists\n",
                                               "    summary: Get Contact Lists\n    deprecated: true\n")],
    "HostChanged": [("host: rest.clicksend.com", "host: api.clicksend.com")],
}


@pytest.mark.parametrize("code", sorted(POTENTIALLY_BREAKING))
def test_potentially_breaking_edit_exits_0_and_1_with_strict(tmp_path, code):
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *POTENTIALLY_BREAKING[code]))
    assert status == 0
    assert [f["code"] for f in findings if f["severity"] != "info"] == [code]
    assert run_diff(tmp_path, edit(TEXT, *POTENTIALLY_BREAKING[code]), "--strict")[0] == 1


NEW_OPERATION = """  - id: get_account
    get: /account
    summary: Get Account
    description: The account's details
    responses: {200: {description: OK, schema: {type: object, properties: {balance: {type: string}}}}}
"""
HARMLESS = {
    "OperationAdded": [(DELETE_LIST, DELETE_LIST + "\n" + NEW_OPERATION)],
    "OptionalInputAdded": [(LIST_PARAMS, LIST_PARAMS + "      - {name: q, in: query, type: string}\n")],
    "OutputAdded": [("                      carrier: {type: string, title: Carrier}\n",
                     "                      carrier: {type: string, title: Carrier}\n"
                     "                      network: {type: string, title: Network}\n")],
    "WordingChanged": [("summary: Get Contact Lists", "summary: Get contact lists")],
    "InputEnumValueAdded": [("{value: csv, title: CSV}, ", "{value: csv, title: CSV}, {value: pdf, title: PDF}, ")],
}


@pytest.mark.parametrize("code", sorted(HARMLESS))
def test_harmless_edit_exits_0_even_strict(tmp_path, code):
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *HARMLESS[code]), "--strict")
    assert status == 0
    assert code in {f["code"] for f in findings}
    assert {f["severity"] for f in findings} == {"info"}


def test_documented_deprecation_flow_passes(tmp_path):
    """V1 deprecated with family/revision, V2 at a new path with the same family, revision 2."""
    v1_head = "  - id: get_contact_lists\n    get: /lists\n"
    v2 = NEW_OPERATION.replace("get_account", "get_contact_lists_V2").replace("/account", "/v2/lists") \
        .replace("    summary: Get Account\n", "    summary: Get Contact Lists (V2)\n"
                 "    annotation: {status: Production, family: get_contact_lists, revision: 2}\n")
    text = edit(TEXT, (v1_head, v1_head + "    deprecated: true\n"
                       "    annotation: {status: Production, family: get_contact_lists, revision: 1}\n"),
                (DELETE_LIST, DELETE_LIST + "\n" + v2))
    status, findings, edited = run_diff(tmp_path, text, "--strict")
    assert status == 0, findings
    assert sorted(f["code"] for f in findings) == ["OperationAdded", "OperationDeprecated"]
    deprecated = next(f for f in findings if f["code"] == "OperationDeprecated")
    assert "get_contact_lists_V2" in deprecated["message"]
    assert deprecated["file"] == str(edited)


def test_rename_is_one_finding_not_a_removal_and_an_addition(tmp_path):
    status, findings, edited = run_diff(tmp_path, edit(TEXT, *BREAKING["OperationIdRenamed"]))
    assert [f["code"] for f in findings] == ["OperationIdRenamed"]
    line = edited.read_text("utf-8").splitlines().index("  - id: list_contact_lists") + 1
    assert (findings[0]["file"], findings[0]["line"]) == (str(edited), line)


def test_findings_are_placed_on_the_edited_yaml_line(tmp_path):
    text = edit(TEXT, *BREAKING["InputTypeChanged"])
    status, findings, edited = run_diff(tmp_path, text)
    [found] = [f for f in findings if f["code"] == "InputTypeChanged"]
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "{name: page, in: query, type: string" in row)
    assert (found["file"], found["line"]) == (str(edited), line)
    assert "Operation 'get_contact_lists', input field 'page'" in found["message"]


def test_removals_are_placed_in_old(tmp_path):
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *BREAKING["InputRemoved"]))
    [found] = [f for f in findings if f["code"] == "InputRemoved"]
    line = TEXT.splitlines().index(LIST_PARAMS.rstrip("\n")) + 1
    assert (found["file"], found["line"]) == (str(SPEC), line)


def test_spec_and_its_built_folder_do_not_differ():
    connector = SPEC.parent.parent / "connector"
    result = CliRunner().invoke(main, ["diff", str(connector), str(SPEC), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["findings"] == []


def test_notification_content_is_compared_as_output(tmp_path):
    removed = "      message_id: {type: string, title: Message ID, description: ID of the inbound message}\n"
    status, findings, _ = run_diff(tmp_path, edit(TEXT, (removed, "")))
    assert status == 1
    outputs = sorted(f["pointer"] for f in findings if f["code"] == "OutputRemoved")
    assert outputs == ["/definitions/InboundSms/properties/message_id"] * 2  # the 201 response and the webhook's
    assert all("sms_inbound_automation" in f["message"] for f in findings)


def test_select_and_ignore_pick_codes(tmp_path):
    text = edit(TEXT, *BREAKING["InputRemoved"], *HARMLESS["WordingChanged"])
    _, everything, _ = run_diff(tmp_path, text)
    assert sorted({f["code"] for f in everything}) == ["InputRemoved", "WordingChanged"]
    status, selected, _ = run_diff(tmp_path, text, "--select", "Wording*")
    assert (status, [f["code"] for f in selected]) == (0, ["WordingChanged"])
    status, kept, _ = run_diff(tmp_path, text, "--ignore", "InputRemoved")
    assert (status, [f["code"] for f in kept]) == (0, ["WordingChanged"])


@pytest.mark.parametrize("fmt, expected", [
    ("github", "::error file={file},line={line},col=9,title=InputRemoved::The input field has been removed."),
    ("sarif", '"ruleId": "InputRemoved"'),
    ("text", "{file}:{line}:9: error InputRemoved: The input field has been removed."),
])
def test_every_report_format(tmp_path, fmt, expected):
    edited = tmp_path / "clicksend.yaml"
    edited.write_text(edit(TEXT, *BREAKING["InputRemoved"]), "utf-8")
    result = CliRunner().invoke(main, ["diff", str(SPEC), str(edited), "--format", fmt])
    line = TEXT.splitlines().index(LIST_PARAMS.rstrip("\n")) + 1
    assert result.exit_code == 1
    assert expected.format(file=SPEC, line=line) in result.output


def test_connection_parameter_findings_are_placed_at_their_entry(tmp_path):
    status, findings, edited = run_diff(tmp_path, edit(TEXT, *BREAKING["ConnectionParameterTypeChanged"]))
    [found] = findings
    line = next(n for n, row in enumerate(edited.read_text("utf-8").splitlines(), 1) if row.startswith("  api_key:"))
    assert (found["code"], found["file"], found["line"]) == ("ConnectionParameterTypeChanged", str(edited), line)


def test_a_breaking_change_accepted_with_a_reason_is_suppressed(tmp_path):
    accepted = ("suppress:\n", "suppress:\n  - code: InputRemoved\n    pointer: /paths/~1lists/get\n"
                "    reason: the connector is not published yet\n")
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *BREAKING["InputRemoved"], accepted))
    assert (status, findings) == (0, [])
    status, findings, _ = run_diff(tmp_path, edit(TEXT, *BREAKING["InputRemoved"], *BREAKING["MethodChanged"],
                                                  accepted))
    assert (status, [f["code"] for f in findings]) == (1, ["MethodChanged"])
    edited = tmp_path / "clicksend.yaml"
    result = CliRunner().invoke(main, ["diff", str(SPEC), str(edited)])
    assert "suppressed: 1" in result.output
