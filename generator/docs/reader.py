"""Read a connector reference page (any language) into a :class:`~generator.docs.model.Page`.

Two inputs are understood:

* ordinary Markdown: one table row per line, cells in place (what :func:`render_page` writes);
* the *text form* of a Microsoft Learn page (the seed): a table row is broken over several lines
  (``|`` / name / ``|`` / ``key | True | string |`` / ``description |``), empty cells are dropped from
  their place and re-appear as stray empty cells at the end of the row, a cell can be lost entirely.

Nothing here looks at a word of the page's language.  Tables are told apart by their shape and place:

=========================  ===================================================================
connection parameters      4 columns with a header row, before the first operation list
throttling limits          3 columns, second column an integer, before the first operation list
operation list             2 columns whose first cells re-appear later as lines of their own
                           (the section headings); the first list is the actions, the second
                           the triggers.  A header-only 2-column table is an empty list.
parameters                 the first 5-column table of an operation's section
returns                    the first 4-column table of an operation's section
=========================  ===================================================================

When a row has fewer cells than its table has columns, the cells are placed by what they look like
(:func:`_assign`): the *type* column is the anchor (``string``, ``integer``, ``array of object``... are
not localized), a required cell is a true/false word, a key or path has no spaces, and in the text form
the name cell is a block (on lines of its own) while key and description start a line.
"""

from __future__ import annotations

import html
import itertools
import math
import re
from dataclasses import dataclass

from generator.docs.model import (
    ACTION,
    TRIGGER,
    DocConnParam,
    DocOperation,
    DocParam,
    DocReturn,
    DocThrottle,
    Page,
)

# --- words and shapes --------------------------------------------------------------------------------

# The "Required" column holds a localized True (the seed: "True" in parameter tables, "Pravdivé" in the
# connection parameter table) or nothing.  Rule: an empty cell is false; a non-empty cell is true unless it
# is one of these words for "false" (casefolded).  The true words are only used to recognise a required
# cell when cells have to be placed by shape.
TRUE_WORDS = frozenset(w.casefold() for w in (
    "true", "yes", "pravdivé", "pravda", "ano", "wahr", "ja", "vrai", "oui", "verdadero", "verdadeiro",
    "sí", "si", "sim", "vero", "waar", "prawda", "tak", "igaz", "sant", "sand", "tosi", "adevărat", "doğru",
    "pravdivá", "áno", "istina", "истина", "да", "правда", "αληθές", "ναι", "真", "はい", "참", "是", "✓", "✔",
))
FALSE_WORDS = frozenset(w.casefold() for w in (
    "false", "no", "nepravdivé", "nepravda", "ne", "falsch", "nein", "faux", "non", "falso", "não", "nao",
    "onwaar", "nee", "fałsz", "nie", "hamis", "falskt", "falsk", "epätosi", "fals", "yanlış", "nepravdivá",
    "nie je", "lažno", "ложь", "нет", "ψευδές", "όχι", "偽", "いいえ", "거짓", "否", "✗", "✘",
))

# Types as the page shows them (never localized).  Anything else that looks like one lowercase-ish token
# (``array of Foo``, a custom format) still counts as a type, with less confidence.
TYPE_WORDS = frozenset((
    "string", "integer", "number", "boolean", "object", "array", "float", "double", "decimal", "int32",
    "int64", "byte", "binary", "date", "date-time", "date-no-tz", "time", "duration", "email", "uri",
    "uuid", "guid", "html", "password", "file", "securestring", "secureobject", "bool", "int",
))
_TYPE_SHAPE = re.compile(r"(?:array of )*[A-Za-z][\w.\-]*")


def is_true(cell: str) -> bool:
    """A required cell: empty → False; a false word → False; anything else → True."""
    text = " ".join(cell.split()).casefold()
    return bool(text) and text not in FALSE_WORDS


def _is_bool_word(text: str) -> bool:
    text = " ".join(text.split()).casefold()
    return text in TRUE_WORDS or text in FALSE_WORDS


def _type_score(text: str) -> float:
    text = " ".join(text.split())
    if not _TYPE_SHAPE.fullmatch(text):
        return -math.inf
    base = text.rsplit(" ", 1)[-1]
    return 4.0 if base.casefold() in TYPE_WORDS else 0.5


_INT = re.compile(r"\d{1,3}(?:[ ,.'\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+")


def parse_int(text: str) -> int | None:
    """The first integer in ``text``; thousands separators (``1,000``, ``1 000``) are allowed."""
    match = _INT.search(text)
    return int(re.sub(r"\D", "", match.group())) if match else None


