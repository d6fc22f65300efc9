"""The views in headless Chromium: drawing, filters, navigation, no network, no XSS.

Needs Debian's chromium (/usr/bin/chromium) and the Python ``playwright``
package used only as a driver (never ``playwright install``).
"""
from __future__ import annotations

import functools
import json
import re
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


_LONELY_JS = """() => { const root = document.querySelector('.pk-graph'), net = root.paperkg.network;
    const shown = new Set(root.paperkg.visible()), ends = new Set();
    net.body.data.edges.forEach(e => { ends.add(e.from); ends.add(e.to); });
    return [...shown].filter(id => !ends.has(id)); }"""
_VISIBLE_TYPES_JS = """() => { const root = document.querySelector('.pk-graph'), nodes = root.paperkg.nodes;
    const out = {}; root.paperkg.visible().forEach(id => { const t = nodes.get(id).pkType; out[t] = (out[t] || 0) + 1; });
    return out; }"""


def test_overview_draws_filters_and_navigates(browser, served):
    out, base = served
    import json

    from test_views import _parse

    expected = json.loads(_parse(out / "overview.html").inline[0][1])
    page, watch = _open(browser, base + "overview.html")
    print(f"\noverview first draw: {page.evaluate('document.body.dataset.firstDrawMs')} ms "
          f"({len(expected['nodes'])} nodes)")
    n_entities = len(expected["map"]["topic"])
    # the map: entities only at first, each with an edge in view; papers come with their checkbox
    assert page.evaluate("window.paperkgNetwork.body.data.nodes.length") == n_entities
    assert page.get_attribute(".pk-graph", "data-node-count") == str(len(expected["nodes"]))
    assert page.evaluate(_LONELY_JS) == []
    page.check("#pk-type-0")
    with_papers = page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    assert with_papers > n_entities and page.evaluate(_LONELY_JS) == []
    assert page.inner_text("#pk-count .pk-count-nodes") == str(with_papers)
    # minimum support hides weakly supported entities, and the papers and entities left without an edge
    page.fill(".pk-min-support", "3")
    page.dispatch_event(".pk-min-support", "change")
    shown = page.evaluate("document.querySelector('.pk-graph').paperkg.visible()")
    support = {n["id"]: n["n"] for n in expected["nodes"]}
    types = {n["id"]: n["t"] for n in expected["nodes"]}
    assert all(support[k] >= 3 for k in shown if types[k] in (1, 2, 3))
    assert len(shown) < with_papers and page.evaluate(_LONELY_JS) == []
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


def test_papers_table_sorts_and_filters(browser, served):
    out, base = served
    page = browser.new_page()
    watch = _Watch(page)
    page.goto(base + "papers.html")
    rows = "document.querySelectorAll('#pk-papers tbody tr:not([hidden])')"
    total = page.evaluate(rows + ".length")
    page.click("#pk-papers th:nth-child(3)")  # Entities, most first
    counts = page.evaluate(f"[...{rows}].map(r => parseInt(r.cells[2].textContent, 10))")
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    page.click("#pk-papers th:nth-child(3)")
    assert page.evaluate(f"[...{rows}].map(r => parseInt(r.cells[2].textContent, 10))") == sorted(counts)
    page.fill(".pk-table-filter", "deepseek")
    titles = page.evaluate(f"[...{rows}].map(r => r.cells[0].textContent)")
    assert 0 < len(titles) < total and all("deepseek" in t.lower() for t in titles)
    assert page.inner_text(".pk-table-count") == f"{len(titles)} shown"
    page.fill(".pk-table-filter", "")
    page.check(".pk-table-code")
    assert 0 < page.evaluate(rows + ".length") < total
    assert page.evaluate(f"[...{rows}].every(r => r.cells[4].textContent === 'yes')")
    assert watch.errors == [] and watch.dialogs == []
    page.close()


