import re

from generator.findings import Severity
from generator.validate.file_rule import FileRule, Problem
from generator.validate.rules.script._helpers import SUPPORTED_NAMESPACES, without_comments

#: A using directive (not a using statement or an alias): "using System.Text;".
USING = re.compile(r"^[ \t]*using\s+(?!static\b)([A-Za-z_][\w.]*)\s*;", re.MULTILINE)


class ScriptNamespaceNotSupported(FileRule):
    """script.csx may use only the 26 namespaces custom code supports.

    Custom code runs in a sandbox with a fixed set of assemblies: System, System.Collections(.Generic),
    System.Diagnostics, System.IO(.Compression), System.Linq, System.Net(.Http, .Http.Headers,
    .Security), System.Security.Authentication, System.Security.Cryptography,
    System.Text(.RegularExpressions), System.Threading(.Tasks), System.Web, System.Xml(.Linq),
    System.Drawing(.Drawing2D, .Imaging), Microsoft.Extensions.Logging and Newtonsoft.Json(.Linq).
    A ``using`` of any other namespace fails to compile on the platform.

    Passing example::

        using System.Net.Http;
        using Newtonsoft.Json.Linq;

    Failing example::

        using System.Net.Http;
        using System.Data.SqlClient;

    Reports: 2:7
    """

    code = "ScriptNamespaceNotSupported"
    severity = Severity.ERROR
    target = "script"
    summary = "script.csx uses only the 26 supported namespaces"

    def check(self, text):
        for match in USING.finditer(without_comments(text)):
            if match.group(1) not in SUPPORTED_NAMESPACES:
                yield Problem(match.start(1), f"the namespace '{match.group(1)}' is not available to custom code",
                              "use only the supported namespaces (see `pacgen rule ScriptNamespaceNotSupported`)")
