"""Exports: determinism, Turtle/N-Triples/JSON-LD/GraphML/GEXF round trips, VoID."""
from __future__ import annotations

import json

import networkx as nx
import pyoxigraph as ox
import pytest

from graph_fixture import make_extraction, make_papers
from kg.errors import OutputError
from kg.graph import build_graph, export_graph, write_outputs
from kg.graph.export import sorted_triples


def _triples(store) -> set:
    return {str(t) for t in sorted_triples(store)}


def test_write_outputs_and_turtle_is_byte_identical(tmp_path):
    a = write_outputs(build_graph(make_papers(), make_extraction()), tmp_path / "a")
    b = write_outputs(build_graph(make_papers(), make_extraction()), tmp_path / "b")
    assert [p.name for p in a] == ["graph.ttl", "analytics.ttl", "void.ttl"]
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes()
    text = a[0].read_text(encoding="utf-8")
    assert text.startswith("@prefix") and "@prefix pkg: <https://w3id.org/paperkg/ontology#>" in text
    assert not list(tmp_path.glob("a/.*.tmp"))


@pytest.mark.parametrize("fmt, rdf_format", [
    ("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD),
])
def test_rdf_exports_round_trip(kg, tmp_path, fmt, rdf_format):
    path = export_graph(kg, fmt, tmp_path / f"g.{fmt}")
    back = ox.Store()
    back.load(path=str(path), format=rdf_format)
    assert _triples(back) == _triples(kg.store)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_exports_round_trip(kg, tmp_path, fmt, reader):
    path = export_graph(kg, fmt, tmp_path / f"g.{fmt}")
    H = reader(path)
    assert set(H.nodes) == set(kg.nx.nodes)
    got = sorted((u, v, d.get("relation")) for u, v, d in H.edges(data=True))
    want = sorted((u, v, k) for u, v, k in kg.nx.edges(keys=True))
    assert got == want
    if fmt == "graphml":
        assert json.loads(H.nodes["paper/p1"]["authors"]) == ["Ada Lovelace", "Alan Turing"]
        assert H.nodes["paper/p1"]["type"] == "Paper"


def test_export_rejects_unknown_format(kg, tmp_path):
    with pytest.raises(OutputError):
        export_graph(kg, "xml", tmp_path / "g.xml")


def test_void_counts(kg, tmp_path):
    _, _, void = write_outputs(kg, tmp_path)
    store = ox.Store()
    store.load(path=str(void), format=ox.RdfFormat.TURTLE)
    V = "http://rdfs.org/ns/void#"
    (total,) = [q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(V + "triples"), None)
                if q.subject.value.endswith("/void")]
    assert int(total) == len(kg.store)
    parts = {}
    for q in store.quads_for_pattern(None, ox.NamedNode(V + "class"), None):
        n = next(store.quads_for_pattern(q.subject, ox.NamedNode(V + "entities"), None)).object.value
        parts[q.object.value.rsplit("#", 1)[1]] = int(n)
    assert parts["Paper"] == sum(1 for _, t in kg.nx.nodes(data="type") if t == "Paper")
    assert parts["Method"] == 2
    props = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(V + "property"), None)}
    assert "https://w3id.org/paperkg/ontology#buildsOn" in props


def test_void_describes_the_graph_and_the_analytics_file_as_subsets(kg, tmp_path):
    """void.ttl names both files as dumps of the dataset, and each as a subset with its own counts."""
    graph_ttl, analytics_ttl, void = write_outputs(kg, tmp_path)
    store = ox.Store()
    store.load(path=str(void), format=ox.RdfFormat.TURTLE)
    V, base = "http://rdfs.org/ns/void#", kg.base_iri

    def values(subject: str, prop: str) -> list[str]:
        return sorted(q.object.value for q in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(V + prop), None))

    assert values(base + "void", "dataDump") == [base + "analytics.ttl", base + "graph.ttl"]
    assert values(base + "void", "subset") == [base + "void/analytics", base + "void/graph"]
    total = 0
    for part, path in (("graph", graph_ttl), ("analytics", analytics_ttl)):
        alone = ox.Store()
        alone.load(path=str(path), format=ox.RdfFormat.TURTLE)
        assert values(base + "void/" + part, "dataDump") == [base + path.name]
        assert int(values(base + "void/" + part, "triples")[0]) == len(alone) > 0
        subjects = {q.subject for q in alone}
        assert int(values(base + "void/" + part, "distinctSubjects")[0]) == len(subjects)
        total += len(alone)
    assert int(values(base + "void", "triples")[0]) == total == len(kg.store)
    figures = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(V + "property"), None)
               if q.subject.value.startswith(base + "void/analytics/")}
    assert {"https://w3id.org/paperkg/ontology#pagerank", "https://w3id.org/paperkg/ontology#relatedTo"} <= figures
    assert "https://w3id.org/paperkg/ontology#title" not in figures


