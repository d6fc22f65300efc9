"""Incremental builds: re-running ``paperkg build`` on a grown (or shrunk) folder into the same output
folder gives, file for file, the bytes of a cold build of the same inputs in a fresh folder.

The listings are invented ones from benchmarks/synth.py (Daily Papers page dumps, one day per file).
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest

from kg.pipeline import build_job

ROOT = Path(__file__).resolve().parents[1]
#: Hidden entries that are not outputs: the extraction cache (holds what earlier builds saw) and the lock.
NOT_OUTPUTS = (".cache", ".paperkg.lock")


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    """Four invented day listings of 40 entries each (0000_synth.txt ... 0003_synth.txt)."""
    spec = importlib.util.spec_from_file_location("paperkg_bench_synth_incr", ROOT / "benchmarks" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
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
    _build(inputs, out)
    cold = tmp_path / "cold"
    _cold(inputs, listings, cold)
    _assert_same_tree(out, cold)
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
    _build(inputs, out)
    cold = tmp_path / "cold"
    _cold(inputs, listings[1:], cold)
    _assert_same_tree(out, cold)
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
    again = build_job([inputs], out, quiet=True, year=2025)
    assert _outputs(out) == first
    assert again.page_stats == {"rendered": 0, "reused": len(inodes), "data_written": 0,
                                "data_reused": len(list((out / "assets" / "data").iterdir()))}
    assert _inodes(out) == inodes, "unchanged pages are the previous files (hard links), not rewritten"


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
