"""HTML views: pages, links, escaping, capping, determinism (no browser needed)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pytest

from kg.errors import OutputError
from kg.views import notebook_html, show, slugify, write_views
from kg.views.site import read_shard
from kg.views.context import CO_USE, RenderContext, assign_pages
from kg.views.layout import force_layout
from kg.views.overview import MIN_TOPIC, map_model, overview_data
from kg.views.safe import PageNames, json_for_script, safe_url
from kg.views.sample import sample_graph, synthetic_graph

XSS = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(2)</script>"


def fixture_graph() -> nx.MultiDiGraph:
    """The hand-made sample plus hostile input: markup in titles, aliases, evidence and URLs."""
    g = sample_graph()
    g.add_node("paper/evil", type="Paper", label=XSS, title=XSS, abstract=f"Abstract {XSS_SCRIPT} \u2028 end.",
               url="javascript:alert(3)", authors=[XSS], date="2025-07-01", sources=["x.json#9"])
    g.add_node("method/evil-method", type="Method", label=f"Evil {XSS}", name=f"Evil {XSS}",
               aliases=[XSS_SCRIPT], support=1)
    g.add_edge("paper/evil", "method/evil-method", key="proposes", relation="proposes",
               evidence=[{"field": "abstract", "start": 0, "end": 3, "text": "Evil",
                          "sentence": f"We propose {XSS} and {XSS_SCRIPT}.", "rule": "t", "confidence": 1.0}])
    g.add_edge("paper/evil", "method/group-relative-policy-optimization", key="usesMethod", relation="usesMethod",
               evidence=[])
    g.add_node("link/evil", type="WebPage", label="evil", url="javascript:alert(4)", link_type="project")
    g.add_edge("paper/evil", "link/evil", key="hasLink", relation="hasLink")
    g.add_node("paper/../../etc/passwd", type="Paper", label="Traversal", title="Traversal", abstract="")
    return g


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.scripts, self.tags, self.inline = [], [], [], []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "link", "img", "iframe") and (a.get("src") or (tag == "link" and a.get("href"))):
            self.scripts.append(a.get("src") or a.get("href"))
        if tag == "script":
            self._in_script = a.get("type", "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None and data.strip():
            self.inline.append((self._in_script, data))


def _parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text(encoding="utf-8"))
    return c


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    files = write_views(fixture_graph(), out, title="Demo <KG>")
    return out, files


def test_pages_written(site):
    out, files = site
    rel = {p.relative_to(out).as_posix() for p in files}
    for name in ("index.html", "overview.html", "papers.html", "entities.html", "assets/vis-network.min.js",
                 "assets/vis-network.css", "assets/LICENSE-vis-network.txt", "assets/paperkg.js",
                 "assets/search-index.js", "entity/method-group-relative-policy-optimization.html",
                 "paper/2402.03300.html"):
        assert name in rel, name
    assert files == sorted(files)
    g = fixture_graph()
    pages = [r for r in rel if r.startswith(("paper/", "entity/"))]
    entities = [k for k, t in g.nodes(data="type") if t in ("Method", "Dataset", "Benchmark")]
    papers = [k for k, t in g.nodes(data="type") if t == "Paper"]
    assert len(pages) == len(entities) + len(papers)


def test_file_names_are_safe(site):
    out, files = site
    for p in files:
        r = p.relative_to(out).as_posix()
        assert re.fullmatch(r"(assets|paper|entity)/[a-z0-9][a-z0-9._-]*|assets/data/[0-9a-f]{2,4}\.js|[a-z-]+\.html", r, re.I), r
        assert ".." not in r
        assert p.resolve().is_relative_to(out.resolve())


def test_every_internal_link_resolves(site):
    out, files = site
    for page in (p for p in files if p.suffix == ".html"):
        c = _parse(page)
        for href in c.links + c.scripts:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https") or href.startswith("data:"):
                continue
            assert not parts.scheme, (page, href)
            target = (page.parent / parts.path).resolve()
            assert target.is_file(), (page.name, href)


def test_no_external_resources(site):
    out, files = site
    for page in (p for p in files if p.suffix == ".html"):
        c = _parse(page)
        for src in c.scripts:  # scripts, stylesheets, images: all local
            assert not urlsplit(src).scheme or src.startswith("data:"), (page, src)
        text = page.read_text(encoding="utf-8")
        assert "node_modules" not in text and "cdn" not in text.lower() and "googleapis" not in text
        # CSP allows only our own scripts
        assert "script-src &#39;self&#39;;" in text


def test_entity_page_content(site):
    out, _ = site
    text = (out / "entity/method-group-relative-policy-optimization.html").read_text(encoding="utf-8")
    assert "Group Relative Policy Optimization" in text and "GRPO" in text
    proposed = text.split("<h2>Proposed by</h2>")[1].split("<h2>Used by</h2>")[0]
    assert "../paper/2402.03300.html" in proposed  # DeepSeekMath proposes GRPO
    used = text.split("<h2>Used by</h2>")[1].split("<h2>Used with</h2>")[0]
    assert "../paper/2501.12948.html" in used and "../paper/2402.03300.html" not in used
    with_ = text.split("<h2>Used with</h2>")[1].split("<h2>Neighbourhood</h2>")[0]
    assert "../entity/method-chain-of-thought.html" in with_
    data = json.loads(_parse(out / "entity/method-group-relative-policy-optimization.html").inline[0][1])
    ids = {n["id"] for n in data["nodes"]}
    assert "method/group-relative-policy-optimization" in ids and "paper/2402.03300" in ids
    assert data["center"] == "method/group-relative-policy-optimization"
    assert 1 + sum(data["rings"]) == len(data["nodes"])  # the browser places them on rings


def test_paper_page_content(site):
    out, _ = site
    text = (out / "paper/2503.01111.html").read_text(encoding="utf-8")
    builds = text.split("<h2>Builds on</h2>")[1].split("<h2>")[0]
    assert "../paper/2106.09685.html" in builds and "../paper/2402.03300.html" in builds
    assert 'href="https://github.com/example/small-reasoners"' in text
    assert 'href="https://example.org/small-reasoners"' in text
    assert "../entity/method-low-rank-adaptation.html" in text
    shard = re.search(r'<script src="\.\./(assets/data/[0-9a-f]+\.js)">', text).group(1)
    script = (out / shard).read_bytes()
    assert script.startswith(b"window.PAPERKG_DATA={\n") and script.endswith(b"};\n")
    record = read_shard(script)["paper/2503.01111.html"]
    assert record["rel"] and all(r[0].startswith("paper/") and r[1].startswith("paper/") for r in record["rel"])
    assert [r[0] for r in record["rel"]] == sorted(r[0] for r in record["rel"])  # by key: the weights sort them
    assert "weight" not in json.dumps(record) and "n" not in record and "s" not in record
    # supports, sizes and weights come from the site's figures, not the page or its record
    assert '<script src="../assets/figures.js"></script>' in text
    figures = (out / "assets/figures.js").read_text(encoding="utf-8")
    assert figures.startswith("window.PAPERKG_FIGURES=") and figures.endswith(";\n")
    fig = json.loads(figures[len("window.PAPERKG_FIGURES="):-2])
    at = {k: i for i, k in enumerate(fig["k"])}
    assert fig["n"][at["method/low-rank-adaptation"]] == 3 and fig["n"][at["paper/2503.01111"]] == 0
    assert fig["s"][at["method/low-rank-adaptation"]] == round(10.0 + 4.0 * 3 ** 0.5, 1)
    g = fixture_graph()
    weights = {(u, v): d["weight"] for u, v, d in g.edges(data=True) if d.get("relation") == "relatedTo"}
    listed = {(k, fig["k"][x[i]]): x[i + 1] for k, x in zip(fig["k"], fig["x"]) if x for i in range(0, len(x), 2)}
    assert listed == weights and weights
    assert ", 3 paper(s)" not in text and 'class="pk-support" data-key="method/low-rank-adaptation"' in text


def test_index_statistics_and_top_tables(site):
    out, _ = site
    text = (out / "index.html").read_text(encoding="utf-8")
    g = fixture_graph()
    n_papers = sum(1 for _, t in g.nodes(data="type") if t == "Paper")
    assert f"<b>{n_papers}</b> papers" in text
    assert f"<b>{g.number_of_edges()}</b> edges" in text
    top_methods = text.split("Most supported methods")[1].split("</table>")[0]
    assert top_methods.index("Group Relative Policy Optimization") < top_methods.index("FlashAttention")
    assert 'href="overview.html"' in text and 'id="pk-site-search"' in text
    search = (out / "assets/search-index.js").read_text(encoding="utf-8")
    assert "DeepSeekMath" in search and "GRPO" in search


def test_hostile_text_is_escaped_everywhere(site):
    out, files = site
    for page in (p for p in files if p.suffix in (".html", ".js") and p.name not in ("vis-network.min.js",
                                                                                          "paperkg.js")):
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text, page
        assert "<script>alert" not in text, page
        if page.suffix == ".js":
            assert "\u2028" not in text, page
        else:
            assert all("\u2028" not in d for _, d in _parse(page).inline), page
        assert 'href="javascript:' not in text.lower(), page
    evil = out / "paper/evil.html"
    c = _parse(evil)
    # the only executable scripts are our local files; JSON data is inert and parses back
    assert all(t == "application/json" for t, _ in c.inline)
    data = json.loads(c.inline[0][1])
    assert any(n["tip"]["h"] == XSS for n in data["nodes"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in evil.read_text(encoding="utf-8")


def test_traversal_ids_stay_inside(site):
    out, files = site
    names = [p.relative_to(out).as_posix() for p in files if p.parent.name == "paper"]
    assert "paper/etc-passwd.html" in names
    assert not (out.parent / "etc").exists()


def test_deterministic_output(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    fa = write_views(fixture_graph(), a)
    fb = write_views(fixture_graph(), b)
    assert [p.relative_to(a) for p in fa] == [p.relative_to(b) for p in fb]
    for pa, pb in zip(fa, fb):
        assert pa.read_bytes() == pb.read_bytes(), pa


def test_accepts_object_with_nx(tmp_path):
    class KG:
        nx = sample_graph()

    files = write_views(KG(), tmp_path)
    assert (tmp_path / "overview.html") in files


def test_bad_arguments_raise_typed_errors(tmp_path):
    with pytest.raises(OutputError):
        write_views(sample_graph(), tmp_path, max_nodes=0)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        write_views(sample_graph(), blocker)
    with pytest.raises(TypeError):
        write_views(["not", "a", "graph"], tmp_path)


def test_empty_graph(tmp_path):
    files = write_views(nx.MultiDiGraph(), tmp_path)
    assert (tmp_path / "index.html") in files
    data = json.loads(_parse(tmp_path / "overview.html").inline[0][1])
    assert data["nodes"] == [] and data["edges"] == []


def test_overview_cap_and_notice(tmp_path):
    g = synthetic_graph(400, seed=1)
    write_views(g, tmp_path, max_nodes=150)
    text = (tmp_path / "overview.html").read_text(encoding="utf-8")
    data = json.loads(_parse(tmp_path / "overview.html").inline[0][1])
    assert 0 < len(data["nodes"]) <= 150
    n_entities = len(data["map"]["topic"])
    total = sum(1 for _, t in g.nodes(data="type") if t in ("Paper", "Method", "Dataset", "Benchmark", "CodeRepository"))
    assert f'Showing <b class="pk-count-nodes">{n_entities}</b> of {total} nodes' in text
    assert "Not drawn" in text and "--max-nodes" in text
    kept = {n["id"] for n in data["nodes"]}
    assert all(e["f"] in kept and e["t"] in kept for e in data["edges"])
    # the most supported entity is always drawn
    top = max((k for k, t in g.nodes(data="type") if t == "Method"), key=lambda k: (g.nodes[k]["support"], k))
    assert top in kept
    # positions come from Python and physics is off, so the first draw needs no simulation
    assert len(data["xy"]) == len(data["nodes"]) and all(isinstance(x, float) and isinstance(y, float)
                                                         for x, y in data["xy"])
    assert data["options"]["physics"]["enabled"] is False
    # every node still has a page, drawn or not
    assert len(list((tmp_path / "paper").iterdir())) == 400


def test_overview_map_draws_entities_linked_by_co_use(tmp_path):
    """Entities first (papers and code hidden until asked for), each with a co-use link, in labelled topics."""
    g = synthetic_graph(300, seed=2)
    write_views(g, tmp_path)
    data = json.loads(_parse(tmp_path / "overview.html").inline[0][1])
    m = data["map"]
    types = [n["t"] for n in data["nodes"]]
    n_ent = len(m["topic"])
    assert n_ent and all(t in (1, 2, 3) for t in types[:n_ent]) and all(t in (0, 4) for t in types[n_ent:])
    assert sorted(m["hidden"]) == [0, 4]  # Paper, CodeRepository
    co_use = data["relations"].index({"name": CO_USE, "color": "#8a8f99"})
    linked = {e[k] for e in data["edges"] if e["r"] == co_use for k in ("f", "t")}
    assert {n["id"] for n in data["nodes"][:n_ent]} == linked  # no entity is drawn without a link
    assert m["topics"] and all(t["label"] and t["top"] and t["page"].startswith("topics.html#topic-")
                               for t in m["topics"])
    ids = [n["id"] for n in data["nodes"]]
    for i, t in enumerate(m["topics"]):  # a topic's label names its top entities, drawn in its colour
        assert all(m["topic"][ids.index(k)] == i for k in t["top"])
        assert g.nodes[t["top"][0]]["label"] in t["label"]
    # papers sit on the map beside their entities, linked to at least one drawn entity
    drawn = set(ids[:n_ent])
    for n in data["nodes"][n_ent:]:
        if n["t"] == 0:
            assert any(e["f"] == n["id"] and e["t"] in drawn for e in data["edges"])


def test_map_lists_what_it_does_not_draw():
    """Entities never used with others, and papers without entities, are counted and listed, not drawn."""
    g = nx.MultiDiGraph(sample_graph())
    g.add_node("method/lonely", type="Method", label="Lonely Method", name="Lonely Method", aliases=[], support=1)
    g.add_node("paper/lonely", type="Paper", label="Lonely paper", title="Lonely paper", abstract="x")
    g.add_edge("paper/lonely", "method/lonely", key="proposes", relation="proposes", evidence=[])
    g.add_node("paper/empty", type="Paper", label="Empty paper", title="Empty paper", abstract="x")
    ctx = RenderContext(g, assign_pages(g))
    payload, info = overview_data(ctx, 1500)
    ids = {n["id"] for n in json.loads(payload)["nodes"]}
    assert "method/lonely" not in ids and "paper/empty" not in ids and "paper/lonely" not in ids
    assert "Lonely Method" in [r["label"] for r in info["unconnected"]]
    assert "Empty paper" in [r["label"] for r in info["no_entity"]]
    model = map_model(ctx, 1500)
    assert all(len(c) >= MIN_TOPIC for c in model.topics)
    assert set(model.entities) == {k for c in model.topics for k in c} | set(model.minor)


def test_small_corpus_map_draws_its_small_groups():
    """With no group of MIN_TOPIC entities, the map draws the smaller groups rather than nothing."""
    g = nx.MultiDiGraph()
    for i, name in enumerate(("Alpha", "Beta", "Gamma")):
        g.add_node(f"method/{name.lower()}", type="Method", label=name, name=name, aliases=[], support=1)
    g.add_node("paper/one", type="Paper", label="One", title="One", abstract="x")
    for name in ("alpha", "beta", "gamma"):
        g.add_edge("paper/one", f"method/{name}", key="usesMethod", relation="usesMethod", evidence=[])
    model = map_model(RenderContext(g, assign_pages(g)), 1500)
    assert model.entities == ["method/alpha", "method/beta", "method/gamma"] and model.topics == []
    assert model.unconnected == []


def test_topics_page_and_papers_table(site):
    out, _ = site
    topics = (out / "topics.html").read_text(encoding="utf-8")
    assert 'id="topic-1"' in topics and "../" not in topics
    first = topics.split('id="topic-1"')[1].split("</section>")[0]
    assert 'href="entity/' in first and 'href="paper/' in first
    papers = (out / "papers.html").read_text(encoding="utf-8")
    body = papers.split("<tbody>")[1].split("</tbody>")[0]
    g = fixture_graph()
    assert body.count("<tr") == sum(1 for _, t in g.nodes(data="type") if t == "Paper")
    head = papers.split("<thead>")[1].split("</thead>")[0]
    for col in ("Title", "Date", "Entities", "Proposes", "Code", "Topic"):
        assert f">{col}</th>" in head
    row = next(r for r in body.split("</tr>") if "paper/2402.03300.html" in r)  # DeepSeekMath proposes GRPO
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[1] == "2024-02-05" and cells[2] == "6" and cells[4] == "yes"
    assert cells[3] == "Group Relative Policy Optimization"
    assert re.search(r'href="topics.html#topic-\d+">\d+\. ', cells[5])
    assert 'class="pk-sortable"' in papers and "pk-table-filter" in papers


def test_force_layout_deterministic_and_spread():
    g = nx.barabasi_albert_graph(200, 2, seed=3)
    nodes = sorted(str(n) for n in g)
    edges = [(str(a), str(b)) for a, b in g.edges()]
    p1 = force_layout(nodes, edges)
    assert p1 == force_layout(nodes, edges)
    assert len({p for p in p1.values()}) == 200  # no two nodes on the same spot
    assert force_layout([], []) == {} and force_layout(["a"], []) == {"a": (0.0, 0.0)}


def test_json_for_script_escapes():
    s = json_for_script({"t": "</script><!-- & \u2028\u2029"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s and "\u2029" not in s
    assert json.loads(s) == {"t": "</script><!-- & \u2028\u2029"}


@pytest.mark.parametrize("raw,expected", [
    ("method/GRPO", "method-grpo"), ("../../etc/passwd", "etc-passwd"), ("..", "x"), ("", "x"),
    ("Ünïcödé name", "unicode-name"), ("a" * 200, "a" * 80), (".hidden", "hidden"),
])
def test_slugify(raw, expected):
    assert slugify(raw) == expected


def test_page_names_unique():
    names = PageNames()
    names.assign("entity", ["method/a-b", "method/a/b", "method/A B"])
    got = [names.get(k) for k in ("method/a-b", "method/a/b", "method/A B")]
    assert len(set(got)) == 3 and all(n.startswith("entity/method-a-b") for n in got)


def test_safe_url():
    assert safe_url("https://github.com/a/b") == "https://github.com/a/b"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.com", "http://", None, "https://a\n.com"):
        assert safe_url(bad) is None


def test_notebook_html_is_self_contained():
    page = notebook_html(fixture_graph(), max_nodes=30)
    c = _Collect()
    c.feed(page)
    assert not [s for s in c.scripts if not s.startswith("data:")]  # every script and style is inline
    assert "vis.Network" in page or "Network" in page
    data = [json.loads(d) for t, d in c.inline if t == "application/json"][0]
    assert len(data["nodes"]) == 30
    assert 'data-links="off"' in page
    assert XSS not in page.replace(XSS_SCRIPT, "")  # raw markup never appears


def test_show_returns_iframe():
    pytest.importorskip("IPython")
    out = show(sample_graph(), max_nodes=20)
    html_text = out.data
    assert "<iframe srcdoc=\"" in html_text and 'sandbox="allow-scripts"' in html_text
    assert "<script" not in html_text  # escaped inside srcdoc


def test_views_from_real_pipeline_when_available(tmp_path):
    """The views accept what the real pipeline builds from the bundled demo corpus."""
    api = pytest.importorskip("kg.api")
    ingest = pytest.importorskip("kg.ingest")
    if not hasattr(api, "build") or not hasattr(ingest, "default_corpus_paths"):
        pytest.skip("kg.api.build / kg.ingest.default_corpus_paths not available yet")
    kg = api.build(ingest.default_corpus_paths())
    files = write_views(kg, tmp_path)
    assert (tmp_path / "overview.html") in files
    n_papers = sum(1 for _, t in kg.nx.nodes(data="type") if t == "Paper")
    n_entities = sum(1 for _, t in kg.nx.nodes(data="type") if t in ("Method", "Dataset", "Benchmark"))
    assert len([p for p in files if p.parent.name == "paper"]) == n_papers > 0
    assert len([p for p in files if p.parent.name == "entity"]) == n_entities > 0
    data = json.loads(_parse(tmp_path / "overview.html").inline[0][1])
    # the map draws entities with their papers and code (links, owners and isolated nodes are left out)
    drawable = sum(1 for _, t in kg.nx.nodes(data="type") if t in ("Paper", "Method", "Dataset", "Benchmark",
                                                                   "CodeRepository"))
    assert 0 < len(data["nodes"]) <= drawable and data["map"]["topics"]


def test_parallel_pages_identical_to_sequential(tmp_path, monkeypatch):
    import kg.views.site as site

    monkeypatch.setattr(site, "_PARALLEL_MIN_PAGES", 5)  # force the forked page workers on a small graph
    a, b = tmp_path / "seq", tmp_path / "par"
    fa = write_views(fixture_graph(), a, jobs=1)
    fb = write_views(fixture_graph(), b, jobs=2)
    assert [p.relative_to(a) for p in fa] == [p.relative_to(b) for p in fb]
    assert all(pa.read_bytes() == pb.read_bytes() for pa, pb in zip(fa, fb))
    assert all(p.is_file() for p in fb)


def test_vis_network_comes_from_the_installed_pyvis(site):
    """The drawing library is pyvis's own copy of vis-network (pinned), not a vendored one."""
    import importlib.metadata
    from importlib.resources import files

    import kg.views.site as views_site

    out, _ = site
    assert importlib.metadata.version("pyvis") == "0.3.2"
    shipped = files("pyvis") / "lib" / "vis-9.1.2"
    for name in ("vis-network.min.js", "vis-network.css"):
        assert (out / "assets" / name).read_bytes() == shipped.joinpath(name).read_bytes()
        assert not (views_site.ASSETS / name).exists()
    assert "vis-network 9.1.2" in (out / "index.html").read_text(encoding="utf-8")  # the footer names the version


