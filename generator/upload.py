"""`pacgen upload`: hand a built connector to Microsoft's paconn (create or update).

paconn reads everything from one settings.json and, given one, ignores its own --env/--cid options,
so we stage a complete settings.json in a scratch folder: absolute file paths, the environment, the
connector id (update) and any service URLs. The connector folder itself is never written: its
settings.json is a build artifact that `make check` compares with the spec. The id a create returns
is recorded in the upload settings file instead, so the next upload updates that connector.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click

from generator.exit_codes import EXIT_FINDINGS as EXIT_FAILED
from generator.exit_codes import EXIT_UNUSABLE
from generator.findings import Finding, Severity
from generator.render import write_atomically
from generator.report.emit import emit

UPLOAD_SETTINGS = Path("upload.settings.json")
ENV_ENVIRONMENT = "PACGEN_ENVIRONMENT"
ENV_CONNECTOR_ID = "PACGEN_CONNECTOR_ID"
# paconn settings that say where the service is (sovereign clouds, or a test stub); passed through.
SERVICE_KEYS = ("powerAppsUrl", "powerAppsApiVersion", "flowUrl", "flowApiVersion")
FILE_KEYS = ("apiDefinition", "apiProperties", "icon", "script")


class UploadError(Exception):
    """Input that cannot be uploaded; carries the finding to report (exit 2)."""

    def __init__(self, file: str, code: str, message: str, hint: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.finding = Finding(code, Severity.ERROR, message, str(file), "", line, column, hint)


@dataclass(frozen=True)
class Target:
    """Where the connector goes: environment, existing connector id (None: create), service URLs."""

    environment: str
    connector_id: str | None
    service: dict[str, str]

    @property
    def action(self) -> str:
        return "update" if self.connector_id else "create"


def read_settings(path: Path, required: bool) -> dict:
    """A paconn settings.json as a dict; {} when an optional file is absent."""
    if not path.is_file():
        if required:
            raise UploadError(path, "SettingsMissing", "the connector's settings.json is missing",
                              "run `make build` (pacgen build SPEC -o DIR) first")
        return {}
    from generator.source import read_json

    doc = read_json(path)  # the shared reader: its limits, and any problem located
    if doc.findings and doc.data is None:
        first = doc.findings[0]
        raise UploadError(path, "SettingsInvalid", first.message, first.hint or "check the file",
                          first.line, first.column)
    data = doc.data
    if not isinstance(data, dict):
        raise UploadError(path, "SettingsInvalid", "must be a JSON object", "write {\"environment\": ...}", 1, 1)
    return data


def resolve_target(option_environment: str | None, option_connector_id: str | None,
                   settings: list[dict], settings_file: Path) -> Target:
    """Options first, then environment variables, then the settings files in the order given."""

    def first(option: str | None, variable: str | None, key: str) -> str | None:
        candidates = [option, os.environ.get(variable) if variable else None,
                      *(layer.get(key) for layer in settings)]
        return next((str(value) for value in candidates if value), None)

    environment = first(option_environment, ENV_ENVIRONMENT, "environment")
    if not environment:
        raise UploadError(settings_file, "EnvironmentMissing", "no Power Platform environment to upload to",
                          f"pass ENVIRONMENT=<id> to make (--environment), set {ENV_ENVIRONMENT}, or put "
                          f"\"environment\" in {settings_file} (the id is in the maker portal's Session details)")
    service = {key: str(value) for key in SERVICE_KEYS if (value := first(None, None, key))}
    return Target(environment, first(option_connector_id, ENV_CONNECTOR_ID, "connectorId"), service)


def connector_files(connector_dir: Path, settings: dict) -> dict[str, str]:
    """The files paconn sends, as absolute paths (paconn resolves them against its working folder)."""
    files = {}
    for key in FILE_KEYS:
        name = settings.get(key)
        if not name:
            continue
        path = (connector_dir / name).resolve()
        if not path.is_file():
            raise UploadError(connector_dir / "settings.json", "FileMissing",
                              f"{key} names {name}, which is not in {connector_dir}",
                              "run `make build` to write the connector's files")
        files[key] = str(path)
    for key in ("apiDefinition", "apiProperties"):
        if key not in files:
            raise UploadError(connector_dir / "settings.json", "SettingsInvalid", f"names no {key} file",
                              "run `make build` to write a complete settings.json")
    return files


IN_VENV = [sys.executable, "-m", "paconn"]
SECRET_ON_STDIN = [sys.executable, "-m", "generator.paconn_secret"]


def paconn_command() -> list[str]:
    """paconn from this interpreter's environment (the project's venv), else from PATH."""
    if importlib.util.find_spec("paconn") is not None:
        return IN_VENV
    found = shutil.which("paconn")
    if found:
        return [found]
    raise UploadError("paconn", "PaconnMissing", "paconn (Microsoft's connector CLI) is not installed",
                      "install the extra: pip install -e '.[upload]' (make upload installs it)")


def require_login() -> None:
    # paconn's create/update never log in themselves; without a token they fail less clearly.
    token_file = Path.home() / ".paconn" / "accessTokens.json"
    if not token_file.is_file():
        raise UploadError(token_file, "NotLoggedIn", "not logged in to Power Platform",
                          "run `.venv/bin/paconn login` once (device code sign-in), then upload again")


def run_paconn(command: list[str], target: Target, files: dict[str, str], secret: str | None) -> tuple[int, str]:
    """Run paconn create/update in a scratch folder; its output goes straight to ours.

    Returns the exit code and the connector id (the one a create wrote back to its settings.json).
    """
    staged = {**files, "environment": target.environment, **target.service}
    if target.connector_id:
        staged["connectorId"] = target.connector_id
    arguments = [target.action, "--settings", "settings.json"]
    if target.action == "create":
        arguments.append("--overwrite-settings")  # it rewrites the staged file: no question to answer
    secret_input = None
    if secret and command == IN_VENV:  # the secret goes through a pipe, not the process list
        command, secret_input = SECRET_ON_STDIN, secret
    elif secret:  # a paconn found on PATH only takes it as an argument (see the README)
        arguments.append(f"--secret={secret}")  # one token: a secret may begin with '-'
    with tempfile.TemporaryDirectory(prefix="pacgen-upload-") as scratch:
        settings_path = Path(scratch) / "settings.json"
        settings_path.write_text(json.dumps(staged, indent=2), encoding="utf-8")
        if secret_input is None:
            completed = subprocess.run([*command, *arguments], cwd=scratch, stdin=subprocess.DEVNULL, check=False)
        else:
            completed = subprocess.run([*command, *arguments], cwd=scratch, input=secret_input.encode("utf-8"),
                                       check=False)
        written = read_settings(settings_path, required=False) if completed.returncode == 0 else {}
    return completed.returncode, str(written.get("connectorId") or target.connector_id or "")


def remember(settings_file: Path, environment: str, connector_id: str) -> None:
    """Record a created connector's id (and its environment) so the next upload updates it."""
    data = read_settings(settings_file, required=False)
    data.update(environment=environment, connectorId=connector_id)
    content = (json.dumps(data, indent=4, ensure_ascii=True) + "\n").encode()
    write_atomically(settings_file.parent, [(settings_file.name, content)])


