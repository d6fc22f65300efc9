"""Cost of the relatedTo step: entity overlap alone (the old step) vs entities + TF-IDF text (kg.graph.textsim).

Usage: python benchmarks/related_speed.py N [--mode combined|entity] [--seed 0] [--per-paper 3] [--entities 20000]
                                             [--candidate-df D] [--compare-candidate-df D2]

Texts are the titles and abstracts of ``benchmarks/synth.py`` (realistic
density, seed ``--seed``); entity lists are drawn Zipf-like as in
``benchmarks/graph_speed.py`` (``--per-paper`` per paper from ``--entities``),
so that no extraction has to run first. Prints the time of each part and the
process's peak RSS; run each mode in its own process to compare peaks.
``--candidate-df`` sets the cap on the words that find text candidates
(``kg.graph.textsim.MAX_CANDIDATE_DF``); ``--compare-candidate-df`` runs the step
again with another cap and prints how many related pairs, and how many papers'
strongest and three strongest related papers, the two share.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def entity_lists(n: int, vocab: int, per_paper: int, seed: int = 0) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    probs = 1.0 / np.arange(1, vocab + 1, dtype=np.float64)
    probs /= probs.sum()
    draws = rng.choice(vocab, size=(n, per_paper * 2), p=probs)
    kinds = ("method", "dataset", "benchmark")
    return [[f"{kinds[j % 3]}/e{j}" for j in list(dict.fromkeys(row.tolist()))[:per_paper]] for row in draws]


def entity_related(lists, top_k: int = 10) -> list[tuple[int, int, float, list[str]]]:
    """relatedTo by shared entities alone (the step before text similarity), from the build's own
    building blocks (kg.graph.links): [(i, j, entity cosine, shared entity ids)], sorted by (i, -weight, j)."""
    from kg.graph.links import entity_matrix, topk_pairs

    if len(lists) < 2:
        return []
    X, vocab, df = entity_matrix(lists)
    if X is None:
        return []
    I, J, W = topk_pairs(X, df, top_k)
    Xbin = X.copy()
    Xbin.data[:] = 1.0
    P = Xbin[I].multiply(Xbin[J]).tocsr()
    P.sort_indices()
    names = np.asarray(vocab, dtype=object)[P.indices].tolist()
    ptr = P.indptr.tolist()
    return list(zip(I.tolist(), J.tolist(), W.tolist(), (names[a:b] for a, b in zip(ptr[:-1], ptr[1:]))))


def overlap_report(a, b) -> str:
    """How much two relatedTo results agree: pairs in both, and papers whose strongest / three strongest match."""
    def tops(rel, k):
        out: dict[int, list[int]] = {}
        for i, j, *_ in rel:  # sorted by (i, -weight, j)
            if len(out.setdefault(i, [])) < k:
                out[i].append(j)
        return out
    pairs_a, pairs_b = {(i, j) for i, j, *_ in a}, {(i, j) for i, j, *_ in b}
    top1_a, top1_b, top3_a, top3_b = tops(a, 1), tops(b, 1), tops(a, 3), tops(b, 3)
    same1 = sum(1 for i in top1_a if top1_b.get(i) == top1_a[i])
    same3 = sum(1 for i in top3_a if set(top3_b.get(i, ())) == set(top3_a[i]))
    return (f"pairs in both: {len(pairs_a & pairs_b)} of {len(pairs_a)} ({len(pairs_a & pairs_b) / max(1, len(pairs_a)):.1%}); "
            f"same strongest related paper: {same1} of {len(top1_a)} papers ({same1 / max(1, len(top1_a)):.1%}); "
            f"same three strongest: {same3} of {len(top3_a)} ({same3 / max(1, len(top3_a)):.1%})")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--mode", choices=("combined", "entity"), default="combined")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--per-paper", type=int, default=3)
    ap.add_argument("--entities", type=int, default=20000)
    ap.add_argument("--candidate-df", type=int, default=None)
    ap.add_argument("--compare-candidate-df", type=int, default=None)
    args = ap.parse_args(argv)
    from kg.graph import textsim

    if args.candidate_df is not None:
        textsim.MAX_CANDIDATE_DF = args.candidate_df

    import synth

    t = time.perf_counter()
    entries = synth.generate(args.n, args.seed, "real")
    texts = [f"{e['title']}\n{e['abstract']}" for e in entries]
    del entries
    lists = entity_lists(args.n, args.entities, args.per_paper, args.seed)
    base = peak_rss_mb()
    print(f"corpus: {args.n} papers generated in {time.perf_counter() - t:.1f}s; peak RSS so far {base:.0f} MB")

    if args.mode == "entity":
        t = time.perf_counter()
        rel = entity_related(lists, top_k=10)
        took = time.perf_counter() - t
        covered = len({i for i, *_ in rel})
        print(f"entity relatedTo: {took:.1f}s, {len(rel)} pairs, {covered / args.n:.1%} of papers with one")
    else:
        from kg.graph.textsim import related_combined, text_matrix, tokenize

        t = time.perf_counter()
        tokens = tokenize(texts)
        t_tok = time.perf_counter() - t
        t = time.perf_counter()
        X, vocab = text_matrix(tokens)
        t_tfidf = time.perf_counter() - t
        print(f"spaCy tokenizer: {t_tok:.1f}s ({args.n / t_tok:.0f} texts/s); TF-IDF: {t_tfidf:.1f}s, "
              f"{X.shape[1]} words, {X.nnz} non-zeros")
        del X, vocab
        t = time.perf_counter()
        rel = related_combined(lists, texts, top_k=10, tokens=tokens)
        took = time.perf_counter() - t
        covered = len({i for i, *_ in rel})
        reasons = sum(1 for r in rel if r[3] or r[6])
        print(f"combined relatedTo (after tokenizing): {took:.1f}s, {len(rel)} pairs ({reasons} with a reason), "
              f"{covered / args.n:.1%} of papers with one; whole step {t_tok + took:.1f}s "
              f"(candidate words in at most {textsim.default_max_df_text(args.n)} papers)")
        if args.compare_candidate_df is not None:
            textsim.MAX_CANDIDATE_DF = args.compare_candidate_df
            t = time.perf_counter()
            other = related_combined(lists, texts, top_k=10, tokens=tokens)
            print(f"with candidate words in at most {textsim.default_max_df_text(args.n)} papers: "
                  f"{time.perf_counter() - t:.1f}s, {len(other)} pairs")
            print(overlap_report(rel, other))
    print(f"peak RSS {peak_rss_mb():.0f} MB (corpus alone {base:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
