"""What a validation rule is, the registry of all rules, and the context rules report through.

A rule is a subclass of :class:`Rule` in its own module under ``generator/validate/rules/``:

    class OperationIdRequired(Rule):
        '''Every operation needs an operationId.

        Passing example::

            paths: {/a: {get: {operationId: GetA, responses: {'200': {description: OK}}}}}

        Failing example::

            paths: {/a: {get: {responses: {'200': {description: OK}}}}}
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
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pkgutil
import re
import textwrap
from dataclasses import dataclass
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
    #: True when the rule cannot be judged from the files alone; the docstring says why.
    offline: ClassVar[bool] = True

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
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, list[dict]]:
        """{"passing": [...], "failing": [...]} parsed from the docstring."""
        return parse_examples(cls.__doc__ or "")


_EXAMPLE_HEAD = re.compile(r"^\s*(Passing|Failing) example::\s*$", re.MULTILINE)


def parse_examples(docstring: str) -> dict[str, list[dict]]:
    text = textwrap.dedent(docstring)
    heads = list(_EXAMPLE_HEAD.finditer(text))
    found: dict[str, list[dict]] = {"passing": [], "failing": []}
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        block = textwrap.dedent(text[head.end():end].strip("\n"))
        # The block ends at the first line that is not indented relative to the heading.
        found[head.group(1).lower()].append(yaml.safe_load(block) or {})
    return found


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
    from generator.validate import rules as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def run_rules(swagger: Any, properties: Any, rules: list[type[Rule]] | None = None) -> list[Finding]:
    """Run ``rules`` (default: all) over one connector in a single traversal."""
    from generator.validate.traversal import Walker

    selected = list(load_all_rules().values()) if rules is None else rules
    instances = [rule() for rule in selected]
    subscribers: dict[str, list] = {kind: [] for kind in KINDS}
    for instance in instances:
        for kind in type(instance).handlers():
            subscribers[kind].append((type(instance), getattr(instance, kind)))
    findings: list[Finding] = []
    ctx = Context(swagger, properties, findings)

    def dispatch(kind: str, context: Context, node: Any) -> None:
        for rule, handler in subscribers[kind]:
            context.current_rule = rule
            handler(context, node)

    Walker(dispatch, ctx).walk(swagger, properties)
    for instance in instances:
        finish = getattr(instance, "finish", None)
        if callable(finish):
            ctx.current_rule = type(instance)
            finish(ctx)
    return findings
