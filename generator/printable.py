"""Text from an input made safe to write: characters that would move the cursor or recolour a
terminal (C0/C1 controls, ANSI escapes), reorder what a reader sees (bidirectional overrides,
line and paragraph separators) or cannot be encoded at all (lone surrogates from a JSON
``"\\ud800"``) are written as escapes, never raw."""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e"
                          "\\u2066-\\u2069\\ud800-\\udfff]")
_UNPRINTABLE_OR_BREAK = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069"
                                   "\\ud800-\\udfff]")


def _backslash(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def backslash_escaped(text: str, line_breaks: bool = False) -> str:
    """``text`` with unprintable characters as ``\\x1b`` / ``\\ud800`` (line breaks and tabs too
    with ``line_breaks``, for output where one line is one record)."""
    return (_UNPRINTABLE_OR_BREAK if line_breaks else _UNPRINTABLE).sub(_backslash, text)


def as_character_references(text: str) -> str:
    """``text`` with unprintable characters as HTML character references (Markdown, HTML)."""
    return _UNPRINTABLE.sub(lambda match: f"&#{ord(match.group())};", text)
