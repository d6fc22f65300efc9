"""Output size: each evidence sentence is stored once per paper, mentions per statement are capped.

Invented sentences only. One paper names GRPO in many sentences and many names in one sentence.
"""
from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from kg.models import MAX_EVIDENCE

SENTENCE = "We compare GRPO, PPO, DPO, BERT and LoRA on GSM8K and MMLU under one fixed budget."
REPEATS = [f"In run {i} we tune GRPO once more for the {i}th time." for i in range(3 * MAX_EVIDENCE)]
ABSTRACT = " ".join([SENTENCE, *REPEATS])
TITLE = "GRPO under a fixed budget"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from kg.cli import main

    tmp = tmp_path_factory.mktemp("size")
    src = tmp / "in.jsonl"
    src.write_text(json.dumps({"id": "2501.00042", "title": TITLE, "abstract": ABSTRACT}) + "\n", encoding="utf-8")
    out = tmp / "out"
    assert main(["build", str(src), "-o", str(out), "--quiet"]) == 0
    return out


def test_papers_jsonl_states_each_sentence_once_and_caps_evidence(built):
    rec = json.loads((built / "papers.jsonl").read_text(encoding="utf-8").splitlines()[0])
    texts = [s["text"] for s in rec["sentences"]]
    assert texts.count(SENTENCE) == 1 and len(set(texts)) == len(texts)
    items = {i["name"]: i for k in ("methods", "datasets", "benchmarks") for i in rec[k]}
    grpo = next(i for i in items.values() if "GRPO" in (i["name"], *i["aliases"]))
    assert grpo["mention_count"] == 1 + 1 + len(REPEATS)  # title, SENTENCE, every repeat
    assert len(grpo["evidence"]) == MAX_EVIDENCE
    assert grpo["evidence"][-1]["field"] == "title"  # the title mention is kept (listed in field order)
    for ev in grpo["evidence"]:
        s = rec["sentences"][ev["sentence"]]
        assert s["field"] == ev["field"] and ev["text"] in s["text"]
    line = (built / "papers.jsonl").read_text(encoding="utf-8")
    assert line.count(SENTENCE) == 1  # seven names in it, one copy


def test_graph_ttl_states_each_sentence_once_and_counts_all_mentions(built):
    import kg

    ttl = (built / "graph.ttl").read_text(encoding="utf-8")
    assert ttl.count(SENTENCE) == 2  # in the abstract, and once as a pkg:Sentence (seven mentions refer to it)
    g = kg.load(built)
    rows = g.query("""
        SELECT ?m ?n ?sentence WHERE {
          ?p pkg:mentions ?m . ?m pkg:mentionOf ?e ; pkg:mentionCount ?n ; pkg:inSentence/pkg:sentence ?sentence .
          ?e skos:altLabel|skos:prefLabel "GRPO" .
        }""")
    assert len(rows) == MAX_EVIDENCE
    assert {r["n"] for r in rows} == {2 + len(REPEATS)}
    (n_sentences,) = g.query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a pkg:Sentence }")
    distinct = g.query("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?s a pkg:Sentence ; pkg:sentence ?t }")[0]
    assert n_sentences["n"] == distinct["n"]  # one node per sentence of the (one) paper
    edges = [d for u, v, k, d in g.nx.edges(keys=True, data=True) if k in ("usesMethod", "proposes")
             and "GRPO" in (g.nx.nodes[v]["name"], *g.nx.nodes[v]["aliases"])]
    assert [(len(d["evidence"]), d["mention_count"]) for d in edges] == [(MAX_EVIDENCE, 2 + len(REPEATS))]


def test_why_query_gives_sentences_and_count(built):
    import kg
    from kg.queries.named import run_named

    r = run_named(kg.load(built).store, "why", {"paper": "2501.00042", "entity": "GRPO"})
    rows = [dict(zip(r.columns, row)) for row in r.rows]
    assert len(rows) == MAX_EVIDENCE
    assert all(int(row["mentionCount"]) == 2 + len(REPEATS) for row in rows)
    assert any(row["sentence"] == SENTENCE for row in rows)


def test_cache_row_holds_each_sentence_once(built):
    import sqlite3

    with sqlite3.connect(built / ".cache" / "extraction.sqlite") as db:
        (blob,) = db.execute("SELECT value FROM mentions").fetchone()
    assert zlib.decompress(blob).decode("ascii").count(SENTENCE) == 1


def test_rdf_round_trip_keeps_the_cap_and_the_count(built):
    import kg
    from kg.graph.rdf import nx_to_triples, rdf_to_nx

    g = kg.load(built)
    back = rdf_to_nx(list(nx_to_triples(g.nx)))
    assert sorted(back.edges(keys=True, data=True)) == sorted(g.nx.edges(keys=True, data=True))


def test_paper_page_quotes_each_sentence_once(built):
    page = next((built / "paper").glob("*.html")).read_text(encoding="utf-8")
    entities = page[page.index("<h2>Entities</h2>"):page.index("<h2>Code and links</h2>")]
    assert entities.count(SENTENCE) == 1  # one blockquote; the other names of the sentence point at it
    assert entities.count("(same sentence as ") >= 5


def test_entity_pages_quote_only_their_own_edges(tmp_path):
    """An entity page quotes the evidence of its own edges; edges between the other nodes it draws
    are not quoted there (they are on their own pages), so a sentence is not copied into every page."""
    from kg.cli import main

    papers = [{"id": f"2501.0010{i}", "title": f"Paper {i} on budgets",
               "abstract": f"Study {i}: we compare GRPO, PPO and DPO on GSM8K."} for i in range(3)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--quiet", "--no-cache"]) == 0
    page = next(p for p in (out / "entity").glob("*.html") if "gsm8k" in p.name).read_text(encoding="utf-8")
    data = json.loads(page.split('id="paperkg-graph">', 1)[1].split("</script>", 1)[0])
    center = data["center"]
    own = [e for e in data["edges"] if center in (e["f"], e["t"])]
    side = [e for e in data["edges"] if center not in (e["f"], e["t"])]
    assert own and side
    assert all("we compare GRPO" in e["tip"] for e in own)
    assert not any("\u201c" in e["tip"] for e in side)
