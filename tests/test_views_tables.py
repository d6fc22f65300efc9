"""The views' per-run tables and fast paths give the same answers as the plain computations."""
from __future__ import annotations

import json
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES
from kg.views import write_views
from kg.views.context import RenderContext, assign_pages, node_label, node_support, node_type
from kg.views.overview import overview_data
from kg.views.pages import corpus_stats, entity_page, paper_page, top_entities
from kg.views.safe import json_for_script
from kg.views.sample import sample_graph, synthetic_graph


@settings(max_examples=300)
@given(st.text())
def test_json_for_script_string_fast_path_matches_generic(text):
    generic = json.dumps([text], ensure_ascii=False, separators=(",", ":"))[1:-1]
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                      ("\u2029", "\\u2029")):
        generic = generic.replace(raw, safe)
    assert json_for_script(text) == generic
    assert json.loads(json_for_script(text)) == text


def _graph():
    return synthetic_graph(400, seed=5)


def test_entity_context_matches_plain_computation():
    g = _graph()
    ctx = RenderContext(g, assign_pages(g))
    names = ctx.names
    entities = [k for k in g.nodes if node_type(g, k) in ENTITY_TYPES]
    assert entities
    for key in entities:
        view = entity_page(ctx, key)[0]
        papers = {u for u, _, r in g.in_edges(key, data="relation")
                  if r in ENTITY_RELATIONS and node_type(g, u) == "Paper"}
        co = Counter()
        for p in papers:
            co.update({v for _, v, r in g.out_edges(p, data="relation")
                       if v != key and r in ENTITY_RELATIONS and node_type(g, v) in ENTITY_TYPES})
        expected = sorted(co, key=lambda v: (-co[v], node_label(g, v).lower(), v))[:30]
        assert [r["page"] for r in view["used_with"]] == [names.get(v) for v in expected]
        assert [r["count"] for r in view["used_with"]] == [co[v] for v in expected]
        shown = json.loads(view["graph"])["nodes"]
        assert [n["id"] for n in shown][0] == key and set(expected[:12]) <= {n["id"] for n in shown}


def test_paper_context_related_matches_plain_sort():
    g = _graph()
    ctx = RenderContext(g, assign_pages(g))
    names = ctx.names
    for key in [k for k in g.nodes if node_type(g, k) == "Paper"][:150]:
        weights = {}
        for _, v, d in g.out_edges(key, data=True):
            if d.get("relation") == "relatedTo":
                weights[v] = float(d.get("weight") or 0)
        for u, _, d in g.in_edges(key, data=True):
            if d.get("relation") == "relatedTo" and float(d.get("weight") or 0) > weights.get(u, -1.0):
                weights[u] = float(d.get("weight") or 0)
        expected = sorted(sorted(weights, key=lambda k: (-weights[k], k))[:10])  # the ten strongest, by key
        got = paper_page(ctx, key)[1]["rel"]
        assert [r[0] for r in got] == expected and [r[1] for r in got] == [names.get(k) for k in expected]
        assert "related" not in paper_page(ctx, key)[0]  # corpus-wide: in the data shard, not the page


def test_corpus_stats_and_top_entities():
    g = sample_graph()
    ctx = RenderContext(g, assign_pages(g))
    names = ctx.names
    stats = corpus_stats(g)
    assert stats["edges"] == g.number_of_edges() == sum(r["count"] for r in stats["relations"])
    assert stats["nodes"] == g.number_of_nodes()
    for t in ENTITY_TYPES:
        full = top_entities(ctx, t, limit=10**9)
        assert top_entities(ctx, t, limit=3) == full[:3]
        assert len(full) == sum(1 for k in g.nodes if node_type(g, k) == t)
        keys = [k for k in g.nodes if node_type(g, k) == t]
        keys.sort(key=lambda k: (-node_support(g, k), node_label(g, k).lower(), k))
        assert [r["page"] for r in full] == [names.get(k) for k in keys]


