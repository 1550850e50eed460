"""Hostile and broken input (issue 11): each reproducer gives a located finding or a clear
message and the documented exit code — never a traceback, a hang or gigabytes of memory."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import limits
from generator.cli import main

SPEC = """\
info: {title: Mini, description: Mini connector., version: "1.0"}
host: api.example.com
operations:
  - id: get_thing
    get: /things/{thing_id}
    parameters:
      - {name: thing_id, in: path, required: true, type: string}
    responses:
      200: {description: OK, schema: {$ref: '#/definitions/Thing'}}
definitions:
  Thing: {type: object, properties: {kind: {type: string, enum: [{value: a, title: Alpha}]}}}
"""

SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Contoso", "description": "Contoso sends text messages.", "version": "1.0"},
    "host": "api.contoso.com", "basePath": "/", "schemes": ["https"],
    "paths": {"/a": {"get": {"summary": "Get A", "responses": {"200": {"description": "OK"}}}}},
}


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def build_spec(tmp_path, text):
    spec = tmp_path / "connector.yaml"
    spec.write_text(text, encoding="utf-8")
    return invoke("build", spec, "-o", tmp_path / "out"), spec


def alias_bomb(levels=7, width=9):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


# (name, spec text, code, line, column)
BROKEN_SPECS = [
    ("!!int abc", SPEC.replace('version: "1.0"', "version: !!int abc"), "YamlValueInvalid", 1, 60),
    ('!!int ""', SPEC.replace('version: "1.0"', 'version: !!int ""'), "YamlValueInvalid", 1, 60),
    ("!!int 0x_", SPEC.replace('version: "1.0"', "version: !!int 0x_"), "YamlValueInvalid", 1, 60),
    ("!!bool maybe", SPEC.replace('version: "1.0"', "version: !!bool maybe"), "YamlValueInvalid", 1, 60),
    ('!!bool ""', SPEC.replace('version: "1.0"', 'version: !!bool ""'), "YamlValueInvalid", 1, 60),
    ("!!float abc", SPEC.replace('version: "1.0"', "version: !!float abc"), "YamlValueInvalid", 1, 60),
    ("5,000 digits", SPEC.replace("host:", "x-n: " + "9" * 5000 + "\nhost:"), "NumberTooLong", 2, 6),
    (".inf in x-", SPEC.replace("host:", "x-n: .inf\nhost:"), "YamlValueInvalid", 2, 6),
    (".nan in x-", SPEC.replace("host:", "x-n: .nan\nhost:"), "YamlValueInvalid", 2, 6),
    ("control character", SPEC.replace("Mini connector.", "Mini\x01 connector."), "YamlSyntaxError", 1, 38),
    ("600 deep flow", SPEC + "x-deep: " + "[" * 600 + "]" * 600 + "\n", "NestingTooDeep", 12, 108),
    ("600 deep block", SPEC + "x-deep:\n" + "".join("  " * i + "- \n" for i in range(1, 1)) +
     "".join(f"{'  ' * (i + 1)}k{i}:\n" for i in range(600)), "NestingTooDeep", 112, 201),
    ("alias bomb", alias_bomb(), "YamlAliasExpansion", 5, 10),
    ("enum item without value beside one with", SPEC.replace("{value: a, title: Alpha}",
                                                            "{value: a, title: Alpha}, {title: Beta}"),
     "SpecInvalid", 11, 92),
    ("misspelt enum item key", SPEC.replace("title: Alpha", "titel: Alpha"), "SpecUnknownKey", 11, 77),
    ("deep alias", "a: &a " + "[" * 60 + "1" + "]" * 60 + "\nb: " + "[" * 60 + "*a" + "]" * 60 + "\n",
     "NestingTooDeep", 2, 64),
]


@pytest.mark.parametrize("name,text,code,line,column", BROKEN_SPECS, ids=[c[0] for c in BROKEN_SPECS])
def test_broken_spec_is_located_and_unusable(tmp_path, name, text, code, line, column):
    result, spec = build_spec(tmp_path, text)
    assert result.exit_code == 2, result.output
    assert f"{spec}:{line}:{column}: error {code}:" in result.output
    assert not (tmp_path / "out").exists()
    validated = invoke("validate", spec)
    assert validated.exit_code == 2, validated.output
    assert f"{spec}:{line}:{column}: error {code}:" in validated.output


def test_alias_expansion_limit_allows_ordinary_reuse(tmp_path):
    """Anchors used as intended (a shared block repeated a few times) stay well inside the limit."""
    text = SPEC.replace("definitions:", "x-shared: &shared {a: 1, b: [1, 2, 3]}\nx-uses: ["
                        + ", ".join(["*shared"] * 50) + "]\ndefinitions:")
    result, _ = build_spec(tmp_path, text)
    assert result.exit_code == 0, result.output


def test_depth_limit_is_exact(tmp_path):
    """MAX_DEPTH levels of containers load; one more is refused."""
    inner = limits.MAX_DEPTH - 1  # the spec's own top-level mapping is the first level
    ok, _ = build_spec(tmp_path, SPEC + "x-deep: " + "[" * (inner) + "]" * inner + "\n")
    assert "NestingTooDeep" not in ok.output
    too_deep, _ = build_spec(tmp_path, SPEC + "x-deep: " + "[" * (inner + 1) + "]" * (inner + 1) + "\n")
    assert "NestingTooDeep" in too_deep.output


def swagger_file(tmp_path, text: str):
    path = tmp_path / "apiDefinition.swagger.json"
    path.write_text(text, encoding="utf-8")
    return path


# (name, swagger text, message words, line, column)
BROKEN_SWAGGERS = [
    ("980-deep array", '{"x": ' + "[" * 980 + "]" * 980 + "}", "NestingTooDeep", 1, 106),
    ("5,000 digits", '{\n  "x": ' + "9" * 5000 + "}", "NumberTooLong", 2, 8),
    ("NaN", '{\n  "swagger": "2.0",\n  "x-a": NaN}', "JsonSyntaxError: NaN, Infinity and numbers beyond", 3, 10),
    ("-Infinity in an array", '{"x-a": [1, -Infinity]}', "JsonSyntaxError: NaN, Infinity and numbers beyond", 1, 13),
    ("1e400 (read as infinity)", '{"x-a": {"b": 1e400}}', "JsonSyntaxError: NaN, Infinity and numbers beyond", 1, 15),
]


@pytest.mark.parametrize("name,text,words,line,column", BROKEN_SWAGGERS, ids=[c[0] for c in BROKEN_SWAGGERS])
def test_broken_swagger_is_a_located_finding(tmp_path, name, text, words, line, column):
    path = swagger_file(tmp_path, text)
    result = invoke("validate", path)
    assert result.exit_code == 2, result.output  # the only target, and unusable
    assert f"{path}:{line}:{column}: error {words}" in result.output


def test_deep_swagger_under_the_limit_is_validated(tmp_path):
    nested = {"type": "object"}
    for _ in range(40):
        nested = {"type": "object", "properties": {"p": nested}}
    path = swagger_file(tmp_path, json.dumps({**SWAGGER, "definitions": {"Deep": nested}}))
    result = invoke("validate", path)
    assert result.exit_code in (0, 1) and "JsonSyntaxError" not in result.output


@pytest.mark.parametrize("command", ["validate", "build"])
def test_fifo_is_refused_not_waited_for(tmp_path, command):
    fifo = tmp_path / "connector.yaml"
    os.mkfifo(fifo)
    result = invoke(command, fifo) if command == "validate" else invoke(command, fifo, "-o", tmp_path / "o")
    assert result.exit_code == 2
    assert "not a regular file" in result.output


@pytest.mark.parametrize("name", ["apiDefinition.swagger.json", "apiProperties.json", "readme.md", "icon.png",
                                  "script.csx"])
@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_connector_file_that_is_a_fifo_or_folder_is_reported_not_skipped(tmp_path, name, kind):
    folder = tmp_path / "runs" / "odd"
    folder.mkdir(parents=True)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER), "utf-8")
    (folder / "apiProperties.json").write_text('{"properties": {}}', "utf-8")
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name) if kind == "fifo" else (folder / name).mkdir()
    message = f"{folder / name}: error InputUnreadable: cannot read: "
    alone = invoke("validate", folder)
    assert message in alone.output
    assert alone.exit_code == 2  # unusable input, the only target
    if name != "apiDefinition.swagger.json":  # the swagger is still validated: its findings are kept
        assert f"{folder / 'apiDefinition.swagger.json'}:" in alone.output
        assert "1 connector(s)" in alone.output
    below = invoke("validate", tmp_path / "runs")  # found below a folder too, not skipped as absent
    assert message in below.output
    assert below.exit_code == 2


def test_endless_device_is_refused():  # POSIX, as the Makefile and CI
    result = invoke("validate", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: error InputUnreadable: cannot read: not a regular file" in result.output


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("generator.inputfile.MAX_INPUT_BYTES", 1000)
    path = swagger_file(tmp_path, json.dumps({**SWAGGER, "x-pad": "x" * 2000}))
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert "larger than the" in result.output
    spec = tmp_path / "big.yaml"
    spec.write_text(SPEC + "x-pad: " + "x" * 2000 + "\n")
    assert "larger than the" in invoke("build", spec, "-o", tmp_path / "o").output


def test_broken_suppression_file_is_a_finding(tmp_path):
    folder = tmp_path / "Contoso"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER))
    (folder / ".pacgen.yaml").write_text("suppress:\n  - {code: X, reason: " + "9" * 5000 + "}\n")
    result = invoke("validate", folder)
    assert f"{folder / '.pacgen.yaml'}:2:23: error SuppressionInvalid:" in result.output
    assert result.exit_code == 1


def test_empty_suppression_file_is_fine(tmp_path):
    folder = tmp_path / "Contoso"
    folder.mkdir()
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER))
    (folder / ".pacgen.yaml").write_text("")
    assert "SuppressionInvalid" not in invoke("validate", folder).output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_crashing_connector_does_not_end_a_run_over_many(tmp_path, monkeypatch, jobs):
    """A failure of pacgen on one connector becomes that connector's finding; the rest is checked."""
    from generator.validate import pipeline

    for index in range(pipeline.MANY_TARGETS + 1):
        folder = tmp_path / f"c{index}"
        folder.mkdir()
        (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER))
    real_validate = pipeline.validate

    def crash_on_c3(connector, *args, **kwargs):
        if connector.name == "c3":
            raise RuntimeError("boom")
        return real_validate(connector, *args, **kwargs)

    monkeypatch.setattr(pipeline, "validate", crash_on_c3)  # forked workers inherit the patch
    result = invoke("validate", tmp_path, "-j", jobs, "--format", "json")
    body = json.loads(result.output)
    crashed = [f for f in body["findings"] if f["code"] == "ValidationCrashed"]
    assert [f["file"] for f in crashed] == [str(tmp_path / "c3")]
    assert body["summary"]["connectors"] == pipeline.MANY_TARGETS  # those read (not the crashed one)
    others = {f["file"] for f in body["findings"]} - {str(tmp_path / "c3")}
    assert len(others) == pipeline.MANY_TARGETS  # every other connector still has its findings
    assert result.exit_code == 1


