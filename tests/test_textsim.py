"""relatedTo from shared entities and title/abstract text (kg.graph.textsim): reasons, determinism, the graph,
the related-papers query, the shapes and coverage on the shared corpus."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.graph.links import MAX_ENTITY_DF, default_max_df
from kg.graph.textsim import MAX_CANDIDATE_DF, count_matrix, default_max_df_text, related_combined, tokenize
from kg.models import CorpusExtraction, Entity, EntityRef, Paper, PaperExtraction
from kg.queries import run_named

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
M = "method/zorblax"
TEXTS = [
    ("Hyperbolic lattice sampling", "We study hyperbolic lattice sampling with a quorum of walkers."),
    ("Walkers on a hyperbolic lattice", "A quorum of walkers explores the hyperbolic lattice quickly."),
    ("Protein folding with zeolites", "Zeolites guide protein folding in solvent baths."),
    ("Solvent baths for proteins", "We fold a protein in solvent baths with zeolites."),
    ("Zorblax for everything", "Zorblax is applied to unrelated cooking recipes."),
    ("Zorblax again", "Gardening tips meet Zorblax in spring."),
]


def test_tokens_are_lowercase_content_words():
    (words,) = tokenize(["The GPT-4 model, i.e. a LLM, reads https://example.org and 2024 papers of the X_Y."])
    assert words == ["gpt-4", "model", "llm", "reads", "papers"]


def test_text_alone_relates_papers_and_says_which_words():
    ents = [[], [], [], [], [M], [M]]
    texts = [f"{t}\n{a}" for t, a in TEXTS]
    out = {(i, j): (w, s, ew, tw, terms) for i, j, w, s, ew, tw, terms in related_combined(ents, texts, top_k=1)}
    assert set(out) == {(0, 1), (1, 0), (2, 3), (3, 2), (4, 5), (5, 4)}
    w, shared, ew, tw, terms = out[(0, 1)]
    assert shared == [] and ew == 0.0 and tw > 0.3 and w == round(tw / 2, 6)
    assert len(terms) == 3 and set(terms) <= {"hyperbolic", "lattice", "quorum", "walkers"} and terms == sorted(terms)
    # entity overlap alone is a reason too: 4 and 5 share only Zorblax (a word and an entity)
    w, shared, ew, tw, terms = out[(4, 5)]
    assert shared == [M] and ew == 1.0 and terms == ["zorblax"]


def test_same_result_whatever_the_order_of_papers():
    rng = random.Random(7)
    order = list(range(len(TEXTS)))
    base = related_combined([[]] * 6, [f"{t}\n{a}" for t, a in TEXTS], top_k=3)
    for _ in range(3):
        rng.shuffle(order)
        got = related_combined([[]] * 6, [f"{TEXTS[k][0]}\n{TEXTS[k][1]}" for k in order], top_k=3)
        mapped = sorted((order[i], order[j], w, s, ew, tw, terms) for i, j, w, s, ew, tw, terms in got)
        assert [r[2:] for r in mapped] == [r[2:] for r in sorted(base)]
        assert [r[:2] for r in mapped] == [r[:2] for r in sorted(base)]


def _graph():
    papers = [Paper(id=f"q{i}", title=t, abstract=a) for i, (t, a) in enumerate(TEXTS)]
    rows = [PaperExtraction(f"q{i}", (EntityRef(M, (), "Zorblax"),) if i >= 4 else ()) for i in range(6)]
    return build_graph(papers, CorpusExtraction(tuple(rows), (Entity(M, "Zorblax", "method", (), 2),), "t"))


def test_graph_edges_query_and_round_trip_carry_the_reasons():
    from kg.graph.rdf import rdf_to_nx

    g = _graph()
    d = g.nx.edges["paper/q0", "paper/q1", "relatedTo"]
    assert d["shared"] == [] and "lattice" in d["terms"] and d["text_weight"] > 0 and d["entity_weight"] == 0.0
    res = run_named(g.store, "related-papers", {"paper": "q0"})
    cols = res.columns
    row = res.rows[0]
    assert row[cols.index("other")].endswith("paper/q1")
    assert "lattice" in row[cols.index("terms")].split(" | ")
    assert row[cols.index("textWeight")] == d["text_weight"] and row[cols.index("weight")] == d["weight"]
    back = rdf_to_nx(g.store)
    assert back.edges["paper/q0", "paper/q1", "relatedTo"] == d


def test_shapes_require_a_reason_for_every_related_pair():
    import pyoxigraph as ox
    import pyshacl
    import rdflib

    from kg.graph.export import sorted_triples
    from kg.schema import NAMESPACE
    from ontology import SHAPES_PATH

    g = _graph()
    shapes = rdflib.Graph().parse(SHAPES_PATH)
    data = rdflib.Graph().parse(data=ox.serialize(sorted_triples(g.store), format=ox.RdfFormat.N_TRIPLES),
                                format="nt")
    assert pyshacl.validate(data, shacl_graph=shapes)[0]
    term = rdflib.URIRef(NAMESPACE + "sharedTerm")
    data.remove((None, term, None))  # q0-q1 shares no entity: without its words it says no reason
    ok, _, text = pyshacl.validate(data, shacl_graph=shapes)
    assert not ok and "Relatedness" in text


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not available")
def test_shared_corpus_almost_every_paper_has_a_related_paper_with_a_reason():
    import kg

    g = kg.build([SHARED / "corpus"]).nx
    papers = {n for n, d in g.nodes(data=True) if d.get("type") == "Paper" and not d.get("external")}
    with_reason = set()
    for u, v, k, d in g.edges(keys=True, data=True):
        if k == "relatedTo" and (d.get("shared") or d.get("terms")):
            with_reason |= {u, v}
    assert len(with_reason & papers) >= 0.95 * len(papers)


def test_the_word_cache_gives_the_words_of_tokenize_and_tokenizes_only_new_texts(tmp_path, monkeypatch):
    import sqlite3

    import kg.graph.textsim as textsim
    from kg.sqlcache import WORDS_FILE, WordCache, text_key

    texts = [f"{title}\n{abstract}" for title, abstract in TEXTS]
    assert textsim.tokenize_cached(texts[:4], tmp_path) == tokenize(texts[:4])
    seen = []
    real = textsim.tokenize
    monkeypatch.setattr(textsim, "tokenize", lambda batch, jobs=None: seen.extend(batch) or real(batch))
    assert textsim.tokenize_cached(texts, tmp_path) == tokenize(texts)
    assert seen == texts[4:], "only texts not seen before are tokenized"
    # a damaged row is a miss (tokenized again), never wrong words
    with sqlite3.connect(tmp_path / WORDS_FILE) as db:
        db.execute("UPDATE words SET value = ?", (b"not zlib",))
    seen.clear()
    assert textsim.tokenize_cached(texts, tmp_path) == tokenize(texts)
    assert seen == texts
    # words of another tokenizer (another fingerprint) are not used
    with WordCache(tmp_path, fingerprint="another textsim.py") as other:
        other.put_many({key: ["planted"] for key in map(text_key, texts)})
    seen.clear()
    assert textsim.tokenize_cached(texts, tmp_path) == tokenize(texts)
    assert seen == texts
    # a file that is not a database: replaced, same words
    (tmp_path / WORDS_FILE).write_bytes(b"this is not an sqlite database" * 100)
    assert textsim.tokenize_cached(texts, tmp_path) == tokenize(texts)


def test_a_graph_built_with_the_word_cache_is_the_graph_built_without(tmp_path):
    import networkx as nx

    papers = [Paper(id=f"p{i}", title=t, abstract=a) for i, (t, a) in enumerate(TEXTS)]
    ex = CorpusExtraction(papers=[PaperExtraction(paper_id=p.id) for p in papers], entities=[])
    plain = build_graph(papers, ex).nx
    for _ in range(2):  # the first fills the cache, the second reads it
        cached = build_graph(papers, ex, cache_dir=tmp_path).nx
        assert nx.utils.graphs_equal(plain, cached)
        assert sorted(plain.edges(keys=True, data=True)) == sorted(cached.edges(keys=True, data=True))
    assert any(k == "relatedTo" for _, _, k in cached.edges(keys=True))


def test_candidate_word_limit_stops_growing_so_candidate_work_stays_linear():
    assert default_max_df_text(500) == 50 and default_max_df_text(10_000) == 200
    assert default_max_df_text(20_000) == default_max_df_text(1_000_000) == MAX_CANDIDATE_DF == 400
    assert default_max_df(100_000) == 100 and default_max_df(10_000_000) == MAX_ENTITY_DF


def test_count_matrix_counts_words_in_sorted_columns():
    X, vocab = count_matrix([["widget", "gizmo", "widget"], [], ["blorp", "gizmo"]])
    assert vocab.tolist() == ["blorp", "gizmo", "widget"]
    assert X.toarray().tolist() == [[0.0, 1.0, 2.0], [0.0, 0.0, 0.0], [1.0, 1.0, 0.0]]
    X, vocab = count_matrix([["widget", "gizmo", "widget"], [], ["blorp", "gizmo"]], min_df=2)
    assert vocab.tolist() == ["gizmo"] and X.toarray().tolist() == [[1.0], [0.0], [1.0]]
    assert count_matrix([["a"], ["b"]], min_df=2)[0] is None
    assert count_matrix([[], []])[0] is None


def test_count_matrix_agrees_with_counting_by_hand():
    from collections import Counter

    rng = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    for _ in range(30):
        lists = [[rng.choice(words) for _ in range(rng.randrange(0, 12))] for _ in range(rng.randrange(1, 15))]
        min_df = rng.choice((1, 2, 3))
        df = Counter(w for tokens in lists for w in set(tokens))
        expect_vocab = sorted(w for w, n in df.items() if n >= min_df)
        X, vocab = count_matrix(lists, min_df)
        if not expect_vocab:
            assert X is None
            continue
        assert vocab.tolist() == expect_vocab
        assert X.has_sorted_indices and X.shape == (len(lists), len(expect_vocab))
        dense = X.toarray()
        for i, tokens in enumerate(lists):
            counts = Counter(tokens)
            assert dense[i].tolist() == [float(counts[w]) for w in expect_vocab]
