"""kg.load parses straight into NetworkX; the Oxigraph store is made only when something queries it."""
from __future__ import annotations

import os

import pytest

from graph_fixture import make_extraction, make_papers
from kg.api import load
from kg.errors import InputError
from kg.graph import KnowledgeGraph, build_graph, write_outputs
from kg.graph.export import sorted_triples

FOREIGN = "<http://example.org/note/1> <http://example.org/says> \"kept for SPARQL\" .\n"


@pytest.fixture
def out(tmp_path):
    write_outputs(build_graph(make_papers(), make_extraction()), tmp_path)
    return tmp_path


def _triples(store) -> set[str]:
    return {str(t) for t in sorted_triples(store)}


def test_the_store_is_made_on_first_use_from_the_files(out):
    back = load(out)
    assert back._store is None  # loading did not index the triples
    with open(out / "graph.ttl", "a", encoding="utf-8") as fh:
        fh.write(FOREIGN)  # written after the load: not what was read
    os.utime(out / "graph.ttl", ns=(1, 1))
    assert not any("example.org/note" in t for t in _triples(back.store))
    assert _triples(back.store) == _triples(KnowledgeGraph(back.nx, None, back.base_iri).store)


def test_statements_paperkg_does_not_model_stay_queryable(out):
    with open(out / "graph.ttl", "a", encoding="utf-8") as fh:
        fh.write(FOREIGN)
    back = load(out)
    rows = back.query('SELECT ?o WHERE { <http://example.org/note/1> <http://example.org/says> ?o }')
    assert [str(r["o"]) for r in rows] == ["kept for SPARQL"]


def test_a_triple_written_twice_is_one_statement(out):
    once = load(out)
    text = (out / "analytics.ttl").read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("@prefix"))
    assert body.strip()
    (out / "analytics.ttl").write_text(text + "\n" + body, encoding="utf-8")
    twice = load(out)
    assert dict(twice.nx.nodes(data=True)) == dict(once.nx.nodes(data=True))
    assert sorted(twice.nx.edges(keys=True, data=True), key=repr) == sorted(once.nx.edges(keys=True, data=True), key=repr)


def test_a_broken_part_is_named(out):
    with open(out / "analytics.ttl", "a", encoding="utf-8") as fh:
        fh.write("<http://a> <http://b> .\n")
    with pytest.raises(InputError) as info:
        load(out)
    assert str(info.value).startswith(str(out / "analytics.ttl"))
    assert "cannot parse graph" in str(info.value)