# Renewal period: the first integer times the unit of the word right after it.  The unit word is matched
# by prefix against a few languages' words for day, hour and minute (checked in that order, so that e.g.
# German "Stunden" is not taken for seconds).  A word we do not recognise - and the very common
# "seconds" in any language - means seconds: Microsoft's pages state throttling periods in seconds
# almost always, and a wrong guess shows up as a DocsThrottlingMismatch rather than passing silently.
_UNIT_PREFIXES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (86400, ("day", "den", "dny", "dní", "dni", "tag", "jour", "día", "dia", "giorn", "dag", "dzie", "nap",
             "päiv", "zi", "gün", "дн", "ден", "день", "日", "일")),
    (3600, ("hour", "hr", "hod", "stund", "std", "heure", "hora", "ora", "ore", "uur", "tim", "godz", "óra",
            "tunt", "saat", "час", "時間", "시간", "小时")),
    (60, ("min", "мин", "分", "분")),
)
_UNIT_EXACT = {"h": 3600, "d": 86400, "m": 60}
_NUMBER_AND_UNIT = re.compile(r"(\d[\d ,.'\u00a0\u202f\u2009]*)\s*([^\W\d_]*)")


def parse_period(text: str) -> int | None:
    """``"60 sekund"`` → 60, ``"5 minutes"`` → 300, ``"1 hodina"`` → 3600; None without a number."""
    number = parse_int(text)
    if number is None:
        return None
    match = _NUMBER_AND_UNIT.search(text)
    word = match.group(2).casefold() if match else ""
    if word in _UNIT_EXACT:
        return number * _UNIT_EXACT[word]
    for factor, prefixes in _UNIT_PREFIXES:
        if word and word.startswith(prefixes):
            return number * factor
    return number


# --- cells -------------------------------------------------------------------------------------------

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


_PIPE_OR_ESCAPE = re.compile(r"\\.|\|", re.DOTALL)
_ESCAPE = re.compile(r"\\([|\\])")


