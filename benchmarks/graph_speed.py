"""Graph build speed on a synthetic corpus.

Usage: python benchmarks/graph_speed.py [N_PAPERS] [--entities 20000] [--per-paper 10]
       [--full-build-limit 20000] [--rdflib-subset 20000]

Builds a synthetic CorpusExtraction (N papers x per-paper entities drawn
Zipf-like from a vocabulary, one mention each, 1% proposing) and prints:
relatedTo time on all N papers, full graph build time (NetworkX + analytics +
Oxigraph store) on up to --full-build-limit papers, Turtle write time with
pyoxigraph vs rdflib's own serializer (rdflib on the first --rdflib-subset
triples when the graph is bigger: reported), and peak RSS.
"""
from __future__ import annotations

import argparse
import io
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.models import CorpusExtraction, Entity, EntityRef, Mention, Paper, PaperExtraction  # noqa: E402

KINDS = ("method", "dataset", "benchmark")


def synthetic(n: int, vocab: int, per_paper: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, vocab + 1, dtype=np.float64)
    probs = 1.0 / ranks
    probs /= probs.sum()
    draws = rng.choice(vocab, size=(n, per_paper * 2), p=probs)
    ents = [Entity(f"{KINDS[i % 3]}/e{i}", f"Entity {i}", KINDS[i % 3], (f"E{i}",), 0) for i in range(vocab)]
    papers, extractions, lists = [], [], []
    for i in range(n):
        ids = list(dict.fromkeys(draws[i].tolist()))[:per_paper]
        lists.append([ents[j].id for j in ids])
        abstract = "We study " + ", ".join(f"Entity {j}" for j in ids) + "."
        refs = {k: [] for k in KINDS}
        pos = len("We study ")
        for j in ids:
            text = f"Entity {j}"
            m = Mention(kind=ents[j].kind, text=text, field="abstract", start=pos, end=pos + len(text),
                        sentence=abstract, sentence_start=0, rule="gazetteer", confidence=0.9)
            refs[ents[j].kind].append(EntityRef(ents[j].id, (m,), text))
            pos += len(text) + 2
        proposes = (ents[ids[0]].id,) if i % 100 == 0 else ()
        papers.append(Paper(id=f"p{i}", title=f"Paper {i}", abstract=abstract, date=f"2024-{1 + i % 12:02d}-01"))
        extractions.append(PaperExtraction(f"p{i}", methods=tuple(refs["method"]), datasets=tuple(refs["dataset"]),
                                           benchmarks=tuple(refs["benchmark"]), proposes=proposes))
    return papers, CorpusExtraction(papers=tuple(extractions), entities=tuple(ents), extractor_version="bench"), lists


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--per-paper", type=int, default=10)
    ap.add_argument("--full-build-limit", type=int, default=20_000)
    ap.add_argument("--rdflib-subset", type=int, default=20_000, help="papers whose triples rdflib serialises")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    papers, extraction, lists = synthetic(args.n, args.entities, args.per_paper)
    print(f"synthetic corpus: {args.n} papers x {args.per_paper} entities from {args.entities}: "
          f"{time.perf_counter() - t:.2f}s (rss {peak_rss_mb():.0f} MB)")

    from related_speed import entity_related  # benchmarks/ is the script's folder

    t = time.perf_counter()
    rel = entity_related(lists, top_k=10)
    print(f"relatedTo (scipy.sparse, top 10) on {args.n} papers: {time.perf_counter() - t:.2f}s, "
          f"{len(rel)} edges (peak rss {peak_rss_mb():.0f} MB)")

    from kg.graph import build_graph
    from kg.graph.export import sorted_triples
    import pyoxigraph as ox

    m = min(args.n, args.full_build_limit)
    if m < args.n:
        print(f"full build on the first {m} papers (--full-build-limit)")
        sub = {p.id for p in papers[:m]}
        extraction = CorpusExtraction(papers=tuple(x for x in extraction.papers if x.paper_id in sub),
                                      entities=extraction.entities, extractor_version="bench")
        papers = papers[:m]
    t = time.perf_counter()
    kg = build_graph(papers, extraction)
    print(f"graph build (nx + links + analytics + Oxigraph) on {m} papers: {time.perf_counter() - t:.2f}s, "
          f"{kg.nx.number_of_nodes()} nodes, {kg.nx.number_of_edges()} edges, {len(kg.store)} triples")

    t = time.perf_counter()
    triples = sorted_triples(kg.store)
    ox_bytes = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=kg.prefixes())
    t_ox = time.perf_counter() - t
    print(f"Turtle, pyoxigraph (sorted, all {len(triples)} triples): {t_ox:.2f}s, {len(ox_bytes) / 1e6:.1f} MB")

    import rdflib

    k = min(len(triples), args.rdflib_subset * max(1, len(triples) // max(1, m)))
    sub_triples = triples[:k]
    g = rdflib.Graph()
    from oxrdflib._converter import from_ox

    for tr in sub_triples:
        g.add((from_ox(tr.subject), from_ox(tr.predicate), from_ox(tr.object)))
    for p, ns in kg.prefixes().items():
        g.bind(p, ns, override=True)
    t = time.perf_counter()
    g.serialize(destination=io.BytesIO(), format="turtle")
    t_rdflib = time.perf_counter() - t
    t = time.perf_counter()
    ox.serialize(sorted(sub_triples, key=lambda x: (x.subject.value, x.predicate.value, str(x.object))),
                 format=ox.RdfFormat.TURTLE, prefixes=kg.prefixes())
    t_ox_sub = time.perf_counter() - t
    note = "" if k == len(triples) else f" (subset: first {k} of {len(triples)} triples)"
    print(f"Turtle on {k} triples{note}: rdflib {t_rdflib:.2f}s vs pyoxigraph {t_ox_sub:.3f}s "
          f"-> {t_rdflib / max(t_ox_sub, 1e-9):.0f}x")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
