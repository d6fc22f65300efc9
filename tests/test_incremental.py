"""Incremental builds: re-running ``paperkg build`` on a grown (or shrunk) folder into the same output
folder gives, file for file, the bytes of a cold build of the same inputs in a fresh folder.

The listings are invented ones from benchmarks/synth.py (Daily Papers page dumps, one day per file).
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from kg.pipeline import build_job
from script_modules import benchmark

#: Hidden entries that are not outputs: the extraction cache (holds what earlier builds saw) and the lock.
NOT_OUTPUTS = (".cache", ".paperkg.lock")


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    """Four invented day listings of 40 entries each (0000_synth.txt ... 0003_synth.txt)."""
    synth = benchmark("synth", "paperkg_bench_synth_incr")
    folder = tmp_path_factory.mktemp("listings")
    synth.write_corpus(synth.generate(160, seed=3), folder, per_file=40)
    return sorted(folder.iterdir())


def _outputs(out: Path) -> dict[str, bytes]:
    tree = {}
    for root, _dirs, files in os.walk(out):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(out)
            if rel.parts[0] not in NOT_OUTPUTS:
                tree[rel.as_posix()] = path.read_bytes()
    return tree


def _build(inputs: Path, out: Path) -> None:
    build_job([inputs], out, quiet=True, year=2025)


def _assert_same_tree(incremental: Path, cold: Path) -> None:
    a, b = _outputs(incremental), _outputs(cold)
    assert sorted(a) == sorted(b), (sorted(set(a) - set(b))[:5], sorted(set(b) - set(a))[:5])
    assert any(name.startswith("assets/data/") for name in a), "the pages' data shards are outputs too"
    assert "assets/figures.js" in a, "the site's figures are an output too"
    assert {"graph.ttl", "analytics.ttl", "void.ttl"} <= set(a), "both parts of the graph and their VoID are outputs"
    differ = sorted(name for name in a if a[name] != b[name])
    assert not differ, f"{len(differ)} of {len(a)} files differ from a cold build, e.g. {differ[:5]}"


def _folder(root: Path, files) -> Path:
    root.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, root / f.name)
    return root


def _cold(inputs: Path, files, cold: Path) -> None:
    """A cold build of exactly ``files``, read from the same folder path (pages name their source files)."""
    for f in inputs.iterdir():
        f.unlink()
    _build(_folder(inputs, files), cold)


def test_adding_a_listing_gives_the_cold_build(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings[:3])
    out = tmp_path / "out"
    _build(inputs, out)
    before = _outputs(out)
    shutil.copy(listings[3], inputs / listings[3].name)
    grown = build_job([inputs], out, quiet=True, year=2025)
    cold = tmp_path / "cold"
    _cold(inputs, listings, cold)
    _assert_same_tree(out, cold)
    # graph.ttl was put together from the previous file's blocks of unchanged subjects and new ones
    blocks = grown.rdf_stats
    assert 0 < blocks["reused"] < blocks["blocks"], blocks
    assert (out / ".cache" / "graph-blocks.bin").is_file()
    after = _outputs(out)
    new_pages = [n for n in after if n.startswith("paper/") and n not in before]
    assert new_pages, "the added listing must add paper pages"
    assert (out / ".cache").is_dir(), "the extraction cache is kept between builds"


def test_removing_a_listing_gives_the_cold_build_and_drops_its_pages(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings)
    out = tmp_path / "out"
    _build(inputs, out)
    before = _outputs(out)
    (inputs / listings[0].name).unlink()
    shrunk = build_job([inputs], out, quiet=True, year=2025)
    cold = tmp_path / "cold"
    _cold(inputs, listings[1:], cold)
    _assert_same_tree(out, cold)
    assert 0 < shrunk.rdf_stats["reused"] < shrunk.rdf_stats["blocks"], shrunk.rdf_stats
    gone = [n for n in before if n.startswith("paper/") and not (out / n).exists()]
    assert gone, "pages of papers that left the corpus must be deleted"


def _inodes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_ino
            for sub in ("paper", "entity") for p in sorted((out / sub).iterdir())}


def test_rebuilding_the_same_inputs_changes_nothing_and_renders_no_page(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    first_build = build_job([inputs], out, quiet=True, year=2025)
    assert first_build.page_stats["reused"] == 0
    first, inodes = _outputs(out), _inodes(out)
    figures = (out / "assets" / "figures.js").stat().st_ino
    again = build_job([inputs], out, quiet=True, year=2025)
    assert _outputs(out) == first
    assert again.page_stats == {"rendered": 0, "reused": len(inodes), "views_skipped": len(inodes), "data_written": 0,
                                "data_reused": len(list((out / "assets" / "data").iterdir())),
                                "records_made": 0, "records_reused": len(inodes)}
    assert _inodes(out) == inodes, "unchanged pages are the previous files (hard links), not rewritten"
    assert (out / "assets" / "figures.js").stat().st_ino == figures, "unchanged figures: the previous file"
    assert first_build.rdf_stats["reused"] == first_build.rdf_stats["analytics_reused"] == 0
    blocks, figures = first_build.rdf_stats["blocks"], first_build.rdf_stats["analytics_blocks"]
    assert again.rdf_stats == {"blocks": blocks, "reused": blocks, "analytics_blocks": figures, "analytics_reused": figures}


def test_only_pages_whose_view_changed_are_rendered(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings[:3])
    out = tmp_path / "out"
    _build(inputs, out)
    inodes = _inodes(out)
    shutil.copy(listings[3], inputs / listings[3].name)
    result = build_job([inputs], out, quiet=True, year=2025)
    after = _inodes(out)
    kept = {page for page, ino in after.items() if inodes.get(page) == ino}
    assert result.page_stats["reused"] == len(kept)
    assert result.page_stats["rendered"] == len(after) - len(kept)
    # data records too: some are copied from the previous shards (a third more papers here), the new pages' are made
    made, copied = result.page_stats["records_made"], result.page_stats["records_reused"]
    assert made + copied == len(after) and copied > 0 and made >= len(set(after) - set(inodes))
    assert all(page in inodes for page in kept)  # new pages are always rendered
    assert result.page_stats["rendered"] > len(set(after) - set(inodes))


def test_a_tampered_or_foreign_previous_page_is_rendered_again(tmp_path, listings, monkeypatch):
    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs, out)
    first = _outputs(out)
    pages = sorted((out / "paper").iterdir())
    pages[0].write_text("edited by hand", encoding="utf-8")  # another size than the manifest lists
    outside = tmp_path / "secret.html"
    outside.write_bytes(first[f"paper/{pages[1].name}"])  # same size and bytes, but a symlink
    pages[1].unlink()
    pages[1].symlink_to(outside)
    result = build_job([inputs], out, quiet=True, year=2025)
    assert result.page_stats["rendered"] == 2
    assert _outputs(out) == first
    assert not (out / "paper" / pages[1].name).is_symlink()


def test_other_templates_reuse_no_page(tmp_path, listings, monkeypatch):
    import kg.views.site as site

    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs, out)
    first = _outputs(out)
    monkeypatch.setattr(site, "_fingerprint", lambda title: "templates of another paperkg")
    result = build_job([inputs], out, quiet=True, year=2025)
    assert result.page_stats["reused"] == 0
    assert _outputs(out).keys() == first.keys()


def test_the_fingerprint_covers_what_pages_get_besides_their_view(monkeypatch):
    import kg.views.site as site

    site._fingerprint.cache_clear()
    base = site._fingerprint("paperkg")
    assert site._fingerprint("another title") != base
    real = site._common
    monkeypatch.setattr(site, "_common", lambda *a, **k: dict(real(*a, **k), footer_version="9.9.9"))
    site._fingerprint.cache_clear()
    try:
        assert site._fingerprint("paperkg") != base
    finally:
        site._fingerprint.cache_clear()


#: Node attributes a page shows (others, like support, degree or pagerank, are corpus-wide).
SHOWN = ("type", "label", "name", "title", "date", "aliases", "authors", "abstract", "url", "sources", "link_type",
         "arxiv_id")


def _local_edges(g, key) -> set:
    return ({(u, v, r) for u, v, r in g.out_edges(key, data="relation") if r != "relatedTo"}
            | {(u, v, r) for u, v, r in g.in_edges(key, data="relation") if r != "relatedTo"})


def _neighbours(g, keys) -> set:
    return {x for k in keys if k in g for u, v, _ in _local_edges(g, k) for x in (u, v)}


def test_a_new_listing_renders_only_the_pages_of_touched_papers_and_entities(tmp_path, listings):
    """Pages hold no corpus-wide figure (those are in assets/data/), so a new listing re-renders only the
    pages of what it changes: its new papers, what they link to (entities, papers they build on or cite),
    papers listed again (their sources) or whose shown data changed (a date, an entity's canonical name),
    and the pages showing those; every other page is the previous file."""
    from kg.views.context import assign_pages

    inputs = _folder(tmp_path / "in", listings[:3])
    out = tmp_path / "out"
    first = build_job([inputs], out, quiet=True, year=2025)
    inodes = _inodes(out)
    shutil.copy(listings[3], inputs / listings[3].name)
    result = build_job([inputs], out, quiet=True, year=2025)
    g, g0 = result.graph.nx, first.graph.nx
    new = {k for k, t in g.nodes(data="type") if t == "Paper" and k not in g0}
    changed = {k for k in g if k not in g0 or _local_edges(g, k) != _local_edges(g0, k)
               or [g.nodes[k].get(a) for a in SHOWN] != [g0.nodes[k].get(a) for a in SHOWN]}
    near = changed | _neighbours(g, changed) | _neighbours(g0, changed)
    # entity pages list the entities used with them: two steps through a paper
    near |= {k for k in _neighbours(g, {p for p in near if p in g and g.nodes[p].get("type") == "Paper"})}
    names = assign_pages(g)
    allowed = {names.get(k) for k in near} - {None}
    required = {names.get(k) for k in new | _neighbours(g, new) if g.nodes[k].get("type") != "CodeRepository"}
    rendered = {page for page, ino in _inodes(out).items() if inodes.get(page) != ino}
    required.discard(None)
    assert new and required <= rendered <= allowed, (sorted(required - rendered)[:5], sorted(rendered - allowed)[:5])
    assert result.page_stats["rendered"] == len(rendered) < (len(inodes) + len(new)) // 2


def test_data_shards_of_an_earlier_build_are_dropped_when_files_are_moved_one_by_one(tmp_path, listings,
                                                                                      monkeypatch):
    """Where folders cannot be swapped the build moves files into place one by one; shards the new build
    did not write (here: the shard names grow a digit) are deleted like stale pages."""
    import kg.pipeline as pipeline
    import kg.views.context as context

    monkeypatch.setattr(pipeline, "_swappable", lambda target: False)
    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs, out)
    before = sorted(p.name for p in (out / "assets" / "data").iterdir())
    assert before and all(len(name) == len("00.js") for name in before)
    monkeypatch.setattr(context, "SHARD_PAGES", 0)  # shards of no page: the most hex digits (four)
    _build(inputs, out)
    after = sorted(p.name for p in (out / "assets" / "data").iterdir())
    assert after and all(len(name) == len("0000.js") for name in after)
    pages = (out / "paper" / sorted(p.name for p in (out / "paper").iterdir())[0]).read_text(encoding="utf-8")
    shard = re.search(r'src="\.\./assets/data/([0-9a-f]+\.js)"', pages).group(1)
    assert shard in after


def _view_hashes_and_inputs(graph) -> dict:
    """{page: (hash of its view model, digest of its inputs, its data record's line, digest of the record's
    inputs)} of every paper and entity page of ``graph``."""
    from kg.views.context import RenderContext, assign_pages
    from kg.views.inputs import PageInputs
    from kg.views.pages import entity_record, entity_skeleton, entity_view, paper_record, paper_skeleton, paper_view
    from kg.views.site import _view_hash, graph_of, record_inputs, shard_line

    g = graph_of(graph)
    ctx = RenderContext(g, assign_pages(g))
    inputs = ctx.page_inputs = PageInputs(ctx)
    found = {}
    for key, page in ctx.names.items():
        made_of = inputs.page(key)
        _, record_of = record_inputs(ctx, key, made_of)
        if ctx.tables.type[key] == "Paper":
            skel = paper_skeleton(ctx, key)
            view = _view_hash("paper.html", paper_view(ctx, key, skel))
            record = paper_record(ctx, key, skel)
        else:
            skel = entity_skeleton(ctx, key)
            view = _view_hash("entity.html", entity_view(ctx, key, skel))
            record = entity_record(ctx, key, skel)
        found[page] = (view, made_of, shard_line(page, record), record_of)
    return found


def _assert_same_inputs_same_view(before: dict, after: dict) -> int:
    """Every page whose inputs digest is the same in both has the same view model, and every page whose
    record's inputs digest is the same has the same data record; returns how many pages have the same inputs."""
    same = [page for page in before if page in after and before[page][1] == after[page][1]]
    wrong = [page for page in same if before[page][0] != after[page][0]]
    assert not wrong, f"{len(wrong)} pages with the same inputs but another view model, e.g. {wrong[:5]}"
    same_record = [page for page in before if page in after and before[page][3] == after[page][3]]
    wrong = [page for page in same_record if before[page][2] != after[page][2]]
    assert not wrong, f"{len(wrong)} pages with the same record inputs but another record, e.g. {wrong[:5]}"
    return len(same)


def test_pages_made_from_the_same_inputs_have_the_same_view_model(listings):
    """The inputs digest (kg.views.inputs) is what lets a build skip a page's view model: wherever two
    corpora (one listing added, one removed) give a page the same digest, its view model must be the same."""
    from kg.api import build

    graphs = [build([str(f) for f in files], year=2025) for files in (listings[:3], listings, listings[1:])]
    tables = [_view_hashes_and_inputs(g) for g in graphs]
    grown = _assert_same_inputs_same_view(tables[0], tables[1])
    shrunk = _assert_same_inputs_same_view(tables[1], tables[2])
    changed_views = sum(1 for page in tables[0] if page in tables[1] and tables[0][page][0] != tables[1][page][0])
    assert changed_views and grown > len(tables[0]) // 2 and shrunk > len(tables[2]) // 2, (changed_views, grown, shrunk)
    # records: many keep their inputs (a third more papers: their weights changed, which are in the figures)
    both = [page for page in tables[0] if page in tables[1]]
    kept = sum(1 for page in both if tables[0][page][3] == tables[1][page][3])
    changed_records = sum(1 for page in both if tables[0][page][2] != tables[1][page][2])
    assert changed_records and kept > len(both) // 3, (changed_records, kept, len(both))


def _mutations(g):
    """(what, function changing a copy of ``g``) for each kind of local data a page shows."""
    papers = sorted(k for k, t in g.nodes(data="type") if t == "Paper" and g.nodes[k].get("title"))
    entities = sorted(k for k, t in g.nodes(data="type") if t in ("Method", "Dataset", "Benchmark"))
    hub = max(entities, key=lambda k: (g.in_degree(k), k))
    assert hub != entities[0]
    mention = next((u, v, k) for u, v, k in sorted(g.edges(keys=True)) if k in ("usesMethod", "usesDataset")
                   and g.edges[u, v, k].get("evidence"))
    builds = sorted((u, v, k) for u, v, k in g.edges(keys=True) if k == "buildsOn")
    code = sorted(k for k, t in g.nodes(data="type") if t in ("CodeRepository", "WebPage"))

    def node_attr(key, attr, value):
        def change(h):
            h.nodes[key][attr] = value
        return change

    def sentence(h):
        h.edges[mention]["evidence"][0]["sentence"] = "An invented sentence naming it."

    def drop_edge(edge):
        def change(h):
            h.remove_edge(*edge)
        return change

    out = [("hub label", node_attr(hub, "label", "Renamed hub")),
           ("hub aliases", node_attr(hub, "aliases", ["another alias"])),
           ("paper title", node_attr(papers[0], "title", "An invented title")),
           ("paper date", node_attr(papers[1], "date", "2019-01-02")),
           ("paper authors", node_attr(papers[2], "authors", ["A. Person"])),
           ("evidence sentence", sentence),
           ("a mention removed", drop_edge(mention)),
           ("entity support", node_attr(hub, "support", 999))]
    assert builds, "the test graph has a buildsOn edge"
    via = g.edges[builds[0]]["via"][0]
    out.append(("label of a buildsOn's via entity", node_attr(via, "label", "Renamed via")))
    out.append(("a buildsOn removed", drop_edge(builds[0])))
    out.append(("buildsOn via", lambda h: h.edges[builds[-1]].__setitem__("via", [entities[0]])))
    out.append(("a buildsOn added", lambda h: h.add_edge(papers[5], papers[6], key="buildsOn", relation="buildsOn",
                                                         via=[])))
    assert code, "the test graph has code and links"
    out.append(("code url", node_attr(code[0], "url", "https://example.org/other")))
    out.append(("link type", node_attr(code[-1], "link_type", "video")))
    assert len(out) == 14
    return out


def test_every_kind_of_shown_change_changes_the_inputs_of_the_pages_it_changes(listings):
    """One local change at a time (a label, a title, a date, an evidence sentence, an edge, a URL...):
    every page whose view model changes has other inputs, and the change does reach some page."""
    import copy

    from kg.api import build

    g = build([str(f) for f in listings[:2]], year=2025).nx
    papers = sorted(k for k, t in g.nodes(data="type") if t == "Paper")
    near = set(g[papers[3]]) | set(g[papers[4]])
    via = next(k for k, t in sorted(g.nodes(data="type")) if t == "Method" and k not in near)
    # the invented listings have no buildsOn edge: one is added (via an entity neither paper names, so
    # its label reaches the two pages only through the edge), so that its changes are tried too
    g.add_edge(papers[3], papers[4], key="buildsOn", relation="buildsOn", via=[via])
    base = _view_hashes_and_inputs(g)
    for what, change in _mutations(g):
        h = copy.deepcopy(g)
        change(h)
        after = _view_hashes_and_inputs(h)
        _assert_same_inputs_same_view(base, after)
        assert any(base[p][0] != after[p][0] for p in base if p in after), f"{what}: no page changed"


def test_data_record_inputs_cover_the_related_papers_but_not_their_weights(listings):
    """A page's data record (related papers, relatedTo edges of its drawing) is taken from the previous
    shard when its inputs digest is the same: so every record that changes with a related paper's title,
    the shared entities of a relatedTo edge or a relatedTo edge removed has other inputs; a weight that
    changes no choice of related papers changes no record (it is in the site's figures)."""
    import copy

    from kg.api import build
    from kg.views.context import RenderContext, assign_pages
    from kg.views.pages import site_figures

    g = build([str(f) for f in listings[:2]], year=2025).nx
    related = sorted((u, v) for u, v, r in g.edges(data="relation") if r == "relatedTo")
    assert len(related) > 3
    u0, v0 = max((d["weight"], u, v) for u, v, d in g.edges(data=True)
                 if d.get("relation") == "relatedTo" and d.get("shared"))[1:]
    local = {x for _, x, r in g.out_edges(v0, data="relation") if r != "relatedTo"} | \
        {x for x, _, r in g.in_edges(v0, data="relation") if r != "relatedTo"}
    far = next(p for p in sorted(g.nodes) if p.startswith("paper/") and p != v0 and p not in local
               and any(a == p or b == p for a, b in related))

    def edge(h, u, v):
        return next(d for d in h.get_edge_data(u, v).values() if d.get("relation") == "relatedTo")

    def weight(h):
        for u, v in related:
            d = edge(h, u, v)
            d["weight"] = round(d["weight"] * 1.001, 6)  # every weight, no order among them changed

    base = _view_hashes_and_inputs(g)
    h = copy.deepcopy(g)
    weight(h)
    after = _view_hashes_and_inputs(h)
    assert after == base, "a weight is in no page and no record"
    figures = [site_figures(RenderContext(x, assign_pages(x)))["x"] for x in (g, h)]
    assert figures[0] != figures[1], "the weights are in the site's figures"
    changes = [("shared entities", lambda h: edge(h, u0, v0).__setitem__("shared", [])),
               ("a relatedTo removed", lambda h: h.remove_edge(u0, v0, key=next(
                   k for k, d in h.get_edge_data(u0, v0).items() if d.get("relation") == "relatedTo"))),
               ("related paper's title", lambda h: h.nodes[far].__setitem__("title", "An invented title"))]
    for what, change in changes:
        h = copy.deepcopy(g)
        change(h)
        after = _view_hashes_and_inputs(h)
        _assert_same_inputs_same_view(base, after)
        assert any(base[p][2] != after[p][2] for p in base if p in after), f"{what}: no record changed"


def test_a_stale_or_corrupt_page_manifest_falls_back_to_computing_every_view(tmp_path, listings, monkeypatch):
    import json

    import kg.views.inputs as inputs

    inputs_dir = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs_dir, out)
    first = _outputs(out)
    manifest = out / "assets" / "pages.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    # another version of the view code: no page is taken on its inputs (but unchanged views are still linked)
    inputs.code_fingerprint.cache_clear()
    monkeypatch.setattr(inputs, "code_fingerprint", lambda: "view code of another paperkg")
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["views_skipped"] == 0 and result.page_stats["rendered"] == 0
    other = _outputs(out)
    assert {k: v for k, v in other.items() if k != "assets/pages.json"} == \
        {k: v for k, v in first.items() if k != "assets/pages.json"}
    monkeypatch.undo()
    inputs.code_fingerprint.cache_clear()
    result = build_job([inputs_dir], out, quiet=True, year=2025)  # back to this code: the manifest is of the other
    assert result.page_stats["views_skipped"] == 0 and result.page_stats["rendered"] == 0
    assert _outputs(out) == first
    # a manifest whose inputs column lies: every listed page claims the inputs of a page of the new build
    data["pages"] = {page: [entry[0], entry[1], "0" * 32] for page, entry in data["pages"].items()}
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["views_skipped"] == 0
    assert _outputs(out) == first
    # a manifest that is not JSON: every page computed and rendered again, same bytes
    manifest.write_text("{not json", encoding="utf-8")
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["views_skipped"] == 0 and result.page_stats["reused"] == 0
    assert _outputs(out) == first


