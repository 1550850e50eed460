"""What the preview page shows, as plain values: the designer's cards, the connection dialog and
the validator's findings placed on them. Built by ``generator.preview.cards``, laid out by
``generator.preview.render``; nothing here knows about HTML."""

from __future__ import annotations

from dataclasses import dataclass, field

ACTION = "action"
TRIGGER = "trigger"


@dataclass
class Marker:
    """A validator finding as the page shows it, beside the card or field it is about."""

    severity: str
    code: str
    message: str
    where: str  # file:line:col, or the file alone when the position is unknown
    hint: str = ""


@dataclass
class Option:
    value: str
    label: str


@dataclass
class Field:
    """One input of a card (or of an array item / object group inside it).

    ``control`` says how the designer draws it: text, secret, number, boolean, select, dynamic,
    datetime, date, file, array (of ``children`` items, with "Add new item") or object (a group of
    ``children``)."""

    key: str
    label: str
    control: str
    type_label: str
    placeholder: str = ""
    required: bool = False
    visibility: str = ""  # "", "important" or "advanced" ("internal" fields are never built)
    location: str = ""  # path, query, header, formData or body
    default: str = ""
    options: list[Option] = field(default_factory=list)
    dynamic_source: str = ""  # "‘Get Lists’ (get_lists)": the operation that fills a dynamic dropdown
    dynamic_kind: str = ""  # x-ms-dynamic-values, -list, -tree, -schema or -properties
    children: list[Field] = field(default_factory=list)
    pointers: tuple[str, ...] = ()  # where the field lives in the swagger (one per $ref followed)
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Token:
    """An output the next step can pick as dynamic content."""

    label: str
    type_label: str
    description: str = ""
    path: str = ""  # dotted, as the expression would read it (body/data/total)
    pointers: tuple[str, ...] = ()
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Card:
    operation_id: str
    title: str
    description: str
    kind: str  # ACTION or TRIGGER
    method: str
    path: str
    pointer: str
    trigger_type: str = ""  # x-ms-trigger: single or batch
    deprecated: bool = False
    visibility: str = ""  # "important" (listed first) or "advanced" (behind "See more")
    trigger_hint: str = ""  # x-ms-trigger-hint: how to make the trigger fire
    status: str = ""  # x-ms-api-annotation status (Preview, Production)
    replacement: str = ""  # the operation that replaces a deprecated one
    inputs: list[Field] = field(default_factory=list)  # shown at once, in the designer's order
    advanced: list[Field] = field(default_factory=list)  # behind "Show advanced options"
    outputs: list[Token] = field(default_factory=list)
    dynamic_outputs: str = ""  # outputs whose schema an operation supplies at design time
    markers: list[Marker] = field(default_factory=list)  # findings about the card, not one field
    truncated: bool = False  # nested fields or outputs left out (too many to show)

    def all_markers(self) -> list[Marker]:
        found = list(self.markers)
        pending = [*self.inputs, *self.advanced]
        while pending:
            item = pending.pop()
            found += item.markers
            pending += item.children
        for token in self.outputs:
            found += token.markers
        return found

    def has_advanced(self) -> bool:
        """Whether the card needs the "Show advanced options" toggle (nested fields count too)."""
        pending = [*self.inputs, *self.advanced]
        while pending:
            item = pending.pop()
            if not item.required and item.visibility == "advanced":
                return True
            pending += item.children
        return False

    def search_text(self) -> str:
        return " ".join((self.title, self.description, self.operation_id, self.path)).lower()


@dataclass
class ConnectionField:
    key: str
    label: str
    kind: str  # text, secure, oauth, select, boolean
    description: str = ""
    tooltip: str = ""
    required: bool = False
    provider: str = ""  # OAuth identity provider
    options: list[Option] = field(default_factory=list)
    default: str = ""
    pointers: tuple[str, ...] = ()
    markers: list[Marker] = field(default_factory=list)


@dataclass
class ConnectionSet:
    """One way to connect (connectionParameterSets) or the single dialog of connectionParameters."""

    label: str
    description: str
    fields: list[ConnectionField] = field(default_factory=list)


@dataclass
class Preview:
    title: str
    description: str
    source: str
    brand_color: str = ""
    triggers: list[Card] = field(default_factory=list)
    actions: list[Card] = field(default_factory=list)
    connection: list[ConnectionSet] = field(default_factory=list)
    connection_label: str = ""  # label of the choice between several sets
    markers: list[Marker] = field(default_factory=list)  # findings that no card or field shows

    @property
    def cards(self) -> list[Card]:
        return [*self.triggers, *self.actions]
