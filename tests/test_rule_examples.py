"""Every rule's docstring examples are its tests: the passing example yields no finding of the
rule's code; each failing example yields exactly the findings its "Reports:" line names, by
pointer and by count (see generator/validate/rule.py for the notation)."""

from collections import Counter

import pytest

from generator.source import Document
from generator.validate.file_rule import check_text, load_file_rules
from generator.validate.rule import example_documents, example_reports, load_all_rules, run_rules

RULES = load_all_rules()
FILE_RULES = load_file_rules()


def test_registry_is_not_empty():
    assert len(RULES) >= 1


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_documents_both_examples(code):
    rule = RULES[code]
    examples = rule.examples()
    assert examples["passing"], f"{code}: docstring lacks a 'Passing example::' block"
    assert examples["failing"], f"{code}: docstring lacks a 'Failing example::' block"
    assert rule.summary and len(rule.summary) <= 100, f"{code}: one-line summary missing or too long"


@pytest.mark.parametrize("code", sorted(RULES))
def test_passing_example_passes(code):
    rule = RULES[code]
    for example in rule.examples()["passing"]:
        swagger, properties = example_documents(example)
        hits = [f for f in run_rules(swagger, properties, [rule]) if f.code == code]
        assert not hits, f"{code} fired on its passing example: {[h.message for h in hits]}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_failing_example_reports_exactly_its_pointers(code):
    rule = RULES[code]
    failing, expected = rule.examples()["failing"], rule.reports()["failing"]
    assert not any(rule.reports()["passing"]), f"{code}: a passing example reports nothing"
    for index, (example, pointers) in enumerate(zip(failing, expected, strict=True)):
        assert pointers is not None, f"{code}: failing example {index + 1} lacks its 'Reports:' line"
        swagger, properties = example_documents(example)
        hits = [f for f in run_rules(swagger, properties, [rule]) if f.code == code]
        assert Counter(hit.pointer for hit in hits) == Counter(pointers), (
            f"{code}, failing example {index + 1}: reported {[h.pointer for h in hits]}, "
            f"the docstring expects {pointers}")
        for hit in hits:
            assert hit.message.strip(), f"{code}: empty message"


@pytest.mark.parametrize("code", sorted(FILE_RULES))
def test_file_rule_examples_report_exactly_their_places(code):
    rule = FILE_RULES[code]
    examples, reports = rule.examples(), rule.reports()
    assert examples["passing"] and examples["failing"], code
    assert not any(reports["passing"]), f"{code}: a passing example reports nothing"
    for text in examples["passing"]:
        assert check_text(Document("example", text), rule.target, [rule]) == [], code
    for index, (text, places) in enumerate(zip(examples["failing"], reports["failing"], strict=True)):
        assert places is not None, f"{code}: failing example {index + 1} lacks its 'Reports:' line"
        found = check_text(Document("example", text), rule.target, [rule])
        assert Counter(f"{f.line}:{f.column}" for f in found) == Counter(places), code
        assert all(f.code == code and f.message.strip() for f in found)


def test_reports_notation():
    docstring = """Summary.

    Failing example::

        paths: {/a: {get: {}}}

    Reports: /paths/~1a/get

    Failing example::

        info: {title: ''}

    Reports:
      - /info/title
      - ''

    Passing example::

        info: {title: A}
    """
    assert example_reports(docstring) == {
        "failing": [["/paths/~1a/get"], ["/info/title", ""]], "passing": [None]}
    from generator.validate.rule import parse_examples

    examples = parse_examples(docstring)
    assert examples["failing"][1] == {"info": {"title": ""}}  # the Reports: line is not YAML of the example


def test_reports_notation_for_places_in_a_text():
    docstring = "Summary.\n\n    Failing example::\n\n        a\n\n    Reports: [2:30, 10:1]\n"
    assert example_reports(docstring, positions=True)["failing"] == [["2:30", "10:1"]]
    with pytest.raises(ValueError):
        example_reports(docstring.replace("2:30", "/a"), positions=True)


@pytest.mark.parametrize("line", ["Reports: paths/a", "Reports: [1]", "Reports: []", "Reports: {a: b}",
                                  "Reports: [unclosed", "Reports: 2:3"])
def test_reports_notation_refuses_what_is_not_pointers(line):
    with pytest.raises(ValueError):
        example_reports(f"Summary.\n\n    Failing example::\n\n        a: 1\n\n    {line}\n")