def test_first_draw_at_the_cap(browser, tmp_path):
    """1,200 papers (over 2,000 nodes) capped at 1,500: print the time to first draw (not asserted)."""
    from kg.views import write_views
    from kg.views.sample import synthetic_graph

    write_views(synthetic_graph(1200, seed=3), tmp_path, max_nodes=1500)
    page, watch = _open(browser, (tmp_path / "overview.html").as_uri())
    count = page.get_attribute(".pk-graph", "data-node-count")
    shown = page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    labels = page.get_attribute(".pk-graph", "data-labels")
    print(f"\nfirst labelled draw at the cap ({count} nodes in the map, {shown} drawn, {labels} labels): "
          f"{page.evaluate('document.body.dataset.firstDrawMs')} ms")
    assert int(count) == 1500 and 0 < shown < 1500 and int(labels) > 0
    # adding the papers and code draws the whole cap
    ms = page.evaluate("""() => { const t0 = performance.now();
        document.querySelector('#pk-type-0').click(); document.querySelector('#pk-type-4').click();
        window.paperkgNetwork.redraw(); return performance.now() - t0; }""")
    everything = page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    print(f"papers and code added: {everything} nodes drawn in {ms:.0f} ms")
    assert shown < everything <= 1500
    assert watch.errors == []
    page.close()


# ---------------------------------------------------------------- the map of the shared corpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def shared_map(browser, tmp_path_factory):
    """The views of ../shared/corpus (skipped without it), opened once at the overview."""
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not present")
    import kg

    from kg.views import write_views

    out = tmp_path_factory.mktemp("shared-site")
    write_views(kg.build([str(SHARED)]), out)
    page, watch = _open(browser, (out / "overview.html").as_uri())
    print(f"\nshared corpus map: first labelled draw {page.evaluate('document.body.dataset.firstDrawMs')} ms, "
          f"{page.evaluate('window.paperkgNetwork.body.data.nodes.length')} nodes drawn, "
          f"{page.get_attribute('.pk-graph', 'data-labels')} labels")
    yield out, page, watch
    page.close()


def test_shared_map_draws_no_isolated_node(shared_map):
    _, page, watch = shared_map
    assert page.evaluate("window.paperkgNetwork.body.data.nodes.length") > 50
    assert page.evaluate(_LONELY_JS) == []
    assert 0 not in {int(t) for t in page.evaluate(_VISIBLE_TYPES_JS)}  # papers only when asked for
    assert watch.errors == [] and watch.hosts == {"file"}


def test_shared_map_labels_every_topic_at_first_draw(shared_map):
    out, page, _ = shared_map
    import json

    from test_views import _parse

    data = json.loads(_parse(out / "overview.html").inline[0][1])
    topics = data["map"]["topics"]
    assert len(topics) >= 3
    labels = page.evaluate("document.querySelector('.pk-graph').paperkgLabels")
    box = page.evaluate("(() => { const r = document.querySelector('.pk-canvas').getBoundingClientRect();"
                        " return [r.left, r.top, r.right, r.bottom]; })()")
    names = {n["id"]: n["l"] for n in data["nodes"]}
    for i, t in enumerate(topics):
        first = [lab for lab in labels if lab["topic"] == i and lab["rank"] == 0]
        assert first, f"topic {i + 1} ({t['label']}) has no label"
        lab = first[0]
        assert lab["id"] == t["top"][0] and lab["text"] == names[t["top"][0]]
        assert lab["px"] >= 12  # legible without zooming
        centre = lab["left"] + lab["width"] / 2
        assert box[0] <= centre <= box[2] and box[1] <= lab["top"] <= box[3], (t["label"], lab, box)


_LABEL_CLASHES_JS = """() => { const root = document.querySelector('.pk-graph'), P = root.paperkg, net = P.network;
    const r = root.querySelector('.pk-canvas').getBoundingClientRect(), labels = root.paperkgLabels, out = [];
    const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const box = l => ({x1: l.left, x2: l.left + l.width, y1: l.top, y2: l.top + l.height});
    const pos = net.getPositions(P.visible()), scale = net.getScale();
    labels.forEach((l, i) => {
      const b = box(l);
      if (b.x1 < r.left - 0.5 || b.x2 > r.right + 0.5 || b.y1 < r.top - 0.5 || b.y2 > r.bottom + 0.5) {
        out.push(['outside', l.text]);
      }
      labels.slice(i + 1).forEach(m => { if (hit(b, box(m))) { out.push(['labels', l.text, m.text]); } });
      if (l.rank > 0) {
        Object.keys(pos).forEach(id => {
          if (id === l.id) { return; }
          const d = net.canvasToDOM(pos[id]), s = P.nodes.get(id).size * scale;
          const nb = {x1: r.left + d.x - s, x2: r.left + d.x + s, y1: r.top + d.y - s, y2: r.top + d.y + s};
          if (hit(b, nb)) { out.push(['node', l.text, id]); }
        });
      }
    });
    return out; }"""


