"""Many connectors in one repository: the project configuration, a build that owns its folder,
and no silent typos (issue 13), through the CLI and through make."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.project import ProjectError, find_project, load_project

ROOT = Path(__file__).resolve().parents[1]
CLICKSEND = ROOT / "spec" / "clicksend.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"

PYPROJECT = """\
[project]
name = "my-connectors"

[tool.pacgen]
specs = ["spec/*.yaml"]

[[tool.pacgen.connectors]]
name = "clicksend"
spec = "spec/clicksend.yaml"
out = "connector"
docs = "spec/clicksend.docs.json"
"""


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A repository with three specs: ClickSend (its own folder), the test fixture and one more."""
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    shutil.copy(CLICKSEND, root / "spec" / "clicksend.yaml")
    shutil.copy(CLICKSEND.with_suffix(".docs.json"), root / "spec" / "clicksend.docs.json")
    shutil.copy(MINI, root / "spec" / "mini.yaml")
    (root / "spec" / "other.yaml").write_text(
        MINI.read_text("utf-8").replace("title: Mini", "title: Other"), "utf-8")
    (root / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    monkeypatch.chdir(root)
    return root


def pacgen(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- the configuration ----------------------------------------------------------------------------


def test_connectors_come_from_the_configuration(repo):
    project = find_project(repo / "spec")  # found walking up
    assert [(c.name, c.out.relative_to(repo).as_posix()) for c in project.connectors] == [
        ("clicksend", "connector"), ("mini", "connectors/mini"), ("other", "connectors/other")]
    assert project.connector("clicksend").docs == repo / "spec" / "clicksend.docs.json"
    listed = pacgen("connectors")
    assert listed.exit_code == 0
    assert "clicksend  spec/clicksend.yaml → connector  (docs: spec/clicksend.docs.json)" in listed.output
    assert "other      spec/other.yaml → connectors/other" in listed.output


def test_pacgen_toml_wins_over_pyproject_in_the_same_folder(repo):
    (repo / "pacgen.toml").write_text('specs = ["spec/mini.yaml"]\n', "utf-8")
    assert [c.name for c in find_project(repo).connectors] == ["mini"]


@pytest.mark.parametrize(("text", "where", "words"), [
    ('specs = ["spec/*.yaml"\nselect = [1]\n', ":2:1:", "not valid TOML"),
    ('specs = ["spec/*.yaml"]\nselcet = ["OperationId*"]\n', ":2:1:", "did you mean `select`?"),
    ('[[connectors]]\nspec = "spec/mini.yaml"\nouts = "x"\n', ":3:1:", "did you mean `out`?"),
    ('[severity]\nOperationIdNotPascalCase = "fatal"\n', ":2:1:", "not one of error, warning, info"),
    ('[[connectors]]\nspec = "spec/mini.yaml"\nout = "same"\n[[connectors]]\nspec = "spec/other.yaml"\n'
     'out = "same"\n', ":1:3:", "share the output folder"),
])
def test_a_bad_configuration_is_located_and_exits_2(repo, text, where, words):
    (repo / "pacgen.toml").write_text(text, "utf-8")
    with pytest.raises(ProjectError) as caught:
        load_project(repo / "pacgen.toml")
    assert words in caught.value.finding.message + caught.value.finding.hint
    for command in (["build"], ["validate"], ["connectors"]):
        result = pacgen(*command)
        assert result.exit_code == 2, result.output
        assert f"pacgen.toml{where} error ConfigInvalid" in result.output
        assert "Traceback" not in result.output


# -- many connectors, one command --------------------------------------------------------------------


def test_build_check_and_validate_every_connector(repo):
    built = pacgen("build")
    assert built.exit_code == 0, built.output
    assert "built 3 of 3 connector(s)" in built.output
    for folder in ("connector", "connectors/mini", "connectors/other"):
        assert {"apiDefinition.swagger.json", "apiProperties.json", "reference.md", ".pacgen-build.json"} <= set(
            files_in(repo / folder))
    assert "Other" in (repo / "connectors/other/apiDefinition.swagger.json").read_text("utf-8")
    assert pacgen("build", "--check").exit_code == 0
    one = pacgen("validate", "--connector", "clicksend", "--format", "json")
    assert one.exit_code == 0, one.output
    summary = json.loads(one.output)["summary"]
    assert summary["connectors"] == 1 and summary["operations matched"] == 15  # docs tables compared
    every = pacgen("validate", "--format", "json")
    assert json.loads(every.output)["summary"]["connectors"] == 3
    assert every.exit_code == 1  # the mini fixture has errors (no brandColor, ...)


def test_one_connector_by_name_and_a_typo_in_the_name(repo):
    assert pacgen("build", "-c", "other").exit_code == 0
    assert (repo / "connectors/other").is_dir() and not (repo / "connectors/mini").exists()
    typo = pacgen("build", "-c", "clicksnd")
    assert typo.exit_code == 2 and "did you mean clicksend?" in typo.output


def test_one_bad_connector_among_many_is_reported_and_the_others_still_build(repo):
    (repo / "spec" / "mini.yaml").write_text("info: [unclosed\n", "utf-8")
    result = pacgen("build")
    assert result.exit_code == 1
    assert "spec/mini.yaml:" in result.output and "built 2 of 3 connector(s)" in result.output
    assert (repo / "connectors/other/apiDefinition.swagger.json").is_file()


def test_no_default_output_folder_for_a_spec_outside_the_project(repo, tmp_path):
    stray = tmp_path / "stray.yaml"
    shutil.copy(MINI, stray)
    result = pacgen("build", stray)
    assert result.exit_code == 2 and "has no output folder" in result.output and "-o DIR" in result.output
    assert not (repo / "connector").exists()
    empty = pacgen("build", stray, "-o", "")
    assert empty.exit_code == 2 and "-o/--output is empty" in empty.output
    assert sorted(p.name for p in repo.iterdir()) == ["pyproject.toml", "spec"]


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    stamp = repo / ".stamp"
    stamp.touch()  # newer than pyproject.toml: make installs nothing
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CONNECTOR")}
    return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), *args, f"STAMP={stamp}",
                           f"BIN={Path(sys.executable).parent}", "COMPILE=true", "LINT_PATHS="],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_make_targets_work_on_all_connectors_or_one(repo):
    built = make(repo, "build")
    assert built.returncode == 0, built.stderr
    assert {"connector", "connectors"} <= {p.name for p in repo.iterdir()}
    assert make(repo, "check").returncode == 0
    one = make(repo, "validate", "CONNECTOR=clicksend")
    assert one.returncode == 0, one.stdout + one.stderr
    assert "1 connector(s): 0 error(s)" in one.stdout
    (repo / "spec" / "other.yaml").write_text(
        (repo / "spec" / "other.yaml").read_text("utf-8").replace("title: Other", "title: Renamed"), "utf-8")
    stale = make(repo, "check")
    assert stale.returncode != 0 and "connectors/other/apiDefinition.swagger.json (on disk)" in stale.stdout
    only_clicksend = make(repo, "check", "CONNECTOR=clicksend")
    assert only_clicksend.returncode == 0, only_clicksend.stderr


