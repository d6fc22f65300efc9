"""RDF form of the graph: NetworkX <-> RDF round trip, SHACL conformance, evidence via SPARQL."""
from __future__ import annotations

import pyoxigraph as ox
import pyshacl
import rdflib

from graph_fixture import GRPO
from kg.graph import rdf_to_nx
from kg.graph.export import sorted_triples
from kg.schema import PKG
from ontology import SHAPES_PATH


def _plain_graph(store: ox.Store) -> rdflib.Graph:
    data = ox.serialize(sorted_triples(store), format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data, format="nt")


def test_rdf_to_nx_reproduces_the_nx_graph(kg):
    H = rdf_to_nx(kg.store)
    G = kg.nx
    assert H.graph == G.graph
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    ge = {(u, v, k): d for u, v, k, d in G.edges(keys=True, data=True)}
    he = {(u, v, k): d for u, v, k, d in H.edges(keys=True, data=True)}
    assert he == ge


def test_rdf_to_nx_from_rdflib_graph(kg):
    H = rdf_to_nx(_plain_graph(kg.store))
    assert set(H.edges(keys=True)) == set(kg.nx.edges(keys=True))


def test_rdf_is_a_plain_rdflib_graph_of_the_same_triples(kg):
    assert type(kg.rdf.store).__name__ == "Memory"  # not oxrdflib: its plain literals are xsd:string-typed
    assert len(kg.rdf) == len(kg.store)
    p1 = rdflib.URIRef(kg.nx.nodes["paper/p1"]["iri"])
    assert (p1, rdflib.RDF.type, PKG.Paper) in kg.rdf
    assert (p1, rdflib.OWL.sameAs, rdflib.URIRef("https://arxiv.org/abs/2401.00001")) in kg.rdf
    own = rdflib.URIRef(kg.nx.nodes["repo/github.com/deepseek-ai/grpo"]["iri"])
    assert (p1, PKG.hasOwnCode, own) in kg.rdf and (p1, PKG.hasCode, own) in kg.rdf


def test_shacl_conforms(kg):
    ok, _, text = pyshacl.validate(_plain_graph(kg.store), shacl_graph=rdflib.Graph().parse(SHAPES_PATH))
    assert ok, text


def test_shacl_catches_a_broken_graph(kg):
    g = _plain_graph(kg.store)
    p1 = rdflib.URIRef(kg.nx.nodes["paper/p1"]["iri"])
    g.remove((p1, rdflib.RDFS.label, None))
    g.add((p1, PKG.usesMethod, p1))  # a paper is not a method
    ok, _, _ = pyshacl.validate(g, shacl_graph=rdflib.Graph().parse(SHAPES_PATH))
    assert not ok


WHY = """
SELECT ?paper ?method ?sentence ?rule ?start ?end WHERE {
  ?paper pkg:mentions ?m .
  ?m pkg:mentionOf ?method ; pkg:supportsRelation pkg:usesMethod ;
     pkg:inSentence/pkg:sentence ?sentence ; pkg:rule ?rule ; pkg:start ?start ; pkg:end ?end .
} ORDER BY ?start
"""


def test_evidence_answers_why_paper_uses_method(kg):
    paper = rdflib.URIRef(kg.nx.nodes["paper/p2"]["iri"])
    method = rdflib.URIRef(kg.nx.nodes[GRPO]["iri"])
    rows = kg.query(WHY, paper=paper, method=method)
    assert len(rows) == 1
    assert rows[0]["sentence"].startswith("We apply GRPO to larger models")
    assert rows[0]["rule"] == "alias"
    # the same question through the prefixed names paper:/method:
    rows2 = kg.query(WHY.replace("?paper pkg:mentions", "paper:p2 pkg:mentions").replace(
        "pkg:mentionOf ?method", "pkg:mentionOf method:group-relative-policy-optimization"))
    assert [r["sentence"] for r in rows2] == [rows[0]["sentence"]]


def test_relatedness_reification_queryable(kg):
    rows = kg.query("""
        SELECT ?other ?w (COUNT(?e) AS ?n) WHERE {
          ?r a pkg:Relatedness ; rdf:subject paper:p4 ; rdf:object ?other ; pkg:weight ?w ; pkg:sharedEntity ?e .
        } GROUP BY ?other ?w ORDER BY DESC(?w)""")
    assert rows[0]["other"].endswith("paper/p3")
    assert rows[0]["w"] == kg.nx.edges["paper/p4", "paper/p3", "relatedTo"]["weight"]
    built = kg.query("SELECT ?via WHERE { ?l a pkg:BuildsOnLink ; rdf:subject paper:p2 ; rdf:object paper:p1 ; pkg:via ?via }")
    assert [r["via"] for r in built] == [kg.nx.nodes[GRPO]["iri"]]


def test_minimal_cited_paper_in_rdf(kg):
    rows = kg.query("""SELECT ?c ?same WHERE { paper:p2 pkg:cites ?c . ?c pkg:external true ; owl:sameAs ?same }""")
    assert [r["same"] for r in rows] == ["https://arxiv.org/abs/2312.99999"]
