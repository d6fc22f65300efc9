"""graph.ttl put together from the previous build's Turtle blocks (kg.graph.ttl_blocks): always the bytes of
serialising the whole graph; a missing, stale, foreign or damaged index means nothing is reused."""
from __future__ import annotations

import copy
import io
import json

import pytest

from kg.graph import build_graph
from kg.graph.export import write_graph_turtle, write_rdf_text
from kg.graph.knowledge import KnowledgeGraph
from kg.graph import ttl_blocks
from tests.graph_fixture import make_extraction, make_papers


@pytest.fixture(scope="module")
def graph():
    return build_graph(make_papers(), make_extraction())


def _whole(g) -> bytes:
    buf = io.BytesIO()
    write_rdf_text(g, buf, "turtle", pipe=False)
    return buf.getvalue()


def _write(g, path, cache, previous=None, pipe=False) -> dict:
    report: dict = {}
    with open(path, "wb") as fh:
        write_graph_turtle(g, fh, tmp_dir=path.parent, previous=previous, cache_dir=cache, pipe=pipe, report=report)
    return report


def _changed(g) -> KnowledgeGraph:
    """The graph with one corpus-wide figure changed, one paper gone and one new node."""
    G = copy.deepcopy(g.nx)
    papers = sorted(n for n, d in G.nodes(data=True) if d["type"] == "Paper")
    G.nodes[papers[0]]["pagerank"] = 0.123456
    G.remove_node(papers[-1])
    G.add_node("method/invented-widget-net", type="Method", label="WidgetNet", name="WidgetNet", aliases=[],
               support=1, degree=0, lookup_keys=["widgetnet"])
    return KnowledgeGraph(G, base_iri=g.base_iri)


@pytest.mark.parametrize("pipe", [False, True])
def test_blocks_of_unchanged_subjects_are_reused_and_the_bytes_are_a_whole_serialisation(graph, tmp_path, pipe):
    cache = tmp_path / "cache"
    first = _write(graph, tmp_path / "a.ttl", cache, pipe=pipe)
    assert (tmp_path / "a.ttl").read_bytes() == _whole(graph)
    assert first["reused"] == 0 and first["blocks"] > 10
    changed = _changed(graph)
    second = _write(changed, tmp_path / "b.ttl", cache, previous=tmp_path / "a.ttl", pipe=pipe)
    assert (tmp_path / "b.ttl").read_bytes() == _whole(changed)
    # every block but those of the changed paper, the removed one's neighbours and the new node
    assert 0 < second["reused"] < second["blocks"]
    assert second["blocks"] - second["reused"] < second["blocks"] // 2
    # and the index now describes b.ttl: the same graph again reuses every block
    third = _write(changed, tmp_path / "c.ttl", cache, previous=tmp_path / "b.ttl", pipe=pipe)
    assert third == {"blocks": second["blocks"], "reused": second["blocks"]}
    assert (tmp_path / "c.ttl").read_bytes() == _whole(changed)


def _damage_body(index):
    raw = bytearray(index.read_bytes())
    raw[-3] ^= 0xFF
    index.write_bytes(bytes(raw))


def _other_fingerprint(index):
    raw = index.read_bytes()
    head_end = raw.index(b"\n", len(ttl_blocks._MAGIC))
    head = json.loads(raw[len(ttl_blocks._MAGIC):head_end])
    head["fingerprint"] = "0" * 32
    index.write_bytes(ttl_blocks._MAGIC + json.dumps(head).encode() + raw[head_end:])


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda index, ttl: index.unlink(), id="missing index"),
    pytest.param(lambda index, ttl: index.write_bytes(b"not an index"), id="not an index"),
    pytest.param(lambda index, ttl: index.write_bytes(index.read_bytes()[:-5]), id="truncated index"),
    pytest.param(lambda index, ttl: _damage_body(index), id="damaged offsets"),
    pytest.param(lambda index, ttl: _other_fingerprint(index), id="another fingerprint"),
    pytest.param(lambda index, ttl: ttl.write_bytes(ttl.read_bytes().replace(b"pkg:Paper ", b"pkg:PAPER ", 1)),
                 id="previous graph.ttl edited, same size"),
    pytest.param(lambda index, ttl: ttl.unlink(), id="previous graph.ttl gone"),
])
def test_a_missing_stale_or_damaged_index_reuses_nothing(graph, tmp_path, spoil):
    cache = tmp_path / "cache"
    _write(graph, tmp_path / "a.ttl", cache)
    spoil(cache / ttl_blocks.INDEX_NAME, tmp_path / "a.ttl")
    changed = _changed(graph)
    report = _write(changed, tmp_path / "b.ttl", cache, previous=tmp_path / "a.ttl")
    assert report["reused"] == 0
    assert (tmp_path / "b.ttl").read_bytes() == _whole(changed)


