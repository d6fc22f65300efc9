"""Citations are found by extraction (extractors/citations.py), stored with the paper's mentions
(cache, PaperExtraction.citations, papers.jsonl) and only assembled into ``cites`` by the graph stage."""
from __future__ import annotations

import pytest

from extractors import extract_corpus, extract_paper, paper_record
from kg.graph import build_graph
from kg.ingest.ids import arxiv_id_from
from kg.models import Paper


def _cites(abstract: str, title: str = "A study of things") -> list:
    paper = Paper(id="p", title=title, abstract=abstract)
    return [m for m in extract_paper(paper) if m.kind == "citation"]


@pytest.mark.parametrize("text, expected", [
    ("Follows arXiv:2501.01234v3, see https://arxiv.org/abs/hep-th/9901001 and doi.org/10.1000/XYZ.1).",
     ["arxiv:2501.01234", "arxiv:hep-th/9901001", "doi:10.1000/xyz.1"]),
    ("see ARXIV : 2401.00001v2 here", ["arxiv:2401.00001"]),
    ("see arX\u0131v:2401.00001.", ["arxiv:2401.00001"]),  # dotless i matches "i" under IGNORECASE
    ("code at https://ArXiv.Org/PDF/2401.00002 for all", ["arxiv:2401.00002"]),
    ("See doi.org/10.1234/ABC. and more", ["doi:10.1234/abc"]),
    ("arxiv.org/abs/2401.00003 and https://doi.org/10.5555/x1", ["arxiv:2401.00003", "doi:10.5555/x1"]),
    ("The paper page https://huggingface.co/papers/2401.00004 has it.", ["arxiv:2401.00004"]),
    ("no references in this abstract", []),
])
def test_citations_found_by_extraction(text, expected):
    found = _cites(text)
    assert [m.ref for m in found] == expected
    for m in found:
        assert m.kind == "citation" and m.field == "abstract"
        assert text[m.start:m.end] == m.text  # evidence points at the text
        scheme, ident = m.ref.split(":", 1)
        assert m.url == ("https://arxiv.org/abs/" if scheme == "arxiv" else "https://doi.org/") + ident


@pytest.mark.parametrize("text", [
    "As in arXiv:2413.12345, we go on.",  # month 13
    "As in arXiv:2400.12345, we go on.",  # month 00
    "As in arXiv:0612.1234, we go on.",  # new-style ids start in April 2007
    "As in arXiv:2401.123456, we go on.",  # six digits: no id
    "As in arXiv:hep-th/1301001, we go on.",  # old-style ids end in March 2007
])
def test_invalid_arxiv_ids_are_no_citation(text):
    assert _cites(text) == []


def test_one_arxiv_grammar_for_ingest_and_citations():
    for bad in ("2413.12345", "arXiv:2413.12345", "https://arxiv.org/abs/2413.12345"):
        assert arxiv_id_from(bad) is None
    assert arxiv_id_from("arXiv:2401.00001v2") == "2401.00001"
    assert [m.ref for m in _cites("We build on arXiv:2401.00001v2.")] == ["arxiv:2401.00001"]


def test_citations_in_title_and_record():
    paper = Paper(id="p", title="A reply to arXiv:2401.00001",
                  abstract="We revisit arXiv:2401.00001 and arXiv:2312.99999v2. Details at https://doi.org/10.1000/X.")
    corpus = extract_corpus([paper])
    (px,) = corpus.papers
    assert [(m.field, m.ref) for m in px.citations] == [
        ("title", "arxiv:2401.00001"), ("abstract", "arxiv:2401.00001"), ("abstract", "arxiv:2312.99999"),
        ("abstract", "doi:10.1000/x")]
    rec = paper_record(paper, px, corpus)
    assert list(rec)[-2:] == ["citations", "sentences"]
    assert [(c["id"], c["url"], len(c["evidence"])) for c in rec["citations"]] == [
        ("arxiv:2401.00001", "https://arxiv.org/abs/2401.00001", 2),
        ("arxiv:2312.99999", "https://arxiv.org/abs/2312.99999", 1),
        ("doi:10.1000/x", "https://doi.org/10.1000/x", 1)]


def test_graph_cites_only_what_extraction_found():
    """The graph reads PaperExtraction.citations: with them removed, the same text cites nothing."""
    from dataclasses import replace

    cited = Paper(id="2401.00001", title="Cited work", abstract="We propose nothing in particular.",
                  arxiv_id="2401.00001")
    citing = Paper(id="p", title="Citing work", abstract="We follow arXiv:2401.00001 and arXiv:2413.12345.")
    corpus = extract_corpus([cited, citing])
    G = build_graph([cited, citing], corpus).nx
    cites = [(u, v) for u, v, k in G.edges(keys=True) if k == "cites"]
    assert cites == [("paper/p", "paper/2401.00001")]  # month 13 is no citation, in extraction or graph
    stripped = replace(corpus, papers=tuple(replace(px, citations=()) for px in corpus.papers))
    G2 = build_graph([cited, citing], stripped).nx
    assert not [k for _, _, k in G2.edges(keys=True) if k == "cites"]
