"""Property tests: any text in, valid output or one clear error out.

Covers the page/file readers (kg.ingest), URL normalisation
(extractors.urls.normalize_url) and the Turtle writer (kg.graph export):
example counts stay modest so the suite stays fast.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.urls import normalize_url
from kg.errors import InputError
from kg.ingest import read_file
from kg.ingest.dailypapers import parse_dailypapers
from kg.ingest.records import MAX_ABSTRACT_CHARS, MAX_TITLE_CHARS
from kg.ingest.text import clean_text
from kg.models import CorpusExtraction, Paper, PaperExtraction, Source
from kg.pipeline import one_line
from kg.schema import DCTERMS

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

# Text that looks like pieces of a Daily Papers page, mixed with arbitrary text.
_PAGE_LINES = st.one_of(
    st.sampled_from(["", "", "Daily Papers", "Subscribe", "new", "Aug 25", "Feb 29", "Sept 3, 2024",
                     "byAK and the research community", "Get trending papers in your email inbox!"]),
    st.text(max_size=80),
    st.builds(lambda ws: " ".join(ws).capitalize(), st.lists(st.sampled_from(
        ["sparse", "widget", "attention", "model", "we", "propose", "data", "on", "the", "<b>", '"""', "\\"]),
        min_size=2, max_size=10)),
    st.builds(lambda n, s: (s + " ") * n + "end.", st.integers(5, 40),
              st.sampled_from(["We show results.", "It works well", "A \x1b[0m b", "x\u202e y"])),
)


def _check_papers(papers, file: str) -> None:
    for position, paper in enumerate(papers):
        assert isinstance(paper, Paper)
        assert paper.title and clean_text(paper.title) == paper.title
        assert clean_text(paper.abstract) == paper.abstract
        assert len(paper.title) <= MAX_TITLE_CHARS and len(paper.abstract) <= MAX_ABSTRACT_CHARS
        assert paper.id and paper.sources[0].file == file
        for text in (paper.title, paper.abstract, paper.id, paper.url or "", *paper.authors):
            assert not _UNSAFE.search(text), text
            text.encode("utf-8")


def _check_error(exc: InputError, file: str, n_lines: int | None = None) -> None:
    assert exc.file == file and exc.reason
    if exc.line is not None and n_lines is not None:
        assert 1 <= exc.line <= n_lines
    shown = one_line(str(exc))
    assert shown.startswith(file) and "\n" not in shown and "\x1b" not in shown


@FAST
@given(st.lists(_PAGE_LINES, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_dailypapers_any_page_gives_clean_papers_or_input_error(lines, sep):
    text = sep.join(lines).replace("\r\n", "\n").replace("\r", "\n")
    try:
        papers = parse_dailypapers(text, "page.txt", [])
    except InputError as exc:
        _check_error(exc, "page.txt", text.count("\n") + 1)
        return
    assert papers
    _check_papers(papers, "page.txt")
    squashed = clean_text(text)
    for paper in papers:  # a title is text from the page, never invented
        assert all(word in squashed for word in paper.title.split()[:5])
        assert 1 <= paper.sources[0].line <= text.count("\n") + 1
    assert [p.sources[0].position for p in papers] == list(range(len(papers)))


_JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
              st.text(st.characters(categories=["Cs", "Cc", "Zl"]), min_size=1, max_size=4).map(lambda t: "T" + t)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["title", "abstract", "summary", "id", "url", "authors", "paper",
                                         "date", "githubRepo", "papers", "x"]), inner, max_size=5),
    ),
    max_leaves=12,
)


@FAST
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        _JSONISH.map(lambda v: json.dumps(v).encode()),
        st.lists(_JSONISH, max_size=4).map(lambda vs: "\n".join(json.dumps(v) for v in vs).encode()),
    ),
    st.sampled_from([".txt", ".json", ".jsonl", ".csv", ".atom", ""]),
)
@example(b"\x01\r\x01", ".txt")  # a bare CR once crashed CSV sniffing with csv.Error
@example(b'[{"title": "T\\ud800", "abstract": "\\udfff"}]', ".json")  # lone surrogates via JSON escapes
@example(b"title,abstract\r\"A\xc3\xa9\",\"B.\"\r", ".csv")
def test_read_file_any_bytes_gives_clean_papers_or_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{suffix}"
        path.write_bytes(data)
        file = path.as_posix()
        try:
            papers = read_file(path, warnings=[])
        except InputError as exc:
            _check_error(exc, file)
            return
        _check_papers(papers, file)


# --- URL normalisation -----------------------------------------------------------------------

_URLISH = st.builds(
    lambda scheme, host, path, tail: scheme + host + path + tail,
    st.sampled_from(["", "http://", "https://", "HTTP://", "ftp://", "javascript:", "\\url{", "(", "mailto:", "//"]),
    st.sampled_from(["github.com", "www.GitHub.com", "huggingface.co", "x.org", "a.github.io", "localhost",
                     "127.0.0.1", "user@host.com", "bad_host.com", "ex ample.org", "xn--bcher-kva.ch", ""]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=25).map(lambda t: "/" + t),
    st.sampled_from(["", ".", ")", "}", "?utm_source=x&v=1", "#frag", ".git", "/tree/main", "{https://x.org}"]),
)


@settings(max_examples=100, deadline=None)
@given(st.one_of(_URLISH, st.text(max_size=60)))
def test_normalize_url_is_total_idempotent_and_https(raw):
    url = normalize_url(raw)  # never raises
    if url is None:
        return
    assert url.startswith(("https://", "ftp://")), url  # http is upgraded; ftp is kept as documented
    assert not any(c.isspace() for c in url)
    assert normalize_url(url) == url


# --- the Turtle writer -----------------------------------------------------------------------


def _graph_of(title: str, abstract: str):
    from kg.graph import build_graph

    paper = Paper(id="p-1", title=title, abstract=abstract, url="https://example.org/x \"y\"",
                  authors=(title[:20] or "A",), sources=(Source(file="f.jsonl", position=0),))
    extraction = CorpusExtraction(papers=(PaperExtraction(paper_id=paper.id),), entities=(), extractor_version="t")
    return build_graph([paper], extraction)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=120), st.text(max_size=300))
def test_any_text_round_trips_through_turtle(title, abstract):
    from kg.graph import export_graph

    graph = _graph_of(title, abstract)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        export_graph(graph, "turtle", path)
        data = path.read_bytes()
    titles = {t.object.value for t in ox.parse(data, ox.RdfFormat.TURTLE) if t.predicate.value == DCTERMS + "title"}
    abstracts = {t.object.value for t in ox.parse(data, ox.RdfFormat.TURTLE)
                 if t.predicate.value == DCTERMS + "abstract"}
    assert titles == {title} and abstracts == {abstract}
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert {str(o) for o in g.objects(None, rdflib.URIRef(DCTERMS + "title"))} == {title}
    assert {str(o) for o in g.objects(None, rdflib.URIRef(DCTERMS + "abstract"))} == {abstract}


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_one_line_escapes_everything_unprintable(text):
    shown = one_line(text)
    assert shown.isprintable()
    assert "\n" not in shown and "\x1b" not in shown
    if text.isprintable():
        assert shown == text
