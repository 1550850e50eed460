"""connector/readme.md: rendered from the spec's `readme:` block in the sections of Microsoft's
certification template, and checked (ReadmeSectionMissing) whenever a connector folder has one."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.build import build_artifacts
from generator.cli import main
from generator.pipeline import load_connector
from generator.spec.loader import SpecError
from generator.validate.file_rule import load_file_rules
from generator.validate.pipeline import Selection, validate
from generator.validate.rules.file_text.readme_section_missing import REQUIRED_SECTIONS

ROOT = Path(__file__).resolve().parents[1]
RULE = load_file_rules()["ReadmeSectionMissing"]
PROSE = {"prerequisites": "A Mini account.", "obtainingCredentials": "Ask Mini support for a user.",
         "knownIssues": "- None known.\n- Really none.", "deploymentInstructions": "Run `make build`."}


def _spec_with_readme(tmp_path: Path, readme: dict | None, **extra) -> Path:
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "mini.yaml").read_text("utf-8"))
    if readme is not None:
        data["readme"] = readme
    data.update(extra)
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def _readme(artifacts) -> str:
    return next(a.content for a in artifacts if a.name == "readme.md").decode("utf-8")


def test_examples():
    examples = RULE.examples()
    assert examples["passing"] and examples["failing"]
    for text in examples["passing"]:
        assert not list(RULE().check(text))
    for text in examples["failing"]:
        assert list(RULE().check(text))


def test_rendered_readme_has_every_required_section_and_passes_the_check(tmp_path):
    text = _readme(build_artifacts(_spec_with_readme(tmp_path, PROSE)))
    assert text.startswith("# Mini\n\nA mini \"connector\" with {{ braces }} and {% tags %}")
    assert "## Publisher: Contoso\n" in text  # the top-level publisher by default
    assert "- **Get Thing**" in text  # the operations list comes from the model
    assert "- None known.\n- Really none." in text
    assert "## Getting Started" not in text and "## Frequently Asked Questions" not in text
    assert not list(RULE().check(text))
    assert text.endswith("Run `make build`.\n") and "\n\n\n" not in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_optional_sections_and_publisher_override(tmp_path):
    readme = dict(PROSE, publisher="Jane Doe", gettingStarted="Create a flow.",
                  faq=[{"question": "Is it free?", "answer": "Yes."}])
    text = _readme(build_artifacts(_spec_with_readme(tmp_path, readme)))
    assert "## Publisher: Jane Doe\n" in text
    assert "## Getting Started\n\nCreate a flow.\n" in text
    assert "## Frequently Asked Questions\n\n### Is it free?\n\nYes.\n" in text
    assert text.index("## Known Issues") < text.index("## Frequently") < text.index("## Deployment")


def test_rendering_is_deterministic(tmp_path):
    spec = _spec_with_readme(tmp_path, PROSE)
    assert _readme(build_artifacts(spec)) == _readme(build_artifacts(spec))


def test_no_readme_block_no_readme(tmp_path):
    assert "readme.md" not in {a.name for a in build_artifacts(_spec_with_readme(tmp_path, None))}


def test_readme_block_missing_a_required_field_is_a_located_spec_error(tmp_path):
    prose = {k: v for k, v in PROSE.items() if k != "knownIssues"}
    with pytest.raises(SpecError) as caught:
        build_artifacts(_spec_with_readme(tmp_path, prose))
    finding = caught.value.findings[0]
    assert finding.line > 0 and "knownIssues" in finding.message


def test_a_missing_section_is_reported_where_it_belongs():
    text = ("# Contoso\n\nIntro.\n\n## Publisher: Contoso Ltd\n\n## Prerequisites\n\nNone.\n\n"
            "## Supported Operations\n\n- Send\n\n## Known Issues and Limitations\n\nNone.\n\n"
            "## Deployment Instructions\n\nUpload it.\n")
    problems = list(RULE().check(text))
    assert len(problems) == 1 and "'Obtaining Credentials'" in problems[0].message
    # Placed at the section it must come before.
    assert text[problems[0].offset:].startswith("## Known Issues")


def test_headings_inside_code_blocks_do_not_count():
    text = "# C\n```\n## Publisher: X\n```\n" + "".join(f"## {s}\n" for s in REQUIRED_SECTIONS[1:])
    problems = list(RULE().check(text))
    assert [p.message.split("'")[1] for p in problems] == ["Publisher"]


def test_heading_forms_that_count():
    text = ("# C\n### publisher - Contoso\n## PREREQUISITES ##\n## Supported operations\n"
            "## Obtaining credentials\n## Known issues & limitations\n## Deployment instructions\n")
    assert not list(RULE().check(text))


def test_folder_readme_missing_a_section_gives_a_finding_with_line(tmp_path):
    artifacts = build_artifacts(_spec_with_readme(tmp_path, PROSE))
    folder = tmp_path / "connector"
    folder.mkdir()
    for artifact in artifacts:
        (folder / artifact.name).write_bytes(artifact.content)
    assert not [f for f in validate(load_connector(folder)).findings if f.code == "ReadmeSectionMissing"]
    text = (folder / "readme.md").read_text("utf-8").replace("## Prerequisites", "## Requirements")
    (folder / "readme.md").write_text(text, "utf-8")
    found = [f for f in validate(load_connector(folder)).findings if f.code == "ReadmeSectionMissing"]
    assert len(found) == 1
    assert found[0].file.endswith("readme.md")
    assert text.splitlines()[found[0].line - 1] == "## Supported Operations" and found[0].column == 1


def test_clicksend_readme_is_built_and_passes(tmp_path):
    artifacts = build_artifacts(ROOT / "spec" / "clicksend.yaml")
    text = _readme(artifacts)
    assert "## Publisher: Sinch Sweden AB" in text and "**Send SMS**" in text
    assert "### Triggers\n\n- **SMS Inbound Automation**" in text
    assert not list(RULE().check(text))
    assert (ROOT / "connector" / "readme.md").read_text("utf-8") == text, "run make build"


def test_build_writes_the_readme_and_suppressions(tmp_path):
    spec = _spec_with_readme(tmp_path, PROSE, suppress=[{"code": "OperationIdNotPascalCase",
                                                         "reason": "ids are fixed"}])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "readme.md").is_file()
    assert yaml.safe_load((out / ".pacgen.yaml").read_text("utf-8"))["suppress"][0]["code"] == \
        "OperationIdNotPascalCase"
    outcome = validate(load_connector(out), Selection(select=("*",)))  # the rule is opt-in
    assert not [f for f in outcome.findings if f.code == "OperationIdNotPascalCase"]
    assert outcome.suppressed >= 1
