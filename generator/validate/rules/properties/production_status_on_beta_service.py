import re

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import status_of

_BETA = re.compile(r"(^|[./_-])beta([./_-]|\d|$)", re.IGNORECASE)


def beta_evidence(doc: dict) -> str | None:
    """Where the files say that the backend service is a beta one, or None."""
    host, base = doc.get("host"), doc.get("basePath")
    if isinstance(host, str) and _BETA.search(host):
        return f"the host '{host}'"
    if isinstance(base, str) and _BETA.search(base):
        return f"the basePath '{base}'"
    info = doc.get("info")
    version = info.get("version") if isinstance(info, dict) else None
    if isinstance(version, str) and "beta" in version.lower():
        return f"the API version '{version}'"
    return None


class ProductionStatusOnBetaService(Rule):
    """A connector for a beta backend service cannot be in Production status.

    A connector marked Production (``x-ms-api-annotation.status`` at the root) promises a stable
    API, which a beta service does not give; it must stay in Preview until the service is
    generally available.

    What is checked: whether the service is in beta is known to Microsoft's service, not to the
    files, so this rule only catches what the files show: a root status of Production together
    with a host, basePath or ``info.version`` that names a beta (``beta.api.contoso.com``,
    ``/beta/``, ``1.0-beta``).

    Passing example::

        x-ms-api-annotation: {status: Preview}
        basePath: /beta

    Failing example::

        x-ms-api-annotation: {status: Production}
        basePath: /beta

    Reports: /x-ms-api-annotation/status
    """

    code = "ProductionStatusOnBetaService"
    severity = Severity.ERROR
    summary = "a connector whose files point to a beta service is not in Production status"
    offline = False

    def document(self, ctx, doc):
        if status_of(doc.get("x-ms-api-annotation")) != "production":
            return
        evidence = beta_evidence(doc)
        if evidence:
            ctx.report("/x-ms-api-annotation/status",
                       f"the connector is in Production status, but {evidence} points to a beta service",
                       "set the connector's status to Preview until the service leaves beta")
