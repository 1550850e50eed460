"""`pacgen upload` with the real paconn client against a loopback stub of the Power Apps service."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from paconn_stub import STORAGE_CONTAINER, STORAGE_HOST, PowerAppsStub

from generator.build import build_artifacts
from generator.render import write_atomically
from generator.upload import UploadError, resolve_target

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "clicksend.yaml"
ENVIRONMENT = "Default-00000000-0000-0000-0000-00000000c11c"
TOKEN = "stub-access-token"


@pytest.fixture
def paconn() -> None:
    """Skip (with the reason) without paconn — except when PACGEN_REQUIRE_PACONN is set, as in CI."""
    if importlib.util.find_spec("paconn") is not None:
        return
    if os.environ.get("PACGEN_REQUIRE_PACONN"):
        pytest.fail("paconn is not installed but PACGEN_REQUIRE_PACONN is set (make installs the upload extra)")
    pytest.skip("paconn not installed: pip install -e '.[upload]' to run the upload tests")


@pytest.fixture
def home(tmp_path) -> Path:
    """A HOME whose paconn token file looks like a fresh `paconn login`."""
    home = tmp_path / "home"
    (home / ".paconn").mkdir(parents=True)
    token = {"access_token": TOKEN, "token_type": "Bearer", "expires_on": int(time.time()) + 3600,
             "oid": "00000000-0000-0000-0000-0000000000aa"}
    (home / ".paconn" / "accessTokens.json").write_text(json.dumps(token))
    return home


def build(spec: Path, out: Path) -> Path:
    write_atomically(out, [(a.name, a.content) for a in build_artifacts(spec)])
    return out


def hermetic_env(home: Path, stub: PowerAppsStub | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if "proxy" not in k.lower() and not k.startswith(("PACGEN_ENV", "PACGEN_CONN", "PACGEN_CLIENT"))}
    env["HOME"] = str(home)
    if stub is not None:
        # Blob uploads are HTTPS to STORAGE_HOST: route them through the stub, trusting its CA.
        env.update(HTTPS_PROXY=stub.url, REQUESTS_CA_BUNDLE=str(stub.ca_file), NO_PROXY="127.0.0.1")
    return env


def run_upload(connector: Path, settings: Path, home: Path, stub: PowerAppsStub | None, *options: str):
    return subprocess.run([sys.executable, "-m", "generator", "upload", str(connector), "--settings", str(settings),
                           *options], env=hermetic_env(home, stub), capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def run_make_upload(tmp_path: Path, spec: Path, home: Path, stub: PowerAppsStub, *variables: str):
    """`make upload` from the repository, into tmp_path, with this interpreter's tools."""
    stamp = tmp_path / "installed.stamp"
    stamp.touch()  # newer than pyproject.toml: make installs nothing
    env = {k: v for k, v in hermetic_env(home, stub).items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["ENVIRONMENT"] = "a-shell-variable-make-must-ignore"
    return subprocess.run(
        ["make", "--no-print-directory", "upload", f"STAMP={stamp}", f"BIN={Path(sys.executable).parent}",
         f"SPEC={spec}", f"OUT={tmp_path / 'connector'}", f"UPLOAD_SETTINGS={tmp_path / 'upload.settings.json'}",
         *variables], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def assert_registration(request, connector: Path, creating: bool) -> None:
    """The body is our apiProperties with only paconn's documented additions."""
    swagger = read_json(connector / "apiDefinition.swagger.json")
    ours = read_json(connector / "apiProperties.json")["properties"]
    sent = request.json()["properties"]
    assert request.query["$filter"] == [f"environment eq '{ENVIRONMENT}'"]
    assert sent["openApiDefinition"] == swagger
    assert sent["connectionParameters"] == ours["connectionParameters"]
    assert sent.get("policyTemplateInstances") == ours.get("policyTemplateInstances")
    assert sent["backendService"] == {"serviceUrl": "https://rest.clicksend.com/v3"}
    assert sent["environment"] == {"name": ENVIRONMENT}
    assert sent["description"] == swagger["info"]["description"]
    assert ("displayName" in sent) is creating
    added = {"openApiDefinition", "backendService", "environment", "description", "displayName",
             "iconUri", "scriptDefinitionUrl"}
    assert {k: v for k, v in sent.items() if k not in added} == ours


def test_create_then_update_sends_exactly_our_connector(paconn, home, tmp_path):
    connector = build(SPEC, tmp_path / "connector")
    before = snapshot(connector)
    settings = tmp_path / "upload.settings.json"
    with PowerAppsStub(tmp_path, connector_id="shared_clicksend-5f1e") as stub:
        settings.write_text(json.dumps({"powerAppsUrl": stub.url}))
        created = run_upload(connector, settings, home, stub, "--environment", ENVIRONMENT)
        assert created.returncode == 0, created.stderr
        create_calls = stub.received
        # The second run finds environment and id in the settings the first one recorded.
        updated = run_upload(connector, settings, home, stub)
        assert updated.returncode == 0, updated.stderr
        update_calls = stub.received[len(create_calls):]

    swagger = read_json(connector / "apiDefinition.swagger.json")
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in create_calls] == [
        ("POST", "validateApiSwagger"), ("POST", "generateResourceStorage"), ("POST", "apis")]
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in update_calls] == [
        ("POST", "validateApiSwagger"), ("POST", "generateResourceStorage"), ("PATCH", "shared_clicksend-5f1e")]
    for calls in (create_calls, update_calls):
        assert calls[0].json() == swagger
        assert calls[1].json() == {"environment": {"name": ENVIRONMENT}}
        assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in calls)
    assert_registration(create_calls[2], connector, creating=True)
    assert_registration(update_calls[2], connector, creating=False)
    assert create_calls[2].json()["properties"]["displayName"] == "ClickSend SMS"
    # No icon or script: nothing goes to blob storage, and paconn sends an empty script URI.
    assert create_calls[2].json()["properties"]["scriptDefinitionUrl"] == ""
    assert "iconUri" not in create_calls[2].json()["properties"]

    assert read_json(settings) == {"powerAppsUrl": stub.url, "environment": ENVIRONMENT,
                                   "connectorId": "shared_clicksend-5f1e"}
    assert "created connector shared_clicksend-5f1e" in created.stderr
    assert "updated connector shared_clicksend-5f1e" in updated.stderr
    assert snapshot(connector) == before  # the build artifacts stay as built (make check stays green)


