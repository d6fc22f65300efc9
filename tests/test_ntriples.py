"""The canonical N-Triples writer: same statements as nx_to_quads, Oxigraph's tokens, sorted order."""
from __future__ import annotations

import io

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_fixture import make_extraction, make_papers
from kg.graph import build_graph
from kg.graph.ntriples import canonical_groups, literal, write_canonical_ntriples
from kg.graph.rdf import nx_to_quads

_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "


def _reference_lines(G) -> list[bytes]:
    """The old way: pyoxigraph terms -> N-Triples -> sort lines as bytes -> rdf:type first per subject."""
    lines = ox.serialize(nx_to_quads(G, G.graph["base_iri"]), format=ox.RdfFormat.N_TRIPLES).splitlines(True)
    lines.sort()
    out, i = [], 0
    while i < len(lines):
        cut = lines[i].index(b" ") + 1
        subject = lines[i][:cut]
        j = i
        while j < len(lines) and lines[j].startswith(subject):
            j += 1
        group = lines[i:j]
        out += [x for x in group if x.startswith(_TYPE, cut)] + [x for x in group if not x.startswith(_TYPE, cut)]
        i = j
    return out


def _canonical(G) -> bytes:
    buf = io.BytesIO()
    write_canonical_ntriples(G, buf)
    return buf.getvalue()


def test_same_bytes_as_sorted_oxigraph_serialisation():
    G = build_graph(make_papers(), make_extraction(), top_k=3).nx
    assert _canonical(G) == b"".join(_reference_lines(G))


def test_hostile_attribute_values_match_oxigraph(tmp_path):
    G = build_graph(make_papers(), make_extraction(), top_k=3).nx
    paper = next(n for n, t in G.nodes(data="type") if t == "Paper")
    G.nodes[paper]["title"] = 'quote " back\\slash \t tab \n newline \x00 nul \x7f del \u2028 é 😀'
    G.nodes[paper]["authors"] = ["B \"b\"", "A\r\nA", "A\r\nA"]  # duplicates are kept, as before
    G.nodes[paper]["date"] = "not a date"
    assert _canonical(G) == b"".join(_reference_lines(G))
    # and Oxigraph parses it back to the same statements
    parsed = {str(q.triple) for q in ox.parse(_canonical(G), format=ox.RdfFormat.N_TRIPLES)}
    assert parsed == {str(q.triple) for q in nx_to_quads(G, G.graph["base_iri"])}


def test_stats_count_what_was_written():
    G = build_graph(make_papers(), make_extraction(), top_k=3).nx
    buf = io.BytesIO()
    stats = write_canonical_ntriples(G, buf)
    lines = buf.getvalue().splitlines()
    assert stats.triples == len(lines)
    assert stats.subjects == len({line.split(b" ", 1)[0] for line in lines})
    assert stats.classes["https://w3id.org/paperkg/ontology#Paper"] == sum(
        1 for _, t in G.nodes(data="type") if t == "Paper")
    assert sum(stats.properties.values()) == stats.triples


def test_groups_are_sorted_and_typed_first():
    G = build_graph(make_papers(), make_extraction(), top_k=3).nx
    subjects = []
    for subject, pairs, full in canonical_groups(G):
        assert full
        subjects.append(subject)
        assert pairs[0][0] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_literal_tokens_equal_oxigraph(text):
    assert literal(text) == str(ox.Literal(text))
