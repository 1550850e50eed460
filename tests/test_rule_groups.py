"""Named rule groups (generator/rule_groups.py): `group:NAME` wherever a code may be written,
`pacgen rules --group/--groups`, and what the default set holds."""

import json
import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.codes import known_codes
from generator.rule_groups import GROUPS, STYLE_CODES, catalogue, codes_of, expand, groups_of
from generator.validate.file_rule import load_file_rules
from generator.validate.pipeline import Selection, opt_in_codes
from generator.validate.rule import load_all_rules

SWAGGER = {
    "swagger": "2.0",
    "info": {"title": "Contoso", "description": "Contoso sends text messages to your customers.", "version": "1.0"},
    "host": "api.contoso.com",
    "basePath": "/",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    # a description without a period that repeats the summary; a snake_case operationId
    "paths": {"/a": {"get": {"operationId": "get_a", "summary": "Get A", "description": "get a",
                             "responses": {"200": {"description": "OK", "schema": {"type": "string"}}}}}},
    "x-ms-connector-metadata": [
        {"propertyName": "Website", "propertyValue": "https://www.contoso.com"},
        {"propertyName": "Privacy policy", "propertyValue": "https://www.contoso.com/privacy"},
        {"propertyName": "Categories", "propertyValue": "Communication"},
    ],
}


@pytest.fixture
def connector(tmp_path):
    folder = tmp_path / "Contoso"
    folder.mkdir()
    # two-space indentation with a trailing blank: the two style rules fire when selected
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(SWAGGER, indent=2).replace("{\n", "{ \n", 1))
    (folder / "apiProperties.json").write_text(json.dumps({"properties": {
        "publisher": "Contoso", "stackOwner": "Contoso", "iconBrandColor": "#da3b01"}}))
    return folder


