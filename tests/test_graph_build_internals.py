"""The faster graph build keeps the documented results: evidence order and dedup,
shared evidence strings, builds_on on plain
lists, and the collector state around build_nx."""
from __future__ import annotations

import gc

import pytest

from graph_fixture import make_extraction, make_papers
from kg.graph.build import build_nx, evidence_key
from kg.graph.links import builds_on
from kg.models import CorpusExtraction, EntityRef, Mention, Paper, PaperExtraction


def _mention(text: str, start: int, sentence: str, rule: str = "gazetteer", confidence: float = 0.9,
             proposed: bool = False) -> Mention:
    # fresh string objects, as an extractor slicing its document produces them
    return Mention(kind="method", text="".join(text), field="".join("abstract"), start=start, end=start + len(text),
                   sentence="".join(sentence), sentence_start=0, rule="".join(rule), confidence=confidence,
                   proposed=proposed)


def _two_paper_graph():
    sent = "We use Foo and Foo again."
    papers = [Paper(id="a", title="A", abstract=sent), Paper(id="b", title="B", abstract=sent)]
    dup = _mention("Foo", 14, sent)
    mentions = (_mention("Foo", 14, sent, rule="acronym", confidence=0.5), dup, _mention("Foo", 7, sent), dup)
    ref = EntityRef(entity_id="method/foo", mentions=mentions, surface="Foo")
    ext = CorpusExtraction(papers=(
        PaperExtraction(paper_id="b", methods=(ref,)),
        PaperExtraction(paper_id="a", methods=(EntityRef("method/foo", (_mention("Foo", 7, sent),), "Foo"),)),
    ))
    return build_nx(papers, ext)


def test_evidence_is_deduplicated_and_sorted():
    G = _two_paper_graph()
    ev = G.edges["paper/b", "method/foo", "usesMethod"]["evidence"]
    assert [(e["start"], e["rule"]) for e in ev] == [(7, "gazetteer"), (14, "acronym"), (14, "gazetteer")]
    assert ev == sorted(ev, key=evidence_key)
    assert list(ev[0]) == ["field", "start", "end", "text", "sentence", "rule", "confidence"]
    assert all(type(e["confidence"]) is float and type(e["start"]) is int for e in ev)


def test_equal_evidence_strings_are_one_object():
    G = _two_paper_graph()
    ev_a = G.edges["paper/a", "method/foo", "usesMethod"]["evidence"][0]
    ev_b = G.edges["paper/b", "method/foo", "usesMethod"]["evidence"]
    for e in ev_b:
        assert e["sentence"] is ev_a["sentence"]
        assert e["field"] is ev_a["field"]
        assert e["text"] is ev_a["text"]


@pytest.mark.parametrize("was_enabled", [True, False])
def test_build_restores_collector_state(was_enabled):
    before = gc.isenabled()
    try:
        gc.enable() if was_enabled else gc.disable()
        build_nx(make_papers(), make_extraction())
        assert gc.isenabled() is was_enabled
    finally:
        gc.enable() if before else gc.disable()


def test_builds_on_accepts_lists_and_keeps_order():
    mentioned = [["e2", "e1", "e1"], ["e2"], ["e2"], ["e1", "e2"]]
    proposed = [[], ["e1"], ["e2"], ["e2", "e1"]]
    dates = ["2024-03-01", "2024-01-01", "2024-02-01", "2024-01-15"]
    got = builds_on(mentioned, proposed, dates)
    # paper 1 is older than both proposers of e2; papers 2 and 3 propose what they mention
    assert list(got.items()) == [((0, 1), ["e1"]), ((0, 2), ["e2"]), ((0, 3), ["e1", "e2"])]
    assert builds_on(mentioned, proposed, None)[(1, 2)] == ["e2"]


def test_lookup_keys_and_support_ranks():
    from graph_fixture import make_extraction, make_papers

    from kg.graph.build import build_nx

    G = build_nx(make_papers(), make_extraction())
    grpo = G.nodes["method/group-relative-policy-optimization"]
    assert grpo["lookup_keys"] == ["group relative policy optimization", "grpo"]
    for kind in ("Method", "Dataset", "Benchmark"):
        rows = sorted((-d["support"], d["name"], d["iri"], d["support_rank"])
                      for _, d in G.nodes(data=True) if d["type"] == kind)
        assert [r[3] for r in rows] == list(range(1, len(rows) + 1))
    orgs = [d for _, d in G.nodes(data=True) if d["type"] == "Organization"]
    assert orgs and all(d["lookup_keys"] == [d["name"].lower()] for d in orgs)


def test_top_entities_by_rank_equals_sorting_every_entity():
    """Only the first 100 per type carry a rank; the named query must still return the true top 100."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from query_speed import synthetic_graph

    from kg.queries import run_named

    kg = synthetic_graph(2000)
    methods = [d for _, d in kg.nx.nodes(data=True) if d["type"] == "Method"]
    assert len(methods) > 100 and sum(d["support_rank"] is not None for d in methods) == 100
    naive = """PREFIX pkg: <https://w3id.org/paperkg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?entity WHERE {
      VALUES ?class { pkg:Method pkg:Dataset pkg:Benchmark }
      ?entity a ?class ; pkg:support ?support ; skos:prefLabel ?name .
    } ORDER BY DESC(?support) ?name ?entity LIMIT 100"""
    expected = [row["entity"].value for row in kg.store.query(naive)]
    got = run_named(kg.store, "top-entities", {})
    i = got.columns.index("entity")
    assert [row[i] for row in got.rows] == expected and len(expected) == 100


_NAIVE_PAIRS = """PREFIX pkg: <https://w3id.org/paperkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?methodA ?nameA ?methodB ?nameB ?papers
WHERE {
  {
    SELECT ?methodA ?methodB (COUNT(DISTINCT ?p) AS ?papers)
    WHERE {
      ?p pkg:usesMethod|pkg:proposes ?methodA .
      ?p pkg:usesMethod|pkg:proposes ?methodB .
      ?methodA a pkg:Method . ?methodB a pkg:Method .
      FILTER(STR(?methodA) < STR(?methodB))
    }
    GROUP BY ?methodA ?methodB
    ORDER BY DESC(?papers) ?methodA ?methodB
    LIMIT 100
  }
  ?methodA skos:prefLabel ?nameA .
  ?methodB skos:prefLabel ?nameB .
}
ORDER BY DESC(?papers) ?nameA ?nameB ?methodA ?methodB"""


def test_stored_method_pairs_equal_counting_every_paper():
    """methods-used-together reads pkg:MethodPair; it must equal the aggregation over all papers."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from query_speed import synthetic_graph

    from kg.queries import run_named

    kg = synthetic_graph(2000)
    expected = [tuple(term.value for term in row) for row in kg.store.query(_NAIVE_PAIRS)]
    got = run_named(kg.store, "methods-used-together", {})
    assert len(expected) == 100 and [tuple(str(v) for v in row) for row in got.rows] == expected
    assert len(kg.nx.graph["method_pairs"]) == 100
