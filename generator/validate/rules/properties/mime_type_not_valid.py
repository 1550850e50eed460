import re

from generator.findings import Severity
from generator.validate.rule import Rule

_TOKEN = r"[A-Za-z0-9!#$&^_.+*-]+"
#: type "/" subtype, each an RFC 6838 token (or "*" for a range), then optional ;parameters.
MIME = re.compile(rf"^(\*|{_TOKEN})/(\*|{_TOKEN})(\s*;\s*{_TOKEN}\s*=\s*(\"[^\"]*\"|[^;\s]+))*\s*;?$")


def is_mime_type(value) -> bool:
    return isinstance(value, str) and MIME.match(value.strip()) is not None


class MimeTypeNotValid(Rule):
    """Every entry of ``consumes`` and ``produces`` must be a well-formed MIME type.

    A MIME type is ``type/subtype`` with optional parameters (``application/json``,
    ``text/plain; charset=utf-8``); the platform sets and reads Content-Type and Accept headers
    from these lists, so an entry like ``json`` or ``application json`` cannot be used. Which
    types are *supported* for a given operation is judged by the other MIME rules.

    Passing example::

        produces: [application/json, 'text/plain; charset=utf-8']

    Failing example::

        produces: [json]

    Reports: /produces/0

    Failing example::

        paths:
          /items:
            post: {operationId: AddItem, consumes: [application/json, text], responses: {'200': {description: OK}}}

    Reports: /paths/~1items/post/consumes/1
    """

    code = "MimeTypeNotValid"
    severity = Severity.ERROR
    summary = "'consumes' and 'produces' entries are well-formed MIME types"
    keys = {"operation": frozenset({"consumes", "produces"})}

    def _check(self, ctx, owner, pointer, where):
        for key in ("consumes", "produces"):
            values = owner.get(key)
            if not isinstance(values, list):
                continue
            for index, value in enumerate(values):
                if not is_mime_type(value):
                    ctx.report(f"{pointer}/{key}/{index}",
                               f"the MIME type {value!r} in '{key}' of {where} is not valid",
                               "write it as type/subtype, e.g. application/json")

    def document(self, ctx, doc):
        self._check(ctx, doc, "", "the connector")

    def operation(self, ctx, op):
        self._check(ctx, op.node, op.pointer, f"operation {op.label}")
