"""The PR workflow and the pre-commit hooks only call make targets and pacgen commands that exist,
with options pacgen accepts and paths that are in the repository."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shlex
import subprocess
from pathlib import Path

import click
import pytest
import yaml

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
OPERATORS = {"&&", "||", ";", "|"}
REDIRECTIONS = {">", ">>", "<", "2>", "&>"}


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def commands(script: str, env: dict[str, str]) -> list[list[str]]:
    """The simple commands of a shell script, with $VARS from ``env`` and redirections dropped."""
    text = re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), m.group(0)), script.replace("\\\n", " "))
    found = []
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        current: list[str] = []
        tokens = iter(lexer)
        for token in tokens:
            if token in OPERATORS:
                found.append(current)
                current = []
            elif token in REDIRECTIONS:
                next(tokens, None)
            else:
                current.append(token)
        found.append(current)
    return [command for command in found if command]


def workflow_steps() -> list[dict]:
    return [step for job in load(WORKFLOW)["jobs"].values() for step in job["steps"]]


def workflow_commands() -> list[list[str]]:
    env = load(WORKFLOW).get("env", {})
    return [c for step in workflow_steps() if "run" in step for c in commands(step["run"], env)]


def hook_commands() -> list[list[str]]:
    return [shlex.split(hook["entry"]) + [str(a) for a in hook.get("args", [])] for hook in load(HOOKS)]


def check_pacgen(argv: list[str]) -> None:
    """Parse argv exactly as `pacgen` would (no command runs), then check its paths exist."""
    with main.make_context("pacgen", list(argv)) as group_context:
        name, *rest = argv  # no group options are used before the command
        command = main.get_command(group_context, name)
        if command is None:
            raise click.UsageError(f"no pacgen command {name!r}")
        with command.make_context(name, rest, parent=group_context) as context:
            for param in command.params:
                if not isinstance(param.type, click.Path) or context.params.get(param.name) is None:
                    continue
                values = context.params[param.name]
                for value in values if isinstance(values, tuple) else (values,):
                    if param.name != "settings_file":
                        assert (ROOT / value).exists(), f"{' '.join(argv)}: {value} is not in the repository"


def check_make(targets: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    dry_run = subprocess.run(["make", "-n", *targets], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60)
    assert dry_run.returncode == 0, dry_run.stderr


def run_checks(all_commands: list[list[str]]) -> int:
    checked = 0
    for command in all_commands:
        program = Path(command[0]).name
        if program == "make":
            check_make([t for t in command[1:] if not t.startswith("-") and "=" not in t])
        elif program == "pacgen":
            check_pacgen(command[1:])
        elif program != "test":
            pytest.fail(f"unexpected command {command}: teach this test what it is")
        checked += program != "test"
    return checked


def test_workflow_calls_existing_targets_and_commands(monkeypatch):
    monkeypatch.chdir(ROOT)
    # make install, make check, two validations, and on pull requests: new findings, breaking changes
    assert run_checks(workflow_commands()) == 6


def test_hooks_call_existing_commands(monkeypatch):
    monkeypatch.chdir(ROOT)
    scripts = {entry.name for entry in importlib.metadata.entry_points(group="console_scripts")}
    hooks = load(HOOKS)
    assert {hook["id"] for hook in hooks} == {"pacgen-build-check", "pacgen-validate"}
    for hook in hooks:
        assert hook["language"] == "python" and shlex.split(hook["entry"])[0] in scripts
        assert hook["pass_filenames"] is False  # the args name whole connectors, not changed files
    assert run_checks(hook_commands()) == 2
    assert "--check" in hook_commands()[0]


def test_workflow_runs_on_pull_requests_and_reports_both_ways():
    workflow = load(WORKFLOW)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"]["security-events"] == "write"
    pacgen_runs = [c for c in workflow_commands() if Path(c[0]).name == "pacgen"]
    formats = [c[c.index("--format") + 1] for c in pacgen_runs]
    assert formats == ["sarif", "github", "github", "github"]
    sarif_step = next(s for s in workflow_steps() if "--format sarif" in s.get("run", ""))
    written = re.search(r">\s*(\S+)", sarif_step["run"]).group(1)
    upload = next(s for s in workflow_steps() if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == written
    assert "always()" in upload["if"]  # findings fail a step, yet must still reach code scanning


def test_pull_requests_check_changed_connectors_new_findings_and_breaking_changes():
    steps = [s for s in workflow_steps() if "pull_request" in s.get("if", "") and "run" in s]
    runs = [commands(s["run"], {"BASE_REF": "main"})[0][1:] for s in steps]
    assert ["validate", "--changed", "origin/main", "--new-since", "origin/main", "--format", "github"] in runs
    assert ["diff", "--changed", "origin/main", "--format", "github"] in runs
    whole = next(s for s in workflow_steps() if s.get("name", "").startswith("Validate (annotations"))
    assert whole["if"] == "github.event_name != 'pull_request'"  # old debts do not fail a PR
    checkout = next(s for s in workflow_steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch must be there for git


def test_command_splitting_sees_every_command():
    script = 'make install && .venv/bin/pacgen validate "$OUT" > out.sarif || test $? -eq 1\nmake check'
    assert commands(script, {"OUT": "connector"}) == [
        ["make", "install"], [".venv/bin/pacgen", "validate", "connector"], ["test", "$?", "-eq", "1"],
        ["make", "check"]]


def test_a_missing_target_or_option_is_caught(monkeypatch):
    monkeypatch.chdir(ROOT)
    with pytest.raises(AssertionError):
        check_make(["no-such-target"])
    with pytest.raises(click.UsageError):
        check_pacgen(["validate", "connector", "--format", "xml"])
    with pytest.raises(click.UsageError):
        check_pacgen(["no-such-command"])