_TOPIC_MARKER_CLASHES_JS = """() => { const items = [...document.querySelectorAll('.pk-topics li')], out = [];
    const ctx = document.createElement('canvas').getContext('2d');
    items.forEach((li, i) => {
      ctx.font = getComputedStyle(li).font;
      const r = li.getBoundingClientRect(), left = r.left - ctx.measureText(`${i + 1}. `).width;
      items.forEach((o, j) => {
        const q = o.getBoundingClientRect();
        if (j !== i && q.right > left && q.left < r.left && q.top < r.bottom && r.top < q.bottom) { out.push([i + 1, j + 1]); }
      });
    });
    return [items.length, out]; }"""


def test_shared_map_topic_numbers_stay_clear_of_the_column_before(shared_map):
    """The numbered topic list runs in columns: a two-digit number ("23.") sits in its own column's margin, not
    over the end of the previous column's line."""
    _, page, _ = shared_map
    count, clashes = page.evaluate(_TOPIC_MARKER_CLASHES_JS)
    assert count >= 10 and clashes == []
    assert " 1 papers" not in page.inner_text(".pk-topics")


def test_shared_map_labels_stay_inside_and_clear_of_each_other(shared_map):
    """Every label is whole inside the canvas, no two labels overlap, and a label other than a topic's first
    covers no other drawn node (the dense middle of the map stays readable)."""
    _, page, _ = shared_map
    labels = page.evaluate("document.querySelector('.pk-graph').paperkgLabels")
    assert len(labels) >= 20 and any(lab["rank"] > 0 for lab in labels)
    assert page.evaluate(_LABEL_CLASHES_JS) == []


def test_shared_map_filters_act_on_the_whole_view(shared_map):
    _, page, _ = shared_map
    count = lambda: int(page.inner_text("#pk-count .pk-count-nodes"))  # noqa: E731
    entities_only = count()
    assert entities_only == page.evaluate("window.paperkgNetwork.body.data.nodes.length")
    page.check("#pk-type-0")
    page.check("#pk-type-4")
    with_papers = count()
    types = page.evaluate(_VISIBLE_TYPES_JS)
    assert with_papers > entities_only and types.get("0", 0) > 0 and types.get("4", 0) > 0
    page.fill(".pk-min-support", "5")
    page.dispatch_event(".pk-min-support", "change")
    raised = page.evaluate(_VISIBLE_TYPES_JS)
    assert count() < with_papers
    assert raised.get("0", 0) < types["0"] and raised.get("4", 0) < types["4"]  # papers and code left alone go
    assert page.evaluate(_LONELY_JS) == []
    # every paper still drawn has a drawn entity, every repository a drawn paper
    assert page.evaluate("""() => { const root = document.querySelector('.pk-graph'), P = root.paperkg;
        const shown = new Set(P.visible()), kind = id => P.nodes.get(id).pkType;
        return P.visible().filter(id => kind(id) === 0 || kind(id) === 4).filter(id => {
          const want = kind(id) === 0 ? t => t >= 1 && t <= 3 : t => t === 0;
          return !P.network.body.data.edges.get().some(e => (e.from === id && shown.has(e.to) && want(kind(e.to)))
                                                        || (e.to === id && shown.has(e.from) && want(kind(e.from))));
        }); }""") == []
    page.fill(".pk-min-support", "0")
    page.dispatch_event(".pk-min-support", "change")
    page.uncheck("#pk-type-0")
    page.uncheck("#pk-type-4")
    assert count() == entities_only


def test_shared_map_search_highlights_and_focuses(shared_map):
    out, page, _ = shared_map
    top = page.evaluate("document.querySelector('.pk-graph').paperkgLabels[0]")
    page.fill(".pk-find-input", top["text"])
    assert int(page.get_attribute(".pk-graph", "data-highlighted")) >= 1
    node = page.evaluate(f"document.querySelector('.pk-graph').paperkg.nodes.get({top['id']!r})")
    assert node["borderWidth"] == 5
    page.wait_for_timeout(100)
    hits = [lab for lab in page.evaluate("document.querySelector('.pk-graph').paperkgLabels") if lab["rank"] == -1]
    assert top["id"] in {lab["id"] for lab in hits}
    page.click(".pk-graph .pk-results button >> nth=0")
    assert page.get_attribute(".pk-graph", "data-focused")
    page.fill(".pk-find-input", "")
    assert page.get_attribute(".pk-graph", "data-highlighted") == "0"


