"""paperkg: turn ML paper listings into a knowledge graph.

The public API is imported lazily so that ``import kg`` stays cheap (no spaCy,
rdflib or pyoxigraph work at import time).
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "load": ("kg.api", "load"),
    "build": ("kg.api", "build"),
    "KnowledgeGraph": ("kg.api", "KnowledgeGraph"),
    "read_inputs": ("kg.ingest", "read_inputs"),
    "view": ("kg.views", "show"),
    "Paper": ("kg.models", "Paper"),
    "Mention": ("kg.models", "Mention"),
    "Entity": ("kg.models", "Entity"),
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str):
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'kg' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value
