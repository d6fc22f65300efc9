"""Corpus extraction with an optional per-paper cache and an optional Dask cluster.

Only the per-paper step (spaCy) is cached or distributed; corpus-wide
resolution always runs over every paper, here, so the result is identical
with or without the cache, with any ``jobs`` and on Dask.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from extractors.corpus import extract_all_mentions
from extractors.pipeline import EXTRACTOR_VERSION
from extractors.resolve import resolve_corpus
from kg.cache import ExtractionCache, paper_key
from kg.distributed import extract_mentions_dask
from kg.models import CorpusExtraction, Mention, Paper

__all__ = ["ExtractStats", "extract", "extract_mentions"]


@dataclass
class ExtractStats:
    """How many papers came from the cache and how many were extracted."""

    papers: int = 0
    cached: int = 0
    extracted: int = 0


def extract_mentions(
    papers: Sequence[Paper],
    jobs: int = 1,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    dask_address=None,
    stats: ExtractStats | None = None,
) -> list[tuple[Mention, ...]]:
    """Per-paper mentions in input order: cache hits first, the misses extracted (locally or on Dask) and stored."""
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
                fresh = extract_all_mentions(batch, jobs=jobs, progress=progress)
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


def extract(
    papers: Sequence[Paper],
    jobs: int = 1,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    dask_address=None,
    stats: ExtractStats | None = None,
) -> CorpusExtraction:
    """Extract and resolve a corpus; ``cache_dir`` enables the extraction cache, ``dask_address`` a Dask cluster."""
    papers = list(papers)
    per_paper = extract_mentions(papers, jobs=jobs, progress=progress, cache_dir=cache_dir,
                                 dask_address=dask_address, stats=stats)
    return resolve_corpus([p.id for p in papers], per_paper, extractor_version=EXTRACTOR_VERSION)