def test_make_validate_a_spec_without_a_docs_page(repo, tmp_path):
    spec = repo / "spec" / "other.yaml"
    result = make(repo, "validate", f"SPEC={spec}", f"OUT={tmp_path / 'none'}")
    assert "--docs" not in result.stderr and "does not exist" not in result.stderr
    assert "1 connector(s)" in result.stdout and "InputUnreadable" not in result.stdout


# -- the build owns its folder -----------------------------------------------------------------------


def build_clicksend(repo: Path, *extra: str):
    return pacgen("build", "spec/clicksend.yaml", *extra)


def test_removing_suppress_and_readme_removes_their_files(repo):
    assert build_clicksend(repo).exit_code == 0
    assert {".pacgen.yaml", "readme.md"} <= set(files_in(repo / "connector"))
    spec = repo / "spec" / "clicksend.yaml"
    text = spec.read_text("utf-8")
    text = re.sub(r"\nsuppress:\n(  .*\n|    .*\n)+", "\n", text)
    text = re.sub(r"\nreadme:\n(  .*\n|    .*\n|\n)+?(?=\S)", "\n", text)
    spec.write_text(text, "utf-8")
    stale = build_clicksend(repo, "--check")
    assert stale.exit_code == 1
    assert "connector/.pacgen.yaml is stale" in stale.output and "connector/readme.md is stale" in stale.output
    rebuilt = build_clicksend(repo)
    assert rebuilt.exit_code == 0
    assert "removed connector/.pacgen.yaml (no longer produced)" in rebuilt.output
    assert ".pacgen.yaml" not in files_in(repo / "connector") and "readme.md" not in files_in(repo / "connector")
    assert build_clicksend(repo, "--check").exit_code == 0
    folder = pacgen("validate", "connector", "--format", "json")
    assert json.loads(folder.output)["summary"].get("suppressed", 0) == 0  # the old suppressions are gone
    assert json.loads(folder.output)["summary"]["warnings"] > 0