def _split_unescaped(text: str) -> list[str]:
    """Split on ``|`` that is not backslash-escaped (the escapes stay, for :func:`decode_cell`)."""
    if "\\" not in text:
        return text.split("|")
    parts, start = [], 0
    for match in _PIPE_OR_ESCAPE.finditer(text):
        if match.group() == "|":
            parts.append(text[start:match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def decode_cell(raw: str) -> str:
    """Undo :func:`generator.docs.render.escape_cell`: ``\\|`` ``\\\\`` ``<br>`` and HTML entities."""
    if "\\" in raw:
        raw = _ESCAPE.sub(r"\1", raw)
    if "<" in raw:
        raw = _BR.sub("\n", raw)
    return html.unescape(raw) if "&" in raw else raw


@dataclass
class _Cell:
    text: str
    layout: str = ""  # text form: "block" (lines of its own), "lead" (starts a line), "inline"; "" markdown


@dataclass
class _Table:
    line: int
    ncols: int
    header: list[str] | None
    rows: list[list[_Cell]]
    positional: bool  # markdown rows: cells in place; text form: only the non-empty cells, in order


@dataclass
class _Text:
    line: int
    text: str


_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_HEADING = re.compile(r"^#{1,6}\s+(.*)$")


def _is_separator(line: str) -> bool:
    line = line.strip()
    return "|" in line and bool(_SEPARATOR.fullmatch(line))  # a bare "---" is a rule, not a table


def _markdown_cells(line: str) -> list[str]:
    line = line.strip()
    parts = _split_unescaped(line)
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def _layout(raw: str) -> str:
    lead = raw.lstrip(" \t").startswith("\n")
    trail = raw.rstrip(" \t").endswith("\n")
    return "block" if lead and trail else "lead" if lead else "inline"


def _text_form_cell(raw: str) -> str:
    return decode_cell("\n".join(part.strip() for part in raw.split("\n") if part.strip()))


def _text_form_rows(body: list[str]) -> list[list[_Cell]]:
    """Rows of a table whose rows span lines: runs of empty cells that contain a line break end a row;
    other empty cells are dropped (in this form they are never in their place anyway)."""
    segments = _split_unescaped("\n".join(body))
    if segments and not segments[0].strip():
        segments = segments[1:]
    rows: list[list[_Cell]] = []
    current: list[_Cell] = []
    i = 0
    while i < len(segments):
        if segments[i].strip():
            current.append(_Cell(_text_form_cell(segments[i]), _layout(segments[i])))
            i += 1
            continue
        breaks = False
        while i < len(segments) and not segments[i].strip():
            breaks = breaks or "\n" in segments[i]
            i += 1
        if breaks and current:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    return rows


def _starts_with_content_pipe(line: str) -> bool:
    """``| a | b |``-like: a pipe followed by content (a row or header of its own)."""
    return line.startswith("|") and bool(line.strip("| \t"))


def _edge_pipe(line: str) -> bool:
    """Does the line start or end with a (not escaped) pipe?  Only such lines are surely table lines;
    a pipe inside a line of prose does not make it one."""
    return line.startswith("|") or (line.endswith("|") and not line.endswith("\\|"))


class _LooseLines:
    """Does a line that neither starts nor ends with a pipe belong to the table?  Yes when the next
    line that does continues a cell (a lone ``|``, or ``text |``) rather than starting a new table
    row.  Each verdict is remembered for the whole run of loose lines, so a long run costs one pass."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.known: dict[int, bool] = {}

    def __call__(self, j: int) -> bool:
        run = []
        verdict = False
        for k in range(j + 1, len(self.lines)):
            if k - 1 in self.known:
                verdict = self.known[k - 1]
                break
            run.append(k - 1)
            line = self.lines[k].strip()
            if not line:
                break
            if _edge_pipe(line):
                verdict = not _starts_with_content_pipe(line)
                break
        for index in run:
            self.known[index] = verdict
        return verdict


def _scan(lines: list[str]) -> list[_Table | _Text]:
    blocks: list[_Table | _Text] = []
    i, n = 0, len(lines)
    _loose_line_in_table = _LooseLines(lines)
    while i < n:
        line = lines[i].strip()
        if not line or _is_separator(line):
            i += 1
            continue
        if not line.startswith("|"):
            heading = _HEADING.match(line)
            blocks.append(_Text(i + 1, heading.group(1).strip() if heading else line))
            i += 1
            continue
        has_header = i + 1 < n and _is_separator(lines[i + 1])
        body_start = i + 2 if has_header else i
        j = body_start if has_header else i + 1
        while j < n:
            current = lines[j].strip()
            if not current or _is_separator(current):
                break
            if j + 1 < n and _is_separator(lines[j + 1]):
                break  # the header of the next table
            if not _edge_pipe(current) and not _loose_line_in_table(j):
                break
            j += 1
        body = [lines[k].strip() for k in range(body_start, j)]
        header = [decode_cell(c.strip()) for c in _markdown_cells(line)] if has_header else None
        single_line = all(b.startswith("|") and b.endswith("|") and len(b) >= 2 for b in body)
        if single_line:
            rows = [[_Cell(decode_cell(c.strip())) for c in _markdown_cells(b)] for b in body]
        else:
            rows = _text_form_rows(body)
        ncols = len(header) if header is not None else max((len(r) for r in rows), default=0)
        blocks.append(_Table(i + 1, ncols, header, rows, single_line))
        i = j
    return blocks


# --- placing cells -----------------------------------------------------------------------------------

NAME, KEY, PATH, REQUIRED, TYPE, DESCRIPTION, CALLS, PERIOD = (
    "name", "key", "path", "required", "type", "description", "calls", "period")

PARAM_COLUMNS = (NAME, KEY, REQUIRED, TYPE, DESCRIPTION)
RETURN_COLUMNS = (NAME, PATH, TYPE, DESCRIPTION)
CONNECTION_COLUMNS = (NAME, TYPE, DESCRIPTION, REQUIRED)
THROTTLING_COLUMNS = (NAME, CALLS, PERIOD)
LIST_COLUMNS = (NAME, DESCRIPTION)


def _score(role: str, cell: _Cell) -> float:
    text, layout = cell.text, cell.layout
    if role == NAME:
        return {"block": 2.0, "lead": -1.0}.get(layout, 0.0)
    if role in (KEY, PATH):
        score = {"lead": 1.0, "block": -2.0}.get(layout, 0.0)
        return score + (0.4 if not any(ch.isspace() for ch in text) else -0.5)
    if role == REQUIRED:
        if _is_bool_word(text):
            return 3.0
        single_word = not any(ch.isspace() or ch.isdigit() for ch in text) and len(text) <= 15
        return 0.0 if single_word and _type_score(text) < 4 else -math.inf
    if role == TYPE:
        return _type_score(text)
    if role == CALLS:
        return 3.0 if _INT.fullmatch(text.strip()) else -math.inf
    if role == PERIOD:
        return 1.0 if any(ch.isdigit() for ch in text) else 0.0
    return 0.0  # description


# What leaving a column empty costs.  A lost key (the seed's Email row) is likelier than a lost name; an
# empty type happens (untyped schemas) but costs more than an unknown word in the type column... unless
# that word could as well be the key, which an identifier in the key's place outscores.
_EMPTY_PENALTY = {NAME: -1.0, KEY: -0.5, PATH: -1.0, REQUIRED: 0.0, TYPE: -1.0, DESCRIPTION: -0.2,
                  CALLS: -5.0, PERIOD: -1.0}


def _assign(cells: list[_Cell], columns: tuple[str, ...], positional: bool) -> dict[str, str]:
    """Cells → column values.  Full rows (and markdown rows) are taken in place; shorter text-form rows
    are placed by shape: every order-keeping placement is scored and the best one wins (ties: the
    placement that fills the leftmost columns)."""
    if positional and len(cells) >= len(columns):
        return {col: cells[i].text for i, col in enumerate(columns)}
    cells = [c for c in cells if c.text]
    if len(cells) >= len(columns):
        return {col: cells[i].text for i, col in enumerate(columns)}
    best: tuple[float, tuple[int, ...]] | None = None
    scores = [[_score(col, cell) for col in columns] for cell in cells]
    for combo in itertools.combinations(range(len(columns)), len(cells)):
        score = sum(scores[i][c] for i, c in enumerate(combo))
        score += sum(_EMPTY_PENALTY.get(col, 0.0) for k, col in enumerate(columns) if k not in combo)
        if best is None or score > best[0]:
            best = (score, combo)
    values = {col: "" for col in columns}
    if best is not None:
        for i, c in enumerate(best[1]):
            values[columns[c]] = cells[i].text
    return values


# --- the page ----------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _text_keys(text: str) -> set[str]:
    return {_norm(text), _norm(html.unescape(text))}


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _list_entries(table: _Table) -> list[tuple[str, str]]:
    entries = []
    for row in table.rows:
        values = _assign(row, LIST_COLUMNS, table.positional)
        name = _LINK.sub(r"\1", values[NAME]).strip()
        if name:
            entries.append((name, values[DESCRIPTION]))
    return entries


def _last_texts(blocks: list[_Table | _Text]) -> dict[str, int]:
    """Each text key → the index of the last text block that has it."""
    last: dict[str, int] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, _Text):
            for key in _text_keys(block.text):
                last[key] = index
    return last


def _is_list(blocks: list[_Table | _Text], index: int, last_texts: dict[str, int]) -> bool:
    """A two-column table whose names reappear as text further on (the operations' sections)."""
    table = blocks[index]
    assert isinstance(table, _Table)
    if table.ncols != 2:
        return False
    if not table.rows:
        return table.header is not None
    return any(last_texts.get(_norm(name), -1) > index for name, _ in _list_entries(table))


def _is_throttling(table: _Table) -> bool:
    return table.ncols == 3 and any(
        _INT.fullmatch(_assign(row, THROTTLING_COLUMNS, table.positional)[CALLS].strip()) for row in table.rows)


# "Operation ID: `sms_send`" (the label is whatever the language says; the value is one token).
_OPERATION_ID = re.compile(r"(?P<label>[^:`|]{1,40}):\s*(?:`(?P<quoted>[^`]+)`|(?P<id>[A-Za-z_][\w.\-]*))")


@dataclass
class _Section:
    name: str
    description: str
    operation_id: str | None = None
    parameters: list[DocParam] | None = None
    returns: list[DocReturn] | None = None
    tables: int = 0


def _param(row: list[_Cell], positional: bool) -> DocParam:
    v = _assign(row, PARAM_COLUMNS, positional)
    return DocParam(v[NAME], v[KEY], is_true(v[REQUIRED]), v[TYPE], v[DESCRIPTION])


def _return(row: list[_Cell], positional: bool) -> DocReturn:
    v = _assign(row, RETURN_COLUMNS, positional)
    return DocReturn(v[NAME], v[PATH], v[TYPE], v[DESCRIPTION])


class _Pending:
    """The sections not found yet, in list order: the first one, and the earliest one with a given
    name, each in (amortised) constant time, so that a page of thousands of operations in any
    order reads in linear time."""

    def __init__(self, names: list[str]):
        self.names = names
        self.taken = [False] * len(names)
        self.head = 0
        self.by_name: dict[str, list[int]] = {}
        for index, name in enumerate(names):
            self.by_name.setdefault(name, []).append(index)
        self.cursor = dict.fromkeys(self.by_name, 0)  # per name: its first index not known taken

    def first(self) -> int | None:
        while self.head < len(self.names) and self.taken[self.head]:
            self.head += 1
        return self.head if self.head < len(self.names) else None

    def earliest_named(self, keys: set[str], besides: int) -> int | None:
        found = []
        for key in keys:
            indices = self.by_name.get(key, ())
            position = self.cursor.get(key, 0)
            while position < len(indices) and self.taken[indices[position]]:
                position += 1
            if key in self.cursor:
                self.cursor[key] = position
            while position < len(indices) and (indices[position] == besides or self.taken[indices[position]]):
                position += 1
            if position < len(indices):
                found.append(indices[position])
        return min(found, default=None)

    def take(self, index: int) -> None:
        self.taken[index] = True


def _sections(blocks: list[_Table | _Text], start: int, end: int, kind: str) -> list[DocOperation]:
    """The operations of one list, with the tables of their sections.

    A section starts at a line equal to an operation's name.  Sections are expected in the list's order
    (as on Microsoft's pages); a later operation's heading is taken out of order only when the next
    expected heading does not occur any more (its section is missing).  A line equal to the current
    operation's description, before any of its tables, is that description, not a heading.
    """
    table = blocks[start]
    assert isinstance(table, _Table)
    sections = [_Section(name, description) for name, description in _list_entries(table)]
    texts = [(i, _text_keys(b.text)) for i, b in enumerate(blocks[start + 1:end], start + 1)
             if isinstance(b, _Text)]
    last_seen: dict[str, int] = {}
    for i, keys in texts:
        for key in keys:
            last_seen[key] = i
    pending = _Pending([_norm(section.name) for section in sections])
    current: _Section | None = None
    for index, block in enumerate(blocks[start + 1:end], start + 1):
        if isinstance(block, _Text):
            keys = _text_keys(block.text)
            describes_current = (current is not None and current.tables == 0
                                 and _norm(current.description) in keys)
            chosen = None
            first = pending.first()
            if first is not None and not describes_current:
                if pending.names[first] in keys:
                    chosen = first
                elif last_seen.get(pending.names[first], -1) <= index:
                    chosen = pending.earliest_named(keys, besides=first)
            if chosen is not None:
                pending.take(chosen)
                current = sections[chosen]
                continue
            if current is not None and current.tables == 0 and current.operation_id is None \
                    and not describes_current:
                match = _OPERATION_ID.fullmatch(block.text.strip())
                if match and len(match.group("label").split()) <= 4:
                    current.operation_id = match.group("quoted") or match.group("id")
            continue
        if current is None:
            continue
        current.tables += 1
        if block.ncols == 5 and current.parameters is None:
            current.parameters = [_param(row, block.positional) for row in block.rows]
        elif block.ncols == 4 and current.returns is None:
            current.returns = [_return(row, block.positional) for row in block.rows]
    return [DocOperation(s.name, s.description, kind, s.operation_id, s.parameters or (), s.returns or ())
            for s in sections]


def read_page(text: str) -> Page:
    """The facts of a reference page (Markdown or the text form of a Learn page, any language)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _scan(lines)
    last_texts = _last_texts(blocks)
    lists = [i for i, b in enumerate(blocks) if isinstance(b, _Table) and _is_list(blocks, i, last_texts)]
    first_list = lists[0] if lists else len(blocks)

    connection: list[DocConnParam] = []
    throttling: list[DocThrottle] = []
    for block in blocks[:first_list]:
        if not isinstance(block, _Table):
            continue
        if block.ncols == 4 and block.header is not None:
            for row in block.rows:
                v = _assign(row, CONNECTION_COLUMNS, block.positional)
                connection.append(DocConnParam(v[NAME], v[TYPE], v[DESCRIPTION], is_true(v[REQUIRED])))
        elif _is_throttling(block):
            for row in block.rows:
                v = _assign(row, THROTTLING_COLUMNS, block.positional)
                calls, period = parse_int(v[CALLS]), parse_period(v[PERIOD])
                if calls is not None and period is not None:
                    throttling.append(DocThrottle(v[NAME], calls, period))

    operations: list[DocOperation] = []
    for n, (index, kind) in enumerate(zip(lists, (ACTION, TRIGGER), strict=False)):  # a 3rd list is ignored
        end = lists[n + 1] if n + 1 < len(lists) else len(blocks)
        operations += _sections(blocks, index, end, kind)
    return Page(operations, connection, throttling)