@click.command()
@click.argument("connector_dir", default="connector",
                type=click.Path(file_okay=False, path_type=Path))
@click.option("--environment", help=f"Power Platform environment id (else ${ENV_ENVIRONMENT}, else settings).")
@click.option("--connector-id", help=f"Existing connector to update (else ${ENV_CONNECTOR_ID}, else settings); "
              "none: create one.")
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path),
              default=UPLOAD_SETTINGS, show_default=True,
              help="paconn-style settings with environment, connectorId, powerAppsUrl...; a create records "
                   "the new connector id here.")
@click.option("--secret", envvar="PACGEN_CLIENT_SECRET", help="OAuth2 client secret (create of an OAuth "
              "connector; else $PACGEN_CLIENT_SECRET).")
def upload(connector_dir: Path, environment, connector_id, settings_file: Path, secret) -> None:
    """Create or update CONNECTOR_DIR's connector in Power Platform with paconn (run `make build` first)."""
    try:
        connector_settings = read_settings(connector_dir / "settings.json", required=True)
        files = connector_files(connector_dir, connector_settings)
        target = resolve_target(environment, connector_id,
                                [read_settings(settings_file, required=False), connector_settings],
                                settings_file)
        command = paconn_command()
        require_login()
    except UploadError as exc:
        emit([exc.finding], "text", stream=sys.stderr)
        sys.exit(EXIT_UNUSABLE)
    click.echo(f"paconn {target.action}: {connector_dir} → environment {target.environment}"
               + (f", connector {target.connector_id}" if target.connector_id else ""), err=True)
    code, final_id = run_paconn(command, target, files, secret)
    if code != 0:
        click.echo(f"upload failed: paconn {target.action} exited with {code} (its message is above); "
                   "nothing was recorded", err=True)
        sys.exit(EXIT_FAILED)
    if target.action == "create" and not final_id:
        click.echo("paconn reported success but wrote no connector id; nothing was recorded", err=True)
        sys.exit(EXIT_FAILED)
    if target.action == "create":
        remember(settings_file, target.environment, final_id)
        click.echo(f"created connector {final_id}; recorded in {settings_file}, so the next upload updates it",
                   err=True)
    else:
        click.echo(f"updated connector {final_id}", err=True)
