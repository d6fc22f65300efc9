"""The views in headless Chromium: drawing, filters, navigation, no network, no XSS.

Needs Debian's chromium (/usr/bin/chromium) and the Python ``playwright``
package used only as a driver (never ``playwright install``).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _require_browser():
    if not CHROMIUM:
        pytest.skip("chromium is not installed (apt-get install -y chromium chromium-driver)")
    return pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = _require_browser()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        # launch_persistent_context gives the fresh --user-data-dir the brief asks for
        ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True,
                                                    args=FLAGS, viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from test_views import fixture_graph

    from kg.views import write_views

    out = tmp_path_factory.mktemp("site")
    write_views(fixture_graph(), out)
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _Watch:
    """Collects console errors, page errors, dialogs and every request host of one page."""

    def __init__(self, page):
        self.errors, self.hosts, self.dialogs = [], set(), []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: self.hosts.add(urlsplit(r.url).netloc if r.url.startswith("http")
                                                     else urlsplit(r.url).scheme))


def _open(browser, url):
    page = browser.new_page()
    watch = _Watch(page)
    page.goto(url)
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=30000)
    return page, watch


def _node_center(page, node_id):
    """Viewport coordinates of a node, from vis-network's canvas-to-DOM transform."""
    return page.evaluate(
        """(id) => { const net = window.paperkgNetwork; net.body.container.scrollIntoView();
                     const p = net.getPositions([id])[id];
                     const d = net.canvasToDOM(p); const r = net.body.container.getBoundingClientRect();
                     return [r.left + d.x, r.top + d.y]; }""", node_id)


def test_overview_draws_filters_and_navigates(browser, served):
    out, base = served
    import json

    from test_views import _parse

    expected = json.loads(_parse(out / "overview.html").inline[0][1])
    page, watch = _open(browser, base + "overview.html")
    print(f"\noverview first draw: {page.evaluate('document.body.dataset.firstDrawMs')} ms "
          f"({len(expected['nodes'])} nodes)")
    assert page.evaluate("window.paperkgNetwork.body.data.nodes.length") == len(expected["nodes"])
    assert page.get_attribute(".pk-graph", "data-node-count") == str(len(expected["nodes"]))

    # type filter: hiding papers removes them from the drawn DataView
    n_papers = sum(1 for n in expected["nodes"] if n["t"] == 0)
    page.uncheck("#pk-type-0")
    assert page.evaluate("window.paperkgNetwork.body.data.nodes.length") == len(expected["nodes"]) - n_papers
    page.check("#pk-type-0")
    # minimum support hides weakly supported entities only
    page.fill(".pk-min-support", "3")
    page.dispatch_event(".pk-min-support", "change")
    weak = sum(1 for n in expected["nodes"] if n["t"] in (1, 2, 3) and n["n"] < 3)
    assert weak > 0
    assert page.evaluate("window.paperkgNetwork.body.data.nodes.length") == len(expected["nodes"]) - weak
    page.fill(".pk-min-support", "0")
    page.dispatch_event(".pk-min-support", "change")
    # search focuses a node and shows its details
    page.fill(".pk-find-input", "GRPO")
    page.click(".pk-graph .pk-results button")
    assert page.get_attribute(".pk-graph", "data-focused") == "method/group-relative-policy-optimization"
    assert page.evaluate("window.paperkgNetwork.getSelectedNodes()") == ["method/group-relative-policy-optimization"]
    assert "Group Relative Policy Optimization" in page.inner_text(".pk-details")

    # the hostile title is shown as text in the details panel, and nothing ran
    page.fill(".pk-find-input", "onerror")
    page.click(".pk-graph .pk-results button")
    assert "<img src=x onerror=alert(1)>" in page.inner_text(".pk-details")
    assert page.evaluate("document.querySelectorAll('main img, .pk-details img, .vis-tooltip img').length") == 0

    # double-clicking a node opens its page
    page.evaluate("window.paperkgNetwork.moveTo({scale: 1.0, animation: false})")
    page.evaluate("document.querySelector('.pk-graph').paperkg.focus('paper/2402.03300')")
    x, y = _node_center(page, "paper/2402.03300")
    with page.expect_navigation():
        page.mouse.dblclick(x, y)
    assert page.url == base + "paper/2402.03300.html"
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null")
    assert "DeepSeekMath" in page.inner_text("h1")

    assert watch.errors == []
    assert watch.dialogs == []
    assert watch.hosts == {urlsplit(base).netloc}
    page.close()


def test_entity_page_and_tooltip(browser, served):
    out, base = served
    page, watch = _open(browser, base + "entity/method-group-relative-policy-optimization.html")
    print(f"\nentity first draw: {page.evaluate('document.body.dataset.firstDrawMs')} ms")
    n = page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    assert n >= 6
    # hovering a node shows a text tooltip
    x, y = _node_center(page, "paper/2402.03300")
    page.mouse.move(x, y)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "DeepSeekMath" in page.inner_text("div.vis-tooltip")
    # plain links work too
    with page.expect_navigation():
        page.click('a[href="../entity/method-chain-of-thought.html"] >> nth=0')
    assert page.url.endswith("entity/method-chain-of-thought.html")
    assert watch.errors == [] and watch.dialogs == []
    assert watch.hosts == {urlsplit(base).netloc}
    page.close()


def test_xss_paper_page_runs_no_script(browser, served):
    out, base = served
    page, watch = _open(browser, base + "paper/evil.html")
    assert page.inner_text("h1") == "<img src=x onerror=alert(1)>"
    assert page.evaluate("document.querySelectorAll('main img').length") == 0
    # the evil tooltip and node details are text too
    x, y = _node_center(page, "paper/evil")
    page.mouse.move(x, y)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "<img src=x onerror=alert(1)>" in page.inner_text("div.vis-tooltip")
    assert page.evaluate("document.querySelectorAll('div.vis-tooltip img, div.vis-tooltip script').length") == 0
    assert watch.dialogs == [] and watch.errors == []
    page.close()


def test_index_search_and_file_url(browser, served):
    out, base = served
    page = browser.new_page()
    watch = _Watch(page)
    page.goto((out / "index.html").as_uri())  # works from file:// too: no fetch(), only <script src>
    page.fill("#pk-site-search", "gsm8k")
    page.wait_for_selector("#pk-site-results a")
    with page.expect_navigation():
        page.click("#pk-site-results a >> nth=0")
    assert page.url.endswith("entity/dataset-gsm8k.html")
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null")
    assert watch.errors == [] and watch.hosts == {"file"}
    page.close()


def test_first_draw_at_the_cap(browser, tmp_path):
    """1,200 papers (over 2,000 nodes) capped at 1,500: print the time to first draw (not asserted)."""
    from kg.views import write_views
    from kg.views.sample import synthetic_graph

    write_views(synthetic_graph(1200, seed=3), tmp_path, max_nodes=1500)
    page, watch = _open(browser, (tmp_path / "overview.html").as_uri())
    count = page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    print(f"\nfirst draw at the cap ({count} nodes): {page.evaluate('document.body.dataset.firstDrawMs')} ms")
    assert count == 1500
    assert watch.errors == []
    page.close()
