"""What a validation rule is, the registry of all rules, and the context rules report through.

A rule is a subclass of :class:`Rule` in its own module under ``generator/validate/rules/<family>/``:

    class OperationIdRequired(Rule):
        '''Every operation needs an operationId.

        Passing example::

            paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

        Failing example::

            paths: {/a: {get: {responses: {'200': {description: OK}}}}}

        Reports: /paths/~1a/get
        '''

        code = "OperationIdRequired"
        severity = Severity.ERROR
        summary = "every operation has an operationId"

        def operation(self, ctx, op):
            if "operationId" not in op.node:
                ctx.report(op.pointer, f"operation {op.label} has no operationId", "add one")

Handlers are named after the traversal's kinds (see ``traversal.py``). Examples are YAML
fragments merged over a minimal valid connector (``EXAMPLE_BASE``); a top-level ``apiProperties``
key in an example is the apiProperties document. The docstring examples are the rule's tests.

Each failing example is followed, at the heading's indentation, by ``Reports:`` and the JSON
pointers the rule must report on it: one pointer (``Reports: /paths/~1a/get``), or a YAML list
when it reports several, one entry per finding (a pointer reported twice is listed twice).
Pointers under ``/properties`` are apiProperties.json's; ``Reports: ''`` is the document root.
tests/test_rule_examples.py checks that the rule reports exactly these pointers, no more.
(A file rule, see file_rule.py, names places in its example text instead: ``Reports: 2:5``.)
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pkgutil
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, ClassVar

import yaml

from generator.findings import Finding, Severity
from generator.validate.traversal import resolve_local

KINDS = ("document", "path_item", "operation", "parameter", "response", "schema",
         "security_definition", "properties", "connection_parameter")

EXAMPLE_BASE: dict = {
    "swagger": "2.0",
    "info": {"title": "Contoso", "description": "Contoso sends text messages to your customers.", "version": "1.0"},
    "host": "api.contoso.com",
    "basePath": "/",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "paths": {},
}

_REGISTRY: dict[str, type[Rule]] = {}


class Rule:
    code: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = ""
    #: Where the rule comes from: "microsoft-validator" (Microsoft's Swagger Validator rule IDs),
    #: "coding-standards", "string-guidance" (Microsoft's connector guidance) or "pacgen".
    source: ClassVar[str] = "microsoft-validator"
    #: True when the rule cannot be judged from the files alone; the docstring says why.
    offline: ClassVar[bool] = True
    #: Which nodes a handler needs, by kind: the handler for kind K runs only on nodes that have at
    #: least one of ``keys[K]`` (an entry ending in "*" matches a key prefix). Kinds not listed run
    #: on every node. A corpus run visits ~190,000 schemas; this is what keeps it fast.
    keys: ClassVar[dict[str, frozenset[str]]] = {}
    #: The schema roles (see traversal.py) the ``schema`` handler needs; None for all of them.
    schema_roles: ClassVar[frozenset[str] | None] = None
    #: True for a rule outside the default set (style, or contradicted by Microsoft's own
    #: documents): it runs only when a --select pattern or the configuration's `select` names it.
    opt_in: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.code:
            return
        if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
            raise RuntimeError(f"rule code {cls.code} defined twice")
        _REGISTRY[cls.code] = cls

    @classmethod
    def handlers(cls) -> dict[str, Any]:
        return {kind: getattr(cls, kind) for kind in KINDS if callable(getattr(cls, kind, None))}

    @classmethod
    def wants(cls, kind: str, role: str, keys: tuple, node_type: Any = None) -> bool:
        """Whether the handler for ``kind`` needs a node of this ``role`` with these ``keys``.
        ``node_type`` is the node's ``type`` when it is a string (OTHER_TYPE for another value,
        None without one). A rule whose need is not a list of keys overrides this; the Plan then
        asks it once per node shape."""
        if kind == "schema" and cls.schema_roles is not None and role not in cls.schema_roles:
            return False
        wanted = cls.keys.get(kind)
        if wanted is None:
            return True
        exact, prefixes = _split_patterns(wanted)
        return any(key in exact or (isinstance(key, str) and key.startswith(prefixes)) for key in keys)

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, list[dict]]:
        """{"passing": [...], "failing": [...]} parsed from the docstring."""
        return parse_examples(cls.__doc__ or "")

    @classmethod
    def reports(cls) -> dict[str, list[list[str] | None]]:
        """The pointers each example must report, from its "Reports:" line (see the module doc)."""
        return example_reports(cls.__doc__ or "")


_EXAMPLE_HEAD = re.compile(r"^\s*(Passing|Failing) example::\s*$", re.MULTILINE)
#: "Reports:" at the start of a line of a dedented example section: what follows is no longer
#: the example but the pointers it must report.
_REPORTS_HEAD = re.compile(r"^Reports:", re.MULTILINE)


def _example_sections(docstring: str) -> list[tuple[str, str, str | None]]:
    """(outcome, example text, text of its "Reports:" line or None) for each example heading."""
    text = textwrap.dedent(docstring)
    heads = list(_EXAMPLE_HEAD.finditer(text))
    sections = []
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        section = textwrap.dedent(text[head.end():end].strip("\n"))
        reports = _REPORTS_HEAD.search(section)
        block = section[:reports.start()] if reports else section
        sections.append((head.group(1).lower(), textwrap.dedent(block.strip("\n")),
                         section[reports.start():] if reports else None))
    return sections


def example_blocks(docstring: str) -> dict[str, list[str]]:
    """{"passing": [...], "failing": [...]}: the text under each "Passing example::" /
    "Failing example::" heading of a docstring, dedented (without its "Reports:" line)."""
    found: dict[str, list[str]] = {"passing": [], "failing": []}
    for outcome, block, _reports in _example_sections(docstring):
        found[outcome].append(block)
    return found


_POINTER = re.compile(r"(/.*)?", re.DOTALL)
#: File rules (file_rule.py) report places in a text, not pointers: "LINE:COLUMN".
_POSITION = re.compile(r"[1-9][0-9]*:[1-9][0-9]*")


def example_reports(docstring: str, positions: bool = False) -> dict[str, list[list[str] | None]]:
    """{"passing": [...], "failing": [...]}: for each example, in order, the pointers (with
    ``positions``, the "LINE:COLUMN"s) its "Reports:" line names, None without one. Raises
    ValueError for a line that is not one of them or a list of them."""
    shape = _POSITION if positions else _POINTER
    found: dict[str, list[list[str] | None]] = {"passing": [], "failing": []}
    for outcome, _block, reports in _example_sections(docstring):
        found[outcome].append(None if reports is None else _parse_reports(reports, shape))
    return found


def _parse_reports(text: str, shape: re.Pattern) -> list[str]:
    try:  # BaseLoader: every scalar stays a string (YAML 1.1 would read 2:30 as the number 150)
        value = yaml.load(text, Loader=yaml.BaseLoader)["Reports"]
    except (yaml.YAMLError, TypeError, KeyError) as exc:
        raise ValueError(f"unreadable 'Reports:' line {text!r}: {exc}") from None
    places = [value] if isinstance(value, str) else value
    if (not isinstance(places, list) or not places
            or not all(isinstance(p, str) and shape.fullmatch(p) for p in places)):
        raise ValueError(f"'Reports:' needs one place or a list of them, not {value!r}")
    return places


def parse_examples(docstring: str) -> dict[str, list[dict]]:
    """The examples of a rule's docstring, as YAML fragments of a connector."""
    return {outcome: [yaml.safe_load(block) or {} for block in blocks]
            for outcome, blocks in example_blocks(docstring).items()}


