"""Which corpus-wide figures a new listing changes: the graphs of the first N-``--add`` listings and of all N.

    python benchmarks/figure_churn.py LISTINGS_DIR [--add 1] [--cache DIR] [--year 2025]

Builds both graphs (extraction through the cache at ``--cache``, so the ``.cache`` folder of an earlier
build makes this quick) and counts, over the papers and entities present in both, those whose PageRank,
community (its number, or its members among the papers in both), degree, support or support rank differ, the papers whose set of related papers differs (and
how many of those only because new papers came in), and the relatedTo pairs present in both whose
weights, shared entities or shared words differ: what analytics.ttl rewrites besides the new papers.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.corpus import extract_corpus  # noqa: E402
from kg.graph import DEFAULT_BASE_IRI, build_graph  # noqa: E402
from kg.ingest import read_inputs  # noqa: E402
from listings import listing_args  # noqa: E402


def _graph(files, cache, year):
    t = time.perf_counter()
    ing = read_inputs(files, year=year)
    ex = extract_corpus(ing.papers, cache_dir=cache)
    G = build_graph(ing.papers, ex, base_iri=DEFAULT_BASE_IRI, cache_dir=cache).nx
    print(f"graph of {len(files)} listings: {time.perf_counter() - t:.1f} s", flush=True)
    return G


def _related(G, n) -> dict:
    return {v: (d["weight"], d["entity_weight"], d["text_weight"], tuple(d.get("shared") or ()),
                tuple(d.get("terms") or ()))
            for _, v, k, d in G.out_edges(n, keys=True, data=True) if k == "relatedTo"}


def main(argv=None) -> int:
    args, before, files = listing_args(__doc__.split("\n")[0], argv)
    A, B = _graph(before, args.cache, args.year), _graph(files, args.cache, args.year)
    papers = [n for n, t in A.nodes(data="type") if t == "Paper" and n in B]
    entities = [n for n, d in A.nodes(data=True) if "support" in d and n in B]
    new = {n for n, t in B.nodes(data="type") if t == "Paper" and n not in A}

    def changed(nodes, key):
        return sum(A.nodes[n].get(key) != B.nodes[n].get(key) for n in nodes)

    print(f"papers in both: {len(papers)} (+{len(new)} new)")
    for key in ("pagerank", "community", "degree"):
        print(f"  {key} changed: {changed(papers, key)}")
    def co_members(G):
        groups: dict = {}
        for n in papers:
            groups.setdefault(G.nodes[n].get("community"), set()).add(n)
        return {n: groups[G.nodes[n].get("community")] for n in papers}

    ca, cb = co_members(A), co_members(B)
    print(f"  community members (among papers in both) changed: {sum(ca[n] != cb[n] for n in papers)}")
    print(f"entities in both: {len(entities)}; support changed {changed(entities, 'support')}, "
          f"support rank {changed(entities, 'support_rank')}, degree {changed(entities, 'degree')}")
    sets = by_new = pairs = weights = reasons = 0
    for n in papers:
        ra, rb = _related(A, n), _related(B, n)
        if set(ra) != set(rb):
            sets += 1
            by_new += set(rb) - set(ra) <= new
        for v in set(ra) & set(rb):
            pairs += 1
            weights += ra[v][:3] != rb[v][:3]
            reasons += ra[v][3:] != rb[v][3:]
    print(f"related papers: set changed for {sets} papers ({by_new} of them only by new papers coming in); "
          f"of {pairs} pairs in both, weights changed {weights}, shared entities or words changed {reasons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
