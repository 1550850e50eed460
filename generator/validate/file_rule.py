"""Rules about a file's text rather than its parsed content: layout of the JSON (indentation,
trailing whitespace) and the sections of a connector's readme.md.

A file rule is a subclass of :class:`FileRule` in its own module under
``generator/validate/rules/file_text/`` (imported with the other rules). ``target`` names the file it
reads; ``check(text)`` yields ``Problem``s with a character offset, which the stage turns into
findings located by line and column. The docstring's "Passing example::" / "Failing example::"
blocks are the file text itself, each failing one followed by ``Reports:`` and the places
(``LINE:COLUMN``, or a YAML list of them) it must report; tests/test_rule_examples.py runs them.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from generator.findings import Finding, Severity
from generator.source import Document
from generator.validate.rule import example_blocks, example_reports

#: The files a file rule can read.
TARGETS = ("swagger", "readme", "script")

_REGISTRY: dict[str, type[FileRule]] = {}


@dataclass(frozen=True)
class Problem:
    offset: int
    message: str
    hint: str


class FileRule:
    code: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    source: ClassVar[str] = "pacgen"
    target: ClassVar[str] = "swagger"
    offline: ClassVar[bool] = True
    #: Outside the default set: runs only when selected (see ``Rule.opt_in``).
    opt_in: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not cls.code:
            return
        if cls.target not in TARGETS:
            raise RuntimeError(f"file rule {cls.code}: unknown target {cls.target}")
        if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
            raise RuntimeError(f"file rule code {cls.code} defined twice")
        _REGISTRY[cls.code] = cls

    def check(self, text: str) -> Iterator[Problem]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, list[str]]:
        """{"passing": [...], "failing": [...]}: file texts from the docstring."""
        return parse_text_examples(cls.__doc__ or "")

    @classmethod
    def reports(cls) -> dict[str, list[list[str] | None]]:
        """The "LINE:COLUMN" places each example must report, from its "Reports:" line."""
        return example_reports(cls.__doc__ or "", positions=True)


def parse_text_examples(docstring: str) -> dict[str, list[str]]:
    # "·" stands for a trailing blank, which a docstring cannot show (editors strip it).
    return {outcome: [block.replace("·", " ").rstrip("\n") + "\n" for block in blocks]
            for outcome, blocks in example_blocks(docstring).items()}


def load_file_rules() -> dict[str, type[FileRule]]:
    """Every file rule, code → class (imports the rule modules once)."""
    from generator.validate.rule import load_all_rules

    load_all_rules()
    return dict(sorted(_REGISTRY.items()))


def check_text(document: Document, target: str, rules: list[type[FileRule]]) -> list[Finding]:
    """Run the ``rules`` for ``target`` over one file's text; findings carry file:line:col."""
    findings = []
    for rule in rules:
        if rule.target != target:
            continue
        for problem in rule().check(document.text):
            line, column = document.line_col(problem.offset)
            findings.append(Finding(rule.code, rule.severity, problem.message, document.path, "",
                                    line, column, problem.hint))
    return findings
