"""`pacgen init`: the new spec builds and validates with no errors and no warnings for every kind
of authentication; it never overwrites without --force; what the user types stays a value."""

import json

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.importer.convert import build_documents


def init(tmp_path, *args, name="Contoso Tasks"):
    output = tmp_path / "spec" / "new.yaml"
    result = CliRunner().invoke(main, ["init", name, "-o", str(output), *args])
    return result, output


def findings_of(*paths) -> list[dict]:
    result = CliRunner().invoke(main, ["validate", *map(str, paths), "--format", "json"])
    return json.loads(result.output)["findings"]


@pytest.mark.parametrize("options", [
    ["--auth", "none"],
    ["--auth", "apikey", "--api-key-header", "Ocp-Apim-Subscription-Key"],
    ["--auth", "basic", "--trigger"],
    ["--auth", "oauth2", "--trigger"],
    ["--auth", "oauth2", "--provider", "aad"],
    ["--auth", "oauth2", "--provider", "github", "--no-action", "--trigger"],
    ["--auth", "oauth2", "--provider", "google"],
    ["--no-action"],
], ids=lambda options: " ".join(options))
def test_new_spec_and_its_build_validate_clean(tmp_path, options):
    result, spec = init(tmp_path, *options, "--host", "api.contoso.com", "--base-path", "/v2")
    assert result.exit_code == 0, result.output
    assert findings_of(spec) == []
    built = tmp_path / "connector"
    assert CliRunner().invoke(main, ["build", str(spec), "-o", str(built)]).exit_code == 0
    assert findings_of(built) == []
    swagger = json.loads((built / "apiDefinition.swagger.json").read_text("utf-8"))
    assert (swagger["host"], swagger["basePath"]) == ("api.contoso.com", "/v2")
    auth = options[options.index("--auth") + 1] if "--auth" in options else "none"
    kinds = {d["type"] for d in swagger.get("securityDefinitions", {}).values()}
    assert kinds == {"none": set(), "apikey": {"apiKey"}, "basic": {"basic"}, "oauth2": {"oauth2"}}[auth]
    operations = [op["operationId"] for item in swagger["paths"].values() for op in item.values()]
    assert ("ListItems" in operations) == ("--no-action" not in options)
    assert ("OnItemCreated" in operations) == ("--trigger" in options)


def test_the_spec_is_commented(tmp_path):
    _, spec = init(tmp_path, "--auth", "oauth2", "--trigger")
    text = spec.read_text("utf-8")
    assert text.count("\n#") + text.count("\n  #") >= 6
    assert "redirect" in text and "notificationUrl: true" in text


def test_never_overwrites_without_force(tmp_path):
    init(tmp_path)
    _, spec = init(tmp_path)
    spec.write_text("mine", "utf-8")
    result, _ = init(tmp_path, "--auth", "basic")
    assert result.exit_code == 2 and "--force" in result.output
    assert spec.read_text("utf-8") == "mine"
    result, _ = init(tmp_path, "--auth", "basic", "--force")
    assert result.exit_code == 0 and "basic_auth" in spec.read_text("utf-8")


def test_default_output_is_spec_slug_yaml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "Contoso Tasks!"])
    assert result.exit_code == 0
    assert (tmp_path / "spec" / "contoso-tasks.yaml").is_file()


def test_what_the_user_types_stays_a_value(tmp_path):
    name = "A: b #c\nsuppress: []"
    result, spec = init(tmp_path, name=name)
    assert result.exit_code == 0, result.output
    text = spec.read_text("utf-8")
    data = yaml.safe_load(text)
    assert "suppress" not in data and data["info"]["title"] == name
    build_documents(text)


@pytest.mark.parametrize("args", [
    ["--host", "https://api.example.com/x"], ["--base-path", "v1"], ["--api-key-header", "X Key\n"],
    ["--provider", "aad"],
])
def test_bad_options_exit_2_and_write_nothing(tmp_path, args):
    result, spec = init(tmp_path, *args)
    assert result.exit_code == 2 and "error:" in result.output
    assert not spec.exists()


def test_a_name_longer_than_a_title_may_be_is_refused(tmp_path):
    result, spec = init(tmp_path, name="N" * 31)
    assert result.exit_code == 2 and not spec.exists()