def test_a_damaged_or_stale_record_cache_falls_back_to_making_the_records(tmp_path, listings):
    """Unchanged data records are copied from the previous build's shards (the cache), checked against the
    manifest: a line edited in place (same size), a shard cut short, a shard removed, a manifest listing other
    record inputs or none (an older paperkg's) all make the records again, with the bytes of a cold build."""
    import json

    inputs_dir = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs_dir, out)
    first = _outputs(out)
    n_pages = len(list((out / "paper").iterdir())) + len(list((out / "entity").iterdir()))
    shards = sorted((out / "assets" / "data").iterdir())
    big = max(shards, key=lambda p: (p.stat().st_size, p.name))
    text = big.read_bytes()
    at = text.index(b'"l":"') + len(b'"l":"')
    big.write_bytes(text[:at] + (b"X" if text[at:at + 1] != b"X" else b"Y") + text[at + 1:])  # same size
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["records_made"] >= 1 and _outputs(out) == first
    shards[0].write_bytes(shards[0].read_bytes()[:-20])  # cut short: not one record per line any more
    shards[1].unlink()
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["records_made"] >= 2 and _outputs(out) == first
    manifest = out / "assets" / "pages.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["pages"] = {page: entry[:3] + ["0" * 32] + entry[4:] for page, entry in data["pages"].items()}
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["records_made"] == n_pages and result.page_stats["views_skipped"] == n_pages
    assert _outputs(out) == first
    data["pages"] = {page: entry[:3] for page, entry in data["pages"].items()}  # before records had inputs
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["records_made"] == n_pages and result.page_stats["views_skipped"] == n_pages
    assert _outputs(out) == first
    result = build_job([inputs_dir], out, quiet=True, year=2025)
    assert result.page_stats["records_made"] == 0 and _outputs(out) == first


