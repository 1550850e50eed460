"""The preview in a real browser: headless Chromium (the system's, driven by Playwright) for the
browser tests and for the README screenshot (`make preview-screenshot`), so both see the same.

Playwright is a test dependency (the `test` extra), not one of pacgen's: it is imported here only.

    python -m generator.preview.browser SOURCE PNG    # preview SOURCE, screenshot it into PNG
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("PACGEN_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1100, "height": 1400}


@contextlib.contextmanager
def chromium() -> Iterator:
    """The system's Chromium, headless, for as many pages as needed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: CI runs the browser as root, where Chromium's sandbox cannot start.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def open_page(html: Path, browser=None, *, bypass_csp: bool = False) -> Iterator:
    """A Playwright page showing ``html`` (in ``browser``, else in a browser of its own); any
    request that is not for the file itself is refused and recorded in ``page.refused_requests``
    (the page must work offline)."""
    if browser is None:
        with chromium() as own, open_page(html, own, bypass_csp=bypass_csp) as page:
            yield page
        return
    context = browser.new_context(viewport=VIEWPORT, bypass_csp=bypass_csp, device_scale_factor=1)
    try:
        page = context.new_page()
        page.refused_requests = []
        url = html.resolve().as_uri()

        def guard(route) -> None:
            if route.request.url == url:
                route.continue_()
            else:
                page.refused_requests.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(url)
        yield page
    finally:
        context.close()


def screenshot(html: Path, png: Path, browser=None) -> None:
    """The top of the page (header, connection dialog, the first cards), as the README shows it."""
    with open_page(html, browser) as page:
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png), full_page=False)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m generator.preview.browser SOURCE PNG", file=sys.stderr)
        return 2
    from generator.cli import fail_with
    from generator.preview import UnusableInput, preview_source

    source, png = argv
    try:
        page, _ = preview_source(Path(source))
    except UnusableInput as exc:
        fail_with(exc.findings)
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "preview.html"
        html.write_bytes(page)
        screenshot(html, Path(png))
    print(f"wrote {png}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
