"""Property-based hostile input (issue 11): real corpus connectors, specs and reference pages,
mutated the way the attacks of issue 11 did (deep nesting, huge numbers, NaN, lone surrogates,
control characters, BOMs, bad tags, alias bombs, values of the wrong type, truncation), must give
findings or a clear message — never an exception — with exit codes 0, 1 or 2, every finding
located, and a failed build must change nothing.

`make test` runs 40 derandomised examples per property over a handful of connectors; `make fuzz`
(PACGEN_FUZZ=1) runs PACGEN_FUZZ_EXAMPLES per property over the whole corpus with a fresh, printed
seed.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT, SEED, need_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

FUZZING = os.environ.get("PACGEN_FUZZ") == "1"
# Applied to each property below (not as a global profile, which would change other test modules).
BOUNDS = (settings(max_examples=int(os.environ.get("PACGEN_FUZZ_EXAMPLES", "300")), deadline=None,
                   suppress_health_check=list(HealthCheck))
          if FUZZING else
          settings(max_examples=40, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))

#: Connectors the default profile mutates (small, varied); fuzzing takes the whole corpus.
SAMPLE = ["custom-connectors/Datelist", "custom-connectors/CompaniesHouse", "certified-connectors/axiom.ai",
          "certified-connectors/Pushcut", "custom-connectors/AcuityScheduling"]
SPECS = [ROOT / "tests" / "fixtures" / "mini.yaml", ROOT / "spec" / "clicksend.yaml"]
FORMATS = ["text", "json", "sarif", "github"]
#: Codes of whole-file problems, which have no position inside the file.
UNPLACED = {"InputUnreadable", "ConnectorFileMissing", "SpecNotFound"}


def corpus_connectors() -> list[Path]:
    corpus = need_shared(CORPUS)
    if FUZZING:
        return sorted(p.parent for p in corpus.rglob("apiDefinition.swagger.json"))
    return [corpus / name for name in SAMPLE if (corpus / name).is_dir()]


# --- hostile pieces ------------------------------------------------------------------------------

def nested(depth: int, inner: str = "1") -> str:
    return "[" * depth + inner + "]" * depth


HOSTILE_JSON = st.sampled_from([
    nested(150), nested(99), nested(1000), "9" * 5000, "-" + "9" * 4400, "NaN", "Infinity", "-Infinity",
    '"\\ud800"', '"\\udfff x"', '"\\u001b[31mred"', '"a\\u202eb"', '"line\\nbreak"', "null", "true", "{}", "[]",
    '{"a": 1}', '{"type": {"a": 1}}', '{"format": {"x": [1]}}', "[0" + ", 0" * 3000 + "]", '"-secret"',
    '{"allOf": ' + nested(60, "{}") + "}", '"' + " " * 3000 + '"', "1e99999", '{"$ref": "#/definitions/x"}',
])
HOSTILE_KEYS = st.sampled_from(["\\ud800", "\\u001b[31m", "a\\nb", "", "$ref", "~1", "/x", "x-ms-\\u0000"])


def json_value_spans(text: str) -> list[tuple[int, int]]:
    """Where plain values (strings, numbers, literals) start and end in JSON text."""
    return [m.span() for m in re.finditer(r'(?<=: )(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)', text)]


@st.composite
def mutated_json(draw, text: str) -> bytes:
    """``text`` with one to three of the issue's mutations, as bytes (some are not valid UTF-8)."""
    for _ in range(draw(st.integers(1, 3), label="mutations")):
        text = draw(one_json_mutation(text))
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 6), label="bad bytes") == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\x00", b"\xed\xa0\x80", b"\x1b"])) + data[at:]
    return data


@st.composite
def one_json_mutation(draw, text: str) -> str:
    spans = json_value_spans(text)
    kind = draw(st.sampled_from(["value", "value", "key", "truncate", "bom", "duplicate"]))
    if kind == "value" and spans:
        start, end = spans[draw(st.integers(0, len(spans) - 1))]
        text = text[:start] + draw(HOSTILE_JSON) + text[end:]
    elif kind == "key":
        keys = [m.start() + 1 for m in re.finditer(r'"[^"\\]*"(?=: )', text)]
        if keys:
            at = keys[draw(st.integers(0, len(keys) - 1))]
            text = text[:at] + draw(HOSTILE_KEYS) + text[at:]
    elif kind == "truncate":
        text = text[:draw(st.integers(0, len(text)))]
    elif kind == "bom":
        text = "\ufeff" + text
    elif kind == "duplicate" and spans:
        start, _ = spans[draw(st.integers(0, len(spans) - 1))]
        key = text.rfind('"', 0, text.rfind('"', 0, start - 2)) if start > 2 else -1
        if key >= 0:
            text = text[:key] + text[key:start] + "1, " + text[key:]
    return text