def test_icon_and_script_go_to_blob_storage(paconn, home, tmp_path):
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    icon, script = b"\x89PNG\r\n\x1a\nnot-really-an-image", b"public class Script : ScriptBase {}\n"
    (spec_dir / "logo.png").write_bytes(icon)
    (spec_dir / "code.csx").write_bytes(script)
    spec = spec_dir / "clicksend.yaml"
    policy = ("policyTemplateInstances:\n  - templateId: setheader\n    title: Tag requests\n    parameters:\n"
              "      x-ms-apimTemplateParameter.name: X-Client\n      x-ms-apimTemplateParameter.value: pacgen\n"
              "      x-ms-apimTemplateParameter.existsAction: override\n"
              "      x-ms-apimTemplate-policySection: Request\n")
    spec.write_text(SPEC.read_text(encoding="utf-8") + "icon: logo.png\nscript: code.csx\n" + policy,
                    encoding="utf-8")
    connector = build(spec, tmp_path / "connector")
    settings = tmp_path / "upload.settings.json"
    with PowerAppsStub(tmp_path) as stub:
        settings.write_text(json.dumps({"powerAppsUrl": stub.url, "environment": ENVIRONMENT}))
        created = run_upload(connector, settings, home, stub)
    assert created.returncode == 0, created.stderr

    blobs = {r.path: r for r in stub.received if r.host}
    assert set(blobs) == {f"/{STORAGE_CONTAINER}/icon.png", f"/{STORAGE_CONTAINER}/script.csx"}
    assert all(r.method == "PUT" and r.host == STORAGE_HOST for r in blobs.values())
    assert blobs[f"/{STORAGE_CONTAINER}/icon.png"].body == icon
    assert blobs[f"/{STORAGE_CONTAINER}/script.csx"].body == script
    registration = next(r for r in stub.received if r.path.endswith("/apis"))
    sent = registration.json()["properties"]
    assert sent["iconUri"].startswith(f"https://{STORAGE_HOST}/{STORAGE_CONTAINER}/icon.png?")
    assert sent["scriptDefinitionUrl"].startswith(f"https://{STORAGE_HOST}/{STORAGE_CONTAINER}/script.csx?")
    assert_registration(registration, connector, creating=True)
    assert sent["policyTemplateInstances"][0]["parameters"]["x-ms-apimTemplateParameter.value"] == "pacgen"


