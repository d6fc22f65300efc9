"""The extraction entry points: :func:`extract_paper` (one paper) and :func:`extract_corpus` (many).

:func:`extract_corpus` is the one way a corpus is extracted (the CLI, the
Python API, the benchmarks): per-paper mentions (from the extraction cache
when ``cache_dir`` is given, else or for the misses by spaCy, in this
process, in a pool of ``jobs`` worker processes, or on a Dask cluster), then
corpus-wide resolution, always here and over every paper, so the result is
identical with or without the cache, with any ``jobs`` and on Dask.

``jobs > 1`` runs batches of papers in a pool of worker processes; results
are identical to ``jobs=1`` (batches are reassembled in input order).
Processes only pay off on big inputs:

* Where ``fork`` exists (Linux), the parent builds the pipeline first and
  the workers inherit it (``gc.freeze`` keeps that heap shared rather than
  copied); a worker then costs ~10 ms to start. Below
  :data:`MIN_PAPERS_FORK` papers the corpus is extracted in this process.
* Elsewhere (``spawn``) every worker rebuilds the pipeline (seconds of
  CPU each), so processes are used from :data:`MIN_PAPERS_SPAWN` papers.

``nlp.pipe(n_process=...)`` was slower here: it pickles Docs back to the parent.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from dataclasses import dataclass
from typing import Sequence

from kg.cache import ExtractionCache, paper_key
from kg.distributed import extract_mentions_dask
from kg import memory
from kg.models import CorpusExtraction, Mention, Paper

from extractors.extract import extract_batch
from extractors.pipeline import EXTRACTOR_VERSION, make_nlp
from extractors.resolve import resolve_corpus
from kg.procs import ignore_interrupts

__all__ = ["extract_paper", "extract_corpus", "corpus_mentions", "ExtractStats", "MIN_PAPERS_FORK",
           "MIN_PAPERS_SPAWN", "MAX_BATCH", "parallel_plan"]

_BATCH = 64
#: Most papers in one batch of a pool: the progress bar moves at least this often (1.5M papers in
#: 8 batches of 187k left it at 0% for minutes) and a worker never holds a huge batch.
MAX_BATCH = 2000
#: Memory estimate of one extraction worker (kg.memory.plan_workers): the pipeline is inherited,
#: so a fixed part plus the Docs of its batch, about WORKER_BYTES_PER_CHAR per character of text.
WORKER_BASE_BYTES = 200 << 20
WORKER_BYTES_PER_CHAR = 64
#: Fewest papers worth a forked pool (~0.2 s of work for one process).
MIN_PAPERS_FORK = 100
#: Fewest papers worth a spawned pool (each worker builds the pipeline, ~2-3 s of CPU).
MIN_PAPERS_SPAWN = 5000
#: Batches per worker: small enough to balance uneven abstracts, large enough to amortise pickling.
_BATCHES_PER_WORKER = 4


@dataclass
class ExtractStats:
    """How many papers came from the cache and how many were extracted."""

    papers: int = 0
    cached: int = 0
    extracted: int = 0


def parallel_plan(n_papers: int, jobs: int) -> tuple[str | None, int]:
    """(start method, number of workers) for ``n_papers`` and ``jobs``; (None, 1) means in-process."""
    if jobs <= 1 or n_papers < 2:
        return None, 1
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if n_papers < (MIN_PAPERS_FORK if method == "fork" else MIN_PAPERS_SPAWN):
        return None, 1
    return method, min(jobs, n_papers)


def _batches(papers: list[Paper], workers: int) -> list[list[Paper]]:
    """Contiguous batches: at most ``_BATCH`` papers in-process, else ~``_BATCHES_PER_WORKER`` per worker
    and never more than ``MAX_BATCH``."""
    if workers <= 1:
        size = _BATCH
    else:
        size = min(MAX_BATCH, max(1, -(-len(papers) // (workers * _BATCHES_PER_WORKER))))
    return [papers[i:i + size] for i in range(0, len(papers), size)]


def _worker_bytes(batches: list[list[Paper]]) -> int:
    """Memory one worker may need: the fixed part plus its largest batch's Docs."""
    largest = max((sum(len(p.title) + len(p.abstract) for p in b) for b in batches), default=0)
    return WORKER_BASE_BYTES + WORKER_BYTES_PER_CHAR * largest


def _fitting_workers(papers: list[Paper], method: str | None, workers: int) -> tuple[str | None, int]:
    """(method, workers) cut to what the memory available holds (kg.memory.plan_workers)."""
    if method is None:
        return method, workers
    fit = memory.plan_workers("extraction", workers, _worker_bytes(_batches(papers, workers)),
                       _worker_bytes(_batches(papers, 1)), memory.available_bytes())
    return (method, fit) if fit > 1 else (None, 1)