def test_a_failed_build_keeps_the_block_index_of_the_graph_ttl_in_place(tmp_path, listings, monkeypatch):
    """The new graph.ttl's block index replaces the old one only once the outputs are published."""
    import kg.pipeline

    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    first = build_job([inputs], out, quiet=True, year=2025)
    index = (out / ".cache" / "graph-blocks.bin").read_bytes()
    figures = (out / ".cache" / "analytics-blocks.bin").read_bytes()
    shutil.copy(listings[2], inputs / listings[2].name)  # another graph.ttl, whose build then fails

    def failing(*args, **kwargs):
        raise OSError(28, "No space left on device", str(out / "paper" / "x.html"))

    with monkeypatch.context() as m:
        m.setattr(kg.pipeline, "write_views", failing)
        with pytest.raises(Exception):
            build_job([inputs], out, quiet=True, year=2025)
    assert (out / ".cache" / "graph-blocks.bin").read_bytes() == index
    assert (out / ".cache" / "analytics-blocks.bin").read_bytes() == figures
    assert not (out / ".cache" / "graph-blocks.next").exists()
    assert not (out / ".cache" / "analytics-blocks.next").exists()
    (inputs / listings[2].name).unlink()
    again = build_job([inputs], out, quiet=True, year=2025)
    blocks, figures = first.rdf_stats["blocks"], first.rdf_stats["analytics_blocks"]
    assert again.rdf_stats == {"blocks": blocks, "reused": blocks, "analytics_blocks": figures, "analytics_reused": figures}


