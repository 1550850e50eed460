"""The pull-request job in a temporary git repository: `REV:PATH`, `pacgen diff --changed`,
`pacgen validate --changed` and `--new-since`, and the unusable inputs (exit 2, no traceback)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.diff.git import Revision, touched_connectors

ROOT = Path(__file__).resolve().parents[1]
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """main: ClickSend's spec and built folder, and a second connector; then a branch `work`."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    repo = tmp_path / "repo"
    (repo / "spec").mkdir(parents=True)
    shutil.copy(ROOT / "spec" / "clicksend.yaml", repo / "spec" / "clicksend.yaml")
    shutil.copytree(ROOT / "connector", repo / "connector")
    shutil.copytree(ROOT / "connector", repo / "other")
    (repo / "notes.yaml").write_text("just: data\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "work")
    monkeypatch.chdir(repo)
    return repo


def swagger(folder: Path) -> dict:
    return json.loads((folder / "apiDefinition.swagger.json").read_text("utf-8"))


def write_swagger(folder: Path, data: dict) -> None:
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(data, indent=4) + "\n", "utf-8")


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_rev_path_folder_against_the_working_tree(repo):
    data = swagger(repo / "connector")
    del data["paths"]["/lists/{list_id}"]["delete"]
    write_swagger(repo / "connector", data)
    result = run("diff", "main:connector", "connector", "--format", "json")
    assert result.exit_code == 1
    [found] = json.loads(result.output)["findings"]
    assert found["code"] == "OperationRemoved"
    assert found["file"] == "main:connector/apiDefinition.swagger.json"
    base_text = git(repo, "show", "main:connector/apiDefinition.swagger.json").splitlines()
    assert '"delete"' in base_text[found["line"] - 1]


def test_rev_path_spec_is_built_in_memory_and_placed_in_the_spec(repo):
    spec = repo / "spec" / "clicksend.yaml"
    spec.write_text(spec.read_text("utf-8").replace("post: /sms/send", "post: /sms/send2"), "utf-8")
    result = run("diff", "main:spec/clicksend.yaml", "spec/clicksend.yaml", "--format", "json")
    assert result.exit_code == 1
    [found] = json.loads(result.output)["findings"]
    assert (found["code"], found["file"]) == ("PathTemplateChanged", "spec/clicksend.yaml")
    assert spec.read_text("utf-8").splitlines()[found["line"] - 1] == "  - id: sms_send"


def test_rev_path_is_relative_to_the_current_folder(repo, monkeypatch):
    monkeypatch.chdir(repo / "spec")
    result = run("diff", "main:clicksend.yaml", "clicksend.yaml")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("argument, words", [
    ("nope:connector", "no revision 'nope'"),
    ("main:missing", "'missing' is not in revision main"),
    ("main:notes.yaml", "notes.yaml"),
    ("missing-folder", "no such file or folder"),
])
def test_unusable_sides_exit_2_with_a_message(repo, argument, words):
    result = run("diff", argument, "connector")
    assert result.exit_code == 2
    assert words in result.output


def test_unparseable_side_names_file_line_and_column(repo):
    (repo / "connector" / "apiDefinition.swagger.json").write_text('{\n  "swagger": "2.0",\n  oops\n}\n')
    result = run("diff", "main:connector", "connector")
    assert result.exit_code == 2
    assert "connector/apiDefinition.swagger.json:3:3: error JsonSyntaxError" in result.output


def test_unrelated_connectors_exit_2(repo):
    other = {"swagger": "2.0", "info": {"title": "Contoso", "version": "1.0"}, "host": "api.contoso.com",
             "paths": {"/x": {"get": {"operationId": "GetX", "responses": {"200": {"description": "OK"}}}}}}
    write_swagger(repo / "other", other)
    result = run("diff", "connector", "other")
    assert result.exit_code == 2
    assert "look like two different connectors" in result.output


def test_diff_without_both_sides_is_a_usage_error(repo):
    assert run("diff", "connector").exit_code == 2
    assert run("diff", "connector", "other", "--changed", "main").exit_code == 2


