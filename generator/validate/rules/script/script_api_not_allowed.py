import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem
from generator.validate.rules.script._helpers import without_comments

#: File-system calls and sockets; not after "." (``uri.Path.Trim()`` is a property, not System.IO.Path).
FORBIDDEN = re.compile(r"(?<![\w.])(?:System\.IO\.)?(File|Directory|Path)\.(?=[A-Z])"
                       r"|(?<![\w.])(Socket|TcpClient|UdpClient)\b")


class ScriptApiNotAllowed(FileRule):
    """script.csx must not touch the file system or open sockets.

    paconn's script validation rejects calls to ``File.``, ``Directory.`` and ``Path.`` and the
    types ``Socket``, ``TcpClient`` and ``UdpClient``: custom code has no file system and talks
    to the network only through ``this.Context.SendAsync``.

    Passing example::

        var path = this.Context.Request.RequestUri.AbsolutePath.Trim('/');

    Failing example::

        var text = File.ReadAllText("/tmp/key.txt");
        var client = new TcpClient("example.com", 80);

    Reports: [1:12, 2:18]
    """

    code = "ScriptApiNotAllowed"
    severity = Severity.ERROR
    target = "script"
    summary = "script.csx makes no File./Directory./Path. calls and opens no sockets"

    def check(self, text):
        for match in FORBIDDEN.finditer(without_comments(text)):
            name = match.group(1) or match.group(2)
            yield Problem(match.start(), f"custom code may not use '{name}'",
                          "custom code has no file system or sockets; call services with this.Context.SendAsync")
