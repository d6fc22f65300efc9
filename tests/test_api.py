"""Python API: KnowledgeGraph queries and lookups, build(), load()."""
from __future__ import annotations

import pytest
import rdflib

from graph_fixture import GRPO, RARESET, make_extraction, make_papers
from kg.api import load
from kg.api import build as kg_build
from kg.errors import InputError, QueryError
from kg.graph import build_graph, write_outputs
from kg.graph.export import sorted_triples


def test_query_rows_and_types(kg):
    rows = kg.query("SELECT ?p ?t ?d WHERE { ?p a pkg:Paper ; dcterms:title ?t ; pkg:degree ?d } ORDER BY ?p")
    assert len(rows) == 6
    assert rows[0]["p"] == kg.nx.nodes["paper/p1"]["iri"]
    assert isinstance(rows[0]["d"], int)


def test_query_bindings_are_values_not_text(kg):
    q = "SELECT ?p ?title WHERE { ?p dcterms:title ?title }"
    assert [r["p"] for r in kg.query(q, title="Learning from RareSet")] == [kg.nx.nodes["paper/p4"]["iri"]]
    # an injection attempt is just a literal that matches nothing
    assert kg.query(q, title='x" } ?p ?q ?r { "') == []
    iri = rdflib.URIRef(kg.nx.nodes["paper/p4"]["iri"])
    assert kg.query("SELECT ?p ?title WHERE { ?p dcterms:title ?title }", p=iri) == [
        {"p": str(iri), "title": "Learning from RareSet"}]
    community = kg.nx.nodes["paper/p4"]["community"]
    rows = kg.query("SELECT ?c (COUNT(?p) AS ?n) WHERE { ?p pkg:community ?c } GROUP BY ?c", c=community)
    assert rows == [{"c": community, "n": sum(1 for _, d in kg.nx.nodes(data=True) if d.get("community") == community)}]
    with pytest.raises(QueryError):
        kg.query(q, **{"bad name": "x"})


def test_a_bound_variable_must_be_projected(kg):
    """Bindings are Oxigraph substitutions, as in every other query path: the variable must be in the SELECT."""
    with pytest.raises(QueryError, match="a bound parameter must be a projected variable"):
        kg.query("SELECT ?p WHERE { ?p dcterms:title ?title }", title="Learning from RareSet")


def test_query_ask_construct_and_errors(kg):
    assert kg.query("ASK { paper:p2 pkg:buildsOn paper:p1 }") == [{"ask": True}]
    assert kg.query("ASK { paper:p1 pkg:buildsOn paper:p2 }") == [{"ask": False}]
    rows = kg.query("CONSTRUCT { ?p pkg:usesMethod ?m } WHERE { ?p pkg:usesMethod ?m }")
    assert rows and set(rows[0]) == {"subject", "predicate", "object"}
    with pytest.raises(QueryError):
        kg.query("SELEC nonsense")
    with pytest.raises(QueryError):
        kg.query("INSERT DATA { <http://a> <http://b> <http://c> }")
    assert kg.query("ASK { ?s ?p <http://c> }") == [{"ask": False}]
    with pytest.raises(QueryError, match="SERVICE"):  # the Python API never makes outgoing requests either
        kg.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_entity_lookup_alias_aware(kg):
    for name in ("GRPO", "grpo", "Group Relative Policy Optimization", GRPO):
        e = kg.entity(name)
        assert e is not None and e["id"] == GRPO
    e = kg.entity("grpo")
    assert {"paper": "paper/p2", "relation": "usesMethod"} in e["papers"]
    assert {"paper": "paper/p1", "relation": "proposes"} in e["papers"]
    assert kg.entity("no such thing") is None


def test_related_and_builds_on(kg):
    rel = kg.related("p4")
    assert rel[0]["paper"] == "paper/p3" and rel[0]["shared"] == [RARESET]
    assert [r["weight"] for r in rel] == sorted((r["weight"] for r in rel), reverse=True)
    assert len(kg.related("paper/p4", k=1)) == 1
    assert kg.builds_on("p2") == [{"paper": "paper/p1", "title": kg.nx.nodes["paper/p1"]["title"], "via": [GRPO]}]
    assert kg.builds_on("p1") == []
    with pytest.raises(KeyError):
        kg.related("nope")


