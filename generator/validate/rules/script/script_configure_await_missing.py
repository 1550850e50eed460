import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem
from generator.validate.rules.script._helpers import without_comments

AWAIT = re.compile(r"\bawait\s")


class ScriptConfigureAwaitMissing(FileRule):
    """Every ``await`` in script.csx should end in ``.ConfigureAwait(false)`` (warning).

    paconn warns when it is missing: without it the continuation waits for the original
    context, which can deadlock or slow the script past its 5-second limit. Checked per
    awaited expression, up to the ``;`` that ends its statement.

    Passing example::

        var response = await this.Context.SendAsync(request, this.CancellationToken)
            .ConfigureAwait(false);

    Failing example::

        var body = await response.Content.ReadAsStringAsync();

    Reports: 1:12
    """

    code = "ScriptConfigureAwaitMissing"
    severity = Severity.WARNING
    target = "script"
    summary = "awaits in script.csx use ConfigureAwait(false)"

    def check(self, text):
        code = without_comments(text)
        for match in AWAIT.finditer(code):
            end = code.find(";", match.end())
            statement = code[match.end():end if end >= 0 else len(code)]
            if not re.search(r"\.ConfigureAwait\s*\(\s*false\s*\)", statement):
                yield Problem(match.start(), "an await without .ConfigureAwait(false)",
                              "append .ConfigureAwait(false) to the awaited call")
