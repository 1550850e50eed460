from __future__ import annotations

from typing import Any

from generator.findings import Severity, pointer_of
from generator.validate.rule import Rule

#: Connector metadata that must carry a value whenever it is written: swagger ``info`` fields
#: and ``info.contact`` fields, and the publisher fields of apiProperties.
_INFO = ("title", "description", "version")
_CONTACT = ("name", "url", "email")
_PROPERTIES = ("publisher", "stackOwner", "iconBrandColor")


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


class RequiredValueEmpty(Rule):
    """Connector metadata fields, when present, must not be empty or blank.

    The title, description and version in ``info``, the ``info.contact`` fields, the entries of
    ``x-ms-connector-metadata`` (website, privacy policy, categories) and the ``publisher``,
    ``stackOwner`` and ``iconBrandColor`` of apiProperties are published with the connector; an
    empty string there passes a "field exists" check but leaves the published value blank.
    Missing fields are left to the rules about required metadata. Empty descriptions and titles
    of schemas and parameters are not judged: accepted connectors have hundreds of them.

    Passing example::

        info: {title: Contoso, description: Contoso Messaging lets you send text messages., version: '1.0'}
        apiProperties: {properties: {publisher: Contoso Ltd, stackOwner: Contoso Ltd}}

    Failing example::

        info: {title: Contoso, description: '  ', version: '1.0'}

    Reports: /info/description

    Failing example::

        apiProperties: {properties: {publisher: '', stackOwner: Contoso Ltd}}

    Reports: /properties/publisher
    """

    code = "RequiredValueEmpty"
    severity = Severity.ERROR
    summary = "connector metadata fields that are present have a non-empty value"

    def document(self, ctx, doc):
        info = doc.get("info")
        if not isinstance(info, dict):
            info = {}
        for key in _INFO:
            if _blank(info.get(key)):
                self._report(ctx, pointer_of("info", key), f"info.{key}")
        contact = info.get("contact")
        for key in _CONTACT if isinstance(contact, dict) else ():
            if _blank(contact.get(key)):
                self._report(ctx, pointer_of("info", "contact", key), f"info.contact.{key}")
        metadata = doc.get("x-ms-connector-metadata")
        for index, entry in enumerate(metadata if isinstance(metadata, list) else ()):
            if not isinstance(entry, dict):
                continue
            for key in ("propertyName", "propertyValue"):
                if _blank(entry.get(key)):
                    name = entry.get("propertyName")
                    label = f"'{name}'" if isinstance(name, str) and name.strip() else f"entry {index}"
                    self._report(ctx, pointer_of("x-ms-connector-metadata", index, key),
                                 f"{key} of x-ms-connector-metadata {label}")

    def properties(self, ctx, doc):
        props = doc.get("properties")
        for key in _PROPERTIES if isinstance(props, dict) else ():
            if _blank(props.get(key)):
                self._report(ctx, pointer_of("properties", key), f"the apiProperties '{key}'")

    @staticmethod
    def _report(ctx, pointer, what):
        ctx.report(pointer, f"{what} is present but empty",
                   "fill in the value, or remove the field if it is optional")
