"""A connector's readme.md → the spec's `readme:` block: the inverse of generator/render/readme.py.

Sections are recognised by the headings of Microsoft's readme template for certified connectors.
"Supported Operations" is not imported: `pacgen build` writes it from the operations. Text is
normalised as the renderer writes it (no blanks at line ends, one blank line between paragraphs),
so importing a rebuilt readme gives the same block again.
"""

from __future__ import annotations

#: Section heading (lower case) → member of the `readme:` block.
SECTIONS = {
    "prerequisites": "prerequisites",
    "obtaining credentials": "obtainingCredentials",
    "getting started": "gettingStarted",
    "known issues and limitations": "knownIssues",
    "known issues": "knownIssues",
    "frequently asked questions": "faq",
    "faq": "faq",
    "deployment instructions": "deploymentInstructions",
}
GENERATED = ("supported operations",)
REQUIRED = ("prerequisites", "obtainingCredentials", "knownIssues", "deploymentInstructions")
ORDER = ("introduction", "publisher", "prerequisites", "obtainingCredentials", "gettingStarted",
         "knownIssues", "faq", "deploymentInstructions")
BLANKS = " \t"


def parse_heading(line: str) -> tuple[int, str] | None:
    """(level, title) of an ATX heading of level 1 to 3 (closing hashes and blanks dropped), else None.
    String operations, not a regular expression: a pattern with a lazy title between optional blanks
    and hashes backtracks cubically on a long line of blanks (3 KB: 17 s)."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 3 or line[level:level + 1] not in tuple(BLANKS):
        return None
    return level, line[level:].strip(BLANKS).rstrip("#").rstrip(BLANKS)


def readme_block(text: str, description: str = "", publisher: str = "") -> tuple[dict | None, list[str]]:
    """The `readme:` block for ``text`` (None when a required section is missing) and notes on
    what could not be imported. ``description`` and ``publisher`` are the spec's own, which the
    block repeats only where the readme says something else."""
    introduction, sections = _split(text)
    block: dict = {}
    notes: list[str] = []
    if introduction and introduction != _normal(description):
        block["introduction"] = introduction
    for heading, body in sections:
        name = heading.lower()
        if name.startswith("publisher"):
            value = heading.partition(":")[2].strip() or body
            if value and value != publisher:
                block["publisher"] = value
        elif name in GENERATED:
            continue
        elif SECTIONS.get(name) == "faq":
            block["faq"] = _questions(body)
        elif name in SECTIONS:
            if body:
                block[SECTIONS[name]] = body
        else:
            notes.append(f"readme.md section '{heading}' has no place in the spec and was not imported")
    missing = [key for key in REQUIRED if not block.get(key)]
    if missing:
        notes.append("readme.md was not imported: it lacks " + ", ".join(missing)
                     + "; write the `readme:` block by hand (see docs/spec.md)")
        return None, notes
    return {key: block[key] for key in ORDER if key in block}, notes


def _split(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(text before the first section, [(section heading, its text)]): level-2 headings start
    sections; the level-1 title is dropped (it comes from info.title)."""
    introduction: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        found = parse_heading(line)
        if found and found[0] == 1:
            continue
        if found and found[0] == 2:
            sections.append((found[1], []))
        elif sections:
            sections[-1][1].append(line)
        else:
            introduction.append(line)
    return _normal("\n".join(introduction)), [(name, _normal("\n".join(body))) for name, body in sections]


def _questions(body: str) -> list[dict]:
    """FAQ entries: each level-3 heading is a question, the text under it its answer."""
    entries: list[dict] = []
    for line in body.splitlines():
        found = parse_heading(line)
        if found and found[0] == 3:
            entries.append({"question": found[1], "answer": []})
        elif entries:
            entries[-1]["answer"].append(line)
    return [{"question": e["question"], "answer": _normal("\n".join(e["answer"]))}
            for e in entries if _normal("\n".join(e["answer"]))]


def _normal(text: str) -> str:
    """Prose as the renderer writes it: no blanks at line ends, one blank line between blocks."""
    lines = [line.rstrip() for line in str(text or "").strip().splitlines()]
    blocks = [block.strip("\n") for block in "\n".join(lines).split("\n\n") if block.strip()]
    return "\n\n".join(blocks)
