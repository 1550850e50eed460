"""`pacgen preview` in a real browser: headless Chromium (Debian's package) driven by Playwright,
through the same code as `make preview-screenshot` (generator.preview.browser).

Without Playwright or Chromium these tests skip, except in CI (PACGEN_REQUIRE_BROWSER, set by
.ci/run, which installs both), where they fail instead."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.docs.compare import match_operations
from generator.docs.flatten import page_from_connector
from generator.docs.reader import read_page
from generator.pipeline import load_connector

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "clicksend.yaml"


def _need_browser() -> None:
    from generator.preview.browser import CHROMIUM

    problem = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problem = "Playwright for Python is not installed (pip install -e '.[test]')"
    if problem is None and not Path(CHROMIUM).exists():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if problem is None:
        return
    if os.environ.get("PACGEN_REQUIRE_BROWSER"):
        pytest.fail(f"{problem}, but PACGEN_REQUIRE_BROWSER is set (CI installs it)")
    pytest.skip(problem)


def render(source: Path, output: Path) -> Path:
    result = CliRunner().invoke(main, ["preview", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from generator.preview.browser import chromium

    with chromium() as shared:
        yield shared


@pytest.fixture(scope="module")
def clicksend_page(browser, tmp_path_factory):
    from generator.preview.browser import open_page

    html = render(SPEC, tmp_path_factory.mktemp("preview") / "clicksend.html")
    with open_page(html, browser) as page:
        yield page
        assert page.refused_requests == []  # the page asked for nothing beyond itself


def card(page, title: str):
    return page.locator(".card").filter(has=page.locator(".card-title", has_text=title)).first


def visible_labels(locator) -> list[str]:
    return [label.inner_text().rstrip(" *⚠").strip() for label in locator.locator(".field-label").all()
            if label.is_visible()]


def test_fifteen_cards(clicksend_page) -> None:
    assert clicksend_page.locator(".card").count() == 15
    assert clicksend_page.locator(".card:visible").count() == 15
    assert clicksend_page.locator("#shown-count").inner_text() == "15 shown"


def test_send_sms_shows_its_required_fields(clicksend_page) -> None:
    send = card(clicksend_page, "Send SMS")
    labels = visible_labels(send)
    assert labels[:3] == ["messages", "To", "Body"]
    required = [r.is_visible() for r in send.locator(".field[data-key=to] .required").all()]
    assert required == [True]


def test_advanced_fields_hidden_until_the_toggle(clicksend_page) -> None:
    lists = card(clicksend_page, "Get Contact Lists")
    page_number = lists.locator(".field[data-key=page]")
    assert page_number.count() == 1 and not page_number.is_visible()
    toggle = lists.locator(".advanced-toggle")
    assert toggle.inner_text() == "Show advanced options"
    toggle.click()
    assert page_number.is_visible() and lists.locator(".field[data-key=limit]").is_visible()
    assert toggle.inner_text() == "Hide advanced options"
    toggle.click()
    assert not page_number.is_visible()


def test_send_sms_with_an_advanced_field(browser, tmp_path: Path) -> None:
    """The issue's case: Send SMS with an advanced field (the published spec has none)."""
    from generator.preview.browser import open_page

    text = SPEC.read_text("utf-8")
    start = text.index("- id: sms_send")
    at = text.index("custom_string: *custom_string_in", start)
    spec = tmp_path / "clicksend.yaml"
    spec.write_text(text[:at] + "custom_string: {type: string, title: Custom String, visibility: advanced}"
                    + text[at + len("custom_string: *custom_string_in"):], "utf-8")
    with open_page(render(spec, tmp_path / "p.html"), browser) as page:
        send = card(page, "Send SMS")
        assert visible_labels(send) == ["messages", "To", "Body"]
        send.locator(".advanced-toggle").click()
        assert visible_labels(send) == ["messages", "To", "Body", "Custom String"]


def test_internal_fields_never_appear(clicksend_page) -> None:
    text = clicksend_page.locator("main").inner_text()
    for label in ("Rule Name", "Callback URL", "Webhook Type", "Message Search Type", "Source"):
        assert label not in text
    assert clicksend_page.locator(".field[data-key=action_address], .field[data-key=source]").count() == 0
    assert "Delete SMS Inbound Automation" not in text  # an internal operation


