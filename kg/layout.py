"""Names paperkg gives the entries of an output folder, shared by the build and the input reader.

The build writes a marker file listing the top-level names it wrote; the
reader skips marked folders when it walks an input folder (``paperkg build .``
must not read its own outputs as listings), and the next build tells its own
files from the user's by it.
"""
from __future__ import annotations

import json
import os

__all__ = ["OUTPUT_MARKER", "LOCK_FILE", "CACHE_DIR", "KNOWN_OUTPUTS", "marked_outputs"]

#: JSON object ``{"paperkg": version, "outputs": [top-level names]}`` written into every output folder.
OUTPUT_MARKER = ".paperkg-output.json"
LOCK_FILE = ".paperkg.lock"  # held by the build writing the folder
CACHE_DIR = ".cache"  # the extraction cache (kg.cache)
#: Top-level names every paperkg version has written: ours even where no marker lists them.
KNOWN_OUTPUTS = frozenset({
    "assets", "entity", "paper", "index.html", "overview.html", "papers.html", "entities.html", "topics.html",
    "graph.ttl", "void.ttl", "papers.jsonl", "build-report.json", OUTPUT_MARKER, LOCK_FILE,
})


def marked_outputs(folder: str | os.PathLike) -> set[str] | None:
    """The top-level names listed by ``folder``'s marker; None when it has no readable marker."""
    try:
        with open(os.path.join(folder, OUTPUT_MARKER), encoding="utf-8") as fh:
            names = json.load(fh)["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {n for n in names if isinstance(n, str)} if isinstance(names, list) else None