def test_the_whole_file_is_written_when_the_new_blocks_cannot_be_cut(graph, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    _write(graph, tmp_path / "a.ttl", cache)
    real = ttl_blocks.BlockPlan.assemble
    calls = []

    def failing(self, header, fresh, out):
        calls.append(1)
        return None if len(calls) == 1 else real(self, header, fresh, out)

    monkeypatch.setattr(ttl_blocks.BlockPlan, "assemble", failing)
    report = _write(_changed(graph), tmp_path / "b.ttl", cache, previous=tmp_path / "a.ttl")
    assert len(calls) == 2 and report["reused"] == 0  # the second try serialises every subject
    assert (tmp_path / "b.ttl").read_bytes() == _whole(_changed(graph))


def test_the_header_is_what_oxigraph_writes_before_the_first_block(graph):
    from kg.graph.export import _prefixes

    whole = _whole(graph)
    header = ttl_blocks.turtle_header(dict(sorted(_prefixes(graph).items())))
    assert header.startswith(b"@prefix") and whole.startswith(header)
    assert not whole[len(header):].startswith(b"@prefix")


def test_mention_blocks_are_keyed_by_their_iri_and_count(graph, tmp_path):
    """Mention and sentence blocks are reused by their inputs (IRI, the edge's mention count), without their
    lines being made: a changed count or evidence text must still give new blocks."""
    from kg.schema import EVIDENCE_RELATIONS

    cache = tmp_path / "cache"
    first = _write(graph, tmp_path / "a.ttl", cache)
    G = copy.deepcopy(graph.nx)
    edges = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if k in EVIDENCE_RELATIONS and d.get("evidence")]
    u, v, k = sorted(edges)[0]
    data = G.edges[u, v, k]
    data["mention_count"] = (data.get("mention_count") or len(data["evidence"])) + 5
    u2, v2, k2 = sorted(edges)[-1]
    ev = dict(G.edges[u2, v2, k2]["evidence"][0])
    ev["sentence"] = ev["sentence"] + " Invented words end it."
    G.edges[u2, v2, k2]["evidence"][0] = ev
    changed = KnowledgeGraph(G, base_iri=graph.base_iri)
    report = _write(changed, tmp_path / "b.ttl", cache, previous=tmp_path / "a.ttl")
    assert (tmp_path / "b.ttl").read_bytes() == _whole(changed)
    assert 0 < report["reused"] < report["blocks"] and report["blocks"] >= first["blocks"]


def test_the_fingerprint_covers_the_code_that_makes_statements(tmp_path, monkeypatch):
    code = tmp_path / "statements.py"
    code.write_text("one way of writing mentions")
    monkeypatch.setattr(ttl_blocks, "_STATEMENT_CODE", ttl_blocks._STATEMENT_CODE + (str(code),))
    prefixes = {"a": "https://example.org/a/"}
    before = ttl_blocks.fingerprint(prefixes)
    assert ttl_blocks.fingerprint(prefixes) == before
    code.write_text("another way of writing mentions")
    assert ttl_blocks.fingerprint(prefixes) != before
    assert ttl_blocks.fingerprint({"a": "https://example.org/b/"}) != ttl_blocks.fingerprint(prefixes)


@pytest.mark.parametrize("window", [1, 7, 4096])
def test_windows_of_any_size_cut_and_copy_the_same_blocks(graph, tmp_path, monkeypatch, window):
    """Big files are scanned and copied in windows (their pages then dropped): a window may end anywhere,
    between a newline and the tab after it too."""
    monkeypatch.setattr(ttl_blocks, "_WINDOW", window)
    cache = tmp_path / "cache"
    first = _write(graph, tmp_path / "a.ttl", cache, pipe=True)
    assert (tmp_path / "a.ttl").read_bytes() == _whole(graph) and first["reused"] == 0
    changed = _changed(graph)
    second = _write(changed, tmp_path / "b.ttl", cache, previous=tmp_path / "a.ttl")
    assert (tmp_path / "b.ttl").read_bytes() == _whole(changed) and second["reused"] > 0


# ------------------------------------------------ the two files: graph.ttl and analytics.ttl

