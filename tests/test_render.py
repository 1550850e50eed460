"""Rendering: values survive JSON escaping, output is deterministic, writes are all-or-nothing."""

import json

import pytest
from click.testing import CliRunner

from generator.build import build_artifacts
from generator.cli import main
from generator.render import render_connector, write_atomically
from generator.spec.model import expand

HOSTILE = [
    'quote " and backslash \\ and slash /',
    "{{ jinja }} {% block x %} {# comment #}",
    "line one\nline two\ttab\r",
    "ünïcödé — 中文 — emoji 🚀",
    "</script><b>&amp;</b>",
    "\u0000 nul and \u2028 separator",
]


def _spec_with(value: str) -> dict:
    return {
        "info": {"title": "T", "description": value, "version": "1.0"},
        "host": "api.example.com",
        "operations": [{
            "id": "op", "get": "/x", "summary": value,
            "parameters": [{"name": "q", "in": "query", "type": "string", "default": value,
                            "title": value, "x-custom": {"nested": [value]}}],
            "responses": {"200": {"description": value}},
        }],
        "x-ms-anything": value,
    }


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_survive(value):
    connector = expand(_spec_with(value))
    swagger = json.loads(render_connector(connector)[0].content)
    operation = swagger["paths"]["/x"]["get"]
    assert swagger["info"]["description"] == value
    assert operation["summary"] == value
    assert operation["parameters"][0]["default"] == value
    assert operation["parameters"][0]["x-ms-summary"] == value
    assert operation["parameters"][0]["x-custom"] == {"nested": [value]}
    assert swagger["x-ms-anything"] == value


def test_output_is_ascii_with_four_space_indent_and_final_newline(mini_spec):
    for artifact in build_artifacts(mini_spec):
        if not artifact.name.endswith(".json"):
            continue
        text = artifact.content.decode("ascii")  # non-ASCII is escaped: safe for paconn anywhere
        assert text.endswith("}\n") and not text.endswith("\n\n")
        for line in text.splitlines():
            indent = len(line) - len(line.lstrip(" "))
            assert indent % 4 == 0, line
            assert line == line.rstrip(), "no trailing whitespace"


def test_top_level_key_order(mini_spec):
    swagger = json.loads(build_artifacts(mini_spec)[0].content)
    # the sections the spec leaves out come empty, as in most published connectors (docs/spec.md)
    assert list(swagger) == ["swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths",
                             "definitions", "parameters", "responses", "securityDefinitions", "security",
                             "tags", "x-ms-connector-metadata"]


def test_two_builds_are_byte_identical(tmp_path, mini_spec):
    runner = CliRunner()
    for out in ("a", "b"):
        assert runner.invoke(main, ["build", str(mini_spec), "-o", str(tmp_path / out)]).exit_code == 0
    for name in ("apiDefinition.swagger.json", "apiProperties.json", "settings.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_broken_spec_leaves_previous_artifacts(tmp_path, mini_spec):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(mini_spec), "-o", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = tmp_path / "broken.yaml"
    broken.write_text(mini_spec.read_text().replace("host:", "hots:"), encoding="utf-8")
    result = runner.invoke(main, ["build", str(broken), "-o", str(out)])
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_failed_write_leaves_previous_files(tmp_path):
    write_atomically(tmp_path, [("a.json", b"old a"), ("b.json", b"old b")])

    def files_then_disk_full():
        yield "a.json", b"new a"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(tmp_path, files_then_disk_full())
    assert (tmp_path / "a.json").read_bytes() == b"old a"
    assert (tmp_path / "b.json").read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"], "no temp files left"


def test_write_fails_part_way_when_a_target_cannot_be_staged(tmp_path):
    write_atomically(tmp_path, [("a.json", b"old a")])
    with pytest.raises(OSError):  # the second file's folder does not exist
        write_atomically(tmp_path, [("a.json", b"new a"), ("nosuchdir/b.json", b"new b")])
    assert (tmp_path / "a.json").read_bytes() == b"old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"], "no temp files left"


def test_check_detects_stale_and_fresh(tmp_path, mini_spec):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(mini_spec), "-o", str(out)]).exit_code == 0
    fresh = runner.invoke(main, ["build", str(mini_spec), "-o", str(out), "--check"])
    assert fresh.exit_code == 0, fresh.output
    swagger = out / "apiDefinition.swagger.json"
    swagger.write_text(swagger.read_text().replace('"Get Thing"', '"Get Stale Thing"'))
    stale = runner.invoke(main, ["build", str(mini_spec), "-o", str(out), "--check"])
    assert stale.exit_code == 1
    assert '-                "summary": "Get Stale Thing",' in stale.output
    assert '+                "summary": "Get Thing",' in stale.output
    assert "Get Stale Thing" in swagger.read_text(), "--check writes nothing"


def test_settings_names_icon_and_script_only_when_present(tmp_path, mini_spec):
    settings = json.loads(build_artifacts(mini_spec)[2].content)
    assert settings == {"apiDefinition": "apiDefinition.swagger.json", "apiProperties": "apiProperties.json"}
    (tmp_path / "icon.png").write_bytes(b"\x89PNG fake")
    spec = tmp_path / "s.yaml"
    spec.write_text(mini_spec.read_text() + "icon: icon.png\n", encoding="utf-8")
    artifacts = {a.name: a.content for a in build_artifacts(spec)}
    assert json.loads(artifacts["settings.json"])["icon"] == "icon.png"
    assert artifacts["icon.png"] == b"\x89PNG fake"


def test_sugar_expands_to_extensions(mini_spec):
    swagger = json.loads(build_artifacts(mini_spec)[0].content)
    param = swagger["paths"]["/things/{thing_id}"]["get"]["parameters"][0]
    assert param["x-ms-summary"] == "Thing ID" and "title" not in param
    kind = swagger["definitions"]["Thing"]["properties"]["kind"]
    assert kind["enum"] == ["a", "b"]
    assert kind["x-ms-enum-values"] == [{"value": "a", "displayName": "Alpha"},
                                        {"value": "b", "displayName": "Beta"}]
    props = json.loads(build_artifacts(mini_spec)[1].content)["properties"]
    assert props["connectionParameters"]["username"]["uiDefinition"]["constraints"] == {"required": "true"}
