"""Helpers only the script rules use."""

from __future__ import annotations

import re

#: The namespaces custom code may use (Microsoft's "Write code in a custom connector").
SUPPORTED_NAMESPACES = frozenset({
    "System", "System.Collections", "System.Collections.Generic", "System.Diagnostics", "System.IO",
    "System.IO.Compression", "System.Linq", "System.Net", "System.Net.Http", "System.Net.Http.Headers",
    "System.Net.Security", "System.Security.Authentication", "System.Security.Cryptography", "System.Text",
    "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks", "System.Web",
    "System.Xml", "System.Xml.Linq", "System.Drawing", "System.Drawing.Drawing2D", "System.Drawing.Imaging",
    "Microsoft.Extensions.Logging", "Newtonsoft.Json", "Newtonsoft.Json.Linq"})

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)


def without_comments(text: str) -> str:
    """The text with comments blanked out, same length, so offsets still point into the file."""
    return _COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)