def test_turtle_faster_than_rdflib_serializer_smoke(kg):
    # correctness only (no timing assertion): rdflib parses what pyoxigraph wrote
    import rdflib

    data = ox.serialize(sorted_triples(kg.store), format=ox.RdfFormat.TURTLE, prefixes=kg.prefixes())
    g = rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert len(g) == len(kg.store)


# ------------------------------------------------ RDF text through a child process

@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_piped_serialiser_writes_the_same_bytes(kg, tmp_path, fmt):
    from kg.graph.export import write_rdf_text

    outs = {}
    for pipe in (True, False):
        path = tmp_path / f"{pipe}.{fmt}"
        with open(path, "wb") as fh:
            fh.write(b"")  # the child appends to an already-open file
            stats = write_rdf_text(kg, fh, fmt, tmp_dir=tmp_path, pipe=pipe)
        outs[pipe] = (path.read_bytes(), stats.triples, stats.subjects)
    assert outs[True] == outs[False]
    assert outs[True][1] == len(kg.store)
    assert not list(tmp_path.glob(".paperkg-*"))  # no temporary N-Triples left behind


def test_big_graphs_use_the_pipe_and_it_keeps_output_identical(tmp_path, monkeypatch):
    import kg.graph.export as ex

    graph = build_graph(make_papers(), make_extraction())
    small = [p.read_bytes() for p in write_outputs(graph, tmp_path / "file")]
    calls = []
    real = ex.subprocess.Popen
    monkeypatch.setattr(ex.subprocess, "Popen", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(ex, "PIPE_MIN_SIZE", 1)
    assert [p.read_bytes() for p in write_outputs(graph, tmp_path / "pipe")] == small
    # one serialiser child for graph.ttl's new blocks, one for analytics.ttl, side by side
    assert len(calls) == 2 and all(c[0][1].endswith("rdf_pipe.py") for c in calls)


@pytest.mark.parametrize("body", [
    "import sys\nsys.stdin.buffer.read(10)\nsys.stdout.buffer.write(b'garbage')\nsys.exit(1)\n",  # fails midway
    "import sys\nsys.stdout.buffer.write(b'half a file')\n",  # exits 0 without reading: a broken pipe
])
def test_failed_serialiser_process_falls_back_to_the_same_bytes(kg, tmp_path, monkeypatch, body):
    import kg.graph.export as ex

    want = [p.read_bytes() for p in write_outputs(kg, tmp_path / "a")]
    script = tmp_path / "broken.py"
    script.write_text(body)
    calls = []
    real = ex.subprocess.Popen
    monkeypatch.setattr(ex.subprocess, "Popen", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(ex, "_PIPE_SCRIPT", script)
    monkeypatch.setattr(ex, "PIPE_MIN_SIZE", 1)
    assert [p.read_bytes() for p in write_outputs(kg, tmp_path / "b")] == want
    assert calls, "the broken child was not tried"
    assert not [p for p in (tmp_path / "b").iterdir() if p.name.startswith(".")]


def test_serialiser_falls_back_in_process_when_no_child_can_start(kg, tmp_path, monkeypatch):
    import kg.graph.export as ex

    want = [p.read_bytes() for p in write_outputs(kg, tmp_path / "a")]
    monkeypatch.setattr(ex.sys, "executable", str(tmp_path / "no-such-python"))
    monkeypatch.setattr(ex, "PIPE_MIN_SIZE", 1)
    assert [p.read_bytes() for p in write_outputs(kg, tmp_path / "b")] == want
