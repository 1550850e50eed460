"""The ClickSend SMS connector: built from spec/clicksend.yaml, it matches the published page."""

import json
from pathlib import Path

from click.testing import CliRunner
from openapi_spec_validator import validate as openapi_validate

from generator.build import build_artifacts
from generator.cli import main
from generator.docs import from_json, read_page, to_json
from generator.docs.check import check_against_page
from generator.pipeline import load_connector
from generator.validate.pipeline import validate

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "clicksend.yaml"
FACTS = ROOT / "spec" / "clicksend.docs.json"
CONNECTOR = ROOT / "connector"


def _swagger() -> dict:
    return json.loads(build_artifacts(SPEC)[0].content)


def test_spec_matches_the_seed_page(seed_path):
    result = check_against_page(load_connector(SPEC), seed_path)
    assert result.findings == []
    assert result.stats["operations matched"] == 15
    assert result.stats["parameter rows"] == 67
    assert result.stats["return rows"] == 308


def test_committed_facts_are_what_the_seed_says(seed_path):
    extracted = read_page(seed_path.read_text(encoding="utf-8"))
    assert to_json(extracted) == FACTS.read_text(encoding="utf-8")


def test_spec_matches_the_committed_facts_without_shared():
    documented = from_json(FACTS.read_text(encoding="utf-8"))
    assert len(documented.operations) == 15
    result = check_against_page(load_connector(SPEC), FACTS)
    assert result.findings == []


def test_openapi_spec_validator_accepts_the_swagger():
    openapi_validate(_swagger())


def test_no_validation_errors():
    for target in (SPEC, CONNECTOR):
        outcome = validate(load_connector(target))
        errors = [f"{f.code} {f.pointer} {f.message}" for f in outcome.findings if f.severity.value == "error"]
        assert errors == []


def test_spec_is_concise():
    spec_lines = len(SPEC.read_text().splitlines())
    swagger_lines = len(build_artifacts(SPEC)[0].content.splitlines())
    assert spec_lines <= 0.40 * swagger_lines, (spec_lines, swagger_lines)


def test_committed_connector_is_fresh():
    result = CliRunner().invoke(main, ["build", str(SPEC), "-o", str(CONNECTOR), "--check"])
    assert result.exit_code == 0, result.output


def test_real_operation_ids_methods_and_paths():
    swagger = _swagger()
    found = {(op["operationId"], method.upper(), path)
             for path, item in swagger["paths"].items() for method, op in item.items()}
    expected = {
        ("sms_send", "POST", "/sms/send"), ("send_mms", "POST", "/mms/send"),
        ("send_voice", "POST", "/voice/send"), ("send_fax", "POST", "/fax/send"),
        ("send_letter", "POST", "/post/letters/send"), ("send_postcard", "POST", "/post/postcards/send"),
        ("create_list", "POST", "/lists"), ("get_contact_lists", "GET", "/lists"),
        ("delete_list", "DELETE", "/lists/{list_id}"),
        ("create_list_contact", "POST", "/lists/{list_id}/contacts"),
        ("view_list_contacts", "GET", "/lists/{list_id}/contacts"),
        ("delete_list_contact", "DELETE", "/lists/{list_id}/contacts/{contact_id}"),
        ("search_contact_list", "GET", "/search/contacts-lists"), ("upload_media", "POST", "/uploads"),
        ("sms_inbound_automation", "POST", "/automations/sms/inbound"),
    }
    assert expected <= found


def test_basic_auth_connection_parameters():
    props = json.loads(build_artifacts(SPEC)[1].content)["properties"]
    params = props["connectionParameters"]
    assert set(params) == {"username", "api_key"}
    for param in params.values():
        assert param["type"] == "securestring"
        assert param["uiDefinition"]["constraints"]["required"] == "true"
    assert _swagger()["securityDefinitions"] == {"basic_auth": {"type": "basic"}}
