"""Every rule's docstring examples are its tests: the passing example yields no finding of the
rule's code, the failing example yields at least one, with a pointer into the document."""

import pytest

from generator.validate.rule import example_documents, load_all_rules, run_rules

RULES = load_all_rules()


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
def test_failing_example_fails(code):
    rule = RULES[code]
    for example in rule.examples()["failing"]:
        swagger, properties = example_documents(example)
        hits = [f for f in run_rules(swagger, properties, [rule]) if f.code == code]
        assert hits, f"{code} did not fire on its failing example"
        for hit in hits:
            assert hit.message.strip(), f"{code}: empty message"
            assert hit.pointer == "" or hit.pointer.startswith("/"), f"{code}: bad pointer {hit.pointer!r}"
