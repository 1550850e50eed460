from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem

#: A blank right before a line ending. Plain substring searches: several times faster than a
#: regular expression over files that are mostly blanks.
_ENDINGS = (" \n", "\t\n")
_WINDOWS_ENDINGS = (" \r\n", "\t\r\n")


def first_trailing_blank(text: str) -> int:
    """Offset of the first blank that ends a line (the last one of its run), or -1."""
    endings = _ENDINGS + _WINDOWS_ENDINGS if "\r" in text else _ENDINGS
    found = [index for index in (text.find(ending) for ending in endings) if index >= 0]
    if text.endswith((" ", "\t")):
        found.append(len(text) - 1)
    return min(found) if found else -1


class TrailingWhitespace(FileRule):
    """apiDefinition.swagger.json should have no blanks at the end of a line (warning).

    Microsoft's coding standards ask to remove trailing spaces and tabs: they are invisible,
    and editors that strip them produce noisy diffs. The finding points at the first one.
    ("·" in the example stands for a space.)

    Opt-in (outside the default set; ``--select`` or the configuration's ``select`` turns it
    on): a matter of style that neither Microsoft's validator nor its reviewers reject a
    connector for, and it fired on nearly every merged connector.

    Passing example::

        {
            "swagger": "2.0"
        }

    Failing example::

        {··
            "swagger": "2.0"
        }

    Reports: 1:2
    """

    code = "TrailingWhitespace"
    severity = Severity.WARNING
    opt_in = True  # style, not a rejection cause: see the docstring
    source = "coding-standards"
    target = "swagger"
    summary = "the swagger file has no trailing spaces or tabs"

    def check(self, text):
        start = first_trailing_blank(text)
        if start < 0:
            return
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        yield Problem(start, "this line ends with blanks (the first such line of the file)",
                      "remove the spaces and tabs at the ends of all lines")
