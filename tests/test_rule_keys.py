"""Rules declare which nodes they need (``Rule.keys``, ``Rule.schema_roles``) so a run skips the
rest. These tests prove the declarations lose nothing: every finding of a full run (every handler
on every node) is also found by the planned run — on each rule's examples and on real connectors."""

import pytest

from generator.pipeline import load_connector
from generator.validate.pipeline import discover
from generator.validate.rule import KINDS, Rule, example_documents, load_all_rules, run_rules

RULES = load_all_rules()


def _same(swagger, properties, rules=None):
    planned = sorted(run_rules(swagger, properties, rules), key=lambda f: (f.code, f.pointer, f.message))
    full = sorted(run_rules(swagger, properties, rules, every_node=True),
                  key=lambda f: (f.code, f.pointer, f.message))
    return planned, full


@pytest.mark.parametrize("code", sorted(RULES))
def test_declared_keys_lose_nothing_on_examples(code):
    rule = RULES[code]
    for kind in rule.keys:
        assert kind in KINDS and kind in rule.handlers(), f"{code}: keys for unknown kind {kind}"
    examples = rule.examples()
    for example in examples["passing"] + examples["failing"]:
        planned, full = _same(*example_documents(example), [rule])
        assert planned == full


def test_wants_matches_exact_keys_prefixes_and_roles():
    class Probe(Rule):
        keys = {"schema": frozenset({"enum", "x-ms-*"})}
        schema_roles = frozenset({"definition"})

        def schema(self, ctx, schema):
            pass

    assert Probe.wants("schema", "definition", ("type", "enum"))
    assert Probe.wants("schema", "definition", ("x-ms-summary",))
    assert not Probe.wants("schema", "definition", ("type", "x-summary"))
    assert not Probe.wants("schema", "property", ("enum",))
    assert Probe.wants("parameter", "", ())  # kinds without keys run everywhere


def test_declared_keys_lose_nothing_on_the_corpus(corpus_path):
    folders = discover([corpus_path])[::7]  # a spread sample keeps the test quick
    assert len(folders) > 80
    compared = 0
    for folder in folders:
        connector = load_connector(folder)
        if not isinstance(connector.swagger, dict):
            continue
        planned, full = _same(connector.swagger, connector.properties)
        assert planned == full, f"{folder.name}: planned run differs from the full run"
        compared += 1
    assert compared > 80
