"""The knowledge graph: NetworkX + RDF (Oxigraph) built from papers and their extraction.

Public entry points (imported lazily; nothing heavy happens at import time):
``build_graph``, ``write_outputs``, ``export``, ``rdf_to_nx``, ``nx_to_triples``,
``DEFAULT_BASE_IRI``.
"""
from __future__ import annotations

import importlib

__all__ = ["build_graph", "write_outputs", "export", "rdf_to_nx", "nx_to_triples", "DEFAULT_BASE_IRI", "FORMATS"]

_LAZY = {
    "write_outputs": "kg.graph.export",
    "export": "kg.graph.export",
    "FORMATS": "kg.graph.export",
    "rdf_to_nx": "kg.graph.rdf",
    "nx_to_triples": "kg.graph.rdf",
    "DEFAULT_BASE_IRI": "kg.graph.iris",
}


def build_graph(papers, extraction, base_iri: str | None = None, top_k: int = 10, max_df: int | None = None):
    """Build the KnowledgeGraph (``.nx`` MultiDiGraph; its Oxigraph ``.store`` is made on first use) of a corpus."""
    from kg.api import KnowledgeGraph
    from kg.graph.build import build_nx
    from kg.graph.iris import DEFAULT_BASE_IRI

    base_iri = base_iri or DEFAULT_BASE_IRI
    G = build_nx(papers, extraction, base_iri=base_iri, top_k=top_k, max_df=max_df)
    return KnowledgeGraph(G, None, base_iri)  # the Oxigraph store is filled on first use of .store


def __getattr__(name: str):
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'kg.graph' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