def test_every_seed_documented_parameter_has_its_label(clicksend_page, seed_path: Path) -> None:
    """Each parameter row of the published (Czech) page, matched to our operation, is on the card
    under the English label the spec gives it."""
    documented = read_page(seed_path.read_text("utf-8"))
    connector = load_connector(SPEC)
    actual = page_from_connector(connector.swagger, connector.properties)
    checked = 0
    for match in match_operations(documented.operations, actual.operations):
        if match.documented is None or match.actual is None:
            continue
        labels = {row.key: row.name for row in match.actual.parameters}
        operation = clicksend_page.locator(f'.card[data-operation-id="{match.actual.operation_id}"]')
        on_card = {label.inner_text().rstrip(" *⚠").strip() for label in operation.locator(".field-label").all()}
        for row in match.documented.parameters:
            if row.key:
                assert labels[row.key] in on_card, (match.actual.name, row.key)
                checked += 1
    assert checked >= 60


def test_dropdown_lists_enum_display_names(clicksend_page) -> None:
    convert = card(clicksend_page, "Convert Media File Format").locator(".field[data-key=convert] select")
    options = [o.inner_text() for o in convert.locator("option").all()]
    assert options[1:] == ["Fax", "MMS", "CSV", "Post"]
    convert.select_option(label="MMS")
    assert convert.input_value() == "mms"


def test_connection_dialog_masks_secrets(clicksend_page) -> None:
    dialog = clicksend_page.locator(".connection")
    assert visible_labels(dialog) == ["Username", "API Key"]
    assert dialog.locator("input[type=password]").count() == 2


def test_filter_box(clicksend_page) -> None:
    clicksend_page.fill("#filter", "contact list")
    visible = [t.inner_text() for t in clicksend_page.locator(".card:visible .card-title").all()]
    assert visible and all("contact" in t.lower() or "list" in t.lower() for t in visible)
    assert len(visible) < 15
    clicksend_page.fill("#filter", "no such operation")
    assert clicksend_page.locator(".card:visible").count() == 0 and clicksend_page.locator("#no-match").is_visible()
    clicksend_page.fill("#filter", "")
    assert clicksend_page.locator(".card:visible").count() == 15


def test_add_new_item(clicksend_page) -> None:
    send = card(clicksend_page, "Send SMS")
    send.locator(".add-item").first.click()
    assert send.locator(".array-item").count() == 2
    assert send.locator(".array-item").nth(1).locator(".field[data-key=to]").is_visible()


def test_a_field_with_a_finding_carries_its_marker(browser, tmp_path: Path) -> None:
    from generator.preview.browser import open_page

    text = SPEC.read_text("utf-8")
    spec = tmp_path / "clicksend.yaml"  # without `suppress:`, the validator reports on fields
    text = text[:text.index("\nsuppress:\n")] + "\n" + text[text.index("\n# Blocks used"):]
    long_title = "Number of records per page " * 4  # over 80 characters: XMsSummaryTooLong, default-on
    spec.write_text(text.replace("title: Number of records per page,", f"title: {long_title},", 1), "utf-8")
    with open_page(render(spec, tmp_path / "p.html"), browser) as page:
        lists = card(page, "Get Contact Lists")
        assert int(lists.locator(".findings-badge").inner_text().split()[0]) >= 1
        lists.locator(".advanced-toggle").click()
        limit = lists.locator(".field[data-key=limit]")
        assert "has-finding" in limit.get_attribute("class")
        assert limit.locator(".finding-flag").is_visible()
        marker = limit.locator(".marker[data-code=XMsSummaryTooLong]")
        assert marker.is_visible() and "clicksend.yaml:" in marker.inner_text()
        clean = card(page, "Send SMS").locator(".field[data-key=body]")
        assert "has-finding" not in clean.get_attribute("class")


def test_deprecated_behind_the_switch_advanced_behind_see_more(browser, tmp_path: Path) -> None:
    from generator.preview.browser import open_page

    folder = tmp_path / "c"
    folder.mkdir()
    op = {"responses": {"200": {"description": "OK"}}}
    swagger = {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "host": "example.com",
               "paths": {"/a": {"get": {**op, "operationId": "Old", "summary": "Old one", "deprecated": True}},
                         "/b": {"get": {**op, "operationId": "New", "summary": "New one"}},
                         "/c": {"get": {**op, "operationId": "More", "summary": "Rarely used",
                                        "x-ms-visibility": "advanced"}}}}
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger), "utf-8")
    with open_page(render(folder, tmp_path / "p.html"), browser) as page:
        old = page.locator(".card[data-operation-id=Old]")
        assert not old.is_visible() and page.locator(".card[data-operation-id=New]").is_visible()
        assert page.locator("#shown-count").inner_text() == "1 shown"
        page.check("#show-deprecated")
        assert old.is_visible() and old.locator(".deprecated-badge").is_visible()
        more = page.locator(".card[data-operation-id=More]")
        assert not more.is_visible()
        page.click(".actions .see-more")
        assert more.is_visible() and page.locator("#shown-count").inner_text() == "3 shown"
        assert page.locator(".actions .see-more").inner_text() == "See less (1)"


