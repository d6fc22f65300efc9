"""Interactive HTML views of the knowledge graph (vis-network, offline, escaped).

``write_views(graph, out_dir)`` writes index.html, overview.html and one page
per paper and entity; ``notebook_html``/``show`` give a self-contained overview
for Jupyter.  Imports are lazy so ``import kg.views`` costs nothing.
"""
from __future__ import annotations

import importlib

__all__ = ["write_views", "notebook_html", "show", "slugify"]

_LAZY = {
    "write_views": "kg.views.site",
    "notebook_html": "kg.views.site",
    "show": "kg.views.site",
    "slugify": "kg.views.safe",
}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'kg.views' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