def deep_merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = deep_merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    return copy.deepcopy(extra)


def example_documents(example: dict) -> tuple[dict, dict | None]:
    example = dict(example)
    properties = example.pop("apiProperties", None)
    return deep_merge(EXAMPLE_BASE, example), properties


@dataclass
class Context:
    """What a handler sees: both documents, helpers, and ``report``."""

    swagger: Any
    properties: Any
    findings: list[Finding]
    current_rule: type[Rule] | None = None
    #: Schemas visited by the walk, by role; complete when the rules' ``finish`` runs.
    schema_roles: dict[str, int] = field(default_factory=dict)
    #: Where the connector lives (its folder or spec path; "" when unknown): a few review rules
    #: read the repository's conventions from it (independent-publisher-connectors/).
    location: str = ""
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def report(self, pointer: str, message: str, hint: str = "",
               severity: Severity | None = None) -> None:
        rule = self.current_rule
        assert rule is not None
        self.findings.append(Finding(rule.code, severity or rule.severity, message,
                                     pointer=pointer, hint=hint))

    def resolve(self, ref: Any) -> Any:
        return resolve_local(self.swagger, ref)

    def deref(self, node: Any, limit: int = 20) -> Any:
        """Follow ``$ref`` chains (bounded, so loops end) to the node they point at."""
        while isinstance(node, dict) and "$ref" in node and limit:
            node = self.resolve(node["$ref"])
            limit -= 1
        return node

    @cached_property
    def operations(self) -> list:
        from generator.validate.traversal import HTTP_METHODS, Operation, PathItem, _p

        found = []
        paths = self.swagger.get("paths") if isinstance(self.swagger, dict) else None
        for path, item in (paths.items() if isinstance(paths, dict) else ()):
            if not isinstance(item, dict):
                continue
            path_item = PathItem(path, item, _p("/paths", path))
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    found.append(Operation(path, method, item[method], _p(path_item.pointer, method),
                                           path_item))
        return found

    @cached_property
    def document_keys(self) -> frozenset:
        """Every member name used anywhere in the swagger: one pass that lets a rule about a rare
        extension skip a connector that never mentions it."""
        found: set = set()
        dicts = [self.swagger] if isinstance(self.swagger, dict) else []
        lists = [self.swagger] if isinstance(self.swagger, list) else []
        while dicts or lists:  # plain loops: this visits every node of the swagger
            while dicts:
                node = dicts.pop()
                found.update(node)
                for value in node.values():
                    if isinstance(value, dict):
                        dicts.append(value)
                    elif isinstance(value, list):
                        lists.append(value)
            while lists:
                for value in lists.pop():
                    if isinstance(value, dict):
                        dicts.append(value)
                    elif isinstance(value, list):
                        lists.append(value)
        return frozenset(found)

    def memo(self, key: Any, build: Callable[[Context], Any]) -> Any:
        """``build(self)``, computed once per connector for every rule that asks with ``key``
        (indexes several rules share, e.g. operations by operationId)."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]

    @cached_property
    def connection_parameters(self) -> dict:
        props = self.properties.get("properties") if isinstance(self.properties, dict) else None
        params = props.get("connectionParameters") if isinstance(props, dict) else None
        return params if isinstance(params, dict) else {}


def load_all_rules() -> dict[str, type[Rule]]:
    """Every rule, code → rule class (the rule modules are imported once per process)."""
    _import_rule_modules()
    return dict(sorted(_REGISTRY.items()))


@lru_cache(maxsize=1)
def _import_rule_modules() -> None:
    for family, module in rule_modules():
        importlib.import_module(f"{RULES_PACKAGE}.{family}.{module}")


RULES_PACKAGE = "generator.validate.rules"


def rule_modules() -> list[tuple[str, str]]:
    """(family, module) of every rule module: the rules live one family package deep
    (``rules/<family>/<module>.py``); modules whose name starts with ``_`` are helpers, not rules."""
    package = importlib.import_module(RULES_PACKAGE)
    found = []
    for family in pkgutil.iter_modules(package.__path__):
        if not family.ispkg or family.name.startswith("_"):
            continue
        family_package = importlib.import_module(f"{RULES_PACKAGE}.{family.name}")
        found += [(family.name, module.name) for module in pkgutil.iter_modules(family_package.__path__)
                  if not module.ispkg and not module.name.startswith("_")]
    return sorted(found)


def family_of(rule: type) -> str:
    """The family (package under ``rules/``) a rule class is defined in; "" for rules elsewhere."""
    prefix = RULES_PACKAGE + "."
    parts = rule.__module__.removeprefix(prefix).split(".")
    return parts[0] if rule.__module__.startswith(prefix) and len(parts) == 2 else ""


@lru_cache(maxsize=512)
def _split_patterns(patterns: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    exact = frozenset(p for p in patterns if not p.endswith("*"))
    return exact, tuple(sorted(p[:-1] for p in patterns if p.endswith("*")))


class Plan:
    """Which rules' handlers run on which nodes: worked out once per selection of rules and once
    per node shape (kind, schema role, keys in order), then reused for every node of that shape.
    A new shape costs a few dictionary lookups per key (a corpus has thousands of shapes), not a
    question to every rule; ``Rule.wants`` gives the same answers, one rule at a time."""

    def __init__(self, rules: tuple[type[Rule], ...], every_node: bool = False):
        self.subscribers = {kind: [rule for rule in rules if kind in rule.handlers()] for kind in KINDS}
        self.every_node = every_node
        self._chosen: dict[tuple, tuple[int, ...]] = {}
        self._always: dict[str, frozenset[int]] = {}
        self._by_key: dict[str, dict[str, set[int]]] = {}
        self._by_prefix: dict[str, dict[str, set[int]]] = {}
        self._custom: dict[str, list[int]] = {}
        for kind, subscribers in self.subscribers.items():
            always, by_key, by_prefix, custom = set(), {}, {}, []
            for index, rule in enumerate(subscribers):
                wanted = rule.keys.get(kind)
                if every_node:
                    always.add(index)
                    continue
                if rule.wants.__func__ is not Rule.wants.__func__:
                    custom.append(index)
                    continue
                if wanted is None:
                    always.add(index)
                    continue
                exact, prefixes = _split_patterns(wanted)
                for key in exact:
                    by_key.setdefault(key, set()).add(index)
                for prefix in prefixes:
                    by_prefix.setdefault(prefix, set()).add(index)
            self._custom[kind] = custom
            self._always[kind] = frozenset(always)
            self._by_key[kind], self._by_prefix[kind] = by_key, by_prefix
        self._roles = {index: rule.schema_roles for index, rule in enumerate(self.subscribers["schema"])
                       if rule.schema_roles is not None and not every_node
                       and index not in self._custom["schema"]}

    def chosen(self, kind: str, role: str, keys: tuple, node_type: Any = None) -> tuple[int, ...]:
        shape = (kind, role, keys, node_type)
        found = self._chosen.get(shape)
        if found is None:
            found = self._chosen[shape] = self._choose(kind, role, keys, node_type)
        return found

    def _choose(self, kind: str, role: str, keys: tuple, node_type: Any) -> tuple[int, ...]:
        chosen = set(self._always[kind])
        subscribers = self.subscribers[kind]
        chosen.update(index for index in self._custom[kind]
                      if subscribers[index].wants(kind, role, keys, node_type))
        by_key, by_prefix = self._by_key[kind], self._by_prefix[kind]
        for key in keys:
            chosen |= by_key.get(key, _NONE)
            if by_prefix and isinstance(key, str):
                for prefix, indices in by_prefix.items():
                    if key.startswith(prefix):
                        chosen |= indices
        if kind == "schema" and self._roles:
            chosen = {index for index in chosen if role in self._roles.get(index, (role,))}
        return tuple(sorted(chosen))


@lru_cache(maxsize=8)
def plan_for(rules: tuple[type[Rule], ...], every_node: bool = False) -> Plan:
    return Plan(rules, every_node)


_NONE: frozenset[int] = frozenset()
#: The ``node_type`` of a node whose ``type`` is present but not a string (a list, say).
OTHER_TYPE = "<not a string>"
_WHOLE_DOCUMENT_KINDS = frozenset({"document", "properties"})


def run_rules(swagger: Any, properties: Any, rules: list[type[Rule]] | None = None,
              every_node: bool = False, location: str = "") -> list[Finding]:
    """Run ``rules`` (default: all) over one connector in a single traversal. ``every_node`` ignores
    the rules' ``keys``/``schema_roles`` (tests use it to prove those declarations lose nothing);
    ``location`` is the connector's folder or spec path (``Context.location``)."""
    from generator.validate.traversal import Walker

    selected = tuple(load_all_rules().values()) if rules is None else tuple(rules)
    plan = plan_for(selected, every_node)
    instances = {rule: rule() for rule in selected}
    subscribers = {kind: [(rule, getattr(instances[rule], kind)) for rule in rules_of_kind]
                   for kind, rules_of_kind in plan.subscribers.items()}
    findings: list[Finding] = []
    ctx = Context(swagger, properties, findings, location=location)

    def dispatch(kind: str, context: Context, item: Any) -> None:
        node = item if kind in _WHOLE_DOCUMENT_KINDS else item.node
        if isinstance(node, dict):
            keys = tuple(node)
            node_type = node.get("type")
            if node_type is not None and not isinstance(node_type, str):
                node_type = OTHER_TYPE
        else:
            keys, node_type = (), None
        handlers = subscribers[kind]
        for index in plan.chosen(kind, item.role if kind == "schema" else "", keys, node_type):
            rule, handler = handlers[index]
            context.current_rule = rule
            handler(context, item)

    walker = Walker(dispatch, ctx)
    walker.walk(swagger, properties)
    ctx.schema_roles = walker.schema_roles
    for rule, instance in instances.items():
        finish = getattr(instance, "finish", None)
        if callable(finish):
            ctx.current_rule = rule
            finish(ctx)
    return findings
