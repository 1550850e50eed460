import re

from generator.findings import Severity
from generator.validate.rule import Rule

_PORT = re.compile(r":(\d*)$")


def host_problem(value) -> str | None:
    """Why ``value`` is not a bare host[:port], or None when it is one."""
    if not isinstance(value, str):
        return "it is not a string"
    if not value.strip():
        return "it is empty"
    if "://" in value:
        return "it contains a scheme"
    if any(c in value for c in "/?#"):
        return "it contains a path, query or fragment"
    if any(c.isspace() for c in value):
        return "it contains white space"
    if "@" in value:
        return "it contains user information"
    port = _PORT.search(value)
    if port and not value.startswith("["):
        digits = port.group(1)
        if not digits or int(digits) > 65535:
            return "its port is not a number from 0 to 65535"
    return None


class HostNameNotValid(Rule):
    """``host``, when present, must be a bare host name (with an optional port).

    Swagger's ``host`` is only the authority part of the URL: ``api.contoso.com`` or
    ``api.contoso.com:8443``. A scheme (``https://...``) belongs in ``schemes`` and a path
    (``.../v1``) in ``basePath``; with them in ``host`` the request URL cannot be built.

    Passing example::

        host: api.contoso.com:8443

    Failing example::

        host: https://api.contoso.com/v1

    Reports: /host
    """

    code = "HostNameNotValid"
    severity = Severity.ERROR
    summary = "'host', if present, is a host name without scheme or path"

    def document(self, ctx, doc):
        if "host" not in doc:
            return
        problem = host_problem(doc["host"])
        if problem:
            ctx.report("/host", f"the host {doc['host']!r} is not a valid host name: {problem}",
                       "give only the host name (and port), e.g. 'api.contoso.com'; put the scheme "
                       "in 'schemes' and any path in 'basePath'")
