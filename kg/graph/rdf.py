"""NetworkX <-> RDF under the paperkg ontology (statements made by kg.graph.ntriples).

The RDF is a lossless rendering of the NetworkX graph: ``nx_to_triples`` then
``rdf_to_nx`` gives back the same nodes, edges and attributes. Reification:
extracted edges get one pkg:Mention per evidence item (at most
kg.models.MAX_EVIDENCE, each stating the edge's pkg:mentionCount), whose
sentence is a pkg:Sentence node stated once per paper; relatedTo/buildsOn
edges get a pkg:Relatedness / pkg:BuildsOnLink node (rdf:subject,
rdf:predicate, rdf:object + weight/shared or via). No blank nodes: every node
has a stable IRI, so outputs are byte-identical across runs.
"""
from __future__ import annotations

import io
import json
from typing import Iterator

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib.plugins.stores.memory import Memory

from kg.graph.build import evidence_key
from kg.graph.iris import key_from_iri, node_iri
from kg.graph.ntriples import write_canonical_ntriples
from kg.queries.engine import term_value
from kg.schema import (
    EVIDENCE_RELATIONS,
    NAMESPACE,
    NODE_TYPES,
    PLAIN_RELATIONS,
    RDF,
    RDFS,
    REIFIED_RELATIONS,
    SKOS,
    XSD,
    all_prefixes,
    attribute_table,
    pkg,
)

__all__ = ["nx_to_triples", "nx_to_quads", "nx_to_rdflib", "rdf_to_nx"]


def nx_to_triples(G: nx.MultiDiGraph, base_iri: str | None = None) -> Iterator[ox.Triple]:
    """Every fact of the NetworkX graph as pyoxigraph Triples under the ontology."""
    for q in nx_to_quads(G, base_iri):
        yield q.triple


def nx_to_quads(G: nx.MultiDiGraph, base_iri: str | None = None) -> Iterator[ox.Quad]:
    """Every fact of the NetworkX graph as default-graph pyoxigraph Quads, in canonical order.

    The statements are made in one place, kg.graph.ntriples (what every
    output is written from), and parsed back here by Oxigraph.
    """
    buf = io.BytesIO()
    write_canonical_ntriples(G, buf, base_iri)
    return iter(ox.parse(buf.getvalue(), format=ox.RdfFormat.N_TRIPLES))


def nx_to_rdflib(G: nx.MultiDiGraph, base_iri: str | None = None):
    """The graph as a plain in-memory rdflib Graph: term for term what rdflib reads from graph.ttl.

    Made from the canonical statements (``nx_to_quads``), not through oxrdflib,
    which gives plain literals as ``xsd:string`` literals, a different term for
    rdflib (rdflib issue 2123). Each distinct term is converted once and the
    triples go straight into rdflib's Memory store: about 5x faster than
    rdflib parsing the Turtle, and triple patterns then stay in Python.
    """
    string = XSD + "string"
    made: dict = {}

    def term(t):
        r = made.get(t)
        if r is None:
            if isinstance(t, ox.NamedNode):
                r = rdflib.URIRef(t.value)
            elif isinstance(t, ox.Literal):
                dt = t.datatype.value
                if t.language:
                    r = rdflib.Literal(t.value, lang=t.language)
                else:
                    r = rdflib.Literal(t.value, datatype=None if dt == string else rdflib.URIRef(dt))
            else:
                r = rdflib.BNode(t.value)
            made[t] = r
        return r

    store = Memory()
    graph = rdflib.Graph(store=store)
    for q in nx_to_quads(G, base_iri):
        store.add((term(q.subject), term(q.predicate), term(q.object)), graph)
    for prefix, ns in sorted(all_prefixes(base_iri or G.graph.get("base_iri")).items()):
        graph.bind(prefix, ns, override=True)
    return graph


#: a literal as the Python value the NetworkX graph holds: the one conversion every query path uses too
_py = term_value