def test_bounded_edge_memo_and_chunking_do_not_change_output(tmp_path, monkeypatch):
    import kg.views.context as context
    import kg.views.site as site

    g = synthetic_graph(300, seed=2)
    a = write_views(g, tmp_path / "a", jobs=1, max_nodes=200)
    monkeypatch.setattr(context, "EDGE_MEMO_MAX", 3)  # cleared almost every page
    monkeypatch.setattr(site, "_PARALLEL_MIN_PAGES", 5)
    monkeypatch.setattr(site, "_CHUNKS_PER_JOB", 3)
    b = write_views(g, tmp_path / "b", jobs=3, max_nodes=200)
    assert [p.relative_to(tmp_path / "a") for p in a] == [p.relative_to(tmp_path / "b") for p in b]
    assert all(pa.read_bytes() == pb.read_bytes() for pa, pb in zip(a, b))


def test_render_context_memos_are_pure():
    """A context that has rendered pages gives the same overview and pages as a fresh one (memos change nothing),
    and two contexts never share memos (the page names carry none)."""
    g = synthetic_graph(120, seed=4)
    used = RenderContext(g, assign_pages(g))
    keys = [k for k, _ in used.names.items()][:40]
    first = [entity_page(used, k) if node_type(g, k) != "Paper" else paper_page(used, k) for k in keys]
    assert used.local_nodes and used.local_json and used.edge_json
    fresh = RenderContext(g, assign_pages(g))
    assert not fresh.node_json and not fresh.local_json and not hasattr(fresh.names, "cache")
    assert overview_data(used, 100) == overview_data(fresh, 100)
    again = [entity_page(fresh, k) if node_type(g, k) != "Paper" else paper_page(fresh, k) for k in keys]
    assert first == again


def test_page_workers_reuse_unchanged_pages_of_a_previous_folder(tmp_path, monkeypatch):
    """write_views(previous=...) in forked workers: unchanged pages are hard links, changed ones rendered;
    the files and the manifest are those of a plain write."""
    import os

    import kg.views.site as site

    monkeypatch.setattr(site, "_PARALLEL_MIN_PAGES", 5)
    g = synthetic_graph(300, seed=2)
    a = write_views(g, tmp_path / "a", jobs=2, max_nodes=200)
    changed = next(k for k in g.nodes if str(k).startswith("paper/"))
    g.nodes[changed]["abstract"] = "An invented abstract that no earlier build has seen."
    stats: dict = {}
    b = write_views(g, tmp_path / "b", jobs=2, max_nodes=200, previous=tmp_path / "a", stats=stats)
    c = write_views(g, tmp_path / "c", jobs=1, max_nodes=200)
    assert [p.relative_to(tmp_path / "b") for p in b] == [p.relative_to(tmp_path / "c") for p in c]
    assert all(pb.read_bytes() == pc.read_bytes() for pb, pc in zip(b, c))
    linked = [p for p in b if p.stat().st_nlink == 2]
    pages = [p for p in linked if p.parent.name in ("paper", "entity")]
    shards = [p for p in linked if p.parent.name == "data"]
    assert stats["reused"] == len(pages) > 0 and stats["rendered"] > 0
    assert stats["data_reused"] == len(shards) > 0 and stats["data_written"] > 0  # the changed paper's shards
    # the site's figures do not depend on an abstract: the previous file, too
    assert len(pages) + len(shards) + 1 == len(linked) and tmp_path / "b" / "assets" / "figures.js" in linked
    # records copied from the previous shards: all but those showing the changed paper (its tooltip)
    assert stats["records_reused"] > 0 and stats["records_made"] > 0
    assert stats["records_reused"] + stats["records_made"] == stats["reused"] + stats["rendered"]
    assert all(os.path.samefile(p, tmp_path / "a" / p.relative_to(tmp_path / "b")) for p in linked)
    changed_page = tmp_path / "b" / "paper"
    assert all(p.stat().st_nlink == 1 for p in changed_page.iterdir()
               if (tmp_path / "a" / "paper" / p.name).read_bytes() != p.read_bytes())
    assert len(a) == len(b)