HOSTILE_YAML_VALUES = st.sampled_from([
    "!!int abc", '!!int ""', "!!int 0x_", "!!bool maybe", '!!bool ""', "!!float abc", ".inf", "-.inf", ".nan",
    "9" * 5000, nested(150), nested(99), "{a: " * 120 + "1" + "}" * 120, "\x01", '"\\x1b[31m"',
    "!!python/object/apply:os.system [ls]", "!!binary aGk=", "*undefined", "&a [*a]", "[{title: Alpha}]",
    "{type: {a: 1}}", "{format: {x: 1}}", "[{value: a, titel: A}]", '"\\t\\u202e"', "'-secret'", "|-\n  x",
    "<<: {a: 1}", "{<<: 5}", "- a\n- b", "? [a]\n: b",
])
ALIAS_BOMB = "\n".join(["x-a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
    f"x-a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8)])


@st.composite
def mutated_yaml(draw, text: str) -> str:
    """``text`` with one to three of the issue's mutations."""
    for _ in range(draw(st.integers(1, 3), label="mutations")):
        text = draw(one_yaml_mutation(text))
    return text


@st.composite
def one_yaml_mutation(draw, text: str) -> str:
    lines = text.split("\n")
    kind = draw(st.sampled_from(["value", "value", "line", "truncate", "bomb", "tab"]))
    values = [i for i, line in enumerate(lines) if re.match(r"\s*[\w$-]+: \S", line)]
    if kind == "value" and values:
        index = values[draw(st.integers(0, len(values) - 1))]
        key, _, _ = lines[index].partition(": ")
        lines[index] = f"{key}: {draw(HOSTILE_YAML_VALUES)}"
    elif kind == "line":
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["x-h: " + v for v in HOSTILE_YAML_VALUES.elements]
                                              + ["\x01", "---", "%YAML 1.1", "&a", "host: twice"])))
    elif kind == "truncate":
        return text[:draw(st.integers(0, len(text)))]
    elif kind == "bomb":
        lines.append(ALIAS_BOMB)
    elif kind == "tab" and values:
        index = values[draw(st.integers(0, len(values) - 1))]
        lines[index] = "\t" + lines[index]
    return "\n".join(lines)


# --- the properties ------------------------------------------------------------------------------

def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # Hypothesis shows the smallest input that raises
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    return result


def assert_located(findings: list[dict]) -> None:
    for finding in findings:
        assert finding["code"] != "ValidationCrashed", finding  # a crash hidden as a finding is a crash
        if finding["code"] not in UNPLACED:
            assert finding["line"] >= 1 and finding["column"] >= 1, finding


@pytest.fixture(scope="module")
def connectors() -> list[Path]:
    found = corpus_connectors()
    assert found, "the corpus has none of the sample connectors"
    return found


@BOUNDS
@given(data=st.data(), fmt=st.sampled_from(FORMATS))
def test_mutated_corpus_connector_gives_located_findings(connectors, tmp_path_factory, data, fmt):
    source = connectors[data.draw(st.integers(0, len(connectors) - 1), label="connector")]
    folder = tmp_path_factory.mktemp("connector")
    for name in ("apiDefinition.swagger.json", "apiProperties.json"):
        if (source / name).is_file():
            text = (source / name).read_text(encoding="utf-8-sig")
            mutate = name == "apiDefinition.swagger.json" or data.draw(st.booleans(), label="mutate properties")
            (folder / name).write_bytes(data.draw(mutated_json(text)) if mutate else text.encode("utf-8"))
    if data.draw(st.booleans(), label="hostile readme"):
        (folder / "readme.md").write_text(data.draw(st.sampled_from([
            "# " + " " * 5000 + "x", "```\n" * 300 + "# h", "## Publisher: \x1b[31m\ud800"])), "utf-8", "surrogatepass")
    result = invoke("validate", folder, "--format", fmt)
    result.output.encode("utf-8")  # every format is writable UTF-8
    if fmt == "json":
        assert_located(json.loads(result.output)["findings"])
    if fmt in ("text", "github"):
        assert "\x1b" not in result.output


@BOUNDS
@given(data=st.data(), spec_path=st.sampled_from(SPECS))
def test_mutated_spec_builds_or_fails_cleanly_and_changes_nothing(tmp_path_factory, data, spec_path):
    work = tmp_path_factory.mktemp("spec")
    spec = work / "connector.yaml"
    original = spec_path.read_text(encoding="utf-8")
    spec.write_text(original, encoding="utf-8")
    out = work / "out"
    assert invoke("build", spec, "-o", out).exit_code == 0  # the previous build, which must survive
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    spec.write_text(data.draw(mutated_yaml(original)), encoding="utf-8", errors="surrogatepass")
    built = invoke("build", spec, "-o", out)
    assert built.exit_code in (0, 2), built.output
    if built.exit_code == 2:
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "a failed build changed the output"
        for line in built.output.splitlines():
            if ": error " in line and not line.startswith(" "):
                assert re.match(rf"{re.escape(str(spec))}:\d+:\d+: error ", line), line
    validated = invoke("validate", spec, "--format", "json")
    assert_located(json.loads(validated.output)["findings"])
    if validated.exit_code == 2:  # a spec too broken to validate cannot build either
        assert built.exit_code == 2


@BOUNDS
@given(data=st.data())
def test_mutated_reference_page_is_read_or_refused(tmp_path_factory, data):
    lines = need_shared(SEED).read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(lines)), label="at")
        lines.insert(at, data.draw(st.sampled_from(["|", "| a |", "|---|---|", "# x", "```", "x" * 3000,
                                                    "| " + " | ".join(["\x1b"] * 5) + " |", "\ud800"])))
    page = tmp_path_factory.mktemp("page") / "page.md"
    page.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    result = invoke("docs", "extract", page)
    assert result.exit_code in (0, 2)


@BOUNDS
@given(text=mutated_json(json.dumps({"format": "pacgen-docs-page", "operations": [
    {"name": "Send", "parameters": [{"name": "To", "key": "to", "required": True, "type": "string"}],
     "returns": [{"name": "Id", "path": "id", "type": "string"}]}], "throttling": [
    {"name": "calls", "calls": 100, "period_seconds": 60}]})))
def test_mutated_extracted_page_is_read_or_located(tmp_path_factory, text):
    page = tmp_path_factory.mktemp("page") / "page.json"
    page.write_bytes(text)
    result = invoke("docs", "extract", page)
    assert result.exit_code in (0, 2)
    if result.exit_code == 2 and ": cannot read the page: " in result.output and "line" not in result.output:
        assert re.search(rf"{re.escape(str(page))}(:\d+:\d+)?: cannot read the page: ", result.output)