def test_vis_network_version_is_written_once(site, tmp_path, monkeypatch):
    """The footer of every page takes the version from kg.views.site; no template types it."""
    import kg.views.site as views_site

    assert not [p.name for p in views_site.TEMPLATES.glob("*.html")
                if views_site.VIS_NETWORK_VERSION in p.read_text(encoding="utf-8")]
    out, _ = site
    for page in ("index.html", "overview.html", "papers.html"):
        footer = re.search(r"<footer.*?</footer>", (out / page).read_text(encoding="utf-8"), re.S).group(0)
        assert footer.count("vis-network ") == 1 and f"vis-network {views_site.VIS_NETWORK_VERSION} " in footer
    monkeypatch.setattr(views_site, "VIS_NETWORK_VERSION", "0.0.0-invented")
    footer = re.search(r"<footer.*?</footer>", views_site.notebook_html(fixture_graph()), re.S).group(0)
    assert "vis-network 0.0.0-invented " in footer and "9.1.2" not in footer


def test_missing_vis_network_is_one_clear_error(tmp_path, monkeypatch):
    import kg.views.site as views_site

    monkeypatch.setattr(views_site, "VIS_NETWORK", tmp_path / "no-such-pyvis")
    with pytest.raises(OutputError, match="vis-network 9.1.2 from the installed pyvis"):
        write_views(fixture_graph(), tmp_path / "out")
