"""Rendering the English reference page, and reading it back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, SEED, need_shared

from generator.docs import (
    DocConnParam,
    DocOperation,
    DocParam,
    DocReturn,
    DocThrottle,
    Page,
    page_from_connector,
    read_page,
    render_page,
)

FIXTURES = Path(__file__).parent / "fixtures" / "docs"


def mini_page() -> Page:
    folder = FIXTURES / "mini"
    swagger = json.loads((folder / "apiDefinition.swagger.json").read_text(encoding="utf-8"))
    properties = json.loads((folder / "apiProperties.json").read_text(encoding="utf-8"))
    return page_from_connector(swagger, properties, [{"calls": 100, "period": 60}])


NASTY = Page(
    operations=[
        DocOperation("Get | pipe", "Line one\nline two | with pipe", "action", "op-1",
                     parameters=[DocParam(" padded ", "a|b", True, "", "back\\slash \\| and <br> and &amp; and B&W"),
                                 DocParam("", "", False, "string", ""),
                                 DocParam("True", "string", False, "integer", "looks like other columns")],
                     returns=[DocReturn("Tabs\tand\r\nCRLF", "x.y", "array of object", "\n lead newline"),
                              DocReturn("dup", "x.y.z", "date-time", "&#32; &lt; <b>bold</b>")]),
        DocOperation("Two", "Get | pipe", "action", "2fa.op",
                     parameters=[DocParam("N", "k", False, "string", "d")]),
        DocOperation("Two", "Same name as the one before", "action", None,
                     returns=[DocReturn("R", "r", "boolean", "")]),
        DocOperation("# hash", "| starts with a pipe", "action", None),
        DocOperation("When it fires", "", "trigger", "trig",
                     returns=[DocReturn("W", "w", "integer", "When: `trig`")]),
    ],
    connection_parameters=[DocConnParam("Key | secret", "securestring", "Multi\nline", True),
                           DocConnParam("Opt", "string", "", False)],
    throttling=[DocThrottle("API calls per connection", 100, 60), DocThrottle("Daily", 5000, 86400)],
)


@pytest.mark.parametrize("page", [mini_page(), NASTY, Page(),
                                  Page(operations=[DocOperation("Only trigger", "d", "trigger")]),
                                  Page(operations=[DocOperation("Only action", "", "action")])],
                         ids=["mini", "nasty", "empty", "trigger-only", "action-only"])
def test_round_trip(page: Page) -> None:
    assert read_page(render_page(page, "Title | with pipe", "Description\nover lines")) == page


def test_round_trip_of_the_seed() -> None:
    seed = read_page(need_shared(SEED).read_text(encoding="utf-8"))
    assert len(seed.operations) == 15
    assert read_page(render_page(seed, "ClickSend SMS")) == seed


@pytest.mark.shared(CORPUS)
def test_round_trip_of_corpus_connectors() -> None:
    checked = 0
    for folder in sorted(p for p in CORPUS.glob("*/*") if p.is_dir())[::6]:
        try:
            swagger = json.loads((folder / "apiDefinition.swagger.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        try:
            properties = json.loads((folder / "apiProperties.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            properties = None
        page = page_from_connector(swagger, properties, [{"calls": 100, "period": 60}])
        assert read_page(render_page(page, folder.name)) == page, folder.name
        checked += 1
    assert checked > 80


def test_layout() -> None:
    text = render_page(mini_page(), "Mini SMS", "A small connector.")
    assert text.startswith("# Mini SMS\n\nA small connector.\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    order = [text.index(s) for s in ("## Creating a connection", "## Throttling Limits", "## Actions",
                                     "### List Contacts", "### Send Message", "### Upload Media", "## Triggers",
                                     "### When a message arrives")]
    assert order == sorted(order)
    assert "| Name | Type | Description | Required |\n|---|---|---|---|\n| Username | securestring |" in text
    assert "| API calls per connection | 100 | 60 seconds |" in text
    assert "Operation ID: `send_message`" in text
    assert "| To | to | True | string | Recipient in E.164. |" in text
    assert "| Schedule | schedule |  | date-time |  |" in text
    assert "| Body | body | True | string | Text \\| with a pipe |" in text
    assert "| messages | data.messages | array of object | Messages |" in text
    # the trigger has no visible parameters: no parameter table in its section
    trigger = text[text.index("### When a message arrives"):]
    assert "| Name | Key |" not in trigger and "| From | from | string |  |" in trigger


def test_empty_actions_list_is_kept_before_triggers() -> None:
    text = render_page(Page(operations=[DocOperation("T", "d", "trigger")]), "X")
    assert "## Actions\n\n| Name | Description |\n|---|---|\n\n## Triggers" in text
    assert "## Actions" not in render_page(Page(), "X")
