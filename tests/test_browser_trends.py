"""The demo's "Rising" list and entity timelines in headless Chromium (offline, within the CSP)."""
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest

from test_browser import _Quiet, _Watch, browser  # noqa: F401  (the shared Chromium fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_site(demo_out):
    out = demo_out
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_rising_list_renders_with_rows_and_links(browser, demo_site):  # noqa: F811
    import kg

    out, base = demo_site
    page = browser.new_page()
    watch = _Watch(page)
    page.goto(base + "index.html")
    rows = page.locator("#pk-rising tr.pk-rising-row")
    assert rows.count() > 0
    expected = kg.load(out).rising()
    first = rows.nth(0).inner_text()
    assert expected[0]["name"] in first and f"{expected[0]['recent']} / {expected[0]['recent_papers']}" in first
    assert "2024-11 to 2025-01" in page.inner_text("#pk-rising")  # the window is shown
    with page.expect_navigation():
        rows.nth(0).locator("a").click()
    assert "/entity/" in page.url
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=30000)
    assert page.locator("#pk-timeline rect.pk-bar").count() > 0
    assert watch.errors == [] and watch.dialogs == [] and watch.hosts == {urlsplit(base).netloc}
    page.close()


def test_entity_timeline_bars_match_the_api(browser, demo_site):  # noqa: F811
    import kg

    out, base = demo_site
    g = kg.load(out)
    page = browser.new_page()
    watch = _Watch(page)
    page.goto(base + "entity/benchmark-gsm8k.html")
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=30000)
    bars = page.evaluate("""() => [...document.querySelectorAll('#pk-timeline rect.pk-bar')].map(r => {
        const b = r.getBoundingClientRect();
        return [r.dataset.month, Number(r.dataset.papers), b.width, b.height]; })""")
    rows = g.timeline("GSM8K")
    assert rows and [[b[0], b[1]] for b in bars] == [[r["month"], r["papers"]] for r in rows]
    assert all(w > 0 and h > 0 for _, _, w, h in bars)  # drawn, not just present
    assert watch.errors == [] and watch.hosts == {urlsplit(base).netloc}
    page.close()