def _expected_related(g, key):
    """The related list as the page showed it when it was rendered into the HTML: (page, text) per row."""
    from kg.views.context import node_label

    found = {}
    for _, v, d in g.out_edges(key, data=True):
        if d.get("relation") == "relatedTo":
            found[v] = d
    for u, _, d in g.in_edges(key, data=True):
        if d.get("relation") == "relatedTo" and (u not in found or d["weight"] > found[u]["weight"]):
            found[u] = d
    rows = []
    for k in sorted(found, key=lambda k: (-float(found[k]["weight"]), k))[:10]:
        shared = ", ".join(node_label(g, e) for e in found[k].get("shared", [])[:6])
        rows.append((f"../paper/{k.split('/', 1)[1]}.html",
                     f"{g.nodes[k]['title']} {float(found[k]['weight']):.2f}" + (f" \u00b7 shares {shared}" if shared else "")))
    return rows


def test_paper_page_from_file_shows_corpus_figures_from_its_data_shard(browser, served):
    """Opened from file://, a paper page shows the supports, the related papers (with weights) and the
    drawing's sizes that its HTML no longer holds: they come from assets/data/XX.js via <script src>."""
    from test_views import fixture_graph

    out, _ = served
    g = fixture_graph()
    key = "paper/2503.01111"
    page = browser.new_page()
    watch = _Watch(page)
    page.goto((out / "paper/2503.01111.html").as_uri())
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=30000)
    entities = [v for _, v, r in g.out_edges(key, data="relation") if r in ("usesMethod", "usesDataset", "evaluatesOn")]
    supports = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.pk-support')]
        .map(s => [s.dataset.key, s.textContent]))""")
    assert supports == {e: f", {g.nodes[e]['support']} paper{'' if g.nodes[e]['support'] == 1 else 's'}" for e in entities}
    related = page.evaluate("""() => [...document.querySelectorAll('#pk-related li')]
        .map(li => [li.querySelector('a').getAttribute('href'), li.innerText])""")
    assert related and [tuple(r) for r in related] == _expected_related(g, key)
    assert page.is_hidden("#pk-related-none")
    drawn = page.evaluate("""() => Object.fromEntries(window.paperkgNodes.get()
        .map(n => [n.id, [n.size, n.pkSupport, (n.pkTip.d || []).join('|')]]))""")
    for k, _ in _expected_related(g, key)[:3]:  # the related papers are on the drawing's outer ring
        assert "paper/" + k[len("../paper/"):-len(".html")] in drawn
    for e in entities:
        n = g.nodes[e]["support"]
        assert drawn[e] == [round(min(60.0, 10.0 + 4.0 * n ** 0.5), 1), n, f"support: {n} paper{'' if n == 1 else 's'}"]
    assert drawn[key][0] == round(min(30.0, 8.0 + 1.5 * g.degree(key) ** 0.5), 1)
    # relatedTo tooltips end with the weight, which only the site's figures hold (not the page or its shard)
    tips = page.evaluate("""() => window.paperkgEdges.get().filter(e => e.pkTip.startsWith('relatedTo'))
        .map(e => [e.from, e.to, e.pkTip])""")
    assert tips
    for u, v, tip in tips:
        w = next(d["weight"] for d in g.get_edge_data(u, v).values() if d.get("relation") == "relatedTo")
        assert tip.endswith(f" (weight {w:.2f})"), tip
        assert f"{w:.2f}" not in (out / "paper/2503.01111.html").read_text(encoding="utf-8")
    assert page.evaluate("Array.isArray(window.PAPERKG_FIGURES.k)")
    # the centre, then ring 1 (its entities, code, links) and ring 2 (linked papers, then related ones)
    import math

    from test_views import _parse

    rings = json.loads(_parse(out / "paper/2503.01111.html").inline[0][1])["rings"]
    pos = page.evaluate("window.paperkgNodes.get().map(n => [n.id, n.x, n.y])")
    n2 = len(pos) - 1 - rings[0]
    assert pos[0][1:] == [0, 0] and n2 > rings[1]  # related papers joined ring 2
    for i, (depth, count, index) in enumerate([(1, rings[0], j) for j in range(rings[0])]
                                              + [(2, n2, j) for j in range(n2)], start=1):
        radius = 220.0 * depth + 12.0 * max(0, count - 12)
        angle = 2 * math.pi * index / max(1, count) + 0.35 * depth
        assert math.isclose(pos[i][1], radius * math.cos(angle), abs_tol=0.06)
        assert math.isclose(pos[i][2], radius * math.sin(angle), abs_tol=0.06)
    assert watch.errors == [] and watch.hosts == {"file"}
    page.close()


def test_weights_ties_and_ring_room_from_the_figures(browser, tmp_path):
    """Weights written with two decimals as Python writes them, exact ties too (0.125 -> 0.12, 0.625 ->
    0.62, 0.375 -> 0.38), the related list ordered by them; the drawing takes related papers strongest
    first as far as ring 2 has room (the record lists them by key)."""
    from test_views import fixture_graph

    from kg.views import write_views

    g = fixture_graph()
    key = "paper/2503.01111"
    linked = {v for _, v, r in g.out_edges(key, data="relation") if r in ("buildsOn", "cites")}
    related = sorted({v for _, v, r in g.out_edges(key, data="relation") if r == "relatedTo"}
                     | {u for u, _, r in g.in_edges(key, data="relation") if r == "relatedTo"})
    free = [k for k in related if k not in linked]
    assert len(free) >= 3
    ties = dict(zip(free, [0.125, 0.625, 0.375]))  # by key: the weakest first, so the page must reorder them
    for other in related:
        for u, v in ((key, other), (other, key)):
            for d in (g.get_edge_data(u, v) or {}).values():
                if d.get("relation") == "relatedTo":
                    d["weight"] = ties.get(other, 0.01)
    # enough papers it cites that ring 2 has room for only one related paper
    for i in range(13 - len(linked)):
        g.add_node(f"paper/9999.{i:05d}", type="Paper", title=f"An invented paper {i}", label=f"An invented paper {i}")
        g.add_edge(key, f"paper/9999.{i:05d}", key="cites", relation="cites")
    out = tmp_path / "site"
    write_views(g, out)
    page = browser.new_page()
    watch = _Watch(page)
    page.goto((out / "paper/2503.01111.html").as_uri())
    page.wait_for_function("document.body.getAttribute('data-first-draw-ms') !== null", timeout=30000)
    rows = page.evaluate("[...document.querySelectorAll('#pk-related li')].map(li => li.innerText)")
    assert [r.split()[-1] if "\u00b7" not in r else r.split(" \u00b7 ")[0].split()[-1] for r in rows][:3] == \
        ["0.62", "0.38", "0.12"]
    tips = page.evaluate("""() => window.paperkgEdges.get().filter(e => e.pkTip.startsWith('relatedTo'))
        .map(e => [e.from, e.to, e.pkTip])""")
    ids = page.evaluate("window.paperkgNodes.get().map(n => n.id)")
    drawn_related = [k for k in free if k in ids]
    assert drawn_related == [free[1]], drawn_related  # the strongest (0.625) takes the one place
    to_free = [tip for u, v, tip in tips if u in free or v in free]
    assert to_free and all(t.endswith("(weight 0.62)") for t in to_free)  # none to a paper left out
    assert watch.errors == []
    page.close()


def test_pages_without_javascript_keep_their_local_content(browser, served):
    """With scripts off a page still shows everything local (entities, code, builds-on, the months of a
    timeline as text); what it loses is the drawing, the supports and the related papers, and it says so."""
    out, _ = served
    page = browser.new_page()
    cdp = browser.new_cdp_session(page)
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto((out / "paper/2503.01111.html").as_uri())
    text = page.inner_text("main")
    assert "Low-Rank Adaptation" in text and "small-reasoners" in text
    assert "LoRA: Low-Rank Adaptation of Large Language Models" in text.split("Builds on")[1]
    assert "Listed with JavaScript on" in page.inner_text("#pk-related-none")
    assert page.evaluate("document.querySelectorAll('#pk-related li').length") == 0
    assert not re.search(r"\d papers?\b", text.split("Code and links")[0])
    page.goto((out / "entity/method-group-relative-policy-optimization.html").as_uri())
    assert "2025-01: 1" in page.inner_text("#pk-timeline")  # the months as text, no bars
    assert page.evaluate("document.querySelectorAll('#pk-timeline rect').length") == 0
    assert "Mentioned by 5 papers" in page.inner_text("main")  # its own support is local
    page.close()
