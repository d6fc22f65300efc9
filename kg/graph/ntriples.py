"""The graph's RDF as canonical N-Triples text, written straight from NetworkX.

Why not pyoxigraph terms: building one ``NamedNode``/``Literal`` object per
term (and validating every IRI again) cost most of the RDF stage on big
graphs, and sorting all lines of a 40-million-triple graph did not fit in
memory.  Here every subject's lines are made as plain strings and only the
subjects are sorted, so memory grows with the number of subjects, not of
triples.  The text is then handed to Oxigraph (Rust) for Turtle, JSON-LD or a
store; Oxigraph's parser also re-validates every line.

Canonical order (what makes outputs byte-identical): subjects sorted by IRI;
within a subject, ``rdf:type`` lines first, then the rest, each part sorted
as text.  This is the order that sorting the serialised lines as bytes gives,
so files do not depend on how the graph was built or loaded.  Tokens are
exactly what Oxigraph's N-Triples serialiser writes for the same terms
(tests/test_ntriples.py checks that against pyoxigraph).

This is the one place statements are made: ``kg.graph.rdf.nx_to_quads``
parses this text back, and ``rdf_to_nx`` inverts it.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import BinaryIO, Iterator
from urllib.parse import quote

import networkx as nx
import numpy as np
import pyoxigraph as ox

from kg.graph.iris import ARXIV_ABS, DOI_BASE, hashed_key, node_iri
from kg.schema import (
    ANALYTICS_CLASSES,
    ANALYTICS_PROPERTIES,
    EVIDENCE_RELATIONS,
    OWN_CLASSES,
    OWL,
    RDF,
    RDFS,
    XSD,
    attribute_table,
    pkg,
)

__all__ = ["literal", "double_lexical", "CanonicalStats", "canonical_groups", "split_pairs", "write_canonical_ntriples"]

_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\",
                 0x7F: "\\u007F"})
_ESCAPE_TABLE = str.maketrans(_ESCAPES)

_TYPE = f"<{RDF}type>"
_INT = f"^^<{XSD}integer>"
_DOUBLE = f"^^<{XSD}double>"
_DATE = f"^^<{XSD}date>"
_YEAR_MONTH = f"^^<{XSD}gYearMonth>"
_ANYURI = f"^^<{XSD}anyURI>"
_TRUE = f'"true"^^<{XSD}boolean>'


_FIRST = itemgetter(0)
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")  # a year-month (date from an arXiv id): xsd:gYearMonth


def literal(text: str) -> str:
    """A plain (xsd:string) literal token, escaped as Oxigraph writes it."""
    if _NEEDS_ESCAPE.search(text) is None:  # most text: one C scan, no copy
        return '"' + text + '"'
    return '"' + text.translate(_ESCAPE_TABLE) + '"'


def double_lexical(value: float) -> str:
    """xsd:double lexical form exactly as Oxigraph stores it (shortest digits, no exponent).

    Output written straight from NetworkX must be byte-identical to output
    written from a store, which keeps doubles in this canonical form.
    """
    x = float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    return np.format_float_positional(x, trim="-")


def _same_as(prefix: str, ident: str) -> str | None:
    """``<prefix + ident>`` when that is a valid IRI (checked by Oxigraph), else None."""
    try:
        return str(ox.NamedNode(prefix + quote(ident, safe="/:.-_~()")))
    except ValueError:
        return None


@dataclass
class CanonicalStats:
    """Counts over the written lines, for the VoID description."""

    triples: int = 0
    subjects: int = 0
    classes: Counter = field(default_factory=Counter)  # class IRI -> instances (rdf:type lines)
    properties: Counter = field(default_factory=Counter)  # property IRI -> triples
    objects: set = field(default_factory=set)  # distinct IRI object tokens
    #: when the graph was written as its two parts: "graph" and "analytics" -> the counts of each
    parts: dict = field(default_factory=dict)
    # predicates and classes seen, counted in batches (one Counter.update per subject cost a fifth of the writer)
    _preds: list = field(default_factory=list, repr=False, compare=False)
    _types: list = field(default_factory=list, repr=False, compare=False)

    @property
    def distinct_objects(self) -> int:
        return len(self.objects)

    def _tally(self, pairs: list[tuple[str, str]], full: bool) -> None:
        """Count one subject's statements (tokens; ``_finish`` turns the keys into IRIs)."""
        self.subjects += 1
        self.triples += len(pairs)
        preds = self._preds
        preds.extend(map(_FIRST, pairs))
        if len(preds) >= 1 << 20:
            self.properties.update(preds)
            preds.clear()
        self.objects.update([o for _, o in pairs if o[0] == "<"] if full else [o for _, o in pairs if o[:1] == "<"])
        if pairs[0][0] == _TYPE:
            if len(pairs) == 1 or pairs[1][0] != _TYPE:
                self._types.append(pairs[0][1])
            else:
                self._types.extend([o for p, o in pairs if p == _TYPE])

    def _flush(self) -> None:
        """Count the batched predicates and classes (tokens)."""
        self.properties.update(self._preds)
        self.classes.update(self._types)
        self._preds, self._types = [], []

    def _finish(self) -> None:
        self._flush()
        self.classes = Counter({k[1:-1]: n for k, n in self.classes.items()})
        self.properties = Counter({k[1:-1]: n for k, n in self.properties.items()})


