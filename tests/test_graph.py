"""The NetworkX graph built from the hand-made fixture follows docs/CONTRACTS.md."""
from __future__ import annotations

import pytest

from graph_fixture import GRPO, MMLU, RARESET, make_extraction, make_papers
from kg.errors import OutputError
from kg.graph import DEFAULT_BASE_IRI, build_graph


@pytest.fixture(scope="module")
def kg():
    return build_graph(make_papers(), make_extraction(), top_k=10)


def _edges(G, rel):
    return {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == rel}


def test_node_types_and_common_attributes(kg):
    G = kg.nx
    allowed = {"Paper", "Method", "Dataset", "Benchmark", "CodeRepository", "Organization", "WebPage"}
    for n, d in G.nodes(data=True):
        assert d["type"] in allowed, n
        assert d["label"], n
        assert d["iri"].startswith(DEFAULT_BASE_IRI), n
        assert isinstance(d["degree"], int) and d["degree"] == G.degree(n)
    assert G.nodes["paper/p1"]["type"] == "Paper"
    assert G.nodes[GRPO]["type"] == "Method"
    assert G.nodes[RARESET]["type"] == "Dataset"
    assert G.nodes[MMLU]["type"] == "Benchmark"
    assert G.nodes["repo/github.com/deepseek-ai/grpo"]["type"] == "CodeRepository"
    assert G.nodes["org/github.com/deepseek-ai"]["type"] == "Organization"
    assert G.nodes["link/https://p5.github.io"]["type"] == "WebPage"


def test_paper_attributes(kg):
    p1 = kg.nx.nodes["paper/p1"]
    assert p1["title"].startswith("GRPO:")
    assert p1["abstract"].startswith("We propose")
    assert p1["date"] == "2024-01-10"
    assert p1["authors"] == ["Ada Lovelace", "Alan Turing"]
    assert p1["sources"] == ["listing.txt#0"]
    assert p1["arxiv_id"] == "2401.00001"
    assert p1["url"] == "https://huggingface.co/papers/p1"
    assert isinstance(p1["pagerank"], float) and p1["pagerank"] > 0
    assert isinstance(p1["community"], int)


def test_entity_attributes(kg):
    grpo = kg.nx.nodes[GRPO]
    assert grpo["name"] == "Group Relative Policy Optimization"
    assert grpo["aliases"] == ["GRPO"]
    assert grpo["support"] == 2


def test_extracted_edges_carry_evidence(kg):
    G = kg.nx
    uses = _edges(G, "usesMethod")
    ev = uses[("paper/p2", GRPO)]["evidence"]
    assert ev and all(set(e) == {"field", "start", "end", "text", "sentence", "rule", "confidence"} for e in ev)
    # a paper that proposes an entity is linked to it once, by proposes, never also by a uses relation
    assert ("paper/p1", GRPO) not in uses
    proposing = set(_edges(G, "proposes"))
    assert proposing and not proposing & {(u, v) for rel in ("usesMethod", "usesDataset", "evaluatesOn")
                                          for u, v in _edges(G, rel)}
    ev = _edges(G, "proposes")[("paper/p1", GRPO)]["evidence"]
    for e in ev:
        assert set(e) == {"field", "start", "end", "text", "sentence", "rule", "confidence"}
        text = G.nodes["paper/p1"]["abstract"]
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["text"] in e["sentence"]
    # proposes keeps only the mention flagged as proposing
    assert [e["rule"] for e in ev] == ["cue:we-propose"]
    assert ("paper/p3", RARESET) in _edges(G, "proposes")
    assert ("paper/p2", MMLU) in _edges(G, "evaluatesOn")
    assert ("paper/p4", RARESET) in _edges(G, "usesDataset")
    for (u, v, k, d) in G.edges(keys=True, data=True):
        assert d["relation"] == k


def test_repos_owners_and_links(kg):
    G = kg.nx
    code = _edges(G, "hasCode")
    assert code[("paper/p1", "repo/github.com/deepseek-ai/grpo")]["own"] is True
    assert code[("paper/p3", "repo/github.com/deepseek-ai/other")]["own"] is False
    owned = _edges(G, "ownedBy")
    assert set(owned) == {("repo/github.com/deepseek-ai/grpo", "org/github.com/deepseek-ai"),
                          ("repo/github.com/deepseek-ai/other", "org/github.com/deepseek-ai")}
    repo = G.nodes["repo/github.com/deepseek-ai/grpo"]
    assert repo["url"] == "https://github.com/deepseek-ai/grpo" and repo["owner"] == "deepseek-ai"
    links = _edges(G, "hasLink")
    assert ("paper/p5", "link/https://p5.github.io") in links
    assert G.nodes["link/https://p5.github.io"]["link_type"] == "project"


