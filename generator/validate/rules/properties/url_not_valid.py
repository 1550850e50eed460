from urllib.parse import urlsplit

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules._common import node_keys


def is_absolute_url(value) -> bool:
    if not isinstance(value, str) or not value or value != value.strip():
        return False
    if any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return False
    return bool(parts.scheme) and bool(parts.netloc)


class UrlNotValid(Rule):
    """Every ``url`` member must be an absolute URL.

    Checked: ``info.contact.url``, ``info.license.url`` and the ``url`` of every
    ``externalDocs`` (root, operations, tags, schemas). These links are shown to users; a
    relative or malformed URL (``www.contoso.com``, ``/support``, text with spaces) leads nowhere.

    Passing example::

        info: {contact: {name: Contoso Support, url: 'https://contoso.com/support'}}

    Failing example::

        info: {contact: {name: Contoso Support, url: www.contoso.com/support}}

    Reports: /info/contact/url

    Failing example::

        externalDocs: {url: contoso.com/docs}
        paths:
          /items:
            get: {operationId: ListItems, externalDocs: {url: docs/items}, responses: {'200': {description: OK}}}
        definitions:
          Item: {type: object, externalDocs: {url: 'www.contoso.com/item'}}

    Reports:
      - /externalDocs/url
      - /paths/~1items/get/externalDocs/url
      - /definitions/Item/externalDocs/url
    """

    code = "UrlNotValid"
    severity = Severity.ERROR
    summary = "'url' members (contact, license, externalDocs) are absolute URLs"
    keys = node_keys("externalDocs", kinds=("schema", "operation"))

    def _check(self, ctx, holder, pointer, what):
        if isinstance(holder, dict) and "url" in holder and not is_absolute_url(holder["url"]):
            ctx.report(pointer + "/url", f"the url {holder['url']!r} of {what} is not a valid absolute URL",
                       "write the full address including the scheme, e.g. https://contoso.com/docs")

    def document(self, ctx, doc):
        info = doc.get("info")
        if isinstance(info, dict):
            self._check(ctx, info.get("contact"), "/info/contact", "the contact")
            self._check(ctx, info.get("license"), "/info/license", "the license")
        self._check(ctx, doc.get("externalDocs"), "/externalDocs", "the external docs")
        tags = doc.get("tags")
        for index, tag in enumerate(tags if isinstance(tags, list) else ()):
            if isinstance(tag, dict):
                self._check(ctx, tag.get("externalDocs"), f"/tags/{index}/externalDocs",
                            f"the external docs of tag {tag.get('name')!r}")

    def operation(self, ctx, op):
        self._check(ctx, op.node.get("externalDocs"), op.pointer + "/externalDocs",
                    f"the external docs of operation {op.label}")

    def schema(self, ctx, schema):
        self._check(ctx, schema.node.get("externalDocs"), schema.pointer + "/externalDocs",
                    "the external docs of " + (f"schema '{schema.name}'" if schema.name else "a schema"))
