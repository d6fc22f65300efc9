"""The paperkg ontology files: ``paperkg.ttl`` (OWL vocabulary) and ``shapes.ttl`` (SHACL shapes).

``ONTOLOGY_PATH`` / ``SHAPES_PATH`` locate them via importlib.resources, so they
work from an installed wheel as well as from a checkout. The vocabulary's
Python side (the ``PKG`` namespace generated into ``_namespace.py``, prefixes,
node types, relations) is :mod:`kg.schema`.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ONTOLOGY_PATH", "SHAPES_PATH"]

ONTOLOGY_PATH = Path(str(files("ontology") / "paperkg.ttl"))
SHAPES_PATH = Path(str(files("ontology") / "shapes.ttl"))
