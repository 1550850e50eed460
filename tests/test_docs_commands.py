"""``pacgen docs check | extract | render`` through click."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED

from generator.docs import from_json, read_page
from generator.docs.commands import docs

MINI = Path(__file__).parent / "fixtures" / "docs" / "mini"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def connector(tmp_path: Path) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    return folder


def _render(runner: CliRunner, connector: Path, out: Path) -> Path:
    result = runner.invoke(docs, ["render", str(connector), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / "reference.md"


def test_render_then_check_is_clean(runner: CliRunner, connector: Path, tmp_path: Path) -> None:
    page = _render(runner, connector, tmp_path / "out")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Mini SMS\n\nA small hand-made connector for the docs tests.\n")
    assert len(read_page(text).operations) == 4
    result = runner.invoke(docs, ["check", str(connector), str(page)])
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output and "operations matched: 4" in result.output


def test_render_to_stdout(runner: CliRunner, connector: Path) -> None:
    result = runner.invoke(docs, ["render", str(connector / "apiDefinition.swagger.json")])
    assert result.exit_code == 0
    assert "### Send Message" in result.output and "## Creating a connection" not in result.output


def test_check_reports_located_findings(runner: CliRunner, connector: Path, tmp_path: Path) -> None:
    page = _render(runner, connector, tmp_path / "out")
    swagger_path = connector / "apiDefinition.swagger.json"
    swagger = json.loads(swagger_path.read_text(encoding="utf-8"))
    swagger["definitions"]["Message"]["properties"]["schedule"]["format"] = "date"
    swagger_path.write_text(json.dumps(swagger, indent=2), encoding="utf-8")
    props_path = connector / "apiProperties.json"
    props = json.loads(props_path.read_text(encoding="utf-8"))
    del props["properties"]["connectionParameters"]["region"]
    props_path.write_text(json.dumps(props, indent=2), encoding="utf-8")

    result = runner.invoke(docs, ["check", str(connector), str(page), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    findings = {f["code"]: f for f in report["findings"]}
    assert set(findings) == {"DocsParameterTypeMismatch", "DocsConnectionParameterMissing"}
    typed = findings["DocsParameterTypeMismatch"]
    assert typed["file"].endswith("apiDefinition.swagger.json") and typed["line"] > 1
    lines = swagger_path.read_text(encoding="utf-8").splitlines()
    assert '"schedule"' in lines[typed["line"] - 1]
    assert findings["DocsConnectionParameterMissing"]["file"].endswith("apiProperties.json")
    assert report["summary"]["operations matched"] == 4


def test_extract_writes_json_and_check_accepts_it(runner: CliRunner, connector: Path, tmp_path: Path) -> None:
    page = _render(runner, connector, tmp_path / "out")
    facts = tmp_path / "facts" / "mini.json"
    result = runner.invoke(docs, ["extract", str(page), "-o", str(facts)])
    assert result.exit_code == 0
    assert "4 operation(s) (3 action(s), 1 trigger(s))" in result.output
    assert from_json(facts.read_text(encoding="utf-8")) == read_page(page.read_text(encoding="utf-8"))
    assert runner.invoke(docs, ["check", str(connector), str(facts)]).exit_code == 0
    printed = runner.invoke(docs, ["extract", str(page)])
    assert printed.exit_code == 0 and printed.stdout == facts.read_text(encoding="utf-8")


@pytest.mark.shared(SEED)
def test_extract_the_seed(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(docs, ["extract", str(SEED), "-o", str(tmp_path / "seed.json")])
    assert result.exit_code == 0
    assert "15 operation(s) (14 action(s), 1 trigger(s)), 67 parameter row(s), 308 return row(s), " \
           "2 connection parameter(s), 1 throttling limit(s)" in result.output


def test_unusable_inputs_exit_2(runner: CliRunner, connector: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert runner.invoke(docs, ["check", str(connector), str(bad)]).exit_code == 2
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "something else"}', encoding="utf-8")
    assert runner.invoke(docs, ["extract", str(wrong)]).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    page = _render(runner, connector, tmp_path / "out")
    assert runner.invoke(docs, ["check", str(empty), str(page)]).exit_code == 2


PROJECT = Path(__file__).resolve().parents[1]


@pytest.mark.shared(SEED)
@pytest.mark.parametrize("target", ["spec/clicksend.yaml", "connector"])
def test_project_clicksend_connector_matches_the_seed(target: str) -> None:
    from generator.docs.check import check_against_page
    from generator.pipeline import load_connector

    checked = check_against_page(load_connector(PROJECT / target), SEED)
    assert [(f.code, f.message) for f in checked.findings] == []
    assert checked.stats == {"operations matched": 15, "parameter rows": 67, "return rows": 308}


def test_check_against_page_reports_an_unreadable_page(connector: Path, tmp_path: Path) -> None:
    from generator.docs.check import check_against_page
    from generator.pipeline import load_connector

    checked = check_against_page(load_connector(connector), tmp_path / "missing.md")
    assert [f.code for f in checked.findings] == ["DocsPageUnreadable"]