def test_service_validation_error_fails_with_its_message(paconn, home, tmp_path):
    connector = build(SPEC, tmp_path / "connector")
    settings = tmp_path / "upload.settings.json"
    problem = {"code": "InvalidSwagger", "message": "Operation 'SendSms' needs a summary (stub says so)"}
    with PowerAppsStub(tmp_path, validation_error=problem) as stub:
        settings.write_text(json.dumps({"powerAppsUrl": stub.url}))
        failed = run_upload(connector, settings, home, stub, "--environment", ENVIRONMENT)
    assert failed.returncode == 1
    assert problem["message"] in failed.stdout + failed.stderr
    assert "paconn create exited with 1" in failed.stderr
    assert [r.path.rsplit("/", 1)[-1] for r in stub.received] == ["validateApiSwagger"]
    assert read_json(settings) == {"powerAppsUrl": stub.url}  # no connector id recorded


def test_make_upload_builds_validates_and_stops_on_errors(paconn, home, tmp_path):
    for name in ("good", "bad"):
        (tmp_path / name).mkdir()
        shutil.copy(SPEC.with_suffix(".docs.json"), tmp_path / name / "clicksend.docs.json")
    good, bad = tmp_path / "good" / "clicksend.yaml", tmp_path / "bad" / "clicksend.yaml"
    shutil.copy(SPEC, good)
    bad.write_text(SPEC.read_text(encoding="utf-8").replace("\nhost: rest.clicksend.com\n",
                                                            "\nhost: rest.clicksend.com/v3\n"), encoding="utf-8")
    with PowerAppsStub(tmp_path) as stub:
        (tmp_path / "upload.settings.json").write_text(json.dumps({"powerAppsUrl": stub.url}))
        stopped = run_make_upload(tmp_path, bad, home, stub, f"ENVIRONMENT={ENVIRONMENT}")
        assert stopped.returncode != 0
        # build refuses the invalid swagger (at the spec's line), so nothing reaches paconn
        assert "OpenApiInvalid" in stopped.stderr and stub.received == [], stopped.stdout + stopped.stderr
        uploaded = run_make_upload(tmp_path, good, home, stub, f"ENVIRONMENT={ENVIRONMENT}")
    assert uploaded.returncode == 0, uploaded.stdout + uploaded.stderr
    assert [r.path.rsplit("/", 1)[-1] for r in stub.received] == [
        "validateApiSwagger", "generateResourceStorage", "apis"]
    assert_registration(stub.received[-1], tmp_path / "connector", creating=True)
    assert read_json(tmp_path / "upload.settings.json")["environment"] == ENVIRONMENT


def test_not_logged_in_is_a_clear_error(paconn, tmp_path):
    connector = build(SPEC, tmp_path / "connector")
    result = run_upload(connector, tmp_path / "none.json", tmp_path / "empty-home", None,
                        "--environment", ENVIRONMENT)
    assert result.returncode == 2
    assert "NotLoggedIn" in result.stderr and "paconn login" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_environment_says_where_to_put_it(home, tmp_path):
    connector = build(SPEC, tmp_path / "connector")
    result = run_upload(connector, tmp_path / "upload.settings.json", home, None)
    assert result.returncode == 2
    assert "EnvironmentMissing" in result.stderr and "ENVIRONMENT=" in result.stderr
    assert "Traceback" not in result.stderr


def test_unbuilt_connector_and_broken_settings_are_located(home, tmp_path):
    missing = run_upload(tmp_path / "nothing", tmp_path / "upload.settings.json", home, None)
    assert missing.returncode == 2
    assert f"{tmp_path / 'nothing' / 'settings.json'}: error SettingsMissing" in missing.stderr
    assert "make build" in missing.stderr

    connector = build(SPEC, tmp_path / "connector")
    broken = tmp_path / "upload.settings.json"
    broken.write_text('{\n  "environment": "x",\n  "connectorId" "y"\n}\n')
    result = run_upload(connector, broken, home, None)
    assert result.returncode == 2
    assert f"{broken}:3:17: error SettingsInvalid" in result.stderr
    assert "Traceback" not in result.stderr


