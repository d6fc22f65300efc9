"""paperkg: turn ML paper listings into a knowledge graph.

The public API is imported lazily so that ``import kg`` stays cheap (no spaCy,
rdflib or pyoxigraph work at import time).
"""
from __future__ import annotations

from kg._lazy import lazy_attributes

__version__ = "0.1.0"

_LAZY = {
    "load": "kg.graph.knowledge:load",
    "build": "kg.api:build",
    "KnowledgeGraph": "kg.graph.knowledge:KnowledgeGraph",
    "read_inputs": "kg.ingest:read_inputs",
    "view": "kg.views:show",
    "Paper": "kg.models:Paper",
    "Mention": "kg.models:Mention",
    "Entity": "kg.models:Entity",
}

__all__ = sorted(_LAZY) + ["__version__"]
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)
