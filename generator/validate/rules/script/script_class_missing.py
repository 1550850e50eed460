import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem
from generator.validate.rules.script._helpers import without_comments

SCRIPT_CLASS = re.compile(r"\bpublic\s+class\s+Script\s*:\s*ScriptBase\b")
EXECUTE_ASYNC = re.compile(r"\bpublic\s+override\s+async\s+Task\s*<\s*HttpResponseMessage\s*>\s*ExecuteAsync\s*\(")


class ScriptClassMissing(FileRule):
    """script.csx must declare ``public class Script : ScriptBase`` overriding ``ExecuteAsync``.

    The platform instantiates the class named ``Script`` derived from ``ScriptBase`` and calls
    ``public override async Task<HttpResponseMessage> ExecuteAsync()``; a script without them
    is rejected when the connector is uploaded (Microsoft's "Write code in a custom connector").

    Passing example::

        public class Script : ScriptBase
        {
            public override async Task<HttpResponseMessage> ExecuteAsync()
            {
                return await this.Context.SendAsync(this.Context.Request, this.CancellationToken).ConfigureAwait(false);
            }
        }

    Failing example::

        public class Helper
        {
        }

    Reports: 1:1
    """

    code = "ScriptClassMissing"
    severity = Severity.ERROR
    target = "script"
    summary = "script.csx declares public class Script : ScriptBase with ExecuteAsync"

    def check(self, text):
        code = without_comments(text)
        if not SCRIPT_CLASS.search(code):
            yield Problem(0, "script.csx declares no 'public class Script : ScriptBase'",
                          "declare the class the platform runs: public class Script : ScriptBase")
        elif not EXECUTE_ASYNC.search(code):
            yield Problem(0, "the Script class does not override ExecuteAsync",
                          "add public override async Task<HttpResponseMessage> ExecuteAsync()")
