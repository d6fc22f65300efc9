"""NetworkX <-> RDF under the paperkg ontology, built as pyoxigraph terms in bulk.

The RDF is a lossless rendering of the NetworkX graph: ``nx_to_triples`` then
``rdf_to_nx`` gives back the same nodes, edges and attributes. Reification:
extracted edges get one pkg:Mention per evidence item; relatedTo/buildsOn
edges get a pkg:Relatedness / pkg:BuildsOnLink node (rdf:subject,
rdf:predicate, rdf:object + weight/shared or via). No blank nodes: every node
has a stable IRI, so outputs are byte-identical across runs.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Iterator

import networkx as nx
import pyoxigraph as ox

from kg.graph.iris import ARXIV_ABS, DOI_BASE, hashed_key, key_from_iri, node_iri
from ontology import NAMESPACE

__all__ = [
    "PREFIXES",
    "DATA_PREFIXES",
    "all_prefixes",
    "nx_to_triples",
    "nx_to_quads",
    "rdf_to_nx",
    "store_from_triples",
    "EVIDENCE_RELATIONS",
]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"

PREFIXES = {
    "pkg": NAMESPACE,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "cito": "http://purl.org/spar/cito/",
    "fabio": "http://purl.org/spar/fabio/",
    "void": "http://rdfs.org/ns/void#",
}

#: prefix -> node-key prefix, for readable Turtle/SPARQL (paper:p1, method:grpo, ...).
DATA_PREFIXES = ("paper", "method", "dataset", "benchmark", "repo", "org", "link", "mention", "relatedness", "buildson")


def all_prefixes(base_iri: str) -> dict[str, str]:
    """Vocabulary prefixes plus ``kg:`` (the base IRI) and one prefix per node-key kind."""
    out = dict(PREFIXES)
    out["kg"] = base_iri
    for name in DATA_PREFIXES:
        out[name] = node_iri(base_iri, name + "/")
    return out


EVIDENCE_RELATIONS = ("proposes", "usesMethod", "usesDataset", "evaluatesOn", "hasCode", "hasLink", "cites")
_PLAIN_RELATIONS = ("ownedBy",)
_NODE_TYPES = ("Paper", "Method", "Dataset", "Benchmark", "CodeRepository", "Organization", "WebPage")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# node attribute -> (pkg local name, value kind); lists become one triple per item
_ATTRS = {
    "Paper": (("title", "title", "str"), ("abstract", "abstract", "str"), ("date", "date", "date"),
              ("url", "url", "uri"), ("authors", "author", "list"), ("sources", "source", "list"),
              ("arxiv_id", "arxivId", "str"), ("doi", "doi", "str"), ("degree", "degree", "int"),
              ("pagerank", "pagerank", "float"), ("community", "community", "int")),
    "Entity": (("name", "name", "str"), ("aliases", "alias", "list"), ("support", "support", "int"),
               ("degree", "degree", "int"), ("lookup_keys", "lookupKey", "list"),
               ("support_rank", "supportRank", "int")),
    "CodeRepository": (("url", "url", "uri"), ("name", "name", "str"), ("degree", "degree", "int")),
    "Organization": (("url", "url", "uri"), ("name", "name", "str"), ("degree", "degree", "int"),
                     ("lookup_keys", "lookupKey", "list")),
    "WebPage": (("url", "url", "uri"), ("link_type", "linkType", "str"), ("degree", "degree", "int")),
}
_ENTITY_TYPES = ("Method", "Dataset", "Benchmark")


def double_lexical(value: float) -> str:
    """xsd:double lexical form exactly as Oxigraph stores it (shortest digits, no exponent).

    Output written straight from NetworkX must be byte-identical to output
    written from a store, which keeps doubles in this canonical form.
    """
    import math

    import numpy as np

    x = float(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    return np.format_float_positional(x, trim="-")


def _attr_table(node_type: str):
    return _ATTRS["Entity" if node_type in _ENTITY_TYPES else node_type]


class _Terms:
    """Cached pyoxigraph term constructors (creating terms is the hot path)."""

    def __init__(self, base_iri: str):
        self.base = base_iri
        self._pkg = {}
        self._nodes = {}
        self.type = ox.NamedNode(RDF + "type")
        self.label = ox.NamedNode(RDFS + "label")
        self.same = ox.NamedNode(OWL + "sameAs")
        self.r_subj = ox.NamedNode(RDF + "subject")
        self.r_pred = ox.NamedNode(RDF + "predicate")
        self.r_obj = ox.NamedNode(RDF + "object")
        self.xsd_int = ox.NamedNode(XSD + "integer")
        self.xsd_double = ox.NamedNode(XSD + "double")
        self.xsd_date = ox.NamedNode(XSD + "date")
        self.xsd_uri = ox.NamedNode(XSD + "anyURI")

    def pkg(self, name: str) -> ox.NamedNode:
        t = self._pkg.get(name)
        if t is None:
            t = self._pkg[name] = ox.NamedNode(NAMESPACE + name)
        return t

    def node(self, key: str) -> ox.NamedNode:
        t = self._nodes.get(key)
        if t is None:
            t = self._nodes[key] = ox.NamedNode(node_iri(self.base, key))
        return t

    def lit(self, value, kind: str) -> ox.Literal:
        if kind == "int":
            return ox.Literal(str(int(value)), datatype=self.xsd_int)
        if kind == "float":
            return ox.Literal(double_lexical(value), datatype=self.xsd_double)
        if kind == "date" and _DATE_RE.match(str(value)):
            return ox.Literal(str(value), datatype=self.xsd_date)
        if kind == "uri":
            return ox.Literal(str(value), datatype=self.xsd_uri)
        return ox.Literal(str(value))


def _same_as_iri(prefix: str, ident: str) -> ox.NamedNode | None:
    from urllib.parse import quote

    try:
        return ox.NamedNode(prefix + quote(ident, safe="/:.-_~()"))
    except ValueError:
        return None


def nx_to_triples(G: nx.MultiDiGraph, base_iri: str | None = None) -> Iterator[ox.Triple]:
    """Every fact of the NetworkX graph as pyoxigraph Triples under the ontology."""
    for q in nx_to_quads(G, base_iri):
        yield q.triple


def nx_to_quads(G: nx.MultiDiGraph, base_iri: str | None = None) -> Iterator[ox.Quad]:
    """Every fact of the NetworkX graph as default-graph pyoxigraph Quads (built directly: no copies)."""
    base = base_iri or G.graph.get("base_iri")
    T = _Terms(base)
    Tr = ox.Quad
    extraction = T.node("extraction")
    yield Tr(extraction, T.type, T.pkg("Extraction"))
    yield Tr(extraction, T.label, ox.Literal("paperkg extraction"))
    yield Tr(extraction, T.pkg("baseIri"), ox.Literal(base))
    yield Tr(extraction, T.pkg("extractorVersion"), ox.Literal(str(G.graph.get("extractor_version") or "")))
    for key, data in G.nodes(data=True):
        s = T.node(key)
        ntype = data["type"]
        yield Tr(s, T.type, T.pkg(ntype))
        yield Tr(s, T.label, ox.Literal(str(data.get("label") or key)))
        for attr, prop, kind in _attr_table(ntype):
            value = data.get(attr)
            if value is None:
                continue
            p = T.pkg(prop)
            if kind == "list":
                for item in value:
                    yield Tr(s, p, ox.Literal(str(item)))
            else:
                yield Tr(s, p, T.lit(value, kind))
        if ntype == "Paper":
            if data.get("authors"):
                yield Tr(s, T.pkg("authorList"), ox.Literal(json.dumps(list(data["authors"]), ensure_ascii=False)))
            if data.get("external"):
                yield Tr(s, T.pkg("external"), ox.Literal(True))
            if data.get("arxiv_id"):
                same = _same_as_iri(ARXIV_ABS, data["arxiv_id"])
                if same is not None:
                    yield Tr(s, T.same, same)
            if data.get("doi"):
                same = _same_as_iri(DOI_BASE, data["doi"])
                if same is not None:
                    yield Tr(s, T.same, same)
    for a, b, n in G.graph.get("method_pairs") or ():
        pair = T.node(hashed_key("methodpair", a, b))
        yield Tr(pair, T.type, T.pkg("MethodPair"))
        yield Tr(pair, T.pkg("firstMethod"), T.node(a))
        yield Tr(pair, T.pkg("secondMethod"), T.node(b))
        yield Tr(pair, T.pkg("paperCount"), T.lit(n, "int"))
    ev_terms = tuple(T.pkg(n) for n in ("mentions", "Mention", "mentionOf", "supportsRelation", "generatedBy", "field",
                                        "start", "end", "text", "sentence", "rule", "confidence"))
    xsd_int, xsd_double = T.xsd_int, T.xsd_double
    for u, v, rel, data in G.edges(keys=True, data=True):
        su, sv, p = T.node(u), T.node(v), T.pkg(rel)
        yield Tr(su, p, sv)
        if rel == "hasCode":
            yield Tr(su, T.pkg("hasOwnCode" if data.get("own") else "hasThirdPartyCode"), sv)
        if rel in EVIDENCE_RELATIONS:
            (p_mentions, c_mention, p_of, p_supports, p_gen, p_field, p_start, p_end, p_text, p_sentence, p_rule,
             p_conf) = ev_terms
            for ev in data.get("evidence") or ():
                m = T.node(hashed_key("mention", u, rel, v, ev["field"], ev["start"], ev["end"], ev["rule"],
                                      ev["text"], ev["sentence"], ev["confidence"]))
                yield Tr(su, p_mentions, m)
                yield Tr(m, T.type, c_mention)
                yield Tr(m, p_of, sv)
                yield Tr(m, p_supports, p)
                yield Tr(m, p_gen, extraction)
                yield Tr(m, p_field, ox.Literal(ev["field"]))
                yield Tr(m, p_start, ox.Literal(str(int(ev["start"])), datatype=xsd_int))
                yield Tr(m, p_end, ox.Literal(str(int(ev["end"])), datatype=xsd_int))
                yield Tr(m, p_text, ox.Literal(ev["text"]))
                yield Tr(m, p_sentence, ox.Literal(ev["sentence"]))
                yield Tr(m, p_rule, ox.Literal(ev["rule"]))
                yield Tr(m, p_conf, ox.Literal(double_lexical(ev["confidence"]), datatype=xsd_double))
        elif rel in ("relatedTo", "buildsOn"):
            r = T.node(hashed_key("relatedness" if rel == "relatedTo" else "buildson", u, v))
            yield Tr(r, T.type, T.pkg("Relatedness" if rel == "relatedTo" else "BuildsOnLink"))
            yield Tr(r, T.r_subj, su)
            yield Tr(r, T.r_pred, p)
            yield Tr(r, T.r_obj, sv)
            if rel == "relatedTo":
                yield Tr(r, T.pkg("weight"), T.lit(data["weight"], "float"))
                for e in data.get("shared") or ():
                    yield Tr(r, T.pkg("sharedEntity"), T.node(e))
            else:
                for e in data.get("via") or ():
                    yield Tr(r, T.pkg("via"), T.node(e))


def store_from_triples(triples: Iterable, store: ox.Store | None = None, chunk: int = 200_000) -> ox.Store:
    """Load triples (or default-graph quads) into a (new) in-memory Oxigraph store, in chunks."""
    store = store if store is not None else ox.Store()
    batch: list[ox.Quad] = []
    Q = ox.Quad
    for t in triples:
        batch.append(t if isinstance(t, Q) else Q(t.subject, t.predicate, t.object))
        if len(batch) >= chunk:
            store.extend(batch)
            batch = []
    if batch:
        store.extend(batch)
    return store


def _py(term) -> object:
    """A literal as the Python value the NetworkX graph holds."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt == XSD + "integer":
            return int(term.value)
        if dt == XSD + "double":
            return float(term.value)
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return term.value


