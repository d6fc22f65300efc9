"""relatedTo from two signals: shared entities and the text of titles and abstracts.

Text: each paper's title and abstract are split by a spaCy ``Tokenizer``
with simple punctuation rules (``_tokenizer``: 15x faster than the English
rules, which TF-IDF does not need); words are lower-cased and kept when they
are letters and digits (inner hyphens allowed), not only digits, at least 3
characters long and not spaCy stop words.
scikit-learn's ``CountVectorizer`` counts them; they are weighed with
sublinear tf and the smooth IDF of :func:`kg.graph.links.idf` (the corpus
size rounded up to a power of two), rows L2-normalised; words in fewer than
2 papers carry no link and are left out.

Candidates: for each paper, its top ``top_k`` papers by entity cosine
(kg.graph.links, unchanged) and its top ``top_k`` by text cosine. The text
candidates come from a pruned matrix (each paper's ``CANDIDATE_TERMS`` heaviest
words, words in at most ``default_max_df_text(N)`` papers) so that the sparse
product stays small on 100,000 papers; every candidate pair is then scored
exactly, each cosine rounded to ``COSINE_DECIMALS`` (2) decimals:
``weight = (entity cosine + text cosine) / 2`` (exact at 3 decimals), and the
top ``top_k`` per paper are kept (ties: lower paper index, i.e. paper id).
The rounding, there and in the candidates, is what keeps a new day's listing
from changing the weights and the choice of unrelated pairs (their cosines
drift in the third decimal as the corpus statistics move); the pages show
weights with two decimals. A pair needs a text cosine of at least ``MIN_TEXT`` or a
shared entity. Each kept pair carries its reasons: the shared entities and
the ``TOP_TERMS`` shared words that add most to its text cosine.

Sorted inputs (papers by id), a sorted vocabulary and fixed-order sparse
products make the result byte-identical run to run.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from kg import memory
from kg.sqlcache import WordCache, text_key
from kg.errors import OutputError
from kg.graph.links import COSINE_DECIMALS, entity_matrix, idf, topk_pairs
from kg.procs import ignore_interrupts

__all__ = ["tokenize", "tokenize_cached", "text_matrix", "related_combined", "CANDIDATE_TERMS", "TOP_TERMS", "MIN_TEXT",
           "default_max_df_text"]

CANDIDATE_TERMS = 24  # heaviest words per paper used to find text candidates
TOP_TERMS = 3  # shared words stated per related pair (each is one triple per pair)
MIN_TEXT = 0.05  # text cosine a pair without a shared entity needs
_MIN_LEN = 3
# letters and digits, inner hyphens allowed ("gpt-4", "fine-tuning"): no URLs, "i.e.", maths debris
_WORD = __import__("re").compile(r"[^\W_]+(?:-[^\W_]+)*").fullmatch


#: Past 20,000 papers the candidate limit stops growing: each paper then meets at most CANDIDATE_TERMS x 400
#: others through its words, so finding candidates costs time linear in the corpus size (with 2% of papers it
#: was quadratic: 15 s, 44 s, 152 s for 50k, 100k, 200k papers).
MAX_CANDIDATE_DF = 400


def default_max_df_text(n_papers: int) -> int:
    """Words in more papers than this find no candidates (2% of papers, at least 50, at most
    :data:`MAX_CANDIDATE_DF`); they still score."""
    return max(50, min(n_papers // 50, MAX_CANDIDATE_DF))


_NLP = None
_TOKENIZER = None
# Word splitting for TF-IDF: whitespace, then opening and closing punctuation off each end (a possessive
# "'s" too), and inner "/", "=", "+" and letter-letter hyphens ("low-rank" -> low, -, rank, as spaCy's
# English rules split it) as infixes. Far cheaper than the English rules (special cases, unit and
# number rules), which TF-IDF does not need; "GSM8K" and "GPT-4" stay whole words.
_PREFIX = __import__("re").compile(r"""^[\[\("'“‘{<$*#@~`«]+""")
_SUFFIX = __import__("re").compile(r"""(?:['’]s|[\]\)"'”’}>.,;:!?%*»…])$""")
_INFIX = __import__("re").compile(r"""[/=+]|(?<=[^\W\d_])-(?=[^\W\d_])|(?<=[^\W\d_])[,:;](?=[^\W\d_])""")


def _tokenizer():
    """A spaCy Tokenizer on ``spacy.blank("en")``'s vocabulary with the word-splitting rules above."""
    global _NLP, _TOKENIZER
    if _TOKENIZER is None:
        import spacy
        from spacy.tokenizer import Tokenizer

        _NLP = spacy.blank("en")
        _TOKENIZER = Tokenizer(_NLP.vocab, prefix_search=_PREFIX.search, suffix_search=_SUFFIX.search,
                               infix_finditer=_INFIX.finditer)
    return _TOKENIZER


#: texts from which tokenizing is spread over processes (fork); fewer are not worth the start-up
PARALLEL_MIN_TEXTS = 5_000


def _default_jobs() -> int:
    import os

    return min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def tokenize(texts: Sequence[str], batch_size: int = 256, jobs: int | None = None) -> list[list[str]]:
    """Lower-cased content words of each text (spaCy tokens; see the module docstring).

    Each distinct lower-cased form is judged once (memo by its hash). From
    PARALLEL_MIN_TEXTS texts on, ``jobs`` forked processes (default: the
    usable CPUs, at most 4) tokenize contiguous slices; the result does not
    depend on it.
    """
    import multiprocessing

    texts = list(texts)
    jobs = _default_jobs() if jobs is None else max(1, int(jobs))
    if jobs > 1 and len(texts) >= PARALLEL_MIN_TEXTS and "fork" in multiprocessing.get_all_start_methods():
        jobs = _fitting_jobs(jobs, texts)
    if jobs > 1 and len(texts) >= PARALLEL_MIN_TEXTS and "fork" in multiprocessing.get_all_start_methods():
        _tokenizer()  # loaded once here, inherited by the workers
        step = -(-len(texts) // (jobs * 4))
        slices = [texts[i:i + step] for i in range(0, len(texts), step)]
        with multiprocessing.get_context("fork").Pool(jobs, initializer=ignore_interrupts) as pool:
            parts = pool.map(_tokenize_slice, [(part, batch_size) for part in slices], chunksize=1)
        return [words for part in parts for words in part]
    return _tokenize_slice((texts, batch_size))


def _fitting_jobs(jobs: int, texts: Sequence[str]) -> int:
    """Tokenizing workers that fit in the memory available (kg.memory.plan_workers; 1: tokenize here).

    A worker may dirty part of the parent it was forked from (the graph being built) and holds
    the words of its slice, about 16 bytes per character.
    """

    chars = sum(map(len, texts))
    per_worker = int(0.25 * (memory.rss_bytes() or 0)) + (100 << 20) + 16 * chars // (jobs * 4)
    return memory.plan_workers("text similarity", jobs, per_worker, (100 << 20), memory.available_bytes())


def tokenize_cached(texts: Sequence[str], cache_dir, jobs: int | None = None) -> list[list[str]]:
    """:func:`tokenize`, reading the words of texts seen before from the word cache in ``cache_dir``
    (kg.sqlcache.WordCache, keyed by the text's hash under a fingerprint of this module and spaCy's version)
    and storing those of new texts. A missing, stale or damaged cache only means tokenizing again."""
    texts = list(texts)
    keys = [text_key(t) for t in texts]
    try:
        cache = WordCache(cache_dir)
    except OutputError:
        return tokenize(texts, jobs=jobs)
    with cache:
        found = cache.get_many(keys)
        missing = [i for i, k in enumerate(keys) if k not in found]
        made = tokenize([texts[i] for i in missing], jobs=jobs) if missing else []
        if made:
            try:
                cache.put_many({keys[i]: words for i, words in zip(missing, made)})
            except OutputError:
                pass  # the words are still right; they are just not kept for the next build
    fresh = dict(zip(missing, made))
    return [fresh[i] if i in fresh else found[k] for i, k in enumerate(keys)]


def _tokenize_slice(args) -> list[list[str]]:
    from spacy.attrs import LOWER
    from spacy.lang.en.stop_words import STOP_WORDS

    texts, batch_size = args
    tok = _tokenizer()
    strings = _NLP.vocab.strings
    memo: dict[int, str | None] = {}
    out = []
    for doc in tok.pipe(texts, batch_size=batch_size):
        words = []
        for h in doc.to_array(LOWER).tolist():
            try:
                w = memo[h]
            except KeyError:
                w = strings[h]
                if len(w) < _MIN_LEN or w in STOP_WORDS or not _WORD(w) or w.isdigit():
                    w = None
                memo[h] = w
            if w is not None:
                words.append(w)
        out.append(words)
    return out


def count_matrix(token_lists: Sequence[list[str]], min_df: int = 1):
    """(csr matrix of word counts per paper, float64; sorted vocabulary) over the words in at least ``min_df``
    papers; (None, []) when no word is. Columns follow the sorted vocabulary, as a bag-of-words vectoriser
    lays them out (scikit-learn's CountVectorizer gives the same matrix; importing it cost 0.8 s a build).

    >>> X, vocab = count_matrix([["gizmo", "widget", "gizmo"], ["widget"], ["blorp"]], min_df=2)
    >>> vocab.tolist(), X.toarray().tolist()
    (['widget'], [[1.0], [1.0], [0.0]])
    """
    from scipy import sparse

    seen: dict[str, int] = {}  # word -> its number in order of first occurrence
    first = np.fromiter((seen.setdefault(w, len(seen)) for tokens in token_lists for w in tokens), dtype=np.int64)
    vocab = sorted(seen)
    rank = np.empty(len(vocab), dtype=np.int64)
    rank[np.fromiter((seen[w] for w in vocab), dtype=np.int64, count=len(vocab))] = np.arange(len(vocab))
    cols = rank[first]
    rows = np.repeat(np.arange(len(token_lists), dtype=np.int64), [len(tokens) for tokens in token_lists])
    X = sparse.csr_matrix((np.ones(len(cols), dtype=np.float64), (rows, cols)), shape=(len(token_lists), len(vocab)))
    X.sum_duplicates()
    keep = np.bincount(X.indices, minlength=len(vocab)) >= min_df
    if not keep.any():
        return None, np.asarray([], dtype=object)
    if not keep.all():
        X = X[:, np.flatnonzero(keep)]
    X.sort_indices()
    return X.tocsr(), np.asarray(vocab, dtype=object)[keep]


def text_matrix(token_lists: Sequence[list[str]]):
    """(L2-normalised TF-IDF csr matrix, vocabulary array) of the papers' words."""
    from scipy import sparse

    if not any(token_lists):
        return None, np.asarray([], dtype=object)
    X, vocab = count_matrix(token_lists, min_df=2 if len(token_lists) > 2 else 1)
    if X is None:  # no word in two papers
        return None, vocab
    X.sort_indices()
    X.data = np.log(X.data) + 1.0  # sublinear tf
    X = X @ sparse.diags(idf(np.bincount(X.indices, minlength=X.shape[1]), X.shape[0]))
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    X = (sparse.diags(1.0 / norms) @ X).tocsr()
    X.sort_indices()
    return X, vocab


def _rank_in_row(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(order, rank): entries sorted by row, weight descending, column; each one's rank within its row."""
    order = np.lexsort((cols, -vals, rows))
    r = rows[order]
    rank = np.arange(r.size) - np.searchsorted(r, r, side="left")
    return order, rank


def _prune(X, keep: int, max_df: int):
    """Each row's ``keep`` heaviest columns among those in at most ``max_df`` rows, re-normalised."""
    from scipy import sparse

    df = np.bincount(X.indices, minlength=X.shape[1])
    rows = np.repeat(np.arange(X.shape[0], dtype=np.int64), np.diff(X.indptr))
    cols, vals = X.indices.astype(np.int64), X.data
    m = df[cols] <= max_df
    rows, cols, vals = rows[m], cols[m], vals[m]
    order, rank = _rank_in_row(rows, cols, vals)
    sel = order[rank < keep]
    P = sparse.csr_matrix((vals[sel], (rows[sel], cols[sel])), shape=X.shape)
    P.sum_duplicates()
    norms = np.sqrt(np.asarray(P.multiply(P).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    P = (sparse.diags(1.0 / norms) @ P).tocsr()
    P.sort_indices()
    return P, np.bincount(P.indices, minlength=P.shape[1])


def _rowdot(A, B, I, J, chunk: int = 20_000) -> np.ndarray:
    """Row-wise dot products A[I[k]] . B[J[k]] (chunked: a pair's product matrix is built per chunk)."""
    out = np.zeros(len(I), dtype=np.float64)
    for s in range(0, len(I), chunk):
        P = A[I[s:s + chunk]].multiply(B[J[s:s + chunk]])
        out[s:s + chunk] = np.asarray(P.sum(axis=1)).ravel()
    return out


def related_combined(
    paper_entities: Sequence[Iterable[str]],
    texts: Sequence[str],
    top_k: int = 10,
    max_df: int | None = None,
    block_nnz: int = 4_000_000,
    tokens: Sequence[list[str]] | None = None,
) -> list[tuple[int, int, float, list[str], float, float, list[str]]]:
    """Top-k related papers per paper: [(i, j, weight, shared entity ids, entity cosine, text cosine, shared terms)].

    Sorted by (i, -weight, j); shared entities and terms sorted by name.
    """
    with memory.gc_paused():
        return _related_combined(paper_entities, texts, top_k, max_df, block_nnz, tokens)


def _related_combined(paper_entities, texts, top_k, max_df, block_nnz, tokens):
    n = len(paper_entities)
    if n < 2 or top_k <= 0:
        return []
    E, evocab, edf = entity_matrix(paper_entities, max_df)
    T, tvocab = text_matrix(tokens if tokens is not None else tokenize(texts))
    cand_i, cand_j = [], []
    if E is not None:
        i, j, _ = topk_pairs(E, edf, top_k, block_nnz)
        cand_i.append(i)
        cand_j.append(j)
    if T is not None:
        P, pdf = _prune(T, CANDIDATE_TERMS, default_max_df_text(n))
        i, j, _ = topk_pairs(P, pdf, top_k, min(block_nnz, 1_000_000))  # smaller blocks: text rows are dense
        cand_i.append(i)
        cand_j.append(j)
    if not cand_i:
        return []
    I = np.concatenate(cand_i)
    J = np.concatenate(cand_j)
    pair = np.unique(I * n + J)  # sorted, distinct
    I, J = pair // n, pair % n
    ew = np.round(_rowdot(E, E, I, J), COSINE_DECIMALS) if E is not None else np.zeros(len(I))
    tw = np.round(_rowdot(T, T, I, J), COSINE_DECIMALS) if T is not None else np.zeros(len(I))
    W = np.round((ew + tw) / 2.0, COSINE_DECIMALS + 1)  # exact: the mean of two values of 2 decimals
    ok = (W > 0) & ((ew > 0) | (tw >= MIN_TEXT))
    I, J, W, ew, tw = I[ok], J[ok], W[ok], ew[ok], tw[ok]
    # per row: weight descending, then the lower column (J is ascending within a row already)
    order = np.lexsort((J, -W, I))
    I, J, W, ew, tw = I[order], J[order], W[order], ew[order], tw[order]
    first = np.searchsorted(I, I, side="left")
    sel = (np.arange(I.size) - first) < top_k
    I, J, W, ew, tw = I[sel], J[sel], W[sel], ew[sel], tw[sel]
    if I.size == 0:
        return []
    shared = _shared_entities(E, evocab, I, J, ew)
    terms = _shared_terms(T, tvocab, I, J, tw)
    return list(zip(I.tolist(), J.tolist(), W.tolist(), shared, ew.tolist(), tw.tolist(), terms))


def _shared_entities(E, vocab, I, J, ew) -> list[list[str]]:
    if E is None:
        return [[] for _ in range(len(I))]
    Ebin = E.copy()
    Ebin.data[:] = 1.0
    P = Ebin[I].multiply(Ebin[J]).tocsr()
    P.sort_indices()
    names = np.asarray(vocab, dtype=object)[P.indices].tolist()
    ptr = P.indptr.tolist()
    return [names[a:b] for a, b in zip(ptr[:-1], ptr[1:])]


def _shared_terms(T, vocab, I, J, tw, chunk: int = 20_000) -> list[list[str]]:
    """The TOP_TERMS shared words adding most to each pair's text cosine (ties: word order), sorted by name."""
    if T is None:
        return [[] for _ in range(len(I))]
    out: list[list[str]] = []
    for s in range(0, len(I), chunk):
        P = T[I[s:s + chunk]].multiply(T[J[s:s + chunk]]).tocsr()
        rows = np.repeat(np.arange(P.shape[0], dtype=np.int64), np.diff(P.indptr))
        cols = P.indices.astype(np.int64)
        order, rank = _rank_in_row(rows, cols, np.round(P.data, 12))
        sel = order[rank < TOP_TERMS]
        r, c = rows[sel], cols[sel]
        back = np.lexsort((c, r))  # per pair, by word (the vocabulary is sorted)
        r, c = r[back], c[back]
        words = vocab[c].tolist()
        bounds = np.searchsorted(r, np.arange(P.shape[0] + 1), side="left").tolist()
        out.extend(words[a:b] for a, b in zip(bounds[:-1], bounds[1:]))
    return out
