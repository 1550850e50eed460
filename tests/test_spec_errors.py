"""Broken specs: each kind gives its own code at the right file:line:col, exit 2, no traceback."""

import textwrap

import pytest
from click.testing import CliRunner

from generator.cli import main

VALID = """\
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
  Thing: {type: object}
"""

# (name, spec text, expected code, line, column, words the message must contain)
CASES = [
    ("yaml syntax", VALID.replace("host: api.example.com", "host: [api.example.com"),
     "YamlSyntaxError", 3, 11, "invalid YAML"),
    ("duplicate key", VALID.replace("host: api.example.com", "host: a.com\nhost: b.com"),
     "DuplicateKey", 3, 1, "duplicate key 'host'"),
    ("python tag", VALID.replace("host: api.example.com", "host: !!python/object/apply:os.system [ls]"),
     "YamlTagNotAllowed", 2, 7, "not allowed"),
    ("unknown top-level key", VALID.replace("host:", "hots: x\nhost:"),
     "SpecUnknownKey", 2, 1, "unknown key 'hots'"),
    ("misspelt operation key", VALID.replace("    get: /things", "    summmary: Get\n    get: /things"),
     "SpecUnknownKey", 5, 5, "unknown key 'summmary'"),
    ("wrong type", VALID.replace('version: "1.0"', "version: 1.0"),
     "SpecInvalid", 1, 60, "not of type"),
    ("missing required", VALID.replace("host: api.example.com\n", ""),
     "SpecInvalid", 1, 1, '"host" is a required property'),
    ("no method", VALID.replace("    get: /things/{thing_id}\n", ""),
     "SpecInvalid", 4, 5, "needs one HTTP method"),
    ("two methods", VALID.replace("    get: /things/{thing_id}", "    get: /things/{thing_id}\n    post: /x"),
     "SpecInvalid", 4, 5, "exactly one HTTP method"),
    ("duplicate operationId", VALID.replace("definitions:", textwrap.dedent("""\
      - id: get_thing
        post: /other
        responses: {200: {description: OK}}
    """).replace("\n", "\n  ").rstrip(" ").replace("- id", "  - id", 1) + "definitions:"),
     "SpecDuplicateOperationId", 10, 9, "already used"),
    ("undefined reference", VALID.replace("'#/definitions/Thing'", "'#/definitions/Thnig'"),
     "SpecReferenceUndefined", 9, 45, "undefined definition"),
    ("path parameter not in path", VALID.replace("get: /things/{thing_id}", "get: /things"),
     "SpecPathParameterNotInPath", 7, 9, "does not appear in the path"),
    ("path variable without parameter", VALID.replace("{name: thing_id, in: path", "{name: other, in: query"),
     "SpecPathParameterMissing", 5, 10, "no path parameter defines it"),
    ("bad enum value", VALID.replace("type: string}", "type: string, visibility: hidden}"),
     "SpecInvalid", 7, 78, "is not one of"),
]


@pytest.mark.parametrize("name,text,code,line,column,words", CASES, ids=[c[0] for c in CASES])
def test_broken_spec_is_located(tmp_path, name, text, code, line, column, words):
    spec = tmp_path / "connector.yaml"
    spec.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    expected = f"{spec}:{line}:{column}: error {code}:"
    assert expected in result.output, result.output
    assert words in result.output
    assert not (tmp_path / "out").exists(), "nothing may be written for a broken spec"


def test_valid_base_builds(tmp_path):
    spec = tmp_path / "connector.yaml"
    spec.write_text(VALID, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_did_you_mean(tmp_path):
    spec = tmp_path / "connector.yaml"
    spec.write_text(VALID.replace("host:", "hots: x\nhost:"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert "did you mean 'host'?" in result.output


def test_misspelt_choice_suggests_the_nearest(tmp_path):
    spec = tmp_path / "connector.yaml"
    spec.write_text(VALID.replace("in: path, required: true, type: string", "in: path, required: true, type: strng"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "did you mean 'string'? (allowed: string, number, integer, boolean, array, file)" in result.output


def test_missing_spec_file(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output