def codes(*args) -> set[str]:
    result = CliRunner().invoke(main, ["validate", *map(str, args), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return {finding["code"] for finding in json.loads(result.output)["findings"]}


# -- what the groups hold ----------------------------------------------------------------------

def test_every_code_is_in_a_group_beyond_default_and_opt_in():
    """A rule with a new source or family must be given a group here, not left unclassified."""
    unclassified = [code for code in catalogue() if set(groups_of(code)) <= {"default", "opt-in"}]
    assert unclassified == []
    assert set(catalogue()) == set(known_codes())


def test_default_and_opt_in_split_every_code_and_follow_the_rules_declarations():
    assert set(codes_of("opt-in")) == set(opt_in_codes())
    assert set(codes_of("default")) | set(codes_of("opt-in")) == set(known_codes())
    assert not set(codes_of("default")) & set(codes_of("opt-in"))


def test_style_rules_are_opt_in_and_are_the_file_layout_rules():
    assert set(codes_of("style")) == STYLE_CODES
    assert STYLE_CODES <= set(load_file_rules())
    assert STYLE_CODES <= opt_in_codes()


@pytest.mark.parametrize(("name", "source"), [("microsoft-validator", "microsoft-validator"),
                                              ("string-guidance", "string-guidance"),
                                              ("coding-standards", "coding-standards")])
def test_source_groups_hold_exactly_the_rules_of_that_source(name, source):
    rules = {**load_all_rules(), **load_file_rules()}
    assert set(codes_of(name)) == {code for code, rule in rules.items() if rule.source == source}


def test_certification_holds_the_review_family_and_the_documented_submission_strings():
    certification = set(codes_of("certification"))
    review = {code for code, rule in load_all_rules().items() if rule.__module__.split(".")[-2] == "review"}
    assert review and review <= certification
    assert {"OperationDescriptionWithoutPeriod", "SummarySameAsDescription", "IconSizeNotValid",
            "ReadmeSectionMissing", "ScriptClassMissing"} <= certification
    assert "JsonIndentationNotFourSpaces" not in certification


def test_documented_but_unenforced_description_rules_are_opt_in():
    # 68 % and 49 % of merged connectors: see the rules' docstrings and test_default_set.py
    assert {"OperationDescriptionWithoutPeriod", "SummarySameAsDescription"} <= opt_in_codes()


def test_group_names_are_unique_and_expand_keeps_order():
    assert len({group.name for group in GROUPS}) == len(GROUPS)
    assert expand(["A*", "group:style", "B"]) == ("A*", *sorted(STYLE_CODES), "B")


# -- selecting by group ------------------------------------------------------------------------

def test_select_a_group_runs_only_its_codes_even_opt_in_ones(connector):
    assert codes(connector, "--select", "group:style") == STYLE_CODES


def test_default_plus_a_group(connector):
    default = codes(connector)
    assert not default & opt_in_codes()
    both = codes(connector, "--select", "group:default", "--select", "group:certification")
    assert both - default == {"OperationDescriptionWithoutPeriod", "SummarySameAsDescription"}


def test_ignore_a_group(connector):
    everything = codes(connector, "--select", "*")
    assert "OperationIdNotPascalCase" in everything and STYLE_CODES <= everything
    left = codes(connector, "--select", "*", "--ignore", "group:coding-standards", "--ignore", "group:style")
    assert left == everything - set(codes_of("coding-standards")) - STYLE_CODES


def test_severity_and_per_path_ignores_accept_groups():
    selection = Selection(("*",), (), {"group:style": "error", "TrailingWhitespace": "info"},
                          {"legacy/*": ("group:string-guidance",)})
    assert selection.severity["TrailingWhitespace"] == "error"  # the first pattern naming a code wins
    assert set(selection.per_path_ignores["legacy/*"]) == set(codes_of("string-guidance"))


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_group_is_a_usage_error_with_a_guess(connector, option):
    result = CliRunner().invoke(main, ["validate", str(connector), option, "group:stlye"])
    assert result.exit_code == 2
    assert "unknown group 'group:stlye'; did you mean group:style?" in result.output
    result = CliRunner().invoke(main, ["diff", str(connector), str(connector), option, "group:chnage"])
    assert result.exit_code == 2 and "did you mean group:change" in result.output


def test_an_unknown_group_in_the_configuration_is_located(tmp_path, monkeypatch, mini_spec):
    shutil.copy(mini_spec, tmp_path / "mini.yaml")
    (tmp_path / "pacgen.toml").write_text('specs = ["mini.yaml"]\nselect = ["group:default",\n'
                                          '          "group:certfication"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "mini.yaml"])
    assert result.exit_code == 2
    assert "pacgen.toml:3:11: error ConfigInvalid: unknown group 'group:certfication'" in result.output
    assert "did you mean group:certification?" in result.output


def test_a_configured_group_selection_applies(tmp_path, monkeypatch, connector):
    (tmp_path / "pacgen.toml").write_text('select = ["group:default", "group:style"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    found = codes(connector)
    assert STYLE_CODES <= found and "OperationDescriptionWithoutPeriod" not in found


# -- pacgen rules ------------------------------------------------------------------------------

def test_rules_group_lists_the_groups_codes():
    result = CliRunner().invoke(main, ["rules", "--group", "style"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.output.splitlines()[1:]}
    assert listed == STYLE_CODES
    assert CliRunner().invoke(main, ["rules", "--group", "group:style"]).output == result.output


def test_rules_groups_lists_every_group_with_its_size():
    result = CliRunner().invoke(main, ["rules", "--groups"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert set(lines) == {f"group:{group.name}" for group in GROUPS}
    assert f" {len(codes_of('microsoft-validator'))} codes" in lines["group:microsoft-validator"]


def test_rules_with_an_unknown_group_exits_2():
    result = CliRunner().invoke(main, ["rules", "--group", "secret"])
    assert result.exit_code == 2 and "did you mean group:secrets?" in result.output


def test_a_group_in_a_suppression_is_refused_with_what_to_do(tmp_path, mini_spec):
    spec = tmp_path / "mini.yaml"
    spec.write_text(mini_spec.read_text("utf-8") + "suppress:\n  - {code: 'group:style', reason: layout}\n", "utf-8")
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 2
    assert "SuppressionUnknownCode: suppression of unknown code 'group:style'; a suppression names one code" in \
        result.output
    assert "pacgen rules --group NAME" in result.output