class _Tokens:
    """Term tokens, memoised: node IRIs and vocabulary terms repeat millions of times."""

    def __init__(self, base_iri: str):
        self.base = base_iri
        self._nodes: dict[str, str] = {}
        self._pkg: dict[str, str] = {}
        self._iris: dict[str, str] = {}
        self._doubles: dict[float, str] = {}  # confidences repeat a handful of values

    def node(self, key: str) -> str:
        tok = self._nodes.get(key)
        if tok is None:
            tok = self._nodes[key] = "<" + node_iri(self.base, key) + ">"
        return tok

    def hashed(self, prefix: str, *parts) -> str:
        """Token of a reification node (``prefix/<hex digest>``: nothing to percent-encode, not memoised)."""
        return "<" + self.base + hashed_key(prefix, *parts) + ">"

    def double(self, value) -> str:
        tok = self._doubles.get(value)
        if tok is None:
            tok = f'"{double_lexical(value)}"{_DOUBLE}'
            if len(self._doubles) < 100_000:
                self._doubles[value] = tok
        return tok

    def pkg(self, name: str) -> str:
        tok = self._pkg.get(name)
        if tok is None:
            tok = self._pkg[name] = f"<{pkg[name]}>"  # an undeclared term is an AttributeError
        return tok

    def iri(self, iri: str) -> str:
        tok = self._iris.get(iri)
        if tok is None:
            tok = self._iris[iri] = f"<{iri}>"
        return tok

    def value(self, value, kind: str) -> str:
        if kind == "int":
            return f'"{int(value)}"{_INT}'
        if kind == "float":
            return self.double(value)
        text = str(value)
        if kind == "date" and _DATE_RE.match(text):
            return f'"{text}"{_DATE}'
        if kind == "date" and _MONTH_RE.match(text):
            return f'"{text}"{_YEAR_MONTH}'
        if kind == "uri":
            return literal(text) + _ANYURI
        return literal(text)


def _node_lines(G: nx.MultiDiGraph, key: str, data: dict, T: _Tokens, label: str, same: str) -> list[str]:
    """(predicate, object) token pairs of a node's own attributes (kg.schema.ATTRIBUTES)."""
    out = []
    ntype = data["type"]
    out.append((_TYPE, T.pkg(ntype)))
    out.append((label, literal(str(data.get("label") or key))))
    for attr, prop, kind in attribute_table(ntype):
        value = data.get(attr)
        if value is None:
            continue
        p = T.iri(prop)
        if kind == "list":
            for item in value:
                out.append((p, literal(str(item))))
        else:
            out.append((p, T.value(value, kind)))
    if ntype == "Paper":
        if data.get("authors"):
            out.append((T.pkg("authorList"), literal(json.dumps(list(data["authors"]), ensure_ascii=False))))
        if data.get("external"):
            out.append((T.pkg("external"), _TRUE))
        if data.get("arxiv_id"):
            tok = _same_as(ARXIV_ABS, data["arxiv_id"])
            if tok is not None:
                out.append((same, tok))
        if data.get("doi"):
            tok = _same_as(DOI_BASE, data["doi"])
            if tok is not None:
                out.append((same, tok))
    return out


