"""The English reference page of a connector, in Markdown, laid out like Microsoft's page.

Sections, always in this order (the reader relies on the order, never on the words):

1. title and description;
2. connection parameters (4 columns: Name, Type, Description, Required);
3. throttling limits (3 columns: Name, Calls, Renewal Period);
4. the list of actions (2 columns) and one section per action: heading, ``Operation ID``, description,
   parameters (5 columns: Name, Key, Required, Type, Description), returns (4 columns: Name, Path, Type,
   Description);
5. the list of triggers and their sections, alike.

Empty tables are left out, except the list of actions when there are triggers but no actions (a
header-only table), so that a reader can tell the triggers' list from the actions' list by its place.
``read_page(render_page(page, ...)) == page`` holds for every page.
"""

from __future__ import annotations

import re

from generator.docs.model import DocOperation, Page
from generator.printable import as_character_references

# Patterns, compiled (and cached by re) on first use: most pages need neither.
_EDGE_SPACE = r"^\s+|\s+$"
_ENTITY_LIKE = r"&(#\d+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)"


def _escape_ampersand(match: re.Match) -> str:
    # Only where an HTML entity would be read (B&W stays as it is). html is imported here: it loads
    # the 2,231 entity names (~8 M instructions, valgrind), which a page without '&' never needs.
    import html

    text = match.group()
    return "&amp;" + text[1:] if html.unescape(text) != text else text


def escape_cell(text: str) -> str:
    """One table cell: ``|`` and ``\\`` escaped, line breaks as ``<br>``, ``<`` and entity-like ``&`` as
    entities, leading/trailing blanks as character references (so a reader's strip() keeps them)."""
    # Most cells need none of that; C-level scans tell so (~2 M instructions of ClickSend's page,
    # valgrind). Line breaks and blanks other than ' ' fail isprintable().
    if (text.isprintable() and "&" not in text and "<" not in text and "\\" not in text and "|" not in text
            and not text.startswith(" ") and not text.endswith(" ")):
        return text
    return _escape_cell_fully(text)


def _escape_cell_fully(text: str) -> str:
    if "&" in text:
        text = re.sub(_ENTITY_LIKE, _escape_ampersand, text)
    text = text.replace("<", "&lt;").replace("\\", "\\\\").replace("|", "\\|")
    text = as_character_references(text)
    if text[:1].isspace() or text[-1:].isspace():
        text = re.sub(_EDGE_SPACE, lambda m: "".join(f"&#{ord(ch)};" for ch in m.group()), text)
    return text.replace("\r", "&#13;").replace("\n", "<br>")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(escape_cell(cell) for cell in row) + " |")
    return lines


def _line(text: str) -> str:
    """A heading or paragraph line that a reader cannot take for a table row or heading mark."""
    text = as_character_references(" ".join(text.split()))
    if text.startswith(("|", "#")):
        text = "\\" + text
    return text


def _operation(op: DocOperation) -> list[str]:
    out = ["", f"### {_line(op.name)}", ""]
    if op.operation_id:
        out += [f"Operation ID: `{op.operation_id}`", ""]
    if op.description:
        out += [_line(op.description), ""]
    if op.parameters:
        out += ["#### Parameters", ""]
        out += _table(("Name", "Key", "Required", "Type", "Description"),
                      [(p.name, p.key, "True" if p.required else "", p.type, p.description)
                       for p in op.parameters])
        out.append("")
    if op.returns:
        out += ["#### Returns", ""]
        out += _table(("Name", "Path", "Type", "Description"),
                      [(r.name, r.path, r.type, r.description) for r in op.returns])
        out.append("")
    return out


def _operations(title: str, ops: tuple[DocOperation, ...], keep_empty: bool) -> list[str]:
    if not ops and not keep_empty:
        return []
    out = [f"## {title}", ""]
    out += _table(("Name", "Description"), [(op.name, op.description) for op in ops])
    out.append("")
    for op in ops:
        out += _operation(op)
    return out


def render_page(page: Page, title: str, description: str = "") -> str:
    """Markdown for ``page``; ``title`` and ``description`` head it (they are not part of the facts)."""
    out = [f"# {_line(title)}", ""]
    if description:
        out += [_line(description), ""]
    if page.connection_parameters:
        out += ["## Creating a connection", ""]
        out += _table(("Name", "Type", "Description", "Required"),
                      [(c.name, c.type, c.description, "True" if c.required else "False")
                       for c in page.connection_parameters])
        out.append("")
    if page.throttling:
        out += ["## Throttling Limits", ""]
        out += _table(("Name", "Calls", "Renewal Period"),
                      [(t.name, str(t.calls), f"{t.period_seconds} seconds") for t in page.throttling])
        out.append("")
    out += _operations("Actions", page.actions, keep_empty=bool(page.triggers))
    out += _operations("Triggers", page.triggers, keep_empty=False)
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"