def rdf_to_nx(source, base_iri: str | None = None) -> nx.MultiDiGraph:
    """Rebuild the NetworkX graph from its RDF (a pyoxigraph Store, rdflib Graph or triples, in any order)."""
    triples = _iter_triples(source)
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    # a graph is a set: a triple written twice (parsed triples, not a store's) is one statement
    for props in by_subject.values():
        for objects in props.values():
            if len(objects) > 1:
                objects[:] = dict.fromkeys(objects)
    type_p, label_p = RDF + "type", RDFS + "label"
    ns = NAMESPACE  # local names of pkg: types and relations
    if base_iri is None:
        for s, props in by_subject.items():
            if any(o.value == pkg.Extraction for o in props.get(type_p, ())):
                base_iri = props[pkg.baseIri][0].value
                version = props.get(pkg.extractorVersion, [ox.Literal("")])[0].value
                break
        else:
            raise ValueError("no pkg:Extraction node with pkg:baseIri: not a paperkg graph")
    else:
        ext = by_subject.get(node_iri(base_iri, "extraction"), {})
        version = ext.get(pkg.extractorVersion, [ox.Literal("")])[0].value
    G = nx.MultiDiGraph(base_iri=base_iri, extractor_version=version)

    def key(term) -> str | None:
        return key_from_iri(base_iri, term.value) if isinstance(term, ox.NamedNode) else None

    reified = []
    pairs = []
    months: list[list] = []
    for s in sorted(by_subject):
        props = by_subject[s]
        types = {o.value[len(ns):] for o in props.get(type_p, ()) if o.value.startswith(ns)}
        ntype = next((t for t in NODE_TYPES if t in types), None)
        if "Mention" in types:
            continue
        if "MethodPair" in types:
            a, b = props[pkg.firstMethod][0].value, props[pkg.secondMethod][0].value
            pairs.append((-int(props[pkg.paperCount][0].value), a, b))
            continue
        if "Month" in types:
            months.append([props[pkg.month][0].value, _py(props[pkg.papersInMonth][0]),
                           _py(props[pkg.papersUpTo][0])])
            continue
        if "Relatedness" in types or "BuildsOnLink" in types:
            reified.append(props)
            continue
        if ntype is None:
            continue
        k = key_from_iri(base_iri, s)
        data = {"type": ntype, "label": props[label_p][0].value if label_p in props else k, "iri": s}
        for attr, prop, kind in attribute_table(ntype):
            vals = props.get(prop, [])
            if kind == "list":
                data[attr] = sorted(_py(o) for o in vals)
            else:
                data[attr] = _py(vals[0]) if vals else None
        if ntype == "Paper":
            if pkg.authorList in props:
                data["authors"] = json.loads(props[pkg.authorList][0].value)
            data["external"] = bool(_py(props[pkg.external][0])) if pkg.external in props else False
        elif ntype == "CodeRepository":
            owners = props.get(pkg.ownedBy, [])
            okey = by_subject.get(owners[0].value, {}) if owners else {}
            name_p = SKOS + "prefLabel"
            data["owner"] = okey[name_p][0].value if name_p in okey else None
        G.add_node(k, **data)

    G.graph["months"] = sorted(months)
    G.graph["method_pairs"] = [[key_from_iri(base_iri, a), key_from_iri(base_iri, b), -n] for n, a, b in sorted(pairs)]
    relation_names = set(EVIDENCE_RELATIONS) | set(PLAIN_RELATIONS) | set(REIFIED_RELATIONS)
    for s in sorted(by_subject):
        u = key_from_iri(base_iri, s)
        if u not in G:
            continue
        props = by_subject[s]
        for p in sorted(props):
            if not p.startswith(ns) or p[len(ns):] not in relation_names:
                continue
            rel = p[len(ns):]
            for o in props[p]:
                v = key(o)
                if v is None or v not in G:
                    continue
                attrs = {"relation": rel}
                if rel in EVIDENCE_RELATIONS:
                    attrs["evidence"] = []
                if rel == "hasCode":
                    attrs["own"] = any(x.value == o.value for x in props.get(pkg.hasOwnCode, ()))
                G.add_edge(u, v, key=rel, **attrs)
    mention_by_iri = {}
    sentence_p, in_sentence_p = pkg.sentence, pkg.inSentence
    for s in sorted(by_subject):
        props = by_subject[s]
        if not any(o.value == pkg.Mention for o in props.get(type_p, ())):
            continue
        sentence = ""
        if in_sentence_p in props:  # each sentence is stated once per paper (a pkg:Sentence), mentions refer to it
            sentence = by_subject.get(props[in_sentence_p][0].value, {}).get(sentence_p, [ox.Literal("")])[0].value
        ev = {
            "field": props[pkg.field][0].value, "start": _py(props[pkg.start][0]),
            "end": _py(props[pkg.end][0]), "text": props[pkg.text][0].value,
            "sentence": sentence, "rule": props[pkg.rule][0].value,
            "confidence": _py(props[pkg.confidence][0]),
        }
        rel = props[pkg.supportsRelation][0].value[len(ns):]
        count = _py(props[pkg.mentionCount][0]) if pkg.mentionCount in props else None
        mention_by_iri[s] = (key(props[pkg.mentionOf][0]), rel, ev, count)
    for s in sorted(by_subject):
        ms = by_subject[s].get(pkg.mentions)
        if not ms:
            continue
        u = key_from_iri(base_iri, s)
        for m in ms:
            target, rel, ev, count = mention_by_iri[m.value]
            if G.has_edge(u, target, key=rel):
                data = G.edges[u, target, rel]
                data["evidence"].append(ev)
                if count is not None:
                    data["mention_count"] = count

    for u, v, k, data in G.edges(keys=True, data=True):
        if "evidence" in data:
            data["evidence"].sort(key=evidence_key)
    for props in reified:
        u, v = key(props[RDF + "subject"][0]), key(props[RDF + "object"][0])
        rel = props[RDF + "predicate"][0].value[len(ns):]
        if not G.has_edge(u, v, key=rel):
            continue
        if rel == "relatedTo":
            G.edges[u, v, rel]["weight"] = _py(props[pkg.weight][0])
            G.edges[u, v, rel]["shared"] = sorted(key(o) for o in props.get(pkg.sharedEntity, ()))
            for attr, prop in (("entity_weight", pkg.entityWeight), ("text_weight", pkg.textWeight)):
                if prop in props:
                    G.edges[u, v, rel][attr] = _py(props[prop][0])
            if pkg.entityWeight in props or pkg.sharedTerm in props:
                G.edges[u, v, rel]["terms"] = sorted(o.value for o in props.get(pkg.sharedTerm, ()))
        else:
            G.edges[u, v, rel]["via"] = sorted(key(o) for o in props.get(pkg.via, ()))
    return G


def _iter_triples(source) -> Iterator[ox.Triple]:
    if isinstance(source, ox.Store):
        for q in source.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield q.triple
        return
    if isinstance(source, rdflib.Graph):
        store = getattr(source.store, "_inner", None)
        if isinstance(store, ox.Store):
            yield from _iter_triples(store)
            return
        # a third-party import kept here: oxrdflib loads rdflib's SPARQL engine (~0.35 s), which only
        # this rarely used path (an rdflib Graph on another store) needs
        from oxrdflib._converter import to_ox

        for s, p, o in source:
            yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))
        return
    for t in source:
        yield t if isinstance(t, ox.Triple) else t.triple
