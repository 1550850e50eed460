"""Findings placed in a spec speak the spec's language: rules describe the swagger they check
(``x-ms-url-encoding``, ``uiDefinition.constraints.required``), but a maintainer reading
``spec/x.yaml:12:9`` edits the short keys of docs/spec.md. This is the one place where a finding's
message and hint are translated, when it is placed in YAML (never in the 190 rule modules)."""

from __future__ import annotations

import re

from generator.findings import Finding

#: swagger key → spec key (docs/spec.md, "Short keys"). Only exact equivalents: a spec may also
#: write the swagger key itself (x-* keys are copied verbatim), so the advice stays right.
SHORT_KEYS = {
    "x-ms-summary": "title",
    "x-ms-visibility": "visibility",
    "x-ms-url-encoding": "urlEncoding",
    "x-ms-dynamic-values": "dynamicValues",
    "x-ms-dynamic-list": "dynamicList",
    "x-ms-dynamic-schema": "dynamicSchema",
    "x-ms-dynamic-properties": "dynamicProperties",
    "x-ms-dynamic-tree": "dynamicTree",
    "x-ms-test-value": "testValue",
    "x-ms-notification-url": "notificationUrl",
    "x-ms-notification-content": "notificationContent",
    "x-ms-trigger-hint": "triggerHint",
    "x-ms-trigger": "trigger",
    "x-ms-api-annotation": "annotation",
    "iconBrandColor": "brandColor",
}
#: Connection parameters: apiProperties' nested form → the spec's flat keys.
CONNECTION_KEYS = {
    "uiDefinition.constraints.required": "required",
    "uiDefinition.displayName": "title",
    "uiDefinition.description": "description",
    "uiDefinition.tooltip": "tooltip",
}

_KEY = "|".join(re.escape(key) for key in sorted(SHORT_KEYS, key=len, reverse=True))
# "x-ms-url-encoding": "single"  →  urlEncoding: single
_QUOTED_PAIR = re.compile(rf'"({_KEY})"\s*:\s*("(?:[^"\\]|\\.)*"|[^\s,;)}}]+)')
# "x-ms-summary" / 'x-ms-summary' / x-ms-summary (not inside a longer name)
_BARE = re.compile(rf"""(["'`]?)(?<![\w-])({_KEY})(?![\w-])\1""")
_CONNECTION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(CONNECTION_KEYS, key=len, reverse=True)) + r")(?![\w])"
    r"""(\s+to\s+"?(true|false)"?(\s+or\s+"?(true|false)"?)?)?""")
# OpenAPI 2.0 messages start with the swagger location (paths./a.get.parameters[0]: ...); in a spec
# the file:line:col already says where.
_SWAGGER_WHERE = re.compile(r"^(?:\(document root\)|[^\s'(][^\s']*): ")


#: Whole phrases about members the spec writes at its top level.
_METADATA_KEYS = {"Website": "website", "Privacy policy": "privacyPolicy", "Categories": "categories"}
_PHRASES = (
    (re.compile(r"""\{"propertyName": "(Website|Privacy policy|Categories)", "propertyValue": "[^"]*"\} """
                r"to the root x-ms-connector-metadata array"),
     lambda m: f"{_METADATA_KEYS[m.group(1)]}: ... at the spec's top level"),
    (re.compile(r"'(brandColor|publisher|stackOwner)' to apiProperties 'properties'"),
     lambda m: f"{m.group(1)}: ... at the spec's top level"),
)


def in_spec_terms(finding: Finding) -> Finding:
    """The finding with its message and hint in the spec's keys."""
    message, hint = _translate(finding.message), _translate(finding.hint)
    if finding.code == "OpenApiInvalid":
        message = _SWAGGER_WHERE.sub("", message, count=1)
        hint = hint.replace("fix the document so that it is valid OpenAPI 2.0",
                            "fix this element of the spec so that the built swagger is valid OpenAPI 2.0")
    if message == finding.message and hint == finding.hint:
        return finding
    return finding._replace(message=message, hint=hint)


def _translate(text: str) -> str:
    if not text:
        return text
    text = _QUOTED_PAIR.sub(lambda m: f"{SHORT_KEYS[m.group(1)]}: {_plain(m.group(2))}", text)
    text = _BARE.sub(lambda m: f"{m.group(1)}{SHORT_KEYS[m.group(2)]}{m.group(1)}", text)
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return _CONNECTION.sub(_connection_key, text)


def _connection_key(match: re.Match) -> str:
    key = CONNECTION_KEYS[match.group(1)]
    if match.group(2):  # 'set uiDefinition.constraints.required to "true" or "false"'
        values = [v for v in (match.group(3), match.group(5)) if v]
        return f"{key}: {values[0]}" if len(values) == 1 else f"{key}: {values[0]} or {key}: {values[1]}"
    return key


def _plain(value: str) -> str:
    """A JSON string value as a YAML reader writes it (quoted only when it must be)."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        if re.fullmatch(r"[A-Za-z][\w .-]*", inner) and inner.lower() not in ("yes", "no", "true", "false",
                                                                               "null", "on", "off"):
            return inner
    return value
