"""Whole-corpus extraction: per-paper mentions (optionally in a process pool), then resolution.

``jobs > 1`` uses a multiprocessing pool over batches of papers (each worker
builds the pipeline once); ``nlp.pipe(n_process=...)`` was slower here.
Results are identical to ``jobs=1``: batches are reassembled in input order
and resolution runs once in the parent.
"""
from __future__ import annotations

import multiprocessing
from typing import Sequence

from kg.models import CorpusExtraction, Mention, Paper

__all__ = ["extract_corpus", "extract_all_mentions"]

_BATCH = 64


def _work(batch: Sequence[Paper]) -> list[tuple[Mention, ...]]:
    from extractors.extract import extract_batch

    return extract_batch(batch)


def extract_all_mentions(papers: Sequence[Paper], jobs: int = 1, progress: bool = False) -> list[tuple[Mention, ...]]:
    """Per-paper mentions for every paper, in input order."""
    papers = list(papers)
    batches = [papers[i:i + _BATCH] for i in range(0, len(papers), _BATCH)]
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(papers), unit="paper", desc="extract")
    out: list[tuple[Mention, ...]] = []
    if jobs > 1 and len(batches) > 1:
        ctx = multiprocessing.get_context("spawn" if multiprocessing.get_start_method() != "fork" else "fork")
        with ctx.Pool(min(jobs, len(batches))) as pool:
            for result in pool.imap(_work, batches):
                out.extend(result)
                if bar is not None:
                    bar.update(len(result))
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
