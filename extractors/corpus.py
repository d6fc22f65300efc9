"""Whole-corpus extraction: per-paper mentions (optionally in a process pool), then resolution.

``jobs > 1`` runs batches of papers in a pool of worker processes; results
are identical to ``jobs=1`` (batches are reassembled in input order and
resolution runs once in the parent). Processes only pay off on big inputs:

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
from typing import Sequence

from kg.models import CorpusExtraction, Mention, Paper

__all__ = ["extract_corpus", "extract_all_mentions", "MIN_PAPERS_FORK", "MIN_PAPERS_SPAWN", "MAX_BATCH", "parallel_plan"]

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


def _work(batch: Sequence[Paper]) -> list[tuple[Mention, ...]]:
    from extractors.extract import extract_batch

    return extract_batch(batch)


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
    from kg.memory import available_bytes, plan_workers

    if method is None:
        return method, workers
    fit = plan_workers("extraction", workers, _worker_bytes(_batches(papers, workers)),
                       _worker_bytes(_batches(papers, 1)), available_bytes())
    return (method, fit) if fit > 1 else (None, 1)


def extract_all_mentions(papers: Sequence[Paper], jobs: int = 1, progress: bool = False) -> list[tuple[Mention, ...]]:
    """Per-paper mentions for every paper, in input order (same result for every ``jobs``)."""
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
            from extractors.pipeline import make_nlp

            make_nlp()  # built once here, inherited by every worker
            gc.freeze()  # the inherited heap stays shared: the workers' collector never writes to it
        try:
            with multiprocessing.get_context(method).Pool(workers) as pool:
                for result in pool.imap(_work, batches):
                    out.extend(result)
                    if bar is not None:
                        bar.update(len(result))
        finally:
            if method == "fork":
                gc.unfreeze()
    else:
        for batch in batches:
            result = _work(batch)
            out.extend(result)
            if bar is not None:
                bar.update(len(result))
    if bar is not None:
        bar.close()
    return out


def extract_corpus(papers: Sequence[Paper], jobs: int = 1, progress: bool = False) -> CorpusExtraction:
    """Extract and resolve a whole corpus into a :class:`CorpusExtraction`."""
    from extractors.pipeline import EXTRACTOR_VERSION
    from extractors.resolve import resolve_corpus

    papers = list(papers)
    per_paper = extract_all_mentions(papers, jobs=jobs, progress=progress)
    return resolve_corpus([p.id for p in papers], per_paper, extractor_version=EXTRACTOR_VERSION)
