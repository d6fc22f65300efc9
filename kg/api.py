"""Python API: build or load a knowledge graph and ask it questions.

``build`` reads listings (or takes Paper objects), extracts and assembles the
graph in memory; ``load`` (defined in :mod:`kg.graph.knowledge`, which needs no
extraction, so loading does not import spaCy) reads the graph a ``paperkg
build`` wrote. Both give a :class:`kg.graph.knowledge.KnowledgeGraph`.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Iterable, Sequence

from kg.errors import NoPapersError
from extractors.corpus import extract_corpus
from kg.graph.iris import DEFAULT_BASE_IRI
from kg.graph.knowledge import KnowledgeGraph, build_graph, load
from kg.ingest import error_lines, read_inputs
from kg.models import Paper

__all__ = ["KnowledgeGraph", "build", "load"]


def build(
    paths_or_papers: Iterable[str | os.PathLike] | Sequence,
    base_iri: str = DEFAULT_BASE_IRI,
    top_k: int = 10,
    jobs: int = 1,
    cache_dir: str | os.PathLike | None = None,
    dask_address: str | None = None,
    strict: bool = False,
    year: int | None = None,
) -> KnowledgeGraph:
    """Ingest listing files (or take Paper objects), extract, and build the graph.

    A file that cannot be read is reported with a ``UserWarning`` naming it
    (the papers of the other files are still built), and so is each bad record
    of a file whose other records are kept.

    Parameters
    ----------
    paths_or_papers : iterable of path or of kg.models.Paper
        Listing files or folders (read recursively), or Paper objects.
    base_iri : str
        Base IRI of the data.
    top_k : int
        relatedTo edges kept per paper.
    jobs : int
        Extraction processes.
    cache_dir : path, optional
        Reuse per-paper extraction results kept there (kg.cache).
    dask_address : str, optional
        Run the extraction on that Dask cluster.
    strict : bool
        Raise the first InputError instead of warning.
    year : int, optional
        The year of Daily Papers day headings written without one.

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    kg.errors.NoPapersError
        No input gives a single paper (an InputError).
    kg.errors.InputError
        With ``strict=True``, the first unreadable file or record.

    Examples
    --------
    >>> from kg.models import Paper
    >>> g = build([Paper(id="x1", title="Adam for widgets", abstract="We train widgets with Adam on CIFAR-10.")])
    >>> sorted(e["name"] for e in map(g.entity, ["adam", "cifar-10"]))
    ['Adam', 'CIFAR-10']
    >>> build(["no-such-listing.txt"])
    Traceback (most recent call last):
    ...
    kg.errors.NoPapersError: no-such-listing.txt: ...
    """
    items = list(paths_or_papers)
    if items and all(isinstance(x, Paper) for x in items):
        papers = sorted(items, key=lambda p: p.id)  # canonical order: the graph does not depend on it
    else:
        result = read_inputs([Path(p) for p in items], strict=strict, year=year)
        if not result.papers:  # an empty graph from a typo would pass silently for a result
            raise NoPapersError(result.errors, len(result.files))
        for line in error_lines(result.errors):
            warnings.warn(f"paperkg: skipped {line}", UserWarning, stacklevel=2)
        papers = result.papers
    extraction = extract_corpus(papers, jobs=jobs, cache_dir=cache_dir, dask_address=dask_address)
    return build_graph(papers, extraction, base_iri=base_iri, top_k=top_k)
