import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem

#: Indentation that is not whole levels of four spaces: some levels, then 1-3 spaces or a tab.
_WRONG_INDENT = re.compile(r"^(?:    )*(?: {1,3}[^ \t\r\n]|\t)", re.MULTILINE)


class JsonIndentationNotFourSpaces(FileRule):
    """apiDefinition.swagger.json should be indented with four spaces, never tabs (warning).

    Microsoft's coding standards for connectors ask for soft tabs of four spaces, which keeps
    reviews of the file readable and diffs small. A line whose indentation contains a tab, or
    is not whole levels of four spaces, is reported; the finding points at the first such line
    (pacgen's own output is always indented this way).

    Opt-in (outside the default set; ``--select`` or the configuration's ``select`` turns it
    on): a matter of style that neither Microsoft's validator nor its reviewers reject a
    connector for, and it fired on nearly every merged connector.

    Passing example::

        {
            "swagger": "2.0",
            "info": {
                "title": "Contoso"
            }
        }

    Failing example::

        {
          "swagger": "2.0"
        }

    Reports: 2:1
    """

    code = "JsonIndentationNotFourSpaces"
    severity = Severity.WARNING
    opt_in = True  # style, not a rejection cause: see the docstring
    source = "coding-standards"
    target = "swagger"
    summary = "the swagger file is indented with four spaces, not tabs"

    def check(self, text):
        # The first offending line only: a file indented another way has one on nearly every line.
        first = _WRONG_INDENT.search(text)
        if first is None:
            return
        kind = "a tab" if first.group().endswith("\t") else "spaces"
        yield Problem(first.start(), f"this line is indented with {kind}, not whole levels of four "
                                     f"spaces (the first such line of the file)",
                      "re-indent the file with four spaces per level (e.g. "
                      "`python -m json.tool --indent 4`)")
