"""The graphs users actually build conform to ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib

import kg
from kg.graph.export import sorted_triples, write_outputs
from ontology import ONTOLOGY_PATH, SHAPES_PATH

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
def test_shared_corpus_graph_conforms_and_links_papers(tmp_path):
    graph = kg.build([SHARED / "corpus"])
    relations = {k for _, _, k in graph.nx.edges(keys=True)}
    assert {"buildsOn", "relatedTo", "usesMethod", "hasCode"} <= relations
    write_outputs(graph, tmp_path)
    # issue 13: kg.load(out).rdf is graph.ttl (with analytics.ttl) term for term, and pyshacl with the
    # ontology accepts it as it is
    rdf = kg.load(tmp_path).rdf
    assert set(rdf) == set(rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")
                           .parse(tmp_path / "analytics.ttl", format="turtle"))
    ok, _, text = pyshacl.validate(rdf, shacl_graph=rdflib.Graph().parse(SHAPES_PATH),
                                   ont_graph=rdflib.Graph().parse(ONTOLOGY_PATH))
    assert ok, text[:2000]
