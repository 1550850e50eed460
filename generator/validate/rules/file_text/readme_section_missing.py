import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem

#: The sections Microsoft's readme template for certified connectors requires, in its order.
REQUIRED_SECTIONS = ("Publisher", "Prerequisites", "Supported Operations", "Obtaining Credentials",
                     "Known Issues and Limitations", "Deployment Instructions")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+(.+)")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def normalise(title: str) -> str:
    title = title.replace("&", " and ").replace("*", "").replace("_", " ")
    return " ".join(re.sub(r"[^\w\s]", " ", title).split()).casefold()


def headings(text: str) -> list[tuple[int, str]]:
    """(offset, normalised title) of the Markdown headings outside code blocks. A fence runs from
    a line starting with ``` (or ~~~) to the next line starting with the same marker; one never
    closed fences nothing. One pass over the lines: readme.md is input, and may be huge."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found: list[tuple[int, str]] = []
    never_closed: set[str] = set()  # markers with no closing line after the last search
    index = 0
    while index < len(lines):
        offset, line = lines[index]
        fence = _FENCE.match(line)
        if fence and fence.group(1) not in never_closed:
            closing = _closing_line(lines, index + 1, fence.group(1))
            if closing is not None:
                index = closing + 1
                continue
            never_closed.add(fence.group(1))
        heading = _HEADING.match(line)
        if heading:
            found.append((offset, normalise(heading.group(1).rstrip(" \t#"))))
        index += 1
    return found


def _closing_line(lines: list[tuple[int, str]], start: int, marker: str) -> int | None:
    for index in range(start, len(lines)):
        fence = _FENCE.match(lines[index][1])
        if fence and fence.group(1) == marker:
            return index
    return None


class ReadmeSectionMissing(FileRule):
    """A connector's readme.md has the sections of Microsoft's certification template (warning).

    Certified connectors are submitted with a readme.md that follows Microsoft's template:
    Publisher (as "Publisher: name"), Prerequisites, Supported Operations, Obtaining Credentials,
    Known Issues and Limitations, and Deployment Instructions are required; Getting Started
    and Frequently Asked Questions are optional. Checked only when the connector folder has a
    readme.md. A heading counts when it starts with the section's name (any level, any case).
    A missing section is reported where it belongs: at the next required section that exists,
    or at the end of the file.

    Passing example::

        # Contoso
        Contoso sends text messages.
        ## Publisher: Contoso Ltd
        ## Prerequisites
        A Contoso account.
        ## Supported Operations
        ### Send message
        Sends a text message.
        ## Obtaining Credentials
        Create an API key in the Contoso portal.
        ## Known Issues and Limitations
        None known.
        ## Deployment Instructions
        Run `paconn create` with the files of this folder.

    Failing example::

        # Contoso
        ## Publisher: Contoso Ltd
        ## Supported Operations
        ## Deployment Instructions

    Reports: [3:1, 4:1, 4:1]   # Prerequisites; Obtaining Credentials and Known Issues
    """

    code = "ReadmeSectionMissing"
    severity = Severity.WARNING
    source = "certification"
    target = "readme"
    summary = "readme.md has the required sections of Microsoft's certification template"

    def check(self, text):
        found = headings(text)
        positions = {}
        for section in REQUIRED_SECTIONS:
            wanted = normalise(section)
            positions[section] = next((offset for offset, title in found if title.startswith(wanted)),
                                      None)
        for index, section in enumerate(REQUIRED_SECTIONS):
            if positions[section] is not None:
                continue
            later = [positions[s] for s in REQUIRED_SECTIONS[index + 1:] if positions[s] is not None]
            where = later[0] if later else len(text.rstrip("\n"))
            example = "## Publisher: <name>" if section == "Publisher" else f"## {section}"
            yield Problem(where, f"the readme has no '{section}' section, which Microsoft's "
                                 f"certification template requires",
                          f"add a heading '{example}' with its text here")
