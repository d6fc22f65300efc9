"""The knowledge graph: NetworkX + RDF (Oxigraph) built from papers and their extraction.

Public entry points (imported lazily; nothing heavy happens at import time):
``build_graph`` and ``KnowledgeGraph`` (kg.graph.knowledge), ``write_outputs``,
``export_graph`` and ``EXPORT_FORMATS`` (kg.graph.export), ``rdf_to_nx``,
``nx_to_triples`` (kg.graph.rdf), ``DEFAULT_BASE_IRI`` (kg.graph.iris).
"""
from __future__ import annotations

from kg._lazy import lazy_attributes

__all__ = ["build_graph", "KnowledgeGraph", "write_outputs", "export_graph", "rdf_to_nx", "nx_to_triples",
           "DEFAULT_BASE_IRI", "EXPORT_FORMATS"]

_LAZY = {
    "build_graph": "kg.graph.knowledge:build_graph",
    "KnowledgeGraph": "kg.graph.knowledge:KnowledgeGraph",
    "write_outputs": "kg.graph.export:write_outputs",
    "export_graph": "kg.graph.export:export_graph",
    "EXPORT_FORMATS": "kg.graph.export:EXPORT_FORMATS",
    "rdf_to_nx": "kg.graph.rdf:rdf_to_nx",
    "nx_to_triples": "kg.graph.rdf:nx_to_triples",
    "DEFAULT_BASE_IRI": "kg.graph.iris:DEFAULT_BASE_IRI",
}
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)
