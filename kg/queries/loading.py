"""Open the graph a query runs on: an output folder, a graph file, or an Oxigraph store folder.

Only the RDF is needed for SPARQL, so this parses the Turtle straight into an
Oxigraph store with ``bulk_load`` (no NetworkX graph is rebuilt, unlike
``kg.load``). A build's graph.ttl is loaded with the analytics.ttl beside it
(kg.layout.graph_parts): the store's default graph is their union.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.layout import GRAPH_FILE, graph_parts

__all__ = ["GRAPH_FILES", "find_graph_file", "load_store", "open_store"]

#: Files looked for, in order, in an output folder.
GRAPH_FILES = (GRAPH_FILE, "graph.nt")
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


def find_graph_file(path: str | os.PathLike) -> Path:
    """The graph file of an output folder (or the file itself); InputError when there is none."""
    path = Path(path)
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(str(path), f"no {' or '.join(GRAPH_FILES)} in this folder (run `paperkg build -o {path}` first)")
    if not path.exists():
        raise InputError(str(path), "no such graph file or output folder (run `paperkg build` first)")
    if path.suffix.lower() not in _FORMATS:
        raise InputError(str(path), f"unknown graph file type; expected one of {', '.join(sorted(_FORMATS))}")
    return path


def load_store(path: str | os.PathLike = "outputs") -> ox.Store:
    """A new in-memory Oxigraph store holding the graph of an output folder or graph file (a build's
    graph.ttl with its analytics.ttl)."""
    file = find_graph_file(path)
    store = ox.Store()
    for part in graph_parts(file):
        try:
            store.bulk_load(path=str(part), format=_FORMATS[part.suffix.lower()])
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(str(part), f"cannot parse graph: {' '.join(str(exc).split())}") from None
    return store


def open_store(directory: str | os.PathLike) -> ox.Store:
    """An on-disk Oxigraph store folder, opened read-only."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(str(directory), "no such Oxigraph store folder")
    try:
        return ox.Store.read_only(str(directory))
    except OSError as exc:
        raise InputError(str(directory), f"cannot open Oxigraph store: {' '.join(str(exc).split())}") from None
