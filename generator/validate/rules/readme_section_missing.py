import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem

#: The sections Microsoft's readme template for certified connectors requires, in its order.
REQUIRED_SECTIONS = ("Publisher", "Prerequisites", "Supported Operations", "Obtaining Credentials",
                     "Known Issues and Limitations", "Deployment Instructions")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.MULTILINE | re.DOTALL)


def normalise(title: str) -> str:
    title = title.replace("&", " and ").replace("*", "").replace("_", " ")
    return " ".join(re.sub(r"[^\w\s]", " ", title).split()).casefold()


def headings(text: str) -> list[tuple[int, str]]:
    """(offset, normalised title) of the Markdown headings outside code blocks."""
    fenced = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    return [(m.start(), normalise(m.group(1))) for m in _HEADING.finditer(text)
            if not any(start <= m.start() < end for start, end in fenced)]


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
