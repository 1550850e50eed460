from __future__ import annotations

import re
import warnings

from generator.findings import Severity
from generator.validate.rules._common import node_keys
from generator.validate.rules.metadata._helpers import SchemaKeywordRule

_NAME = re.compile(r"([A-Za-z_]\w*|\d+)([>'])")
# Python rejects these where the .NET/ECMAScript engines the platform uses accept the pattern.
_TOLERATED = ("look-behind requires fixed-width", "global flags not at the start",
              "redefinition of group name", "bad character in group name")


def _translate(pattern: str) -> str:
    """Rewrite the .NET/ECMAScript constructs Python's ``re`` spells differently."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                if end != -1:  # a Unicode category: stand in with a word class
                    out.append("\\w" if nxt == "p" else "\\W")
                    i = end + 1
                    continue
            if nxt == "k" and i + 2 < n and pattern[i + 2] in "<'":
                match = _NAME.match(pattern, i + 3)
                if match:
                    name = match.group(1)
                    out.append(f"\\{name}" if name.isdigit() else f"(?P={name})")
                    i = match.end()
                    continue
            if nxt == "e":
                out.append("\\x1b")
            elif nxt == "z":
                out.append("\\Z")
            elif nxt == "G":
                pass
            elif nxt == "c" and i + 2 < n and pattern[i + 2].isalpha():
                out.append(f"\\x{ord(pattern[i + 2].upper()) - 64:02x}")
                i += 3
                continue
            else:
                out.append(c + nxt)
            i += 2
            continue
        if pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
            close = pattern.find(">", i + 3)
            name = pattern[i + 3:close] if close != -1 else ""
            if "-" in name:  # a .NET balancing group
                out.append("(?:")
                i = close + 1
                continue
            out.append("(?P<")
            i += 3
            continue
        if pattern.startswith("(?'", i):
            close = pattern.find("'", i + 3)
            if close != -1:
                name = pattern[i + 3:close]
                out.append("(?:" if "-" in name else f"(?P<{name}>")
                i = close + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def regex_error(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid regular expression, or None when it is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            re.compile(_translate(pattern))
        except re.error as exc:
            message = str(exc)
            if any(part in message for part in _TOLERATED):
                return None
            return message
        except (RecursionError, OverflowError, ValueError) as exc:
            return str(exc)
    return None


class PatternShouldBeValidRegularExpression(SchemaKeywordRule):
    """A ``pattern`` must be a valid regular expression.

    The platform compiles the pattern to check inputs; one that does not compile (an unbalanced
    parenthesis or bracket, a dangling quantifier, an unknown escape) breaks validation of the
    field. Patterns are compiled with Python's ``re`` after rewriting the constructs that
    .NET/ECMAScript spell differently (named groups, ``\\p{..}`` categories, ``\\k<..>``
    back-references); the few constructs Python alone rejects (variable-width look-behind,
    inline flags in the middle, repeated group names) are accepted.

    Passing example::

        definitions:
          Phone: {type: object, properties: {number: {type: string, pattern: '^\\+?[0-9 ]{6,20}$'}}}

    Failing example::

        definitions:
          Phone: {type: object, properties: {number: {type: string, pattern: '^([0-9 ]{6,20}$'}}}

    Reports: /definitions/Phone/properties/number/pattern
    """

    code = "PatternShouldBeValidRegularExpression"
    severity = Severity.ERROR
    summary = "'pattern' values are valid regular expressions"
    keys = node_keys("pattern")

    def check(self, ctx, node, pointer, where):
        pattern = node.get("pattern")
        if not isinstance(pattern, str):
            return
        problem = regex_error(pattern)
        if problem is not None:
            ctx.report(pointer + "/pattern",
                       f"the 'pattern' of {where} is not a valid regular expression ({problem}): "
                       f"{pattern!r}",
                       "fix the regular expression (escape literal brackets, parentheses and "
                       "quantifier characters with a backslash), or remove 'pattern'")