def canonical_groups(G: nx.MultiDiGraph, base_iri: str | None = None,
                     known=None) -> Iterator[tuple[str, list[tuple[str, str]], bool]]:
    """``(subject token, [(predicate token, object token), ...], full)`` per subject, in canonical order.

    Only the subject index (one small tuple per subject) is held in memory;
    each subject's statements are made when it is reached.

    ``known(subject, inputs)``, when given, is asked for pkg:Mention and pkg:Sentence subjects, whose
    statements are a function of their IRI (a hash of the evidence item, or of the paper, field and
    sentence) and, for a mention, of ``inputs`` (its edge's mention count). When it returns true the
    subject comes as a *skeleton* (``full`` False): its literals are not made (their objects are
    ``""``, the pairs unsorted), but the predicates and IRI objects, all the VoID counts need, are
    the subject's own. ``full`` is True otherwise.
    """
    base = base_iri or G.graph.get("base_iri")
    T = _Tokens(base)
    label, same = f"<{RDFS}label>", f"<{OWL}sameAs>"
    r_subj, r_pred, r_obj = f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>"
    # subject index: (IRI token, kind, payload); kinds: 0 node, 1 extraction, 2 mention, 3 reified edge,
    # 4 method pair, 5 month, 6 sentence
    index: list[tuple] = [(T.node("extraction"), 1, None)]
    for key in G:
        index.append((T.node(key), 0, key))
    mentions_of: dict[tuple, list[str]] = {}
    sentence_of: dict[tuple, str] = {}  # (paper, field, text) -> token: each sentence once per paper
    for u, v, rel, data in G.edges(keys=True, data=True):
        if rel in EVIDENCE_RELATIONS:
            toks = []
            evidence = data.get("evidence") or ()
            count = data.get("mention_count") or len(evidence)
            for ev in evidence:
                m = T.hashed("mention", u, rel, v, ev["field"], ev["start"], ev["end"], ev["rule"], ev["text"],
                             ev["sentence"], ev["confidence"])
                toks.append(m)
                s = None
                if ev["sentence"]:
                    skey = (u, ev["field"], ev["sentence"])
                    s = sentence_of.get(skey)
                    if s is None:
                        s = sentence_of[skey] = T.hashed("sentence", *skey)
                        index.append((s, 6, ev["sentence"]))
                index.append((m, 2, (u, v, rel, ev, s, count)))
            if toks:
                mentions_of[(u, v, rel)] = toks
        elif rel in ("relatedTo", "buildsOn"):
            r = T.hashed("relatedness" if rel == "relatedTo" else "buildson", u, v)
            index.append((r, 3, (u, v, rel, data)))
    for a, b, n in G.graph.get("method_pairs") or ():
        index.append((T.hashed("methodpair", a, b), 4, (a, b, n)))
    for row in G.graph.get("months") or ():
        index.append((T.hashed("month", row[0]), 5, row))
    index.sort(key=itemgetter(0))

    extraction = T.node("extraction")
    p = T.pkg
    c_mention, p_of, p_supports, p_gen = p("Mention"), p("mentionOf"), p("supportsRelation"), p("generatedBy")
    p_field, p_start, p_end, p_text, p_in_sentence, p_rule, p_conf, p_count = (
        p("field"), p("start"), p("end"), p("text"), p("inSentence"), p("rule"), p("confidence"), p("mentionCount"))
    c_sentence, p_sentence = p("Sentence"), p("sentence")
    p_mentions = p("mentions")
    for subject, kind, payload in index:
        if kind == 0:
            key = payload
            pairs = _node_lines(G, key, G.nodes[key], T, label, same)
            for _, v, rel, data in G.out_edges(key, keys=True, data=True):
                sv, pr = T.node(v), p(rel)
                pairs.append((pr, sv))
                if rel == "hasCode":
                    pairs.append((p("hasOwnCode" if data.get("own") else "hasThirdPartyCode"), sv))
                for m in mentions_of.get((key, v, rel), ()):
                    pairs.append((p_mentions, m))
        elif kind == 1:
            pairs = [(_TYPE, p("Extraction")), (label, literal("paperkg extraction")), (p("baseIri"), literal(base)),
                     (p("extractorVersion"), literal(str(G.graph.get("extractor_version") or "")))]
        elif kind == 2:
            u, v, rel, ev, sentence, count = payload
            full = known is None or not known(subject, str(int(count)))
            pairs = [
                (_TYPE, c_mention), (p_of, T.node(v)), (p_supports, p(rel)), (p_gen, extraction),
                (p_field, literal(ev["field"])), (p_start, f'"{int(ev["start"])}"{_INT}'),
                (p_end, f'"{int(ev["end"])}"{_INT}'), (p_text, literal(ev["text"])),
                (p_rule, literal(ev["rule"])), (p_conf, T.double(ev["confidence"])),
                (p_count, f'"{int(count)}"{_INT}'),
            ] if full else [
                (_TYPE, c_mention), (p_of, T.node(v)), (p_supports, p(rel)), (p_gen, extraction),
                (p_field, ""), (p_start, ""), (p_end, ""), (p_text, ""), (p_rule, ""), (p_conf, ""), (p_count, ""),
            ]
            if sentence is not None:
                pairs.append((p_in_sentence, sentence))
            if not full:
                yield subject, pairs, False
                continue
        elif kind == 6:
            if known is not None and known(subject, ""):
                yield subject, [(_TYPE, c_sentence), (p_sentence, "")], False
                continue
            pairs = [(_TYPE, c_sentence), (p_sentence, literal(payload))]
        elif kind == 5:
            month, n, upto = payload
            pairs = [(_TYPE, p("Month")), (label, literal(month)), (p("month"), f'"{month}"{_YEAR_MONTH}'),
                     (p("monthIndex"), T.value(int(month[:4]) * 12 + int(month[5:7]) - 1, "int")),
                     (p("papersInMonth"), T.value(n, "int")), (p("papersUpTo"), T.value(upto, "int"))]
        elif kind == 4:
            a, b, n = payload
            pairs = [(_TYPE, p("MethodPair")), (p("firstMethod"), T.node(a)), (p("secondMethod"), T.node(b)),
                     (p("paperCount"), T.value(n, "int"))]
        else:
            u, v, rel, data = payload
            pairs = [(_TYPE, p("Relatedness" if rel == "relatedTo" else "BuildsOnLink")), (r_subj, T.node(u)),
                     (r_pred, p(rel)), (r_obj, T.node(v))]
            if rel == "relatedTo":
                pairs.append((p("weight"), T.value(data["weight"], "float")))
                for e in data.get("shared") or ():
                    pairs.append((p("sharedEntity"), T.node(e)))
                for attr, prop in (("entity_weight", "entityWeight"), ("text_weight", "textWeight")):
                    if data.get(attr) is not None:
                        pairs.append((p(prop), T.value(data[attr], "float")))
                for term in data.get("terms") or ():
                    pairs.append((p("sharedTerm"), literal(str(term))))
            else:
                for e in data.get("via") or ():
                    pairs.append((p("via"), T.node(e)))
        yield subject, _canonical_pairs(pairs), True