def test_readme_states_the_limits_the_code_applies():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Limits"):readme.index("## Editor set-up")]
    assert f"| {limits.MAX_INPUT_BYTES // 2**20} MiB |" in section
    assert f"| {limits.MAX_DEPTH} levels |" in section
    assert f"{limits.ALIAS_EXPANSION_FACTOR} × the nodes written" in section
    assert f"at least {limits.ALIAS_EXPANSION_FLOOR:,} nodes" in section
    assert f"| {limits.FINDINGS_PER_RULE} per rule and file |" in section


def test_upload_settings_that_nest_too_deeply_are_a_located_error(tmp_path):
    from generator.upload import UploadError, read_settings

    settings = tmp_path / "upload.settings.json"
    settings.write_text('{"environment": ' + "[" * 500 + "]" * 500 + "}")
    with pytest.raises(UploadError) as raised:
        read_settings(settings, required=False)
    assert raised.value.finding.code == "SettingsInvalid" and raised.value.finding.line == 1
    assert "nest more than" in raised.value.finding.message


def test_an_unreadable_api_properties_among_several_connectors_exits_1(tmp_path):
    for name in ("good", "odd"):
        folder = tmp_path / "runs" / name
        folder.mkdir(parents=True)
        (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER), "utf-8")
    (tmp_path / "runs" / "good" / "apiProperties.json").write_text('{"properties": {}}', "utf-8")
    (tmp_path / "runs" / "odd" / "apiProperties.json").write_text('{"properties": ', "utf-8")  # not JSON
    result = invoke("validate", tmp_path / "runs")
    assert result.exit_code == 1  # reported as that connector's finding; the other is still checked
    assert "apiProperties.json:1:" in result.output and "JsonSyntaxError" in result.output
    assert invoke("validate", tmp_path / "runs" / "odd").exit_code == 2
