"""Corpus-wide relatedness figures that a listing unrelated to a pair leaves as they were (issue 15, step 7).

The relatedTo weights follow corpus statistics (IDF). Computed with the corpus size rounded up to a power
of two (kg.graph.links.idf) and written at COSINE_DECIMALS, a listing that shares no word and no entity
with a pair leaves the pair's pkg:Relatedness block in analytics.ttl byte-identical (so the build reuses
it); a listing that shares them changes the papers' relatedness. The listings are invented
(benchmarks/synth.py, and made-up words).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from kg.graph.links import idf, idf_corpus_size
from kg.pipeline import build_job
from script_modules import benchmark

_BLOCK_END = re.compile(r"\n(?!\t)")


def _synth():
    return benchmark("synth", "paperkg_bench_synth_related")


def _blocks(ttl: Path) -> dict[str, str]:
    """A Turtle file written by Oxigraph as {subject as written: its block}."""
    text = ttl.read_text(encoding="utf-8")
    body = text[text.index("\n", text.rindex("@prefix")) + 1:]
    return {b.split(" ", 1)[0]: b for b in _BLOCK_END.split(body) if b}


def _relatedness(blocks: dict[str, str]) -> dict[str, str]:
    return {s: b for s, b in blocks.items() if s.startswith("relatedness:")}


#: made-up words no synthetic paper uses: three papers about nothing the corpus knows
_UNRELATED = [
    {"title": f"Glorbic zentrafying of quollux marnets {k}",
     "abstract": "Zentrafying quollux marnets with glorbic vantrels yields brindle sporkative "
                 f"wemblers; the vantrels plimber each marnet {k} glimfolds over the snorgle."}
    for k in ("one", "two", "three")
]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """60 synthetic papers in two listings (the IDF's corpus size is 64 for 60 to 64 papers)."""
    synth = _synth()
    folder = tmp_path_factory.mktemp("base")
    entries = synth.generate(60, seed=11)
    synth.write_corpus(entries, folder, per_file=30)
    return synth, entries, sorted(folder.iterdir())


def _listing(synth, entries, tmp: Path, name: str) -> Path:
    folder = tmp / ("make-" + name)
    synth.write_corpus(entries, folder, per_file=len(entries))
    return next(folder.iterdir()).rename(tmp / name)


def _grow(tmp: Path, files, extra: Path):
    inputs = tmp / "in"
    inputs.mkdir()
    for f in files:
        shutil.copy(f, inputs / f.name)
    out = tmp / "out"
    first = build_job([inputs], out, quiet=True, year=2025)
    before = _blocks(out / "analytics.ttl")
    shutil.copy(extra, inputs / "0009_synth.txt")
    grown = build_job([inputs], out, quiet=True, year=2025)
    return first, grown, before, _blocks(out / "analytics.ttl"), out


def test_idf_corpus_size_is_a_power_of_two_and_idf_depends_on_it_only():
    assert [idf_corpus_size(n) for n in (1, 2, 3, 60, 64, 65)] == [1, 2, 4, 64, 64, 128]
    df = np.array([2, 7, 30])
    assert (idf(df, 60) == idf(df, 64)).all() and (idf(df, 64) != idf(df, 65)).all()
    assert (np.diff(idf(df, 60)) < 0).all()  # rarer weighs more


def test_an_unrelated_listing_leaves_every_relatedness_block_byte_identical(tmp_path, base):
    synth, _entries, files = base
    extra = _listing(synth, _UNRELATED, tmp_path, "unrelated.txt")
    first, grown, before, after, out = _grow(tmp_path, files, extra)
    old = _relatedness(before)
    assert len(old) > 100  # each paper has related papers
    new_papers = {f"paper:{n.split('/', 1)[1]}" for n, t in grown.graph.nx.nodes(data="type")
                  if t == "Paper" and n not in first.graph.nx}
    assert len(new_papers) == 3
    # every pair of the first build is still there, its block byte for byte the same
    assert {s: after.get(s) for s in old} == old
    # the new papers relate among themselves only (they share no word with the corpus)
    added = [b for s, b in _relatedness(after).items() if s not in old]
    assert added and all(sum(p in b for p in new_papers) == 2 for b in added)
    # the build copied those blocks from the previous analytics.ttl rather than serialising them again
    assert grown.rdf_stats["analytics_reused"] >= len(old)
    # and the weights are written at the precision they are chosen with
    weights = re.findall(r'pkg:(?:entityWeight|textWeight) "([0-9.e+-]+)"\^\^xsd:double', "".join(old.values()))
    assert weights and all(float(w) == round(float(w), 2) for w in weights)  # COSINE_DECIMALS
    # same bytes as a cold build of the grown folder
    cold = tmp_path / "cold"
    build_job([tmp_path / "in"], cold, quiet=True, year=2025)
    assert (cold / "analytics.ttl").read_bytes() == (out / "analytics.ttl").read_bytes()


def test_a_related_listing_changes_the_relatedness_of_the_papers_it_relates_to(tmp_path, base):
    synth, entries, files = base
    twin = dict(entries[5])  # a paper about the same things as the sixth one
    twin["title"] = "Revisited: " + twin["title"]
    extra = _listing(synth, [twin], tmp_path, "related.txt")
    first, grown, before, after, _out = _grow(tmp_path, files, extra)
    G0, G1 = first.graph.nx, grown.graph.nx
    (new,) = [n for n, t in G1.nodes(data="type") if t == "Paper" and n not in G0]
    (sixth,) = [n for n, d in G0.nodes(data=True) if d.get("title") == entries[5]["title"]]
    related = {v for _, v, k in G1.out_edges(sixth, keys=True) if k == "relatedTo"}
    assert new in related  # the twin is the sixth paper's strongest relation now
    subject = "paper:" + sixth.split("/", 1)[1]
    assert before[subject] != after[subject] and new.split("/", 1)[1] in after[subject]
    # and the relatedness of pairs that share its words moves: their blocks are written anew
    old, now = _relatedness(before), _relatedness(after)
    changed = [s for s in old if now.get(s) != old[s]]
    assert changed
    assert grown.rdf_stats["analytics_reused"] < len(after)


def test_an_unrelated_listing_leaves_every_figure_of_the_other_papers_as_it_was(tmp_path, base):
    """PageRank (relative to the average paper, two digits), communities (numbered by their first member, found
    in paper order) and every other block of analytics.ttl: only what the new papers reach changes."""
    synth, _entries, files = base
    extra = _listing(synth, _UNRELATED, tmp_path, "unrelated.txt")
    first, grown, before, after, _out = _grow(tmp_path, files, extra)
    G0, G1 = first.graph.nx, grown.graph.nx
    old_papers = [n for n, t in G0.nodes(data="type") if t == "Paper"]
    for key in ("pagerank", "community", "degree"):
        assert {n: G1.nodes[n][key] for n in old_papers} == {n: G0.nodes[n][key] for n in old_papers}, key
    assert len({G0.nodes[n]["community"] for n in old_papers}) > 1
    changed = sorted(s for s in before if after.get(s) != before[s])
    assert changed == [s for s in changed if s.startswith("kg:month")], changed[:5]  # papers per month


def test_pagerank_figure_is_relative_to_the_average_paper_at_two_significant_digits():
    from kg.graph.build import pagerank_figure

    assert pagerank_figure(0.5 / 1000, 1000) == 0.5
    assert pagerank_figure(1 / 3, 3) == 1.0
    assert pagerank_figure(0.012345, 1000) == 12.0  # 12.345 to two digits
    assert pagerank_figure(0.0, 10) == 0.0
    # the same share of a corpus of another size gives the same figure; a drift below two digits is hidden
    assert pagerank_figure(2 / 20_000, 20_000) == pagerank_figure(2.004 / 20_466, 20_466) == 2.0


def test_community_numbers_follow_the_first_member_and_stay_distinct(monkeypatch):
    import hashlib

    from kg.graph.build import community_ids

    iri = {k: f"https://example.org/paper/{k}" for k in ("a", "b", "c", "d", "e")}
    one = community_ids([["b", "c"], ["a"]], iri)
    two = community_ids([["a", "e"], ["d"], ["b", "c"]], iri)  # other communities and sizes, same first members
    assert len(set(one)) == 2 and one[0] == two[2] and one[1] == two[0]

    class Same:  # every IRI hashes alike: numbers still distinct, given in order of the first IRI
        def __init__(self, *args, **kwargs):
            pass

        def digest(self):
            return b"\x00" * 6

    monkeypatch.setattr(hashlib, "blake2b", Same)
    assert community_ids([["d"], ["b", "c"], ["a"]], iri) == [2, 1, 0]