def test_check_reports_missing_extra_and_changed_files(repo):
    assert build_clicksend(repo).exit_code == 0
    folder = repo / "connector"
    (folder / "settings.json").unlink()
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / "apiProperties.json").write_text("{}", "utf-8")
    result = build_clicksend(repo, "--check")
    assert result.exit_code == 1
    assert "connector/settings.json is missing" in result.output
    assert "connector/notes.txt was not written by pacgen build" in result.output
    assert "connector/apiProperties.json (on disk)" in result.output


def test_a_folder_with_foreign_files_is_refused_unless_forced(repo):
    folder = repo / "connector"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    refused = build_clicksend(repo)
    assert refused.exit_code == 2
    assert "holds files pacgen build did not write: notes.txt" in refused.output and "--force" in refused.output
    assert files_in(folder) == ["notes.txt"]
    forced = build_clicksend(repo, "--force")
    assert forced.exit_code == 0
    assert (folder / "notes.txt").read_text("utf-8") == "mine"
    assert json.loads((folder / ".pacgen-build.json").read_text("utf-8"))["spec"] == "../spec/clicksend.yaml"
    # a later build removes its own stale files and still never touches notes.txt
    assert build_clicksend(repo, "--force").exit_code == 0 and (folder / "notes.txt").exists()


def test_another_connector_s_folder_is_refused(repo):
    assert build_clicksend(repo).exit_code == 0
    before = {p.name: p.read_bytes() for p in (repo / "connector").iterdir()}
    result = pacgen("build", "spec/other.yaml", "-o", "connector")
    assert result.exit_code == 2
    assert "holds the build of another spec (../spec/clicksend.yaml)" in result.output
    assert {p.name: p.read_bytes() for p in (repo / "connector").iterdir()} == before


def test_a_rebuild_switches_the_whole_folder_at_once(repo):
    assert build_clicksend(repo).exit_code == 0
    folder = repo / "connector"
    (folder / ".gitkeep").write_text("", "utf-8")
    inode = folder.stat().st_ino
    assert build_clicksend(repo).exit_code == 0
    assert folder.stat().st_ino != inode  # a new folder took the old one's place
    assert ".gitkeep" in files_in(folder)  # harmless files come along
    assert sorted(p.name for p in repo.iterdir()) == ["connector", "pyproject.toml", "spec"]  # no leftovers


def test_an_output_file_that_is_a_directory(repo):
    folder = repo / "connector"
    assert build_clicksend(repo).exit_code == 0
    (folder / "settings.json").unlink()
    (folder / "settings.json").mkdir()
    before = sorted(p.name for p in folder.iterdir())
    swagger = (folder / "apiDefinition.swagger.json").read_bytes()
    result = build_clicksend(repo, "--force")
    assert result.exit_code == 2 and "settings.json is not a regular file; nothing was changed" in result.output
    assert sorted(p.name for p in folder.iterdir()) == before
    assert (folder / "apiDefinition.swagger.json").read_bytes() == swagger
    check = build_clicksend(repo, "--check")
    assert check.exit_code == 1 and "connector/settings.json is not a regular file" in check.output


def test_symlinks_as_the_output_folder(repo, tmp_path):
    dangling = repo / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    result = pacgen("build", "spec/clicksend.yaml", "-o", dangling)
    assert result.exit_code == 2 and "does not exist" in result.output and "File exists" not in result.output
    assert not (tmp_path / "nowhere").exists()
    real = tmp_path / "real"
    link = repo / "link"
    link.symlink_to(real, target_is_directory=True)
    real.mkdir()
    assert pacgen("build", "spec/clicksend.yaml", "-o", link).exit_code == 0
    assert link.is_symlink() and (real / "apiDefinition.swagger.json").is_file()
    assert pacgen("build", "spec/clicksend.yaml", "-o", link, "--check").exit_code == 0


