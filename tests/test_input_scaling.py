"""Inputs that used to take quadratic (or worse) time keep their results now that they are read in
linear time (issue 11, items 6 and 7). Speed figures are in bench/hostile_input.py, not here."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.docs.reader import read_page
from generator.importer import readme as import_readme
from generator.validate.rules.file_text import readme_section_missing as readme

# The former regular expressions: the reference for what a heading and a code fence are.
_OLD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_OLD_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)


def reference_headings(text):
    fenced = [(m.start(), m.end()) for m in _OLD_FENCE.finditer(text)]
    return [(m.start(), readme.normalise(m.group(1))) for m in _OLD_HEADING.finditer(text)
            if not any(start <= m.start() < end for start, end in fenced)]


LINES = st.sampled_from(["# A", "## Publisher: X", "```", "~~~", "````", " ~~~~x", "``` js", "text",
                         "  ### C# ##", "#nope", "    # indented", "## B  \t##", "", "# ", "#  ",
                         "#\t\tT\r", "### Known Issues & Limitations ###"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=30))
def test_readme_headings_are_those_of_the_former_expressions(lines):
    text = "\n".join(lines)
    assert readme.headings(text) == reference_headings(text)


def test_long_heading_line_and_many_fences_give_the_right_headings():
    text = "# " + " " * 5000 + "Publisher: X\n" + "```\n# hidden\n```\n" * 500 + "## Prerequisites\n```\n# open"
    found = readme.headings(text)
    assert [title for _, title in found] == ["publisher x", "prerequisites", "open"]


PARAMS = "| Name | Key | Required | Type | Description |\n|---|---|---|---|---|\n| A | a | True | string | d |\n"


def test_sections_in_reverse_order_with_a_missing_one_are_all_found():
    names = [f"Op{i}" for i in range(200)]
    text = ("| Name | Description |\n|---|---|\n| Missing | Gone |\n"
            + "".join(f"| {name} | Does {name} |\n" for name in names)
            + "".join(f"{name}\nDoes {name}\n{PARAMS}" for name in reversed(names)))
    page = read_page(text)
    found = {op.name: op for op in page.operations}
    assert set(found) == {"Missing", *names}
    assert all(found[name].parameters and found[name].parameters[0].key == "a" for name in names)
    assert not found["Missing"].parameters


def test_many_two_column_tables_and_a_long_loose_run_read_alike():
    text = "".join(f"| A{i} | B |\n|---|---|\n| x{i} | y |\n\nword\n" for i in range(300))
    assert not read_page(text).operations  # no name reappears as text: none is an operations list
    listed = "| Name | Description |\n|---|---|\n| Send | Sends |\n" + "x\n" * 2000 + "|\n\nSend\n" + PARAMS
    assert [op.name for op in read_page(listed).operations] == ["Send"]


# The importer's former heading pattern (cubic on a long line of blanks): the reference for a heading.
_OLD_IMPORT_HEADING = re.compile(r"^(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$")


def reference_import_heading(line):
    found = _OLD_IMPORT_HEADING.match(line)
    return (len(found.group(1)), found.group(2)) if found else None


# lines as splitlines gives them: no line breaks
HEADING_LINES = st.text(st.sampled_from("#  \t\t ab:é\x0b"), max_size=24).filter(
    lambda line: not any(c in line for c in "\n\r\x0b"))


@settings(max_examples=500, deadline=None)
@given(HEADING_LINES)
def test_import_heading_is_that_of_the_former_expression(line):
    assert import_readme.parse_heading(line) == reference_import_heading(line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["# T", "## Prerequisites", "## Obtaining credentials ##", "### Q? #",
                                 "## Known issues and limitations", "## Deployment instructions\t",
                                 "## FAQ", "#### deep", "##nope", "text", "", "  ## indented"]),
                max_size=20))
def test_import_readme_sections_are_those_of_the_former_expression(lines):
    def old_split(text):
        original = import_readme.parse_heading
        import_readme.parse_heading = reference_import_heading
        try:
            return import_readme.readme_block(text)
        finally:
            import_readme.parse_heading = original

    text = "\n".join(lines)
    assert import_readme.readme_block(text) == old_split(text)


def test_a_long_heading_line_of_blanks_is_still_a_heading():
    line = "## " + " \t" * 50_000 + "Pre" + " " * 100_000 + "requisites ##" + " " * 50_000
    assert import_readme.parse_heading(line) == (2, "Pre" + " " * 100_000 + "requisites")
    assert import_readme.parse_heading("#" + " " * 100_000) == (1, "")
