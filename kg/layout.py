"""Names paperkg gives the entries of an output folder, shared by the build and the input reader.

The build writes a marker file listing the top-level names it wrote; the
reader skips marked folders when it walks an input folder (``paperkg build .``
must not read its own outputs as listings), and the next build tells its own
files from the user's by it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from kg.errors import InputError

__all__ = ["OUTPUT_MARKER", "LOCK_FILE", "CACHE_DIR", "GRAPH_FILE", "ANALYTICS_FILE", "KNOWN_OUTPUTS", "marked_outputs",
           "graph_parts"]

#: JSON object ``{"paperkg": version, "outputs": [top-level names]}`` written into every output folder.
OUTPUT_MARKER = ".paperkg-output.json"
LOCK_FILE = ".paperkg.lock"  # held by the build writing the folder
CACHE_DIR = ".cache"  # the extraction cache (kg.cache)
#: the build's graph: each subject's own statements, and beside it the corpus-wide figures
#: (kg.schema.ANALYTICS_PROPERTIES, ANALYTICS_CLASSES); the graph is the union of the two files
GRAPH_FILE = "graph.ttl"
ANALYTICS_FILE = "analytics.ttl"
#: Top-level names every paperkg version has written: ours even where no marker lists them.
KNOWN_OUTPUTS = frozenset({
    "assets", "entity", "paper", "index.html", "overview.html", "papers.html", "entities.html", "topics.html",
    GRAPH_FILE, ANALYTICS_FILE, "void.ttl", "papers.jsonl", "build-report.json", OUTPUT_MARKER, LOCK_FILE,
})


def marked_outputs(folder: str | os.PathLike) -> set[str] | None:
    """The top-level names listed by ``folder``'s marker; None when it has no readable marker."""
    try:
        with open(os.path.join(folder, OUTPUT_MARKER), encoding="utf-8") as fh:
            names = json.load(fh)["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else None


def graph_parts(graph_file: str | os.PathLike) -> list[Path]:
    """The files a graph file is read with: a build's ``graph.ttl`` with the ``analytics.ttl`` beside it.

    A build writes each subject's own statements to GRAPH_FILE and the corpus-wide figures (PageRank,
    supports, relatedTo, ...: kg.schema.ANALYTICS_PROPERTIES) to ANALYTICS_FILE; the graph is their
    union, so every loader reads both. Any other file (an export, an older build's graph.ttl alone) is read by itself.
    kg.errors.InputError when the folder's marker says the build wrote an analytics.ttl that is gone: the
    graph would silently lack its figures.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "graph.ttl").touch(); [p.name for p in graph_parts(folder / "graph.ttl")]
    ['graph.ttl']
    >>> (folder / "analytics.ttl").touch(); [p.name for p in graph_parts(folder / "graph.ttl")]
    ['graph.ttl', 'analytics.ttl']
    """
    path = Path(graph_file)
    if path.name == GRAPH_FILE:
        figures = path.with_name(ANALYTICS_FILE)
        if figures.is_file():
            return [path, figures]
        if ANALYTICS_FILE in (marked_outputs(path.parent) or ()):
            raise InputError(str(figures), f"missing: the build wrote it beside {GRAPH_FILE} (the graph's corpus-wide "
                                           "figures: PageRank, supports, relatedTo); restore it or build again")
    return [path]
