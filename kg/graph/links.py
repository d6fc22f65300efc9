"""Paper-to-paper links: buildsOn (via proposed entities), and the entity half of relatedTo.

(``cites`` comes from the citations extraction found, ``extractors.citations``;
relatedTo is assembled by :func:`kg.graph.textsim.related_combined` from the
two building blocks here and the text matrix.)

:func:`entity_matrix` is papers x entities with idf weights, rows
L2-normalised; :func:`topk_pairs` computes S = X X^T in row blocks sized by an
upper bound on each block's output and keeps only the top k per row, so memory
stays bounded on 100,000-paper corpora. Entities that occur in more than
``max_df`` papers are dropped first: they carry almost no IDF weight but would
make the product quadratic.

Precision (so that a day's listing leaves the weights of unrelated pairs as they were): the IDF uses
the corpus size rounded up to a power of two (:func:`idf`), so a new listing changes only the IDF of
the entities (and words) it contains, not of every one; cosines are rounded to ``COSINE_DECIMALS``
before the top k are chosen (ties: the lower column), so a drift below that precision neither
changes a written weight nor reorders the choice.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

__all__ = [
    "builds_on",
    "entity_matrix",
    "topk_pairs",
    "default_max_df",
    "idf",
    "idf_corpus_size",
    "COSINE_DECIMALS",
]

#: decimals of the cosines that choose related papers and are written (pkg:entityWeight, pkg:textWeight;
#: pkg:weight, their mean, has one more); the pages show weights with two
COSINE_DECIMALS = 2


def idf_corpus_size(n: int) -> int:
    """The corpus size the IDF is computed with: ``n`` rounded up to a power of two (at least 1).

    >>> idf_corpus_size(20_000), idf_corpus_size(32_768), idf_corpus_size(32_769)
    (32768, 32768, 65536)
    """
    return 1 << max(0, int(n) - 1).bit_length()


def idf(df: np.ndarray, n: int) -> np.ndarray:
    """Smooth IDF, ``ln((1 + N) / (1 + df)) + 1``, with N = :func:`idf_corpus_size` of the ``n`` papers: between two
    powers of two an added paper changes the IDF of its own entities or words only."""
    N = idf_corpus_size(n)
    return np.log((1.0 + N) / (1.0 + np.asarray(df, dtype=np.float64))) + 1.0


def builds_on(
    mentioned: Sequence[Iterable[str]],
    proposed: Sequence[Iterable[str]],
    dates: Sequence[str | None] | None = None,
) -> dict[tuple[int, int], list[str]]:
    """{(b, a): sorted entity ids} where paper b mentions an entity paper a proposes.

    Indices are positions in the input sequences. b never builds on itself, nor
    on an entity it proposes too, nor on a paper dated after it (when both
    dates are known: ISO dates compare as strings).
    """
    proposers: dict[str, list[int]] = {}
    for a, ids in enumerate(proposed):
        for eid in sorted(set(ids)):
            proposers.setdefault(eid, []).append(a)
    out: dict[tuple[int, int], list[str]] = {}
    for b, ids in enumerate(mentioned):
        own = proposed[b]
        if not isinstance(own, (set, frozenset)):
            own = set(own)
        # entity ids in ascending order, so each paper's via list comes out sorted and distinct
        candidates = sorted(e for e in set(ids) if e in proposers and e not in own)
        if not candidates:
            continue
        date_b = dates[b] if dates is not None else None
        by_target: dict[int, list[str]] = {}
        for eid in candidates:
            for a in proposers[eid]:
                if a == b:
                    continue
                if date_b and dates[a] and date_b < dates[a]:
                    continue
                by_target.setdefault(a, []).append(eid)
        for a in sorted(by_target):
            out[(b, a)] = by_target[a]
    return out


#: Past 400,000 papers the entity limit stops growing, so that pairs through entities stay linear in the corpus.
MAX_ENTITY_DF = 400


def default_max_df(n_papers: int) -> int:
    """Entities in more papers than this are ignored for relatedTo (0.1% of papers, at least 50, at most
    :data:`MAX_ENTITY_DF`)."""
    return max(50, min(n_papers // 1000, MAX_ENTITY_DF))


def entity_matrix(paper_entities, max_df=None):
    """(L2-normalised idf-weighted binary csr matrix or None, vocabulary, df per column) of papers x entities.

    Entities in one paper only or in more than ``max_df`` papers get no column weight.
    """
    from scipy import sparse

    n = len(paper_entities)
    flat: list[str] = []
    lengths = np.zeros(n, dtype=np.int64)
    for i, ids in enumerate(paper_entities):
        distinct = set(ids)
        flat.extend(distinct)
        lengths[i] = len(distinct)
    if not flat:
        return None, [], None
    vocab = sorted(set(flat))
    col_of = {e: c for c, e in enumerate(vocab)}
    cols_a = np.fromiter((col_of[e] for e in flat), dtype=np.int64, count=len(flat))
    rows_a = np.repeat(np.arange(n, dtype=np.int64), lengths)
    df = np.bincount(cols_a, minlength=len(vocab))
    cap = default_max_df(n) if max_df is None else max_df
    keep_col = (df >= 2) & (df <= cap)
    mask = keep_col[cols_a]
    rows_a, cols_a = rows_a[mask], cols_a[mask]
    if rows_a.size == 0:
        return None, vocab, df
    weights = idf(df, n)
    X = sparse.csr_matrix((weights[cols_a], (rows_a, cols_a)), shape=(n, len(vocab)), dtype=np.float64)
    X.sum_duplicates()
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    X = (sparse.diags(1.0 / norms) @ X).tocsr()
    X.sort_indices()
    return X, vocab, df


def topk_pairs(X, df, top_k: int, block_nnz: int = 4_000_000, decimals: int = COSINE_DECIMALS):
    """(I, J, W): each row's ``top_k`` best other rows by cosine (X has L2 rows), weights rounded to ``decimals``
    before they are ranked.

    S = X X^T is computed in row blocks sized by an upper bound on each
    block's output (a row's bound: the sum of its columns' ``df``), so memory
    stays bounded. Ties break on the lower column; output sorted by (I, -W, J).
    """
    n = X.shape[0]
    XT = X.T.tocsr()
    Xbin = X.copy()
    Xbin.data[:] = 1.0
    bound = np.asarray(Xbin @ np.asarray(df, dtype=np.float64)).ravel()
    cum = np.cumsum(bound)
    starts = [0]
    while starts[-1] < n:
        base = cum[starts[-1] - 1] if starts[-1] > 0 else 0.0
        stop = int(np.searchsorted(cum, base + block_nnz, side="right"))
        starts.append(max(stop, starts[-1] + 1))
    starts[-1] = n

    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    out_w: list[np.ndarray] = []
    for start, stop in zip(starts[:-1], starts[1:]):
        S = (X[start:stop] @ XT).tocsr()
        S.sort_indices()  # (row, col) order: the stable sort below breaks weight ties on the lower col
        r = np.repeat(np.arange(start, stop, dtype=np.int64), np.diff(S.indptr))
        c = S.indices.astype(np.int64)
        w = np.round(S.data, decimals)
        ok = (r != c) & (w > 0)
        r, c, w = r[ok], c[ok], w[ok]
        if r.size:
            # weights are cosines in (0, 1]: row*4 - w sorts by row, then by weight descending
            order = np.argsort((r - start) * 4.0 - w, kind="stable")
            r, c, w = r[order], c[order], w[order]
            first = np.searchsorted(r, r, side="left")
            sel = (np.arange(r.size) - first) < top_k
            out_i.append(r[sel])
            out_j.append(c[sel])
            out_w.append(w[sel])
    if not out_i:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_w)
