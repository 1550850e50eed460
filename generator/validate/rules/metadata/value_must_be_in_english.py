from __future__ import annotations

import unicodedata

from generator.findings import Severity
from generator.validate.rule import Rule
from generator.validate.rules.metadata._helpers import info_text

#: Below this many letters a text is too short to judge.
MIN_LETTERS = 4
#: Share of letters from a non-Latin script (Cyrillic, Greek, CJK, Arabic...) that marks a text
#: as not English.
NON_LATIN_SHARE = 0.2
#: Latin letters with diacritics (č, ř, ä, é, ñ...): at least this many and this share of the
#: letters mark a text as written in another Latin-script language.
ACCENTED_COUNT, ACCENTED_SHARE = 2, 0.05

_SCHEMA_FIELDS = ("x-ms-summary", "description", "title")
_PARAMETER_FIELDS = ("x-ms-summary", "description")
_OPERATION_FIELDS = ("summary", "description")
_UI_FIELDS = ("displayName", "description", "tooltip")


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def not_english(text: str) -> str | None:
    """Why ``text`` does not look English, or None. A cheap, explainable heuristic: English is
    written in plain ASCII letters, so a text is suspect when a fifth of its letters come from
    another script, or when several of them carry diacritics (Czech, German, French, Spanish...).
    It cannot tell English from another language written without diacritics."""
    if text.isascii():
        return None  # only unaccented Latin letters: nothing to report (and the common case)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    non_latin = sum(1 for c in letters if not _is_latin(c))
    if non_latin / len(letters) >= NON_LATIN_SHARE:
        return f"{non_latin} of its {len(letters)} letters are not Latin"
    accented = [c for c in letters if _is_latin(c) and not c.isascii()]
    if len(accented) >= ACCENTED_COUNT and len(accented) / len(letters) >= ACCENTED_SHARE:
        shown = "".join(dict.fromkeys(accented))[:8]
        return f"{len(accented)} of its {len(letters)} letters carry diacritics ({shown})"
    return None


def _may_be_foreign(text) -> bool:
    """Cheap pre-check for the ~40,000 schema texts of a corpus run (see ``not_english``)."""
    return isinstance(text, str) and not text.isascii()


class ValueMustBeInEnglish(Rule):
    """User-facing texts must be written in English.

    Connectors are authored in English and translated by Microsoft; a title, description or
    summary in another language is shown untranslated to every user. Checked: the connector's
    title and description, operation summaries and descriptions, parameter and schema
    ``x-ms-summary``/``description``/``title``, and the display name, description and tooltip of
    connection parameters. The check is a heuristic, not a language model: a text is reported
    when at least a fifth of its letters are from a non-Latin script, or when at least two
    letters (and 5 %) carry diacritics, which English does not use. Texts of fewer than four
    letters, and other languages written without diacritics, pass.

    Passing example::

        paths:
          /sms:
            post:
              operationId: SendSms
              summary: Send an SMS message
              responses: {'200': {description: OK}}

    Failing example::

        paths:
          /sms:
            post:
              operationId: SendSms
              summary: Odeslat SMS zprávu příjemci
              responses: {'200': {description: OK}}

    Reports: /paths/~1sms/post/summary

    Failing example::

        info: {title: Kontakty Contoso, description: Spravujte kontakty a seznamy příjemců služby Contoso.}
        paths:
          /contacts:
            get:
              operationId: ListContacts
              parameters: [{name: q, in: query, type: string, x-ms-summary: Hledaný výraz příjemce}]
              responses:
                '200': {description: OK, schema: {type: object, properties: {name: {type: string, description: Jméno příjemce zprávy}}}}
        apiProperties:
          properties:
            connectionParameters:
              api_key: {type: securestring, uiDefinition: {displayName: Klíč rozhraní API, description: Klíč účtu}}

    Reports:
      - /info/description
      - /paths/~1contacts/get/parameters/0/x-ms-summary
      - /paths/~1contacts/get/responses/200/schema/properties/name/description
      - /properties/connectionParameters/api_key/uiDefinition/displayName
      - /properties/connectionParameters/api_key/uiDefinition/description
    """

    code = "ValueMustBeInEnglish"
    severity = Severity.ERROR
    summary = "titles, summaries and descriptions are written in English (script heuristic)"
    keys = {"schema": frozenset(_SCHEMA_FIELDS), "parameter": frozenset(_PARAMETER_FIELDS),
            "operation": frozenset(_OPERATION_FIELDS)}

    def document(self, ctx, doc):
        for key in ("title", "description"):
            self._check(ctx, f"/info/{key}", f"connector {key}", info_text(doc, key))

    def operation(self, ctx, op):
        for key in _OPERATION_FIELDS:
            if _may_be_foreign(op.node.get(key)):
                self._check(ctx, f"{op.pointer}/{key}", f"{key} of operation {op.label}",
                            op.node.get(key))

    def parameter(self, ctx, param):
        for key in _PARAMETER_FIELDS:
            if _may_be_foreign(param.node.get(key)):
                self._check(ctx, f"{param.pointer}/{key}", f"{key} of parameter '{param.name}'",
                            param.node.get(key))

    def schema(self, ctx, schema):
        for key in _SCHEMA_FIELDS:
            if _may_be_foreign(schema.node.get(key)):
                label = f"'{schema.name}'" if schema.name else "schema"
                self._check(ctx, f"{schema.pointer}/{key}", f"{key} of {label}", schema.node.get(key))

    def connection_parameter(self, ctx, param):
        ui = param.node.get("uiDefinition") if isinstance(param.node, dict) else None
        for key in _UI_FIELDS if isinstance(ui, dict) else ():
            self._check(ctx, f"{param.pointer}/uiDefinition/{key}",
                        f"{key} of connection parameter '{param.name}'", ui.get(key))

    @staticmethod
    def _check(ctx, pointer, what, text):
        if not isinstance(text, str):
            return
        reason = not_english(text)
        if reason:
            shown = text if len(text) <= 60 else text[:57] + "..."
            ctx.report(pointer, f"the {what} does not look English: {shown!r} ({reason})",
                       "write the text in English; Microsoft translates connector texts itself")
