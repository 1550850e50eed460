"""generator.printable skips its regexes, and the reference page's escape_cell its escaping, when
C-level scans (str.isprintable() first) show nothing to escape: each shortcut must give exactly
what the full path gives, for every text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from generator import printable
from generator.docs import render

# Characters each side of every class boundary, plus any character at all (surrogates included).
EDGES = "\t\n\r\x00\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9f\xa0\u2027\u2028\u2029\u202a\u202e\u202f" \
        "\u2065\u2066\u2069\u206a\ud7ff\ud800\udfff\ue000 aé€😀"
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(EDGES), st.characters(exclude_categories=())))


def _regex_only(pattern: str, replace, text: str) -> str:
    return re.compile(pattern).sub(replace, text)


@given(TEXTS)
@example("plain text, nothing to do")
@example("line\nbreak\tand tab\r")
@example("\x1b[31mred\u202egnp.exe\ud800")
def test_character_references_equal_the_regex_alone(text):
    expected = _regex_only(printable._UNPRINTABLE, lambda m: f"&#{ord(m.group())};", text)
    assert printable.as_character_references(text) == expected


@given(TEXTS)
@example("line\nbreak\tand tab\r")
@example("\x1b[31mred\u2028")
def test_backslash_escapes_equal_the_regex_alone(text):
    assert printable.backslash_escaped(text) == _regex_only(printable._UNPRINTABLE, printable._backslash, text)
    assert printable.backslash_escaped(text, line_breaks=True) == _regex_only(
        printable._UNPRINTABLE_OR_BREAK, printable._backslash, text)


def test_escapes_are_still_written():
    assert printable.as_character_references("a\x1bb\u202ec") == "a&#27;b&#8238;c"
    assert printable.backslash_escaped("a\nb\ud800") == "a\nb\\ud800"
    assert printable.backslash_escaped("a\nb", line_breaks=True) == "a\\x0ab"


@given(st.text(alphabet=st.one_of(st.sampled_from(EDGES + "&<>|\\;#x0 "), st.characters(exclude_categories=()))))
@example("plain cell")
@example(" leading blank")
@example("B&W")
@example("&amp; a|b")
@example("\u3000ideographic blank\u3000")
def test_reference_cells_equal_the_full_escaping(text):
    assert render.escape_cell(text) == render._escape_cell_fully(text)