HOSTILE = {
    "script": "<script>window.__pwned = 'script'</script>",
    "attribute": "\"><img src=x onerror=\"window.__pwned='img'\">",
    "single": "'><svg onload='window.__pwned=1'>",
    "rtl": "שלום \u202eevil\u202c עולם",
}


def test_hostile_strings_are_text_never_code(browser, tmp_path: Path) -> None:
    """Run with the page's Content-Security-Policy bypassed, so that escaping alone must hold:
    an unescaped string here would run its script and set window.__pwned."""
    from generator.preview.browser import open_page

    folder = tmp_path / "c"
    folder.mkdir()
    schema = {"type": "object", "properties": {
        "p": {"type": "string", "x-ms-summary": HOSTILE["script"], "description": HOSTILE["attribute"],
              "enum": ["a"], "x-ms-enum-values": [{"value": "a", "displayName": HOSTILE["single"]}]},
        "q": {"type": "string", "x-ms-summary": HOSTILE["rtl"], "default": HOSTILE["attribute"]}}}
    swagger = {"swagger": "2.0", "info": {"title": HOSTILE["script"], "description": HOSTILE["rtl"], "version": "1"},
               "host": "example.com",
               "paths": {"/a": {"post": {"operationId": HOSTILE["single"], "summary": HOSTILE["script"],
                                         "description": HOSTILE["attribute"],
                                         "parameters": [{"name": "b", "in": "body", "schema": schema}],
                                         "responses": {"200": {"description": "OK", "schema": schema}}}}}}
    properties = {"properties": {"iconBrandColor": "red;background:url(http://x)", "connectionParameters": {
        "k": {"type": "string", "uiDefinition": {"displayName": HOSTILE["attribute"],
                                                 "tooltip": HOSTILE["script"]}}}}}
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(swagger), "utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(properties), "utf-8")
    with open_page(render(folder, tmp_path / "p.html"), browser, bypass_csp=True) as page:
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.reload()
        assert page.evaluate("window.__pwned") is None and dialogs == []
        assert page.locator("main script, main img, main svg").count() == 0
        assert page.locator("h1").inner_text() == HOSTILE["script"]
        field = page.locator(".field[data-key=p]")
        assert field.locator(".field-label").inner_text().startswith(HOSTILE["script"])
        assert field.locator("input").count() == 0 and field.locator("select option").nth(1).inner_text() == \
            HOSTILE["single"]
        assert page.locator(".field[data-key=q] input").input_value() == HOSTILE["attribute"]
        assert HOSTILE["rtl"] in page.locator(".page-description").inner_text()
        assert page.locator(".connection .field-label").first.inner_text().startswith(HOSTILE["attribute"])
        assert page.refused_requests == []


def test_screenshot_is_written_and_not_blank(browser, tmp_path: Path) -> None:
    from generator.preview.browser import open_page, screenshot

    png = tmp_path / "shot.png"
    html = render(SPEC, tmp_path / "p.html")
    screenshot(html, png, browser)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with open_page(html, browser) as page:  # count the image's colours in the browser
        colours = page.evaluate("""async (url) => {
            const image = new Image(); image.src = url; await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext('2d'); context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            const seen = new Set();
            for (let i = 0; i < pixels.length; i += 4 * 7) { seen.add(pixels[i] << 16 | pixels[i + 1] << 8 | pixels[i + 2]); }
            return [image.width, image.height, seen.size];
        }""", "data:image/png;base64," + base64.b64encode(data).decode())
    width, height, distinct = colours
    assert (width, height) == (1100, 1400)
    assert distinct > 50  # text, the brand header, cards: far from a blank page


def test_the_screenshot_command_of_make_preview_screenshot(browser, tmp_path: Path) -> None:
    """`make preview-screenshot` runs this module: a PNG for a good spec, exit 2 for a broken one."""
    import subprocess
    import sys

    png = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "generator.preview.browser", str(SPEC), str(png)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    broken = tmp_path / "broken.yaml"
    broken.write_text("info: [\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "generator.preview.browser", str(broken), str(tmp_path / "b.png")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "broken.yaml:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "b.png").exists()
