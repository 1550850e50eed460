import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem
from generator.validate.rules.script._helpers import without_comments

NEW_HTTP_CLIENT = re.compile(r"\bnew\s+HttpClient\s*\(")


class ScriptHttpClientCreated(FileRule):
    """script.csx should send requests with ``this.Context.SendAsync``, not a new HttpClient (warning).

    paconn warns on ``new HttpClient(``: a client of its own bypasses the platform's
    connection handling and exhausts sockets under load.

    Passing example::

        var response = await this.Context.SendAsync(request, this.CancellationToken).ConfigureAwait(false);

    Failing example::

        var client = new HttpClient();

    Reports: 1:14
    """

    code = "ScriptHttpClientCreated"
    severity = Severity.WARNING
    target = "script"
    summary = "script.csx sends requests with this.Context.SendAsync, not new HttpClient()"

    def check(self, text):
        for match in NEW_HTTP_CLIENT.finditer(without_comments(text)):
            yield Problem(match.start(), "the script creates its own HttpClient",
                          "send the request with this.Context.SendAsync(request, this.CancellationToken)")
