"""Interactive HTML views of the knowledge graph (vis-network, offline, escaped).

``write_views(graph, out_dir)`` writes index.html, overview.html and one page
per paper and entity; ``notebook_html``/``show`` give a self-contained overview
for Jupyter.  Imports are lazy so ``import kg.views`` costs nothing.
"""
from __future__ import annotations

from kg._lazy import lazy_attributes

__all__ = ["write_views", "notebook_html", "show", "slugify"]

_LAZY = {
    "write_views": "kg.views.site:write_views",
    "notebook_html": "kg.views.site:notebook_html",
    "show": "kg.views.site:show",
    "slugify": "kg.views.safe:slugify",
}
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)
