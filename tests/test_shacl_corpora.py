"""The graphs users actually build conform to ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

import kg
from kg.graph.export import sorted_triples
from ontology import SHAPES_PATH

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _conforms(graph) -> tuple[bool, str]:
    data = ox.serialize(sorted_triples(graph.store), format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph().parse(data=data, format="nt")
    ok, _, text = pyshacl.validate(g, shacl_graph=rdflib.Graph().parse(SHAPES_PATH))
    return ok, text


def test_demo_corpus_graph_conforms(demo_out):
    graph = kg.load(demo_out)
    assert graph.nx.number_of_nodes() > 100
    ok, text = _conforms(graph)
    assert ok, text[:2000]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not available")
def test_shared_corpus_graph_conforms_and_links_papers():
    graph = kg.build([SHARED / "corpus"])
    relations = {k for _, _, k in graph.nx.edges(keys=True)}
    assert {"buildsOn", "relatedTo", "usesMethod", "hasCode"} <= relations
    ok, text = _conforms(graph)
    assert ok, text[:2000]