_BLOCK_END = re.compile(r"\n(?!\t)")


def _blocks(ttl: Path) -> dict[str, str]:
    """A Turtle file written by Oxigraph as {subject as written: its block}."""
    text = ttl.read_text(encoding="utf-8")
    body = text[text.index("\n", text.rindex("@prefix")) + 1:]
    return {b.split(" ", 1)[0]: b for b in _BLOCK_END.split(body) if b}


def _own_statements(G) -> dict[str, tuple]:
    """Per node, what graph.ttl states of it: its attributes but the corpus-wide figures, and its edges
    but relatedTo (kg.schema.ANALYTICS_ATTRIBUTES, ANALYTICS_RELATIONS), with their data."""
    from kg.schema import ANALYTICS_ATTRIBUTES, ANALYTICS_RELATIONS

    return {n: (sorted((k, repr(v)) for k, v in d.items() if k not in ANALYTICS_ATTRIBUTES),
                sorted((v, k, repr(sorted(e.items()))) for _, v, k, e in G.out_edges(n, keys=True, data=True)
                       if k not in ANALYTICS_RELATIONS))
            for n, d in G.nodes(data=True)}


def test_a_new_listing_leaves_the_blocks_of_untouched_papers_and_entities_byte_identical(tmp_path, listings):
    """graph.ttl holds no corpus-wide figure, so a paper or entity whose own statements did not change keeps
    its block, byte for byte (and the build reuses it); the figures are all in analytics.ttl."""
    inputs = _folder(tmp_path / "in", listings[:3])
    out = tmp_path / "out"
    first = build_job([inputs], out, quiet=True, year=2025)
    old_blocks, old_own = _blocks(out / "graph.ttl"), _own_statements(first.graph.nx)
    shutil.copy(listings[3], inputs / listings[3].name)
    grown = build_job([inputs], out, quiet=True, year=2025)
    new_blocks, new_own = _blocks(out / "graph.ttl"), _own_statements(grown.graph.nx)
    ttl, figures = (out / "graph.ttl").read_text(), (out / "analytics.ttl").read_text()
    for term in ("pkg:pagerank", "pkg:community", "pkg:degree", "pkg:support ", "pkg:supportRank", "pkg:relatedTo",
                 "pkg:Relatedness", "pkg:weight", "pkg:MethodPair", "pkg:Month"):
        assert term not in ttl and term in figures, term
    prefix = {"paper": "paper:", "method": "method:", "dataset": "dataset:", "benchmark": "benchmark:"}
    same = changed = 0
    for n, own in new_own.items():
        kind, _, rest = n.partition("/")
        subject = prefix.get(kind, "") + rest
        if kind not in prefix or old_own.get(n) != own or subject not in old_blocks:
            continue  # a new node, one whose own statements changed, or one written as a full IRI
        assert new_blocks[subject] == old_blocks[subject], n
        same += 1
    for n, own in old_own.items():
        changed += n in new_own and new_own[n] != own
    papers = sum(1 for n in old_own if n.startswith("paper/"))
    assert same > papers // 2 and changed < same, (same, changed, papers)
    # every subject block of graph.ttl that was there unchanged came from the previous file
    assert grown.rdf_stats["reused"] >= same