def _canonical_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """rdf:type statements first, then the rest; each part sorted as the line text sorts.

    Sorting the (predicate, object) tuples gives the order of the line text:
    a token never contains a space, and a predicate IRI token is never a
    proper prefix of another; an object that is a prefix of another (a plain
    literal before the same text with a datatype) sorts first either way.
    """
    pairs.sort()
    if pairs[0][0] != _TYPE:
        typed = [x for x in pairs if x[0] == _TYPE]
        if typed:
            pairs = typed + [x for x in pairs if x[0] != _TYPE]
    return pairs


_ANALYTICS_CLASS_TOKENS = frozenset(f"<{pkg[c]}>" for c in ANALYTICS_CLASSES)
_OWN_CLASS_TOKENS = frozenset(f"<{pkg[c]}>" for c in OWN_CLASSES)
_ANALYTICS_PROPERTY_TOKENS = frozenset(f"<{p}>" for p in ANALYTICS_PROPERTIES)


def split_pairs(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """One subject's canonical pairs as (its own statements, its corpus-wide figures), each in canonical order.

    The figures (kg.schema: ANALYTICS_CLASSES, ANALYTICS_PROPERTIES) are what the analytics file holds:
    every statement of a pkg:Relatedness, pkg:MethodPair or pkg:Month node, and of other nodes those
    whose predicate is a corpus-wide figure (pkg:pagerank, pkg:support, pkg:relatedTo, ...).
    """
    head = pairs[0]
    if head[0] == _TYPE:
        if head[1] in _ANALYTICS_CLASS_TOKENS:
            return [], pairs
        if head[1] in _OWN_CLASS_TOKENS:  # mentions, sentences, ...: most subjects, no figure among them
            return pairs, []
    figures = [x for x in pairs if x[0] in _ANALYTICS_PROPERTY_TOKENS]
    if not figures:
        return pairs, figures
    return [x for x in pairs if x[0] not in _ANALYTICS_PROPERTY_TOKENS], figures


class _LineBuffer:
    """One output's N-Triples lines, buffered: each subject's lines go in whole (or, with ``select``, only when it
    takes them), written out every ``limit`` lines."""

    __slots__ = ("out", "select", "limit", "parts", "lines")

    def __init__(self, out: BinaryIO, select, limit: int):
        self.out, self.select, self.limit = out, select, limit
        self.parts: list[str] = []
        self.lines = 0  # lines held, counted when subjects are added whole (with ``select``)

    def add(self, head: str, pairs: list[tuple[str, str]]) -> None:
        if self.select is None:
            self.parts += [head + p + " " + o + " .\n" for p, o in pairs]
        else:
            text = "".join([head + p + " " + o + " .\n" for p, o in pairs])
            if not self.select(text):
                return
            self.parts.append(text)
            self.lines += len(pairs)
        if len(self.parts) >= self.limit or self.lines >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.out.write("".join(self.parts).encode("utf-8"))
            self.parts = []
            self.lines = 0


def write_canonical_ntriples(G: nx.MultiDiGraph, fh: BinaryIO, base_iri: str | None = None,
                             buffer_lines: int = 20_000, select=None, known=None,
                             analytics: BinaryIO | None = None, analytics_select=None) -> CanonicalStats:
    """Write the graph's canonical N-Triples to a binary file; returns counts for VoID.

    ``analytics``: a second binary file; the graph is then written as its two parts (``split_pairs``):
    each subject's own statements to ``fh`` (graph.ttl's part), the corpus-wide figures to ``analytics``
    (analytics.ttl's), each in canonical order; their union is what ``fh`` alone gets without it. The
    counts are of the union, with those of each part in ``stats.parts`` ("graph", "analytics").

    ``select``: called with each subject's lines (one str, in canonical order; of the graph part when
    split); only the subjects it returns true for are written (the counts are of every subject).
    kg.graph.ttl_blocks uses it to send only subjects whose Turtle is not already known to the
    serialiser. ``known``: as in ``canonical_groups``; a subject it had is counted but neither written
    nor passed to ``select``. ``analytics_select``: the same for the analytics part.
    """
    split = analytics is not None
    stats = CanonicalStats()
    own, figures = (CanonicalStats(), CanonicalStats()) if split else (stats, None)
    graph_part = _LineBuffer(fh, select, buffer_lines)
    figure_part = _LineBuffer(analytics, analytics_select, buffer_lines) if split else None
    for subject, pairs, full in canonical_groups(G, base_iri, known):
        head = subject + " "
        if split:
            stats.subjects += 1
            if full:
                pairs, more = split_pairs(pairs)
                if more:
                    figures._tally(more, True)
                    figure_part.add(head, more)
                if not pairs:
                    continue
        own._tally(pairs, full)
        if full:
            graph_part.add(head, pairs)
    graph_part.flush()
    if figure_part is not None:
        figure_part.flush()
    if split:
        own._flush()
        figures._flush()
        stats.triples = own.triples + figures.triples
        stats.classes = own.classes + figures.classes
        stats.properties = own.properties + figures.properties
        stats.objects = own.objects | figures.objects
        own._finish()
        figures._finish()
        stats.parts = {"graph": own, "analytics": figures}
    stats._finish()
    return stats
