"""What a change rule is, the registry of change rules, and the context they report through.

A change rule is a subclass of :class:`ChangeRule` in a module under ``generator/diff/rules/``.
Its level is its severity: **breaking** = error, **potentially breaking** = warning,
**non-breaking** = info. Its docstring carries a ``Before example::`` and an ``After example::``
(YAML fragments merged over a minimal connector, like the validator's examples; a top-level
``apiProperties`` key is the apiProperties document): comparing them must report the rule — that
is the rule's test. Handlers, each optional:

- ``document(ctx)`` — once per comparison (connection, host, operations added or removed);
- ``operation(ctx, pair)`` — each operation present on both sides (``pair.old``/``pair.new``);
- ``input(ctx, pair, old, new)`` / ``output(ctx, pair, old, new)`` — each input or output field
  of such an operation; ``old`` or ``new`` is None when the field exists on one side only.

``ctx.report`` places a finding in NEW, ``ctx.report_old`` in OLD (for what was removed).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from generator.diff.view import ConnectorView, FieldView, OperationView
from generator.findings import Finding, Severity
from generator.validate.rule import example_blocks

_REGISTRY: dict[str, type[ChangeRule]] = {}
LEVELS = {Severity.ERROR: "breaking", Severity.WARNING: "potentially breaking", Severity.INFO: "non-breaking"}


class ChangeRule:
    code: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = ""
    source: ClassVar[str] = "change"  # the family `pacgen rules` shows
    offline: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.code:
            if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
                raise RuntimeError(f"change rule code {cls.code} defined twice")
            _REGISTRY[cls.code] = cls

    @classmethod
    def doc(cls) -> str:
        return f"Level: {LEVELS[cls.severity]}.\n\n" + inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> tuple[str, str]:
        """The (before, after) YAML texts of the docstring."""
        import re

        blocks = example_blocks(re.sub(r"^(\s*)(Before|After) example::", lambda m: m.group(1) + (
            "Passing" if m.group(2) == "Before" else "Failing") + " example::", cls.__doc__ or "",
            flags=re.MULTILINE))
        return blocks["passing"][0], blocks["failing"][0]


@dataclass
class OperationPair:
    old: OperationView
    new: OperationView
    renamed: bool = False  # matched by method and path, not by operationId


@dataclass
class Reported:
    finding: Finding
    side: str  # "old" or "new": whose file the pointer is in


@dataclass
class ChangeContext:
    old: ConnectorView
    new: ConnectorView
    pairs: list[OperationPair]
    removed: list[OperationView]
    added: list[OperationView]
    reported: list[Reported] = field(default_factory=list)
    current_rule: type[ChangeRule] | None = None
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute):
        """``compute()`` once per comparison: for what several handler calls need."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def report(self, pointer: str, message: str, hint: str = "", severity: Severity | None = None) -> None:
        self._add("new", pointer, message, hint, severity)

    def report_old(self, pointer: str, message: str, hint: str = "", severity: Severity | None = None) -> None:
        self._add("old", pointer, message, hint, severity)

    def _add(self, side: str, pointer: str, message: str, hint: str, severity: Severity | None) -> None:
        rule = self.current_rule
        assert rule is not None
        self.reported.append(Reported(Finding(rule.code, severity or rule.severity, message,
                                              pointer=pointer, hint=hint), side))

    def pair_of_new(self, op_id: str) -> OperationPair | None:
        return next((p for p in self.pairs if p.new.id == op_id), None)


def field_words(pair: OperationPair, item: FieldView, direction: str) -> str:
    """"Operation 'SendSms', input field 'body/to'." — the end of every field message."""
    return f"Operation {pair.new.label}, {direction} field '{item.label}'."


@lru_cache(maxsize=1)
def load_change_rules() -> dict[str, type[ChangeRule]]:
    import generator.diff.rules as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return dict(sorted(_REGISTRY.items()))


def handlers(rules: list[ChangeRule], name: str) -> list[tuple[type[ChangeRule], Any]]:
    """(rule class, bound handler) for each rule instance that has the handler ``name``."""
    return [(type(rule), getattr(rule, name)) for rule in rules if callable(getattr(rule, name, None))]
