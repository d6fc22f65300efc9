"""The paperkg ontology: Turtle files plus the PKG namespace for Python code.

``ONTOLOGY_PATH`` / ``SHAPES_PATH`` locate the packaged ``paperkg.ttl`` (OWL
vocabulary) and ``shapes.ttl`` (SHACL shapes) via importlib.resources, so they
work from an installed wheel as well as from a checkout.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ontology._namespace import PKG

__all__ = ["PKG", "ONTOLOGY_IRI", "NAMESPACE", "ONTOLOGY_PATH", "SHAPES_PATH"]

NAMESPACE = "https://w3id.org/paperkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/paperkg/ontology"
ONTOLOGY_PATH = Path(str(files("ontology") / "paperkg.ttl"))
SHAPES_PATH = Path(str(files("ontology") / "shapes.ttl"))
