"""Rules declare which nodes they need (``Rule.keys``, ``Rule.schema_roles``) so a run skips the
rest. These tests prove the declarations lose nothing: every finding of a full run (every handler
on every node) is also found by the planned run — on each rule's examples and on real connectors."""

import ast
import random
from pathlib import Path

import pytest

from generator.pipeline import load_connector
from generator.validate.pipeline import discover
from generator.validate.rule import KINDS, Context, Rule, example_documents, load_all_rules, run_rules
from generator.validate.traversal import resolve_local

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


# --- The shared helpers and the per-connector caches --------------------------------------------

RULES_DIR = Path(__file__).resolve().parent.parent / "generator" / "validate" / "rules"


RULE_MODULES = sorted(str(p.relative_to(RULES_DIR)) for p in RULES_DIR.glob("*/*.py") if not p.name.startswith("_"))


def _helper_modules_allowed(family: str) -> set[str]:
    """A rule module may import its own family's helpers and the rules' common module, nothing else."""
    own = {f"generator.validate.rules.{family}.{p.stem}" for p in (RULES_DIR / family).glob("_*.py")}
    return own | {f"generator.validate.rules.{p.stem}" for p in RULES_DIR.glob("_*.py")}


def test_every_rule_module_lives_in_a_family_folder():
    assert not [p.name for p in RULES_DIR.glob("*.py") if not p.name.startswith("_")]
    from generator.validate.file_rule import load_file_rules

    assert len(RULE_MODULES) == len(RULES) + len(load_file_rules()), "one rule per module"


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_modules_import_no_other_rule_module(module):
    """Helpers live beside the family that uses them (rules/<family>/_*.py) or, when families truly
    share them, in the rules' common module; rule modules stay independent of each other."""
    family = module.split("/")[0]
    allowed = _helper_modules_allowed(family)
    tree = ast.parse((RULES_DIR / module).read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator.validate.rules."):
            assert node.module in allowed, f"{module} imports {node.module}"


def test_the_helper_modules_are_not_loaded_as_rules():
    assert all(not rule.__module__.rsplit(".", 1)[-1].startswith("_") for rule in RULES.values())


def test_helper_modules_stay_small_and_shared_helpers_are_shared():
    """No helper module over ~600 lines; every helper in the common module serves two families."""
    for path in RULES_DIR.glob("**/_*.py"):
        assert len(path.read_text("utf-8").splitlines()) <= 620, path
    common = ast.parse((RULES_DIR / "_common.py").read_text("utf-8"))
    public = {node.name for node in common.body
              if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")}
    families_using = {name: set() for name in public}
    for path in RULES_DIR.glob("*/*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "generator.validate.rules._common":
                for alias in node.names:
                    families_using.get(alias.name, set()).add(path.parent.name)
    assert all(families_using.values()), {n: f for n, f in families_using.items() if not f}


def _naive_count(swagger, root, start_refs, cap):
    """The size rule's definition: expand every reference in place, except one already being
    expanded on the current path; stop at ``cap``."""
    def count(node, active):
        if not isinstance(node, dict):
            return 0
        ref = node.get("$ref")
        if ref is not None:
            if not isinstance(ref, str) or ref in active:
                return 0
            return count(resolve_local(swagger, ref), active | {ref})
        total = 1
        for key in ("properties",):
            for sub in (node.get(key) or {}).values():
                total += count(sub, active)
        for key in ("items", "additionalProperties"):
            total += count(node.get(key), active)
        for sub in node.get("allOf") or ():
            total += count(sub, active)
        return total
    return min(count(root, frozenset(start_refs)), cap)


def _random_definitions(seed):
    rng = random.Random(seed)
    names = [f"D{i}" for i in range(12)]

    def schema(depth):
        if depth > 2 or rng.random() < 0.3:
            return {"$ref": f"#/definitions/{rng.choice(names)}"} if rng.random() < 0.5 else {"type": "string"}
        props = {f"p{i}": schema(depth + 1) for i in range(rng.randint(0, 3))}
        node = {"type": "object", "properties": props}
        if rng.random() < 0.3:
            node["items"] = schema(depth + 1)
        if rng.random() < 0.2:
            node["allOf"] = [schema(depth + 1)]
        return node

    return {"swagger": "2.0", "definitions": {name: schema(0) for name in names}}


@pytest.mark.parametrize("seed", range(40))
def test_schema_count_with_shared_reference_sizes_equals_plain_expansion(seed):
    from generator.validate.rules.responses.body_schema_count_exceeds_max_allowed import count_schemas

    swagger = _random_definitions(seed)
    for cap in (5, 40, 513):
        ctx = Context(swagger, None, [])
        for name, node in swagger["definitions"].items():
            start = {f"#/definitions/{name}"}
            assert count_schemas(ctx, node, frozenset(start), cap) == _naive_count(swagger, node, start, cap)
            assert count_schemas(ctx, node, frozenset(), cap) == _naive_count(swagger, node, set(), cap)


@pytest.mark.parametrize("seed", range(20))
def test_partial_path_candidates_keep_every_pair_that_is_not_distinct(seed):
    from generator.validate.rules.operations.partial_duplicate_operation_path import (
        _candidates,
        compare,
        shape,
    )

    rng = random.Random(seed)
    pieces = ["items", "Items", "{id}", "{itemId}", "recent", "v{n}.json", "a{b}c", "x"]
    paths = {tuple(rng.choice(pieces) for _ in range(3)) for _ in range(40)}
    split = [[shape(segment) for segment in path] for path in sorted(paths)]
    candidates = _candidates(split)
    for i, a in enumerate(split):
        for j, b in enumerate(split):
            if i != j and compare(a, b) != "distinct":
                assert j in candidates[i]


def test_notification_url_walks_skip_only_references_that_reach_no_marker(corpus_path, monkeypatch):
    """The webhook rules skip references from which no x-ms-notification-url can be reached;
    on connectors that use the marker, the inputs they find are the same as without skipping."""
    from generator.validate.rules.operations import _helpers as operations
    from generator.validate.rules.webhooks import _helpers as webhooks

    def inputs_of(connector):
        ctx = Context(connector.swagger, connector.properties, [])
        return [(op.pointer, webhooks.notification_url_chains(ctx, op),
                 operations.notification_url_inputs(ctx, op)) for op in ctx.operations]

    connectors = [load_connector(folder) for folder in discover([corpus_path])[::5]]
    marked = [c for c in connectors if isinstance(c.swagger, dict)
              and "x-ms-notification-url" in Context(c.swagger, None, []).document_keys]
    assert len(marked) > 10
    pruned = [inputs_of(c) for c in marked]
    for module in (operations, webhooks):
        monkeypatch.setattr(module, "unmarked_reference", lambda ctx, node: False)
    assert pruned == [inputs_of(c) for c in marked]
    assert any(chains for found in pruned for _, chains, _ in found)


def _plain_shape(root, cap):
    """SchemaTooDeep's definition: the deepest inline level and the definition references met,
    walking at most ``cap`` levels deep, depth first."""
    deepest, refs, stack = 0, [], [(root, 1)]
    while stack:
        node, level = stack.pop()
        if not isinstance(node, dict):
            continue
        if "$ref" in node:
            ref = node["$ref"]
            if isinstance(ref, str) and ref.startswith("#/definitions/") and ref.count("/") == 2:
                refs.append((level - 1, ref[len("#/definitions/"):]))
            continue
        deepest = max(deepest, level)
        if level <= cap:
            children = list((node.get("properties") or {}).values())
            items = node.get("items")
            children += [items] if isinstance(items, dict) else (items or [])
            children += [node["additionalProperties"]] if isinstance(node.get("additionalProperties"), dict) else []
            children += node.get("allOf") or []
            stack.extend((child, level + 1) for child in children)
    return deepest, refs


def _random_tree(rng, depth):
    """A chain of nested schemas (up to ~45 levels, beyond the depth cap) with leaves beside it."""
    if depth > 45 or rng.random() < 0.03:
        return _random_leaf(rng)
    deeper = _random_tree(rng, depth + 1)
    node = {"type": "object", "properties": {"side": _random_leaf(rng)}}
    where = rng.random()
    if where < 0.6:
        node["properties"]["next"] = deeper
    elif where < 0.75:
        node["items"] = deeper if rng.random() < 0.5 else [_random_leaf(rng), deeper]
    elif where < 0.9:
        node["allOf"] = [deeper, _random_leaf(rng)]
    else:
        node["additionalProperties"] = deeper
    if rng.random() < 0.05:
        node["$ref"] = None  # counted as a schema, yet the depth walk stops here
    return node


def _random_leaf(rng):
    return rng.choice([{"type": "string"}, {"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"},
                       {"$ref": None}, {"$ref": "#/parameters/p"}])


@pytest.mark.parametrize("seed", range(30))
def test_schema_depth_shape_from_the_shared_inline_pass_equals_a_plain_walk(seed):
    from generator.validate.rules.responses.schema_too_deep import _CAP, _shape

    rng = random.Random(seed)
    root = {"type": "object", "properties": {f"r{i}": _random_tree(rng, 1) for i in range(3)}}
    assert _shape(Context({}, None, []), root) == _plain_shape(root, _CAP)


def test_plan_chooses_what_each_rule_wants():
    import random

    from generator.validate.rule import OTHER_TYPE, Plan

    rules = tuple(RULES.values())
    plan = Plan(rules)
    vocabulary = sorted({key for rule in rules for keys in rule.keys.values() for key in keys
                         if not key.endswith("*")} | {"x-ms-visibility", "x-custom", "type", "name", "", "x-ms"})
    roles = ("body", "response", "definition", "property", "items", "header", "")
    node_types = (None, "array", "string", "file", "object", "weird", OTHER_TYPE)
    chance = random.Random(7)
    for _ in range(3000):
        kind = chance.choice([k for k in KINDS if plan.subscribers[k]])
        keys = tuple(chance.sample(vocabulary, chance.randint(0, 6)))
        role = chance.choice(roles) if kind == "schema" else ""
        node_type = chance.choice(node_types)
        expected = tuple(i for i, rule in enumerate(plan.subscribers[kind])
                         if rule.wants(kind, role, keys, node_type))
        assert plan.chosen(kind, role, keys, node_type) == expected, (kind, role, keys, node_type)