def test_options_beat_environment_variables_beat_settings(monkeypatch, tmp_path):
    recorded = {"environment": "from-settings", "connectorId": "id-settings", "powerAppsUrl": "http://pa"}
    built = {"environment": "from-connector", "flowUrl": "http://flow"}
    monkeypatch.delenv("PACGEN_ENVIRONMENT", raising=False)
    monkeypatch.delenv("PACGEN_CONNECTOR_ID", raising=False)
    target = resolve_target(None, None, [recorded, built], tmp_path / "s.json")
    assert (target.environment, target.connector_id, target.action) == ("from-settings", "id-settings", "update")
    assert target.service == {"powerAppsUrl": "http://pa", "flowUrl": "http://flow"}
    monkeypatch.setenv("PACGEN_ENVIRONMENT", "from-variable")
    monkeypatch.setenv("PACGEN_CONNECTOR_ID", "id-variable")
    target = resolve_target(None, None, [recorded, built], tmp_path / "s.json")
    assert (target.environment, target.connector_id) == ("from-variable", "id-variable")
    target = resolve_target("from-option", "id-option", [recorded], tmp_path / "s.json")
    assert (target.environment, target.connector_id) == ("from-option", "id-option")
    monkeypatch.delenv("PACGEN_ENVIRONMENT")
    monkeypatch.delenv("PACGEN_CONNECTOR_ID")
    assert resolve_target(None, None, [{"environment": "e"}], tmp_path / "s.json").action == "create"
    with pytest.raises(UploadError):
        resolve_target(None, None, [{}], tmp_path / "s.json")


def oauth_connector(tmp_path: Path) -> Path:
    """The built ClickSend connector with an OAuth connection parameter, as paconn expects one."""
    connector = build(SPEC, tmp_path / "connector")
    properties = read_json(connector / "apiProperties.json")
    properties["properties"]["connectionParameters"] = {"token": {"type": "oauthSetting", "oAuthSettings": {
        "identityProvider": "oauth2", "clientId": "client-1", "scopes": [], "redirectMode": "Global",
        "customParameters": {"authorizationUrl": {"value": "https://login.example.com/authorize"},
                             "tokenUrl": {"value": "https://login.example.com/token"},
                             "refreshUrl": {"value": "https://login.example.com/token"}}}}}
    (connector / "apiProperties.json").write_text(json.dumps(properties, indent=4), encoding="utf-8")
    return connector


def test_oauth_secret_reaches_the_service_but_not_the_command_line(paconn, home, tmp_path, monkeypatch):
    """paconn takes the secret only as --secret: pacgen hands it over through a pipe (a process's
    arguments are readable by every user), and a secret beginning with '-' is not an option."""
    connector = oauth_connector(tmp_path)
    settings = tmp_path / "upload.settings.json"
    secret = "-s3cr3t --not-an-option"
    with PowerAppsStub(tmp_path, connector_id="shared_oauth-1") as stub:
        settings.write_text(json.dumps({"powerAppsUrl": stub.url}))
        env = {**hermetic_env(home, stub), "PACGEN_CLIENT_SECRET": secret}
        created = subprocess.run([sys.executable, "-m", "generator", "upload", str(connector), "--settings",
                                  str(settings), "--environment", ENVIRONMENT], env=env, capture_output=True,
                                 text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert created.returncode == 0, created.stderr
    sent = stub.received[-1].json()["properties"]["connectionParameters"]["token"]["oAuthSettings"]
    assert sent["clientSecret"] == secret
    assert secret not in created.stdout + created.stderr


def test_paconn_is_started_without_the_secret_in_its_arguments(tmp_path, monkeypatch):
    from generator import upload

    started = []

    def fake_run(argv, **options):
        started.append((argv, options))
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(upload.subprocess, "run", fake_run)
    target = upload.Target(ENVIRONMENT, None, {})
    upload.run_paconn(upload.IN_VENV, target, {"apiDefinition": "a", "apiProperties": "b"}, "-the-secret")
    argv, options = started[0]
    assert argv[:3] == upload.SECRET_ON_STDIN and not any("the-secret" in a for a in argv)
    assert options["input"] == b"-the-secret"
    # A paconn found only on PATH gets it as one token, so a leading '-' is no option (README: exposure).
    upload.run_paconn(["/usr/bin/paconn"], target, {"apiDefinition": "a", "apiProperties": "b"}, "-x")
    assert started[1][0][-1] == "--secret=-x"