def test_touched_connectors_maps_files_to_specs_and_folders(repo):
    (repo / "other" / "icon.png").write_bytes(b"\x89PNG")
    revision = Revision(git(repo, "rev-parse", "main").strip(), repo, "main")
    changed = ["spec/clicksend.yaml", "notes.yaml", "other/icon.png", "connector/readme.md", "README.md"]
    assert touched_connectors(changed, repo, revision) == ["connector", "other", "spec/clicksend.yaml"]


def test_touched_connectors_sees_deleted_specs_and_folders_at_base(repo):
    shutil.rmtree(repo / "other")
    (repo / "spec" / "clicksend.yaml").unlink()
    revision = Revision(git(repo, "rev-parse", "main").strip(), repo, "main")
    changed = ["other/apiDefinition.swagger.json", "spec/clicksend.yaml"]
    assert touched_connectors(changed, repo, revision) == ["other", "spec/clicksend.yaml"]


def test_diff_changed_compares_only_touched_connectors(repo):
    data = swagger(repo / "other")
    data["paths"]["/lists"]["get"]["parameters"].append(
        {"name": "q", "in": "query", "type": "string", "required": True})
    write_swagger(repo / "other", data)
    git(repo, "commit", "-qam", "require q")
    shutil.copytree(repo / "connector", repo / "brandnew")
    result = run("diff", "--changed", "main", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert sorted((f["code"], f["file"]) for f in report["findings"]) == [
        ("ConnectorAdded", "brandnew"), ("RequiredInputAdded", "other/apiDefinition.swagger.json")]
    assert report["summary"]["connectors"] == 2


def test_diff_changed_reports_a_deleted_connector(repo):
    shutil.rmtree(repo / "other")
    result = run("diff", "--changed", "main")
    assert result.exit_code == 1
    assert "main:other: error ConnectorRemoved" in result.output


def test_diff_changed_with_nothing_changed_is_fine(repo):
    result = run("diff", "--changed", "main")
    assert result.exit_code == 0
    notice, summary = result.output.splitlines()
    assert notice == "no connector changed since main"
    assert summary.startswith("0 connector(s): 0 error(s), 0 warning(s) in ")


def test_changed_with_a_missing_base_exits_2(repo):
    assert run("diff", "--changed", "origin/nope").exit_code == 2
    result = run("validate", "--changed", "origin/nope")
    assert result.exit_code == 2 and "no revision 'origin/nope'" in result.output


def test_validate_changed_validates_only_touched_connectors(repo):
    data = swagger(repo / "other")
    data["paths"]["/lists"]["get"]["parameters"][0]["type"] = "strng"
    write_swagger(repo / "other", data)
    result = run("validate", "--changed", "main", "--format", "json")
    report = json.loads(result.output)
    assert report["summary"]["connectors"] == 1
    assert {f["file"] for f in report["findings"]} == {"other/apiDefinition.swagger.json"}
    assert result.exit_code == 1


def test_validate_changed_with_nothing_changed_exits_0(repo):
    result = run("validate", "--changed", "main")
    assert result.exit_code == 0 and "no connector changed since main" in result.output


def test_validate_new_since_keeps_only_new_findings(repo):
    data = swagger(repo / "other")
    data["paths"]["/lists"]["get"]["parameters"][0]["type"] = "strng"  # a debt already on main
    write_swagger(repo / "other", data)
    git(repo, "commit", "-qam", "old debt")
    git(repo, "branch", "-f", "main")
    data["paths"]["/lists"]["get"]["parameters"][1]["type"] = "strng"  # a new defect (and lines move)
    data["info"]["description"] = "A longer description.\n" + data["info"]["description"]
    write_swagger(repo / "other", data)
    everything = json.loads(run("validate", "other", "--format", "json").output)["findings"]
    assert {f["pointer"] for f in everything} == {"/paths/~1lists/get/parameters/0/type",
                                                  "/paths/~1lists/get/parameters/1/type"}
    result = run("validate", "other", "--new-since", "main", "--format", "json")
    assert result.exit_code == 1
    new = json.loads(result.output)["findings"]
    assert {f["pointer"] for f in new} == {"/paths/~1lists/get/parameters/1/type"}
    assert len(new) == len(everything) // 2


def test_validate_new_since_passes_a_legacy_connector_with_only_old_debts(repo):
    data = swagger(repo / "other")
    data["paths"]["/lists"]["get"]["parameters"][0]["type"] = "strng"
    write_swagger(repo / "other", data)
    git(repo, "commit", "-qam", "old debt")
    git(repo, "branch", "-f", "main")
    data["info"]["description"] += " More words."
    write_swagger(repo / "other", data)
    assert run("validate", "other").exit_code == 1
    result = run("validate", "--changed", "main", "--new-since", "main")
    assert result.exit_code == 0, result.output


def test_validate_new_since_counts_a_connector_new_since_base_as_all_new(repo):
    shutil.copytree(repo / "other", repo / "brandnew")
    data = swagger(repo / "brandnew")
    data["paths"]["/lists"]["get"]["parameters"][0]["type"] = "strng"
    write_swagger(repo / "brandnew", data)
    result = run("validate", "brandnew", "--new-since", "main", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["findings"]


def test_a_broken_spec_side_exits_2_with_its_position(repo):
    spec = repo / "spec" / "clicksend.yaml"
    spec.write_text(spec.read_text("utf-8").replace("host: rest.clicksend.com", "host: [rest"), "utf-8")
    result = run("diff", "main:spec/clicksend.yaml", "spec/clicksend.yaml")
    assert result.exit_code == 2
    assert "spec/clicksend.yaml:" in result.output and "YamlSyntaxError" in result.output
    git(repo, "commit", "-qam", "broken spec")
    result = run("diff", "work:spec/clicksend.yaml", "main:spec/clicksend.yaml")
    assert result.exit_code == 2 and "work:spec/clicksend.yaml:" in result.output


def test_diff_changed_when_the_base_version_is_broken_compares_nothing(repo):
    (repo / "other" / "apiDefinition.swagger.json").write_text("{ broken", "utf-8")
    git(repo, "commit", "-qam", "broken")
    git(repo, "branch", "-f", "main")
    shutil.copy(repo / "connector" / "apiDefinition.swagger.json", repo / "other" / "apiDefinition.swagger.json")
    result = run("diff", "--changed", "main", "--format", "json")
    assert result.exit_code == 0
    [found] = json.loads(result.output)["findings"]
    assert found["code"] == "ConnectorAdded" and "cannot be read at main" in found["message"]


def test_make_diff_runs_both_checks_against_base():
    dry_run = subprocess.run(["make", "-n", "diff", "BASE=upstream/dev"], cwd=ROOT, capture_output=True, text=True)
    assert "pacgen diff --changed upstream/dev" in dry_run.stdout
    assert "pacgen validate --changed upstream/dev --new-since upstream/dev" in dry_run.stdout


def test_validate_changed_and_the_same_path_given_validates_it_once(repo):
    data = swagger(repo / "other")
    data["paths"]["/lists"]["get"]["parameters"][0]["type"] = "strng"
    write_swagger(repo / "other", data)
    report = json.loads(run("validate", "other/", "--changed", "main", "--format", "json").output)
    assert report["summary"]["connectors"] == 1


@pytest.mark.parametrize("name, text, words", [
    ("apiProperties.json", None, "not a swagger"),
    ("v3.json", '{"openapi": "3.0.0", "info": {"title": "x", "version": "1"}, "paths": {}}', "OpenAPI 3"),
    ("list.json", "[1, 2]", "not a JSON object"),
])
def test_a_file_that_is_not_a_swagger_exits_2(repo, name, text, words):
    target = repo / "connector" / name
    if text is not None:
        target.write_text(text, "utf-8")
    result = run("diff", "connector", str(target))
    assert result.exit_code == 2
    assert words in result.output


def test_a_connector_name_with_control_characters_is_shown_escaped(repo):
    shutil.copytree(repo / "connector", repo / "new\x1b[2Jone")
    result = run("diff", "--changed", "main")
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "new\\x1b[2Jone" in result.output
