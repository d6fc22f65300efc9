"""How many papers have a related paper: entity overlap alone (the old relatedTo) vs entities + text.

Usage: python benchmarks/related_coverage.py INPUT ... [--top-k 10]

Reads and extracts the listings, then counts the corpus papers that have at
least one relatedTo pair in either direction (what a paper page and the
related-papers query show), and how many of those pairs state a reason
(shared entities or shared words), before (entity cosine alone: related_speed.entity_related)
and after (kg.graph.textsim.related_combined).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--top-k", type=int, default=10)
    args = ap.parse_args(argv)

    from extractors import extract_corpus
    from related_speed import entity_related  # benchmarks/ is the script's folder
    from kg.graph.textsim import related_combined
    from kg.ingest import read_inputs

    papers = sorted(read_inputs(args.inputs).papers, key=lambda p: p.id)
    ext = {pe.paper_id: pe for pe in extract_corpus(papers).papers}
    lists = [sorted({r.entity_id for r in ext[p.id].entity_refs()} | set(ext[p.id].proposes)) for p in papers]
    texts = [f"{p.title}\n{p.abstract}" for p in papers]
    n = len(papers)
    no_entity = sum(1 for x in lists if not x)
    t = time.perf_counter()
    before = entity_related(lists, top_k=args.top_k)
    t_before = time.perf_counter() - t
    t = time.perf_counter()
    after = related_combined(lists, texts, top_k=args.top_k)
    t_after = time.perf_counter() - t

    def covered(pairs, reason):
        out = set()
        for row in pairs:
            if reason(row):
                out |= {row[0], row[1]}
        return len(out)

    print(f"{n} papers, {no_entity} with no entity")
    print(f"before (entities only): {covered(before, lambda r: True)} papers ({covered(before, lambda r: True) / n:.1%})"
          f" have a related paper, all with shared entities; {len(before)} pairs; {t_before:.2f}s")
    with_reason = covered(after, lambda r: bool(r[3] or r[6]))
    print(f"after (entities + text): {covered(after, lambda r: True)} papers have a related paper, {with_reason} "
          f"({with_reason / n:.1%}) with a stated reason; {len(after)} pairs "
          f"({sum(1 for r in after if r[3])} with shared entities, {sum(1 for r in after if not r[3])} by text alone)"
          f"; {t_after:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
