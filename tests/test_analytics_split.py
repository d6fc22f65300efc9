"""The graph written as two files: graph.ttl (each subject's own statements) and analytics.ttl (the
corpus-wide figures). Every way of reading a build gets their union, which is the graph as one file held
before the split, so every named query gives the same rows as on the graph in memory."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

import kg
from kg.graph.export import sorted_triples
from kg.graph.ntriples import split_pairs
from kg.graph.store import write_store
from kg.layout import graph_parts
from kg.queries import QueryPool, list_named, load_store, open_store, run_named
from kg.schema import ANALYTICS_PROPERTIES, pkg


def _params(store) -> list[dict]:
    """Parameter sets for every named query, taken from the demo graph (a popular method, a paper using it
    with code, its repository's owner), plus the optional parameters set."""
    def first(sparql: str) -> str:
        return next(iter(store.query(sparql)))[0].value

    method = first(f"SELECT ?n WHERE {{ ?e a <{pkg.Method}> ; <{pkg.supportRank}> 1 ; "
                   "<http://www.w3.org/2004/02/skos/core#prefLabel> ?n }")
    paper = first(f"SELECT ?id WHERE {{ ?p <{pkg.usesMethod}>|<{pkg.proposes}> ?e ; <{pkg.hasCode}> ?r ; "
                  f"<{pkg.arxivId}> ?id . ?e <{pkg.supportRank}> 1 ; a <{pkg.Method}> }} ORDER BY ?id LIMIT 1")
    owner = first(f"SELECT ?o WHERE {{ ?r a <{pkg.CodeRepository}> ; <{pkg.ownedBy}> ?org . "
                  "?org <http://www.w3.org/2004/02/skos/core#prefLabel> ?o } ORDER BY ?o LIMIT 1")
    values = {"paper id": paper, "entity name": method, "repo owner": owner, "months": "3", "papers": "2"}
    sets = []
    for q in list_named():
        required = {p.name: values.get(p.type, method) for p in q.params if not p.optional}
        if "method" in required:
            required["method"] = method
        sets.append((q.name, required))
        optional = {p.name: ("method" if "benchmark" in p.type else values.get(p.type, method))
                    for p in q.params if p.optional}
        if optional:
            sets.append((q.name, {**required, **optional}))
    return sets


def _answers(store, sets) -> list:
    return [(name, params, run_named(store, name, params).terms) for name, params in sets]


@pytest.fixture(scope="module")
def reference(demo_build):
    """Every named query's rows on the union made in memory from the built graph (what graph.ttl held
    before the split), with the parameter sets used."""
    _, result = demo_build
    store = result.graph.store
    sets = _params(store)
    answers = _answers(store, sets)
    assert sum(1 for _, _, rows in answers if rows) >= len(list_named()), "most queries must give rows"
    return store, sets, answers


def test_the_two_files_are_the_graph_and_split_it_by_the_analytics_tables(demo_out, reference):
    store, _, _ = reference
    parts = {}
    for name in ("graph.ttl", "analytics.ttl"):
        part = ox.Store()
        part.bulk_load(path=str(demo_out / name), format=ox.RdfFormat.TURTLE)
        parts[name] = {str(t) for t in sorted_triples(part)}
    assert parts["graph.ttl"] and parts["analytics.ttl"]
    assert not parts["graph.ttl"] & parts["analytics.ttl"]
    assert parts["graph.ttl"] | parts["analytics.ttl"] == {str(t) for t in sorted_triples(store)}
    figures = {f"<{p}>" for p in ANALYTICS_PROPERTIES}
    assert not any(t.split(" ")[1] in figures for t in parts["graph.ttl"])
    assert graph_parts(demo_out / "graph.ttl") == [demo_out / "graph.ttl", demo_out / "analytics.ttl"]


def test_split_pairs_keeps_canonical_order_and_moves_whole_analytics_nodes():
    t = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    paper = [(t, f"<{pkg.Paper}>"), ("<http://purl.org/dc/terms/title>", '"A"'), (f"<{pkg.degree}>", '"3"'),
             (f"<{pkg.pagerank}>", '"0.1"'), (f"<{pkg.proposes}>", "<x>"), (f"<{pkg.relatedTo}>", "<y>")]
    own, figures = split_pairs(list(paper))
    assert own == [paper[0], paper[1], paper[4]] and figures == [paper[2], paper[3], paper[5]]
    rel = [(t, f"<{pkg.Relatedness}>"), (f"<{pkg.weight}>", '"0.5"')]
    assert split_pairs(list(rel)) == ([], rel)
    mention = [(t, f"<{pkg.Mention}>"), (f"<{pkg.mentionCount}>", '"2"')]
    assert split_pairs(list(mention)) == (mention, [])


def test_every_named_query_gives_the_same_rows_from_every_loader(demo_out, reference, tmp_path):
    """kg.load, load_store (folder and graph.ttl: what `paperkg query` and `paperkg serve` load), the
    on-disk store of `--store`, and the query workers all read both files: same rows as the graph in memory."""
    _, sets, want = reference
    stores = {
        "kg.load": kg.load(demo_out).store,
        "load_store(folder)": load_store(demo_out),
        "load_store(graph.ttl)": load_store(demo_out / "graph.ttl"),
    }
    write_store(demo_out / "graph.ttl", tmp_path / "store")
    stores["--store"] = open_store(tmp_path / "store")
    for name, store in stores.items():
        assert _answers(store, sets) == want, name
    with QueryPool(demo_out, size=1) as pool:
        for query, params, rows in want:
            assert pool.run_named(query, params, timeout=60).terms == rows, query


def test_graph_ttl_alone_lacks_the_figures_the_queries_need(demo_out, reference, tmp_path):
    """The check above can fail: without analytics.ttl, ranked and related queries answer otherwise."""
    _, sets, want = reference
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(demo_out / "graph.ttl", alone / "graph.ttl")
    assert graph_parts(alone / "graph.ttl") == [alone / "graph.ttl"]
    got = _answers(load_store(alone), sets)
    differ = {name for (name, _, rows), (_, _, expected) in zip(got, want) if rows != expected}
    assert {"top-entities", "related-papers", "methods-used-together"} <= differ


def test_kg_load_equals_the_built_graph_and_its_rdf_is_the_union(demo_build):
    import rdflib

    out, result = demo_build
    loaded = kg.load(out)
    G, H = result.graph.nx, loaded.nx
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True)) == sorted(G.edges(keys=True, data=True))
    union = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    union.parse(out / "analytics.ttl", format="turtle")
    assert set(loaded.rdf) == set(union)


def test_a_build_folder_whose_analytics_file_is_gone_is_a_one_line_error(demo_out, tmp_path, capsys):
    """The build's marker lists analytics.ttl: without it the graph would silently lack its figures."""
    from kg.cli import main
    from kg.errors import InputError

    broken = tmp_path / "out"
    broken.mkdir()
    for name in ("graph.ttl", ".paperkg-output.json"):
        shutil.copy(demo_out / name, broken / name)
    for load in (kg.load, load_store):
        with pytest.raises(InputError, match="analytics.ttl: missing"):
            load(broken)
    assert main(["query", "--graph", str(broken), "ASK { ?s ?p ?o }"]) == 1
    err = capsys.readouterr().err
    assert "analytics.ttl: missing" in err and len(err.strip().splitlines()) == 1