def test_papers_listing(kg):
    ids = [p["id"] for p in kg.papers()]
    assert ids == ["p1", "p2", "p3", "p4", "p5", "p6"]


def test_load_outputs_equals_build(kg, tmp_path):
    write_outputs(kg, tmp_path)
    back = load(tmp_path)
    assert {str(t) for t in sorted_triples(back.store)} == {str(t) for t in sorted_triples(kg.store)}
    assert dict(back.nx.nodes(data=True)) == dict(kg.nx.nodes(data=True))
    assert set(back.nx.edges(keys=True)) == set(kg.nx.edges(keys=True))
    assert back.base_iri == kg.base_iri
    assert back.related("p4") == kg.related("p4")
    nt = tmp_path / "g.nt"
    from kg.graph import export_graph

    export_graph(kg, "ntriples", nt)
    assert len(load(nt).store) == len(kg.store)


def test_load_custom_base_iri(tmp_path):
    g = build_graph(make_papers(), make_extraction(), base_iri="http://example.org/x#")
    write_outputs(g, tmp_path)
    back = load(tmp_path / "graph.ttl")
    assert back.base_iri == "http://example.org/x#"
    assert set(back.nx) == set(g.nx)


def test_load_errors(tmp_path):
    with pytest.raises(InputError):
        load(tmp_path)  # no graph.ttl
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError):
        load(bad)
    other = tmp_path / "other.ttl"
    other.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    with pytest.raises(InputError):
        load(other)
    with pytest.raises(InputError):
        load(tmp_path / "x.csv")


def test_build_reports_unreadable_files(tmp_path):
    import json

    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "Sparse Widgets", "abstract": "We propose Sparse Widgets."}) + "\n")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": ')
    with pytest.warns(UserWarning, match="bad.json"):
        graph = kg_build([bad, good])
    assert [p["title"] for p in graph.papers()] == ["Sparse Widgets"]
    with pytest.raises(InputError, match="bad.json"):
        kg_build([bad, good], strict=True)


def test_loaded_rdf_is_graph_ttl_term_for_term(demo_out):
    """``load(out).rdf`` holds exactly rdflib's terms for graph.ttl + analytics.ttl: plain literals untyped,
    not xsd:string."""
    rdf = load(demo_out).rdf
    parsed = rdflib.Graph().parse(demo_out / "graph.ttl")
    parsed.parse(demo_out / "analytics.ttl")
    assert len(rdf) == len(parsed) > 10_000
    assert set(rdf) == set(parsed)
    titles = list(rdf.objects(None, rdflib.DCTERMS.title))
    assert titles and all(t.datatype is None and t.language is None for t in titles)


def test_loaded_rdf_conforms_to_the_shapes(demo_out):
    import pyshacl

    from ontology import ONTOLOGY_PATH, SHAPES_PATH

    ok, _, text = pyshacl.validate(load(demo_out).rdf, shacl_graph=rdflib.Graph().parse(SHAPES_PATH),
                                   ont_graph=rdflib.Graph().parse(ONTOLOGY_PATH))
    assert ok, text[:2000]


def test_query_structure_limits_are_typed_errors(kg):
    from kg.errors import QueryTooComplex

    for depth in (1_000, 20_000):  # 20,000 nested groups used to crash the interpreter
        with pytest.raises(QueryTooComplex, match="query nesting deeper than 64"):
            kg.query("SELECT * WHERE " + "{" * depth + "}" * depth)
    assert kg.query("SELECT ?p ?t WHERE " + "{" * 64 + "?p dcterms:title ?t" + "}" * 64, t="Learning from RareSet") == [
        {"p": kg.nx.nodes["paper/p4"]["iri"], "t": "Learning from RareSet"}]  # at the limit, with bindings, answered


def test_query_runs_on_a_big_stack():
    """A 50,000-operator chain overflowed the caller's stack (a crash, not an exception); run in a child process."""
    import subprocess
    import sys

    code = ("import networkx as nx, pyoxigraph as ox\nfrom kg.api import KnowledgeGraph\n"
            "print(KnowledgeGraph(nx.MultiDiGraph(), ox.Store()).query('ASK { FILTER(' + '!' * 50000 + 'true) }'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "[{'ask': True}]"