def rdf_to_nx(source, base_iri: str | None = None) -> nx.MultiDiGraph:
    """Rebuild the NetworkX graph from its RDF (a pyoxigraph Store, rdflib Graph or triples)."""
    triples = _iter_triples(source)
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    type_p, label_p = RDF + "type", RDFS + "label"
    pkg = NAMESPACE
    if base_iri is None:
        for s, props in by_subject.items():
            if any(o.value == pkg + "Extraction" for o in props.get(type_p, ())):
                base_iri = props[pkg + "baseIri"][0].value
                version = props.get(pkg + "extractorVersion", [ox.Literal("")])[0].value
                break
        else:
            raise ValueError("no pkg:Extraction node with pkg:baseIri: not a paperkg graph")
    else:
        ext = by_subject.get(node_iri(base_iri, "extraction"), {})
        version = ext.get(pkg + "extractorVersion", [ox.Literal("")])[0].value
    G = nx.MultiDiGraph(base_iri=base_iri, extractor_version=version)

    def key(term) -> str | None:
        return key_from_iri(base_iri, term.value) if isinstance(term, ox.NamedNode) else None

    reified = []
    pairs = []
    for s in sorted(by_subject):
        props = by_subject[s]
        types = {o.value[len(pkg):] for o in props.get(type_p, ()) if o.value.startswith(pkg)}
        ntype = next((t for t in _NODE_TYPES if t in types), None)
        if "Mention" in types:
            continue
        if "MethodPair" in types:
            a, b = props[pkg + "firstMethod"][0].value, props[pkg + "secondMethod"][0].value
            pairs.append((-int(props[pkg + "paperCount"][0].value), a, b))
            continue
        if "Relatedness" in types or "BuildsOnLink" in types:
            reified.append(props)
            continue
        if ntype is None:
            continue
        k = key_from_iri(base_iri, s)
        data = {"type": ntype, "label": props[label_p][0].value if label_p in props else k, "iri": s}
        for attr, prop, kind in _attr_table(ntype):
            vals = props.get(pkg + prop, [])
            if kind == "list":
                data[attr] = sorted(_py(o) for o in vals)
            else:
                data[attr] = _py(vals[0]) if vals else None
        if ntype == "Paper":
            if pkg + "authorList" in props:
                data["authors"] = json.loads(props[pkg + "authorList"][0].value)
            data["external"] = bool(_py(props[pkg + "external"][0])) if pkg + "external" in props else False
        elif ntype == "CodeRepository":
            owners = props.get(pkg + "ownedBy", [])
            okey = by_subject.get(owners[0].value, {}) if owners else {}
            data["owner"] = okey[pkg + "name"][0].value if pkg + "name" in okey else None
        G.add_node(k, **data)

    G.graph["method_pairs"] = [[key_from_iri(base_iri, a), key_from_iri(base_iri, b), -n] for n, a, b in sorted(pairs)]
    relation_names = set(EVIDENCE_RELATIONS) | set(_PLAIN_RELATIONS) | {"relatedTo", "buildsOn"}
    for s in sorted(by_subject):
        u = key_from_iri(base_iri, s)
        if u not in G:
            continue
        props = by_subject[s]
        for p in sorted(props):
            if not p.startswith(pkg) or p[len(pkg):] not in relation_names:
                continue
            rel = p[len(pkg):]
            for o in props[p]:
                v = key(o)
                if v is None or v not in G:
                    continue
                attrs = {"relation": rel}
                if rel in EVIDENCE_RELATIONS:
                    attrs["evidence"] = []
                if rel == "hasCode":
                    attrs["own"] = any(x.value == o.value for x in props.get(pkg + "hasOwnCode", ()))
                G.add_edge(u, v, key=rel, **attrs)
    mention_by_iri = {}
    for s in sorted(by_subject):
        props = by_subject[s]
        if not any(o.value == pkg + "Mention" for o in props.get(type_p, ())):
            continue
        ev = {
            "field": props[pkg + "field"][0].value, "start": _py(props[pkg + "start"][0]),
            "end": _py(props[pkg + "end"][0]), "text": props[pkg + "text"][0].value,
            "sentence": props[pkg + "sentence"][0].value, "rule": props[pkg + "rule"][0].value,
            "confidence": _py(props[pkg + "confidence"][0]),
        }
        rel = props[pkg + "supportsRelation"][0].value[len(pkg):]
        mention_by_iri[s] = (key(props[pkg + "mentionOf"][0]), rel, ev)
    for s in sorted(by_subject):
        ms = by_subject[s].get(pkg + "mentions")
        if not ms:
            continue
        u = key_from_iri(base_iri, s)
        for m in ms:
            target, rel, ev = mention_by_iri[m.value]
            if G.has_edge(u, target, key=rel):
                G.edges[u, target, rel]["evidence"].append(ev)
    from kg.graph.build import evidence_key

    for u, v, k, data in G.edges(keys=True, data=True):
        if "evidence" in data:
            data["evidence"].sort(key=evidence_key)
    for props in reified:
        u, v = key(props[RDF + "subject"][0]), key(props[RDF + "object"][0])
        rel = props[RDF + "predicate"][0].value[len(pkg):]
        if not G.has_edge(u, v, key=rel):
            continue
        if rel == "relatedTo":
            G.edges[u, v, rel]["weight"] = _py(props[pkg + "weight"][0])
            G.edges[u, v, rel]["shared"] = sorted(key(o) for o in props.get(pkg + "sharedEntity", ()))
        else:
            G.edges[u, v, rel]["via"] = sorted(key(o) for o in props.get(pkg + "via", ()))
    return G


def _iter_triples(source) -> Iterator[ox.Triple]:
    if isinstance(source, ox.Store):
        for q in source.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield q.triple
        return
    try:
        import rdflib
    except ImportError:  # pragma: no cover
        rdflib = None
    if rdflib is not None and isinstance(source, rdflib.Graph):
        store = getattr(source.store, "_inner", None)
        if isinstance(store, ox.Store):
            yield from _iter_triples(store)
            return
        from oxrdflib._converter import to_ox

        for s, p, o in source:
            yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))
        return
    for t in source:
        yield t if isinstance(t, ox.Triple) else t.triple
