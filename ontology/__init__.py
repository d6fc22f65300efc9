"""The paperkg ontology: Turtle files, vocabulary IRIs and the PKG namespace for Python code.

``ONTOLOGY_PATH`` / ``SHAPES_PATH`` locate the packaged ``paperkg.ttl`` (OWL
vocabulary) and ``shapes.ttl`` (SHACL shapes) via importlib.resources, so they
work from an installed wheel as well as from a checkout.

``PREFIXES`` is the one table of vocabulary namespaces (pkg: and the standard
vocabularies the data is written in); writers, queries and exports take their
IRIs from it. ``PKG`` (an rdflib DefinedNamespace) is imported on first use,
so that plain IRI users do not pay for importing rdflib.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["PKG", "ONTOLOGY_IRI", "NAMESPACE", "ONTOLOGY_PATH", "SHAPES_PATH", "PREFIXES",
           "RDF", "RDFS", "XSD", "OWL", "SKOS", "DCTERMS", "SCHEMA"]

NAMESPACE = "https://w3id.org/paperkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/paperkg/ontology"
ONTOLOGY_PATH = Path(str(files("ontology") / "paperkg.ttl"))
SHAPES_PATH = Path(str(files("ontology") / "shapes.ttl"))

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"

#: prefix -> namespace of every vocabulary the graph, its queries and its exports use.
PREFIXES = {
    "pkg": NAMESPACE,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
    "void": "http://rdfs.org/ns/void#",
}


def __getattr__(name: str):
    if name == "PKG":
        from ontology._namespace import PKG

        globals()["PKG"] = PKG
        return PKG
    raise AttributeError(f"module 'ontology' has no attribute {name!r}")
