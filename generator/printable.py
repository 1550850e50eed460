"""Text from an input made safe to write: characters that would move the cursor or recolour a
terminal (C0/C1 controls, ANSI escapes), reorder what a reader sees (bidirectional overrides,
line and paragraph separators) or cannot be encoded at all (lone surrogates from a JSON
``"\\ud800"``) are written as escapes, never raw."""

from __future__ import annotations

import functools
import re

_UNPRINTABLE = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]"
_UNPRINTABLE_OR_BREAK = "[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]"
_WITHOUT_BREAKS = str.maketrans("", "", "\t\n\r")


@functools.cache
def _pattern(source: str) -> re.Pattern:
    # Compiled on first need: classes beyond U+00FF make re build a 64 K bitmap (~9 M instructions
    # at import for both, valgrind), and most texts never need them (see _nothing_to_escape).
    return re.compile(source)


def _nothing_to_escape(text: str, breaks_allowed: bool) -> bool:
    """Whether no character of the escaped classes is in ``text``: every one of them is
    non-printable to str.isprintable (Cc, Cf, Zl, Zp, Cs), which runs in C, with no regex."""
    return text.isprintable() or (breaks_allowed and text.translate(_WITHOUT_BREAKS).isprintable())


def _backslash(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def backslash_escaped(text: str, line_breaks: bool = False) -> str:
    """``text`` with unprintable characters as ``\\x1b`` / ``\\ud800`` (line breaks and tabs too
    with ``line_breaks``, for output where one line is one record)."""
    if _nothing_to_escape(text, breaks_allowed=not line_breaks):
        return text
    return _pattern(_UNPRINTABLE_OR_BREAK if line_breaks else _UNPRINTABLE).sub(_backslash, text)


def as_character_references(text: str) -> str:
    """``text`` with unprintable characters as HTML character references (Markdown, HTML)."""
    if _nothing_to_escape(text, breaks_allowed=True):
        return text
    return _pattern(_UNPRINTABLE).sub(lambda match: f"&#{ord(match.group())};", text)