def test_a_spec_building_an_invalid_swagger_writes_nothing(repo):
    spec = repo / "spec" / "other.yaml"
    text = spec.read_text("utf-8").replace("get: /things/{thing_id}", "get: /things").replace(
        "{name: thing_id, in: path, required: true,", "{name: thing_id, required: true,")
    spec.write_text(text, "utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "name: thing_id" in row)
    result = pacgen("build", "-c", "other")
    assert result.exit_code == 2
    assert f"spec/other.yaml:{line}:" in result.output and "OpenApiInvalid: 'in' is a required property" in result.output
    assert not (repo / "connectors").exists()


# -- no silent typos ---------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(repo, option):
    result = pacgen("validate", "spec/other.yaml", option, "OperationIdNotPascalCas")
    assert result.exit_code == 2
    assert "unknown code 'OperationIdNotPascalCas'; did you mean OperationIdNotPascalCase" in result.output
    assert pacgen("validate", "spec/other.yaml", option, "OperationId*").exit_code in (0, 1)  # a glob that matches
    assert pacgen("validate", "spec/other.yaml", option, "Nothing*").exit_code == 2


def test_an_unknown_code_in_the_configuration_is_located(repo):
    with (repo / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write('\n[tool.pacgen.severity]\nOperationIdNotPascalCas = "info"\n')
    result = pacgen("validate", "spec/other.yaml")
    assert result.exit_code == 2
    line = (repo / "pyproject.toml").read_text("utf-8").splitlines().index('OperationIdNotPascalCas = "info"') + 1
    assert f"pyproject.toml:{line}:1: error ConfigInvalid" in result.output
    assert "did you mean OperationIdNotPascalCase" in result.output


def test_configured_severity_and_per_path_ignores_apply(repo):
    # OperationIdNotPascalCase is opt-in: --select '*' turns it on
    baseline = json.loads(pacgen("validate", "spec/other.yaml", "--format", "json", "--select", "*").output)
    codes = {f["code"]: f["severity"] for f in baseline["findings"]}
    assert codes["OperationIdNotPascalCase"] == "warning" and "ValueMustBeInEnglish" in codes
    with (repo / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write('\n[tool.pacgen.severity]\nOperationIdNotPascalCase = "error"\n'
                     '\n[tool.pacgen.per-path-ignores]\n"spec/other.yaml" = ["ValueMustBeInEnglish"]\n')
    adjusted = json.loads(pacgen("validate", "spec/other.yaml", "--format", "json", "--select", "*").output)
    codes = {f["code"]: f["severity"] for f in adjusted["findings"]}
    assert codes["OperationIdNotPascalCase"] == "error" and "ValueMustBeInEnglish" not in codes
    assert "ValueMustBeInEnglish" in {f["code"] for f in json.loads(
        pacgen("validate", "spec/mini.yaml", "--format", "json").output)["findings"]}


def suppress(spec: Path, entries: str) -> list[str]:
    text = spec.read_text("utf-8") + f"suppress:\n{entries}"
    spec.write_text(text, "utf-8")
    return text.splitlines()


def test_a_misspelt_suppression_is_a_located_usage_error(repo):
    lines = suppress(repo / "spec" / "other.yaml", "  - {code: OperationIdNotPascalCas, reason: fixed ids}\n")
    result = pacgen("validate", "spec/other.yaml")
    assert result.exit_code == 2 and "1 connector(s)" in result.output
    line = len(lines)
    assert f"spec/other.yaml:{line}:12: error SuppressionUnknownCode" in result.output
    assert "did you mean OperationIdNotPascalCase" in result.output


def test_a_suppression_that_matches_nothing_is_a_warning_of_its_own(repo):
    lines = suppress(repo / "spec" / "other.yaml",
                     "  - {code: OperationIdNotPascalCase, reason: fixed ids}\n"
                     "  - {code: XMsSummaryTooLong, reason: long labels}\n")
    result = pacgen("validate", "spec/other.yaml", "--format", "json")
    unused = [f for f in json.loads(result.output)["findings"] if f["code"] == "SuppressionUnused"]
    assert [(f["line"], f["severity"]) for f in unused] == [(len(lines), "warning")]
    assert "XMsSummaryTooLong" in unused[0]["message"]
    # not reported when the rule did not run
    quiet = pacgen("validate", "spec/other.yaml", "--format", "json", "--ignore", "XMsSummaryTooLong")
    assert "SuppressionUnused" not in {f["code"] for f in json.loads(quiet.output)["findings"]}
    # the built folder's .pacgen.yaml says the same, at its own line
    assert pacgen("build", "-c", "other").exit_code == 0
    folder = pacgen("validate", "connectors/other", "--format", "json")
    unused = [f for f in json.loads(folder.output)["findings"] if f["code"] == "SuppressionUnused"]
    assert len(unused) == 1 and unused[0]["file"].endswith(".pacgen.yaml") and unused[0]["line"] > 1


def test_a_suppression_for_a_stage_that_did_not_run_is_not_unused(repo):
    suppress(repo / "spec" / "other.yaml", "  - {code: TrailingWhitespace, reason: the text layout of the file}\n"
                                           "  - {code: DocsOperationMissing, reason: the page lags behind}\n")
    # TrailingWhitespace is opt-in: --select '*' turns it on
    result = pacgen("validate", "spec/other.yaml", "--format", "json", "--select", "*")  # a spec: no file text, no page
    assert "SuppressionUnused" not in {f["code"] for f in json.loads(result.output)["findings"]}
    assert pacgen("build", "-c", "other").exit_code == 0
    folder = pacgen("validate", "connectors/other", "--format", "json", "--select", "*")  # the folder's text is checked
    unused = [f["message"] for f in json.loads(folder.output)["findings"] if f["code"] == "SuppressionUnused"]
    assert unused == ["the suppression of TrailingWhitespace silenced nothing"]
    # by default the opt-in rule does not run, so its suppression is not reported as unused
    default = pacgen("validate", "connectors/other", "--format", "json")
    assert "SuppressionUnused" not in {f["code"] for f in json.loads(default.output)["findings"]}


def test_every_code_the_package_writes_is_known():
    from generator.codes import known_codes

    written = set()
    for path in (ROOT / "generator").rglob("*.py"):
        text = path.read_text("utf-8")
        written |= set(re.findall(r'(?:Finding|finding|SpecError|error|warning|_finding)\(\s*"([A-Z][A-Za-z0-9]+)"', text))
        written |= set(re.findall(r'(?:self|comparer)\.add\(\s*"([A-Z][A-Za-z0-9]+)"', text))
    assert written and written <= known_codes(), sorted(written - known_codes())


# -- findings speak the language of the file they point at -----------------------------------------


def test_a_yaml_finding_names_spec_keys():
    from generator.findings import Finding, Severity
    from generator.spec.terms import in_spec_terms

    raw = Finding("PathParameterMissingEncoding", Severity.WARNING, "path parameter 'id' has no x-ms-url-encoding",
                  hint='add "x-ms-url-encoding": "single" so the value is URL-encoded')
    spoken = in_spec_terms(raw)
    assert spoken.hint == "add urlEncoding: single so the value is URL-encoded"
    assert spoken.message == "path parameter 'id' has no urlEncoding"
    required = in_spec_terms(raw._replace(hint='set uiDefinition.constraints.required to "true" or "false"'))
    assert required.hint == "set required: true or required: false"


def test_a_rule_hint_on_a_spec_names_the_spec_key(repo):
    result = pacgen("validate", "spec/other.yaml", "--select", "ConnectorMetadataPropertiesMissing",
                    "--select", "RequiredPropertyMissing")
    assert "add privacyPolicy: ... at the spec's top level" in result.output
    assert "add brandColor: ... at the spec's top level" in result.output
    assert "x-ms-connector-metadata" not in result.output and "iconBrandColor" not in result.output
    assert pacgen("build", "-c", "other").exit_code == 0
    folder = pacgen("validate", "connectors/other", "--select", "RequiredPropertyMissing")
    assert "iconBrandColor" in folder.output  # the JSON file keeps its own names


def test_a_spec_and_its_folder_are_one_connector(repo):
    assert build_clicksend(repo).exit_code == 0
    spec_only = json.loads(pacgen("validate", "spec/clicksend.yaml", "--format", "json", "--strict").output)
    both = pacgen("validate", "connector", "spec/clicksend.yaml", "--format", "json")
    report = json.loads(both.output)
    assert report["summary"]["connectors"] == 1
    assert report["summary"].get("suppressed") == spec_only["summary"].get("suppressed")
    keys = [(f["code"], f["pointer"]) for f in report["findings"]]
    assert len(keys) == len(set(keys))
    text = pacgen("validate", "connector", "spec/other.yaml")  # not the same connector: both counted
    assert "2 connector(s)" in text.output


# -- exit codes ----------------------------------------------------------------------------------------


def test_exit_codes_for_unreadable_targets(repo, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = pacgen("validate", empty)
    assert result.exit_code == 2 and "0 connector(s)" in result.output
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"swagger": "\xff"}')
    assert pacgen("validate", bad).exit_code == 2
    assert pacgen("validate", tmp_path / "missing").exit_code == 2
    assert build_clicksend(repo).exit_code == 0
    mixed = pacgen("validate", bad, "connector")
    assert mixed.exit_code == 1 and "InvalidUtf8" in mixed.output and "1 connector(s)" in mixed.output


@pytest.mark.parametrize(("cpus", "load", "targets", "expected"), [
    (2, 0.0, 639, 1),  # the parent needs a CPU of its own: two workers were slower than one process
    (8, 0.0, 639, 7),
    (8, 6.0, 639, 2),  # CPUs other processes keep busy are not free
    (8, 0.0, 40, 1),  # too few connectors to share
    (1, 0.0, 639, 1),
])
def test_default_jobs_never_plans_more_workers_than_pay_off(monkeypatch, cpus, load, targets, expected):
    from generator.validate import pipeline

    monkeypatch.setattr(pipeline.os, "sched_getaffinity", lambda pid: set(range(cpus)), raising=False)
    monkeypatch.setattr(pipeline.os, "getloadavg", lambda: (load, load, load))
    assert pipeline.default_jobs(targets) == expected


def test_an_output_path_that_is_a_file_is_refused(repo):
    (repo / "taken").write_text("a file", "utf-8")
    result = pacgen("build", "spec/clicksend.yaml", "-o", "taken")
    assert result.exit_code == 2 and "exists and is not a folder" in result.output
    assert (repo / "taken").read_text("utf-8") == "a file"


def test_building_into_the_working_folder_writes_in_place(repo, monkeypatch):
    assert build_clicksend(repo).exit_code == 0
    folder = repo / "connector"
    monkeypatch.chdir(folder)
    inode = folder.stat().st_ino
    result = pacgen("build", repo / "spec" / "clicksend.yaml", "-o", ".")
    assert result.exit_code == 0, result.output
    assert folder.stat().st_ino == inode and Path.cwd() == folder  # the process's folder stays
    assert pacgen("build", repo / "spec" / "clicksend.yaml", "-o", ".", "--check").exit_code == 0


def test_names_on_disk_are_escaped_in_messages(repo):
    folder = repo / "connector"
    folder.mkdir()
    (folder / "evil\x1b[31m.txt").write_text("x", "utf-8")
    result = build_clicksend(repo)
    assert result.exit_code == 2 and "\x1b" not in result.output and "evil\\x1b[31m.txt" in result.output


GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def test_make_diff_over_all_changed_connectors_or_one(repo, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    assert make(repo, "build").returncode == 0
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "three connectors"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    other = repo / "spec" / "other.yaml"
    other.write_text(other.read_text("utf-8").replace("type: string, title: Thing ID}",
                                                        "type: integer, title: Thing ID}"), "utf-8")
    changed = make(repo, "diff", "BASE=HEAD")
    assert changed.returncode != 0 and "diff] Error 1" in changed.stderr, changed.stdout + changed.stderr
    assert "spec/other.yaml:" in changed.stdout and "InputTypeChanged" in changed.stdout
    assert "clicksend" not in changed.stdout  # untouched connectors are not compared
    one = make(repo, "diff", "BASE=HEAD", "CONNECTOR=clicksend")
    assert one.returncode == 0, one.stdout + one.stderr
    assert "breaking: 0" in one.stdout and "operations matched: 15" in one.stdout  # its page's tables too
    assert "diff] Error 1" in make(repo, "diff", "BASE=HEAD", "CONNECTOR=other").stderr