def _spacy_mentions(papers: Sequence[Paper], jobs: int = 1, progress: bool = False) -> list[tuple[Mention, ...]]:
    """Per-paper mentions for every paper by spaCy, here or in ``jobs`` processes, in input order."""
    papers = list(papers)
    method, workers = _fitting_workers(papers, *parallel_plan(len(papers), jobs))
    batches = _batches(papers, workers)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(papers), unit="paper", desc="extract")
    out: list[tuple[Mention, ...]] = []
    if method is not None:
        if method == "fork":
            make_nlp()  # built once here, inherited by every worker
            gc.freeze()  # the inherited heap stays shared: the workers' collector never writes to it
        try:
            with multiprocessing.get_context(method).Pool(workers, initializer=ignore_interrupts) as pool:
                for result in pool.imap(extract_batch, batches):
                    out.extend(result)
                    if bar is not None:
                        bar.update(len(result))
        finally:
            if method == "fork":
                gc.unfreeze()
    else:
        for batch in batches:
            result = extract_batch(batch)
            out.extend(result)
            if bar is not None:
                bar.update(len(result))
    if bar is not None:
        bar.close()
    return out


def corpus_mentions(
    papers: Sequence[Paper],
    jobs: int = 1,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    dask_address=None,
    stats: ExtractStats | None = None,
) -> list[tuple[Mention, ...]]:
    """Per-paper mentions (before resolution) in input order: cache hits first, the misses extracted
    (here, in ``jobs`` processes or on Dask) and stored. The first half of :func:`extract_corpus`."""
    papers = list(papers)
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    try:
        keys = [paper_key(p) for p in papers]
        found = cache.get_many(keys) if cache is not None else {}
        todo: dict[str, Paper] = {}
        for key, paper in zip(keys, papers):
            if key not in found and key not in todo:
                todo[key] = paper
        if todo:
            batch = list(todo.values())
            if dask_address is not None:
                fresh = extract_mentions_dask(batch, dask_address, progress=progress)
            else:
                fresh = _spacy_mentions(batch, jobs=jobs, progress=progress)
            new = dict(zip(todo, fresh))
            if cache is not None:
                cache.put_many(new)
            found.update(new)
    finally:
        if cache is not None:
            cache.close()
    if stats is not None:
        stats.papers = len(papers)
        stats.extracted = len(todo)
        stats.cached = len(papers) - sum(1 for k in keys if k in todo)
    return [found[k] for k in keys]


@memory.rare_full_collections()  # mentions by the hundred thousand, no cycles: see kg.memory
def extract_corpus(
    papers: Sequence[Paper],
    jobs: int = 1,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    dask_address=None,
    stats: ExtractStats | None = None,
) -> CorpusExtraction:
    """Extract and resolve a whole corpus into a :class:`CorpusExtraction`.

    Parameters
    ----------
    papers : sequence of Paper
        The corpus, in the order of the result's papers.
    jobs : int
        Extraction processes (the result does not depend on it).
    progress : bool
        Show a progress bar on stderr.
    cache_dir : path, optional
        Reuse and store per-paper mentions in the extraction cache there (:mod:`kg.cache`).
    dask_address : str or distributed.Client, optional
        Extract on that Dask cluster (:mod:`kg.distributed`).
    stats : ExtractStats, optional
        Filled with how many papers came from the cache and how many were extracted.

    Returns
    -------
    CorpusExtraction
        Entities resolved across the corpus and every paper's mentions, repos, links and citations.

    Examples
    --------
    >>> from kg.models import Paper
    >>> corpus = extract_corpus([Paper(id="p", title="ZQNet: Zonal Queries",
    ...                                abstract="We propose ZQNet and evaluate it on ImageNet.")])
    >>> sorted(corpus.entity(r.entity_id).name for r in corpus.papers[0].entity_refs())
    ['ImageNet', 'ZQNet']
    """
    papers = list(papers)
    per_paper = corpus_mentions(papers, jobs=jobs, progress=progress, cache_dir=cache_dir,
                                dask_address=dask_address, stats=stats)
    return resolve_corpus([p.id for p in papers], per_paper, extractor_version=EXTRACTOR_VERSION)


def extract_paper(paper: Paper) -> tuple[Mention, ...]:
    """Entity, repo, link and citation mentions of one paper, before corpus resolution.

    Parameters
    ----------
    paper : Paper
        Its ``title`` and ``abstract`` are read, and ``github`` / ``project_page`` when given.

    Returns
    -------
    tuple of Mention
        Entity mentions in text order, then repositories and links, then citations.

    Examples
    --------
    >>> from kg.models import Paper
    >>> [(m.text, m.kind) for m in extract_paper(Paper(id="p", title="T",
    ...     abstract="Code is at https://github.com/a/b.")) if m.kind == "repo"]
    [('https://github.com/a/b', 'repo')]
    """
    return extract_batch([paper])[0]
