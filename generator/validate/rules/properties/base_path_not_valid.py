from generator.findings import Severity
from generator.validate.rule import Rule


class BasePathNotValid(Rule):
    """``basePath``, when present, must be a string that starts with ``/``.

    The runtime builds each request URL as scheme + host + basePath + operation path; a base path
    like ``api/v1`` or ``contoso.com/api`` cannot be joined to the host.

    Passing example::

        basePath: /api/v1

    Failing example::

        basePath: api/v1

    Reports: /basePath
    """

    code = "BasePathNotValid"
    severity = Severity.ERROR
    summary = "'basePath', if present, starts with '/'"

    def document(self, ctx, doc):
        if "basePath" not in doc:
            return
        value = doc["basePath"]
        if isinstance(value, str) and value.startswith("/"):
            return
        ctx.report("/basePath", f"the basePath {value!r} does not start with '/'",
                   "write the base path as '/segment/...' (e.g. '/api/v1') without host or scheme")
