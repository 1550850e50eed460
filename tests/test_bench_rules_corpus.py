"""bench/rules_corpus.py --show CODE runs that rule alone and lists its findings (it used to run
every rule and print all their counts)."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "rules_corpus.py"


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "certified-connectors" / "Long"
    folder.mkdir(parents=True)
    swagger = {"swagger": "2.0", "info": {"title": "A", "version": "1"},  # no metadata: other rules fire
               "paths": {"/a": {"get": {"operationId": "A" * 90, "responses": {"200": {"description": "OK"}}}}}}
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger), "utf-8")
    return tmp_path / "corpus"


def test_show_runs_only_the_shown_rule(tmp_path):
    result = run("--show", "OperationIdTooLong", "--corpus", corpus(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Long: /paths/~1a/get/operationId: ")
    assert lines[1].startswith("1 connectors, 1 rules")
    assert [line.split()[3] for line in lines[2:]] == ["OperationIdTooLong"]  # count, share, severity, code


def test_show_with_prefixes_runs_those_too(tmp_path):
    result = run("Connector", "--show", "OperationIdTooLong", "--corpus", corpus(tmp_path))
    assert "1 connectors, 2 rules" in result.stdout
    assert "ConnectorMetadataPropertiesMissing" in result.stdout


def test_show_of_an_unknown_code_is_refused_with_a_guess(tmp_path):
    result = run("--show", "OperationIdTooLng", "--corpus", corpus(tmp_path))
    assert result.returncode == 1 and "did you mean OperationIdTooLong" in result.stderr
