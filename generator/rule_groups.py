"""Named groups of finding codes, defined here and nowhere else: `--select group:style`,
`ignore = ["group:string-guidance"]`, `pacgen rules --group certification`.

A group is a rule over what every code already declares (its ``source``, its family folder,
``opt_in``) plus, where no declaration says it, a short list kept here with its reason. So a new
rule joins its groups without editing this module, and a rule module never names a group.
Groups may overlap: OperationDescriptionWithoutPeriod is coding standards and certification.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: How a command line or configuration names a group rather than a code (a code never has ':').
GROUP_PREFIX = "group:"

#: Formatting of the swagger file: no effect on the connector, opt-in (coding standards).
STYLE_CODES = frozenset({"JsonIndentationNotFourSpaces", "TrailingWhitespace"})

#: Codes the certification submission requirements name (docs/custom-connectors/
#: certification-submission.md, "Step 2: Meet submission requirements") whose rule comes from
#: another source: descriptions "full, descriptive sentences, and end in punctuation", summaries
#: "80 characters or shorter ... only alphanumeric characters or parentheses", "don't copy and
#: paste" summaries into descriptions, "don't use default responses", the icon and the title.
CERTIFICATION_CODES = frozenset({
    "OperationDescriptionWithoutPeriod", "SummarySameAsDescription", "XMsSummaryTooLong",
    "OperationSummaryEndsWithPunctuation", "ResponseDefaultOnly",
    "IconNotPng", "IconNotSquare", "IconSizeNotValid", "ScriptTooLarge", "ScriptOperationIdNotFound",
})


@dataclass(frozen=True)
class CodeInfo:
    """What the groups look at: one finding code and what its rule declares."""

    code: str
    kind: str  # "rule" (swagger and apiProperties), "file" (a file's text), "change", "docs", "stage"
    source: str  # microsoft-validator, coding-standards, string-guidance, certification, pacgen, change...
    family: str  # the folder under generator/validate/rules/ ("" for stage, docs and change codes)
    opt_in: bool
    severity: str  # error | warning | info, or "-" for stage and docs codes (they vary)
    summary: str


@dataclass(frozen=True)
class Group:
    name: str
    about: str
    holds: Callable[[CodeInfo], bool]


GROUPS: tuple[Group, ...] = (
    Group("default", "what `pacgen validate` runs unless told otherwise: every code that is not opt-in",
          lambda c: not c.opt_in),
    Group("opt-in", "style and rules no reviewer enforces: run only when selected",
          lambda c: c.opt_in),
    Group("openapi", "OpenAPI 2.0 validity: paconn and the service refuse an invalid swagger",
          lambda c: c.code == "OpenApiInvalid"),
    Group("microsoft-validator", "the rule IDs of Microsoft's Swagger Validator (the certification pipeline)",
          lambda c: c.source == "microsoft-validator"),
    Group("certification", "what certification reviewers and paconn send back (submission requirements, "
          "review checks, script.csx, icon)",
          lambda c: c.source == "certification" or c.family in ("review", "script") or c.code in CERTIFICATION_CODES),
    Group("string-guidance", "Microsoft's connector string guidance (summaries, x-ms-summary, triggers)",
          lambda c: c.source == "string-guidance"),
    Group("coding-standards", "Microsoft's custom connector coding standards",
          lambda c: c.source == "coding-standards"),
    Group("style", "layout of the swagger file (indentation, trailing whitespace): no effect on the connector",
          lambda c: c.code in STYLE_CODES),
    Group("openapi-extensions", "Microsoft's x-ms-* extensions: known names and members, documented constraints",
          lambda c: c.source == "openapi-extensions" or c.family == "extensions"),
    Group("secrets", "credentials kept out of a connector's files", lambda c: c.family == "secrets"),
    Group("pacgen", "pacgen's own checks that no Microsoft document lists as a rule",
          lambda c: c.source == "pacgen" and c.kind in ("rule", "file")),
    Group("input", "input that cannot be used as written: unreadable files, JSON and YAML errors, the spec's "
          "schema, suppressions", lambda c: c.kind == "stage" and c.code not in CERTIFICATION_CODES
          and c.code != "OpenApiInvalid"),
    Group("docs", "comparison with the connector's published reference page (--docs)", lambda c: c.kind == "docs"),
    Group("change", "breaking changes between two versions (pacgen diff)", lambda c: c.kind == "change"),
)

_BY_NAME = {group.name: group for group in GROUPS}


def is_group(pattern: str) -> bool:
    return pattern.startswith(GROUP_PREFIX)


def group_names() -> list[str]:
    return [group.name for group in GROUPS]


def group(name: str) -> Group:
    """The group called ``name`` (without the prefix); KeyError for an unknown one."""
    return _BY_NAME[name]


def unknown_group_problem(pattern: str) -> str | None:
    """None for a known ``group:NAME``; else a message with a did-you-mean."""
    name = pattern[len(GROUP_PREFIX):]
    if name in _BY_NAME:
        return None
    guesses = difflib.get_close_matches(name, group_names(), n=3, cutoff=0.5)
    hint = (f"; did you mean {', '.join(GROUP_PREFIX + g for g in guesses)}?" if guesses
            else "; `pacgen rules --groups` lists them")
    return f"unknown group {pattern!r}{hint}"


@functools.cache
def catalogue() -> dict[str, CodeInfo]:
    """Every finding code pacgen has, with what its rule declares, by code."""
    from generator.codes import STAGE_CODES
    from generator.diff.rule import load_change_rules
    from generator.docs.compare import CODES as DOCS_CODES
    from generator.validate.file_rule import load_file_rules
    from generator.validate.rule import family_of, load_all_rules

    found = {code: CodeInfo(code, "stage", "stage", "", False, "-", about) for code, about in STAGE_CODES.items()}
    found.update({code: CodeInfo(code, "docs", "docs", "", False, "-", about) for code, about in DOCS_CODES.items()})
    for kind, rules in (("change", load_change_rules()), ("rule", load_all_rules()), ("file", load_file_rules())):
        for code, rule in rules.items():
            found[code] = CodeInfo(code, kind, rule.source, family_of(rule), bool(getattr(rule, "opt_in", False)),
                                   rule.severity.value, rule.summary)
    return dict(sorted(found.items()))


@functools.cache
def codes_of(name: str) -> tuple[str, ...]:
    """The codes of group ``name`` (without the prefix), sorted."""
    holds = group(name).holds
    return tuple(code for code, info in catalogue().items() if holds(info))


def expand(patterns: Iterable[str]) -> tuple[str, ...]:
    """Codes and glob patterns as given, each ``group:NAME`` replaced by the group's codes (order
    kept, so the first severity a configuration gives a code still wins). Unknown groups raise
    KeyError: callers report them first (codes.unknown_code_problems)."""
    expanded: list[str] = []
    for pattern in patterns:
        expanded += codes_of(pattern[len(GROUP_PREFIX):]) if is_group(pattern) else [pattern]
    return tuple(expanded)


def groups_of(code: str) -> list[str]:
    """The names of the groups ``code`` belongs to."""
    info = catalogue()[code]
    return [group.name for group in GROUPS if group.holds(info)]


def describe_groups(name: str | None) -> tuple[str, str | None]:
    """`pacgen rules --groups` (name is None): one line per group; `pacgen rules --group NAME`: its
    codes, one line each. Returns (text, problem) — a problem for an unknown group name."""
    if name is None:
        lines = []
        for each in GROUPS:
            codes = codes_of(each.name)
            opt_in = sum(catalogue()[code].opt_in for code in codes)
            lines.append(f"{GROUP_PREFIX + each.name:<26}  {len(codes):>4} codes  {opt_in:>3} opt-in  {each.about}")
        return "\n".join(lines) + "\n", None
    name = name.removeprefix(GROUP_PREFIX)
    problem = unknown_group_problem(GROUP_PREFIX + name)
    if problem:
        return "", problem
    codes = codes_of(name)
    width = max((len(code) for code in codes), default=0)
    lines = [f"{GROUP_PREFIX}{name}: {group(name).about}"]
    for code in codes:
        info = catalogue()[code]
        marker = "  (opt-in: --select it)" if info.opt_in else ""
        lines.append(f"{code:<{width}}  {info.severity:<7}  {info.source:<19}  {info.summary}{marker}")
    return "\n".join(lines) + "\n", None