def test_builds_on_is_alias_aware_and_respects_dates(kg):
    b = _edges(kg.nx, "buildsOn")
    # P2 writes only "GRPO"; P1 proposes "Group Relative Policy Optimization": same entity id.
    assert b[("paper/p2", "paper/p1")]["via"] == [GRPO]
    assert b[("paper/p4", "paper/p3")]["via"] == [RARESET]
    assert ("paper/p1", "paper/p1") not in b
    assert set(b) == {("paper/p2", "paper/p1"), ("paper/p4", "paper/p3")}


def test_related_to_top_k_and_idf_order():
    G3 = build_graph(make_papers(), make_extraction(), top_k=10).nx
    rel = _edges(G3, "relatedTo")
    # P4 shares rare RareSet with P3 and common MMLU with P6: the rare one weighs more.
    assert rel[("paper/p4", "paper/p3")]["weight"] > rel[("paper/p4", "paper/p6")]["weight"]
    assert rel[("paper/p4", "paper/p3")]["shared"] == [RARESET]
    assert rel[("paper/p4", "paper/p6")]["shared"] == [MMLU]
    top1 = build_graph(make_papers(), make_extraction(), top_k=1).nx
    out = {}
    for u, v, k in top1.edges(keys=True):
        if k == "relatedTo":
            out.setdefault(u, []).append(v)
    assert all(len(vs) == 1 for vs in out.values())
    assert out["paper/p4"] == ["paper/p3"]
    for (u, v), d in rel.items():
        assert u != v and 0 < d["weight"] <= 1.0


def test_cites_creates_minimal_paper(kg):
    G = kg.nx
    cites = _edges(G, "cites")
    assert ("paper/p2", "paper/p1") in cites  # arXiv:2401.00001 is P1, in the corpus
    ext = "paper/arxiv-2312.99999"
    assert ("paper/p2", ext) in cites
    node = G.nodes[ext]
    assert node["type"] == "Paper" and node["external"] is True and node["arxiv_id"] == "2312.99999"
    assert node["url"] == "https://arxiv.org/abs/2312.99999"
    assert cites[("paper/p2", ext)]["evidence"][0]["text"].startswith("arXiv:2312.99999")
    doi = "paper/doi-10.1234/abc.5"
    assert ("paper/p5", doi) in cites and G.nodes[doi]["doi"] == "10.1234/abc.5"
    assert kg.papers() and all(not p["external"] for p in kg.papers())
    assert len(kg.papers()) == 6


def test_communities_and_pagerank_cover_papers(kg):
    papers = [n for n, t in kg.nx.nodes(data="type") if t == "Paper"]
    assert all("community" in kg.nx.nodes[n] and "pagerank" in kg.nx.nodes[n] for n in papers)
    # PageRank times the number of papers (the average paper has 1), to two significant digits
    pr = [kg.nx.nodes[n]["pagerank"] for n in papers]
    assert sum(pr) == pytest.approx(len(papers), rel=0.05)
    assert all(p > 0 and float(f"{p:.2g}") == p for p in pr)
    assert len(set(pr)) > 1
    assert kg.nx.nodes["paper/p4"]["community"] == kg.nx.nodes["paper/p3"]["community"]


def test_base_iri_is_honoured_and_checked():
    base = "http://example.org/kg/"
    g = build_graph(make_papers(), make_extraction(), base_iri=base)
    assert all(d["iri"].startswith(base) for _, d in g.nx.nodes(data=True))
    assert not any(q.subject.value.startswith(DEFAULT_BASE_IRI) for q in g.store)
    with pytest.raises(OutputError):
        build_graph(make_papers(), make_extraction(), base_iri="not an iri")


def test_build_is_deterministic():
    a = build_graph(make_papers(), make_extraction())
    b = build_graph(make_papers(), make_extraction())
    assert sorted(a.nx.nodes(data=True)) == sorted(b.nx.nodes(data=True))
    ea = sorted((u, v, k, repr(d)) for u, v, k, d in a.nx.edges(keys=True, data=True))
    eb = sorted((u, v, k, repr(d)) for u, v, k, d in b.nx.edges(keys=True, data=True))
    assert ea == eb


def test_papers_using_entity_lists_a_proposer_once(kg):
    """papers-using-entity reads the graph, which states one relation per paper and entity."""
    from kg.queries import run_named

    r = run_named(kg.store, "papers-using-entity", {"entity": "GRPO"})
    paper, relation = r.columns.index("paper"), r.columns.index("relation")
    rows = [(str(row[paper]), str(row[relation])) for row in r.rows]
    p1 = [rel for p, rel in rows if p.endswith("paper/p1")]
    assert p1 == ["proposes"]
    assert any(p.endswith("paper/p2") and rel == "usesMethod" for p, rel in rows)