def _whole_parts(g) -> tuple[bytes, bytes]:
    own, figures = io.BytesIO(), io.BytesIO()
    write_rdf_text(g, own, "turtle", pipe=False, analytics=figures)
    return own.getvalue(), figures.getvalue()


def _write_parts(g, folder, cache, previous=None, pipe=False) -> dict:
    folder.mkdir(exist_ok=True)
    report: dict = {}
    with open(folder / "graph.ttl", "wb") as fh, open(folder / "analytics.ttl", "wb") as afh:
        write_graph_turtle(g, fh, tmp_dir=folder, previous=previous / "graph.ttl" if previous else None,
                           cache_dir=cache, pipe=pipe, report=report, analytics=afh)
    return report


def _parts(folder) -> tuple[bytes, bytes]:
    return (folder / "graph.ttl").read_bytes(), (folder / "analytics.ttl").read_bytes()


@pytest.mark.parametrize("pipe", [False, True])
def test_both_files_are_put_together_from_their_previous_blocks(graph, tmp_path, pipe):
    """A changed PageRank changes analytics.ttl only: graph.ttl keeps every block of the changed paper too."""
    cache = tmp_path / "cache"
    first = _write_parts(graph, tmp_path / "a", cache, pipe=pipe)
    assert _parts(tmp_path / "a") == _whole_parts(graph)
    assert first["reused"] == first["analytics_reused"] == 0 and first["analytics_blocks"] > 5
    G = copy.deepcopy(graph.nx)
    paper = sorted(n for n, d in G.nodes(data=True) if d["type"] == "Paper")[0]
    G.nodes[paper]["pagerank"] = 0.123456
    changed = KnowledgeGraph(G, base_iri=graph.base_iri)
    second = _write_parts(changed, tmp_path / "b", cache, previous=tmp_path / "a", pipe=pipe)
    assert _parts(tmp_path / "b") == _whole_parts(changed)
    assert (tmp_path / "b" / "graph.ttl").read_bytes() == (tmp_path / "a" / "graph.ttl").read_bytes()
    assert second["reused"] == second["blocks"] == first["blocks"]
    assert second["analytics_reused"] == second["analytics_blocks"] - 1  # the one paper's figures
    # a removed paper and a new entity: new blocks in both files, the same bytes as writing all of it
    third = _write_parts(_changed(graph), tmp_path / "c", cache, previous=tmp_path / "b", pipe=pipe)
    assert _parts(tmp_path / "c") == _whole_parts(_changed(graph))
    assert 0 < third["reused"] < third["blocks"] and 0 < third["analytics_reused"] < third["analytics_blocks"]


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda folder, cache: (cache / "analytics-blocks.bin").unlink(), id="missing index"),
    pytest.param(lambda folder, cache: _damage_body(cache / "analytics-blocks.bin"), id="damaged offsets"),
    pytest.param(lambda folder, cache: (folder / "analytics.ttl").write_bytes(
        (folder / "analytics.ttl").read_bytes().replace(b"pkg:degree ", b"pkg:DEGREE ", 1)), id="edited, same size"),
    pytest.param(lambda folder, cache: (folder / "analytics.ttl").unlink(), id="previous analytics.ttl gone"),
])
def test_a_spoilt_analytics_index_or_file_reuses_none_of_its_blocks(graph, tmp_path, spoil):
    cache = tmp_path / "cache"
    _write_parts(graph, tmp_path / "a", cache)
    spoil(tmp_path / "a", cache)
    changed = _changed(graph)
    report = _write_parts(changed, tmp_path / "b", cache, previous=tmp_path / "a")
    assert report["analytics_reused"] == 0 and report["reused"] > 0  # graph.ttl's own index still serves
    assert _parts(tmp_path / "b") == _whole_parts(changed)


def test_a_part_without_subjects_is_an_empty_file_as_oxigraph_writes_it(tmp_path):
    """A graph of no paper has no corpus-wide figure: analytics.ttl is empty (no prefixes), built or assembled."""
    import networkx as nx

    g = KnowledgeGraph(nx.MultiDiGraph(base_iri="https://w3id.org/paperkg/id/", extractor_version="x"),
                       base_iri="https://w3id.org/paperkg/id/")
    assert _whole_parts(g)[1] == b""
    cache = tmp_path / "cache"
    _write_parts(g, tmp_path / "a", cache)
    again = _write_parts(g, tmp_path / "b", cache, previous=tmp_path / "a")
    assert _parts(tmp_path / "a") == _parts(tmp_path / "b") == _whole_parts(g)
    assert again["analytics_blocks"] == 0 and again["reused"] == again["blocks"] == 1  # the extraction node
