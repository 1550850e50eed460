"""Every finding code pacgen can report, so that a misspelt code is an error, never a silent no-op.

Rule codes come from the rule registries; the codes of the other stages (reading, the spec, the
docs comparison, suppressions, configuration) are listed here. tests/test_project.py checks that
every code written in the package is known.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools

STAGE_CODES = {
    "InputUnreadable": "a path on the command line cannot be read",
    "InvalidUtf8": "a file is not valid UTF-8",
    "JsonSyntaxError": "a JSON file cannot be parsed",
    "DuplicateKey": "a key appears twice in one JSON object",
    "ByteOrderMark": "a file starts with a UTF-8 byte-order mark",
    "ConnectorFileMissing": "a connector folder without apiDefinition.swagger.json",
    "ConnectorFolderMissing": "no connector folder where one was expected",
    "ConnectorUnknown": "no connector of that name in the project configuration",
    "ConfigInvalid": "the project configuration cannot be used",
    "OpenApiInvalid": "the swagger is not valid OpenAPI 2.0",
    "SpecNotFound": "the spec file does not exist",
    "SpecEmpty": "the spec is empty",
    "SpecInvalid": "the spec does not follow its schema",
    "SpecUnknownKey": "a key the spec format does not have",
    "ScriptOperationIdNotFound": "script.csx compares OperationId with an id the swagger or scriptOperations lacks",
    "ScriptTooLarge": "script.csx is larger than the 1 MB custom code allows",
    "IconNotPng": "icon.png is not a PNG image",
    "IconNotSquare": "icon.png is not square",
    "IconSizeNotValid": "icon.png is not the 230×230 pixels certification asks for",
    "SpecFileMissing": "a file the spec names (icon, script) cannot be read",
    "SpecDuplicateOperationId": "two operations of the spec share an id",
    "SpecPathParameterMissing": "a path variable without a path parameter",
    "SpecPathParameterNotInPath": "a path parameter whose variable is not in the path",
    "SpecReferenceInvalid": "a $ref in the spec that cannot be followed",
    "SpecReferenceUndefined": "a $ref in the spec to an undefined element",
    "SpecLayoutUnknown": "a layout entry naming an operation or path the spec does not have",
    "YamlSyntaxError": "the spec is not valid YAML",
    "YamlKeyNotScalar": "a YAML key that is not a plain value",
    "YamlTagNotAllowed": "a YAML tag the spec format does not accept",
    "YamlValueInvalid": "a YAML value that does not convert (`!!int abc`) or is not JSON (`.inf`)",
    "YamlAliasExpansion": "YAML aliases that expand the spec beyond the limit (an alias bomb)",
    "ValidationCrashed": "pacgen itself failed on one connector of a run (a bug: please report it)",
    "DocsPageUnreadable": "the reference page cannot be read",
    "SuppressionInvalid": "a suppression without a code or a reason",
    "SuppressionUnknownCode": "a suppression names a code pacgen does not have",
    "SuppressionUnused": "a suppression that silenced nothing (remove it)",
    "NumberTooLong": "a number with more digits than Python converts (over 4,300)",
    "NestingTooDeep": "objects or arrays nested deeper than the documented limit",
    "LoneSurrogate": "a lone UTF-16 surrogate in a string (replaced by U+FFFD on import)",
    "NotAnApiDocument": "a file given to import that is neither OpenAPI 3 nor Swagger 2.0",
    "OpenApi3NotAccepted": "an OpenAPI 3 document: Power Platform accepts Swagger 2.0 only (pacgen import converts it)",
}


@functools.cache
def known_codes() -> frozenset[str]:
    from generator.diff.rule import load_change_rules
    from generator.docs.compare import CODES as DOCS_CODES
    from generator.validate.file_rule import load_file_rules
    from generator.validate.rule import load_all_rules

    # Change rules (pacgen diff) count too: a spec's `suppress:` list accepts breaking changes.
    return frozenset({*load_all_rules(), *load_file_rules(), *load_change_rules(), *DOCS_CODES, *STAGE_CODES})


def unknown_code_problems(patterns: tuple[str, ...] | list[str]) -> list[str]:
    """One message per code or glob pattern that matches no known code, with a did-you-mean."""
    known = known_codes()
    problems = []
    for pattern in patterns:
        if pattern.startswith("group:"):  # a named group (generator/rule_groups.py)
            from generator.rule_groups import unknown_group_problem

            problem = unknown_group_problem(pattern)
            problems += [problem] if problem else []
            continue
        if pattern in known or (_is_glob(pattern) and any(fnmatch.fnmatchcase(c, pattern) for c in known)):
            continue
        problems.append(f"unknown code {pattern!r}{did_you_mean(pattern)}")
    return problems


def did_you_mean(code: str) -> str:
    guesses = difflib.get_close_matches(code, sorted(known_codes()), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(guesses)}?" if guesses else "; `pacgen rules` lists the codes"


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")
