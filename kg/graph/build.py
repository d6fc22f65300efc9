"""Build the NetworkX knowledge graph from papers and their extraction.

Follows docs/CONTRACTS.md exactly: typed nodes keyed ``paper/<id>``,
``method/<slug>``..., relations as edge keys with a ``relation`` attribute,
evidence lists on extracted edges. This stage only assembles: what is a
repository, a link or a citation, and every URL, was decided by extraction
(``PaperExtraction.repos``/``links``/``citations``); nothing is re-read from
the text or from the structured inputs here. Lists are sorted (sources, aliases,
evidence, via, shared) so that the RDF form, which has no order, converts
back to the very same graph.
"""
from __future__ import annotations

import hashlib
import itertools
from typing import Iterable, Sequence

import networkx as nx

from extractors.urls import LINK_TYPE_PREFERENCE
from kg.graph.iris import (
    DEFAULT_BASE_IRI,
    check_base_iri,
    link_key,
    node_iri,
    repo_keys,
)
from kg.graph.communities import COMMUNITY_SEED, louvain
from kg.graph.links import builds_on
from kg.graph.textsim import related_combined, tokenize_cached
from kg.graph.trends import add_months
from kg.memory import gc_paused
from kg.models import CorpusExtraction, Mention, Paper, select_evidence
from kg.schema import ENTITY_TYPES, RELATION_OF_FIELD, TYPE_OF_KIND

__all__ = ["build_nx", "add_analytics", "add_lookup_keys", "add_method_pairs", "RANKED_PER_TYPE", "TOP_METHOD_PAIRS",
           "evidence_key", "COMMUNITY_SEED", "PAGERANK_DIGITS", "pagerank_figure", "community_ids"]


#: significant digits of the PageRank written (``pagerank``, pkg:pagerank), which is the paper's PageRank times the
#: number of papers (1 = the average paper): a listing that does not reach a paper leaves its figure as it was
PAGERANK_DIGITS = 2
#: convergence of the power iteration, per paper (networkx stops when the L1 change is under n * tol): far below the
#: precision written, so the figure does not depend on how many iterations a corpus happened to need
_PAGERANK_TOL = 1e-10


def evidence_key(ev: dict) -> tuple:
    return (ev["field"], ev["start"], ev["end"], ev["rule"], ev["text"], ev["sentence"], ev["confidence"])


def _mention_keys(mentions: Iterable[Mention], pool: dict[str, str]) -> list[tuple]:
    """evidence_key of each ``m.evidence()`` with plain types and pooled strings, without building dicts."""
    share = pool.setdefault
    keys = []
    for m in mentions:
        f, r, t, s = str(m.field), str(m.rule), str(m.text), str(m.sentence)
        keys.append((share(f, f), int(m.start), int(m.end), share(r, r), share(t, t), share(s, s), float(m.confidence)))
    return keys


def _evidence_from_keys(keys: Iterable[tuple]) -> dict:
    """Edge attributes ``evidence`` (at most MAX_EVIDENCE deduplicated dicts sorted by evidence_key, dict
    order as Mention.evidence(); see kg.models.select_evidence) and ``mention_count`` (all distinct ones)."""
    kept, count = select_evidence(keys)
    return {"evidence": [{"field": f, "start": s, "end": e, "text": t, "sentence": sent, "rule": r, "confidence": c}
                         for f, s, e, r, t, sent, c in kept],
            "mention_count": count}


def _source_key(src) -> tuple:
    return (src.file, src.position)


def _paper_attrs(paper: Paper, base_iri: str) -> dict:
    key = f"paper/{paper.id}"
    return {
        "type": "Paper",
        "label": paper.title or paper.id,
        "iri": node_iri(base_iri, key),
        "title": paper.title,
        "abstract": paper.abstract,
        "date": paper.date,
        "date_source": paper.date_source,
        "url": paper.url,
        "authors": list(paper.authors),
        "sources": [f"{s.file}#{s.position}" for s in sorted(paper.sources, key=_source_key)],
        "arxiv_id": paper.arxiv_id,
        "doi": None,
        "external": False,
    }


def _external_paper(scheme: str, ident: str, url: str, base_iri: str, key: str) -> dict:
    arxiv = ident if scheme == "arxiv" else None
    doi = ident if scheme == "doi" else None
    return {
        "type": "Paper",
        "label": f"arXiv:{ident}" if arxiv else f"doi:{ident}",
        "iri": node_iri(base_iri, key),
        "title": None,
        "abstract": None,
        "date": None,
        "date_source": None,
        "url": url,
        "authors": [],
        "sources": [],
        "arxiv_id": arxiv,
        "doi": doi,
        "external": True,
    }


def _entity_attrs(eid: str, name: str, kind: str, aliases: Iterable[str], support: int, base_iri: str) -> dict:
    return {
        "type": TYPE_OF_KIND.get(kind, "Method"),
        "label": name,
        "iri": node_iri(base_iri, eid),
        "name": name,
        "aliases": sorted(set(a for a in aliases if a and a != name)),
        "support": int(support),
    }


def _choose_link_type(types: Iterable[str | None]) -> str:
    found = {t or "other" for t in types}
    for t in LINK_TYPE_PREFERENCE:
        if t in found:
            return t
    return sorted(found)[0] if found else "other"




def build_nx(
    papers: Sequence[Paper],
    extraction: CorpusExtraction,
    base_iri: str = DEFAULT_BASE_IRI,
    top_k: int = 10,
    max_df: int | None = None,
    cache_dir=None,
) -> nx.MultiDiGraph:
    """The knowledge graph as a MultiDiGraph, analytics included.

    ``cache_dir``: keep the words of titles and abstracts (TF-IDF relatedness) in a word cache there
    (kg.sqlcache.WordCache), so a rebuild tokenizes only new texts; the graph is the same either way."""
    check_base_iri(base_iri)
    with gc_paused():
        G = _build(papers, extraction, base_iri, top_k, max_df, cache_dir)
        add_analytics(G)
    return G


def _build(papers, extraction, base_iri, top_k, max_df, cache_dir=None) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(base_iri=base_iri, extractor_version=extraction.extractor_version or "")
    # Papers in id order: node order, relatedTo ties at the top-k cut (lower index wins), PageRank
    # sums and the community partition then do not depend on the order the inputs were given in.
    paper_by_id: dict[str, Paper] = {}
    for paper in sorted(papers, key=lambda p: p.id):
        if paper.id not in paper_by_id:
            paper_by_id[paper.id] = paper
    G.add_nodes_from((f"paper/{p.id}", _paper_attrs(p, base_iri)) for p in paper_by_id.values())
    arxiv_to_key = {}
    for paper in paper_by_id.values():
        if paper.arxiv_id:
            arxiv_to_key.setdefault(paper.arxiv_id.split("v")[0] if "/" not in paper.arxiv_id else paper.arxiv_id,
                                    f"paper/{paper.id}")

    G.add_nodes_from(
        (ent.id, _entity_attrs(ent.id, ent.name, ent.kind, ent.aliases, ent.support, base_iri))
        for ent in sorted(extraction.entities, key=lambda e: e.id)
    )

    # One object per distinct evidence string: extractors slice a fresh str per mention (the same
    # sentence once per mention), so the graph holds each value once when the extraction is released.
    pool: dict[str, str] = {}
    # edges collected first, keyed (u, v, relation): evidence keys, hasCode's own flag, other attributes
    evidence: dict[tuple[str, str, str], list[tuple]] = {}
    own_code: dict[tuple[str, str, str], bool] = {}
    plain: dict[tuple[str, str, str], dict] = {}

    def ensure_entity(eid: str, surface: str) -> None:
        if eid not in G:
            kind = eid.split("/", 1)[0]
            G.add_node(eid, **_entity_attrs(eid, surface or eid.split("/", 1)[-1], kind, (), 0, base_iri))

    link_types: dict[str, list[str | None]] = {}
    repo_meta: dict[str, tuple] = {}
    repo_keys_of: dict[str, tuple] = {}  # memo: the same repositories recur across papers

    def add_repo(pkey: str, url: str, own: bool, ev: list[tuple]) -> None:
        keys = repo_keys_of.get(url)
        if keys is None:
            keys = repo_keys_of[url] = repo_keys(url)
        rkey, okey, host, owner, name = keys
        repo_meta.setdefault(rkey, (okey, host, owner, name))
        edge = (pkey, rkey, "hasCode")
        evidence.setdefault(edge, []).extend(ev)
        own_code[edge] = own_code.get(edge, False) or own

    def add_link(pkey: str, url: str, link_type: str | None, ev: list[tuple]) -> None:
        lkey = link_key(url)
        link_types.setdefault(lkey, []).append(link_type)
        evidence.setdefault((pkey, lkey, "hasLink"), []).extend(ev)

    mentioned: dict[str, set[str]] = {}
    proposed: dict[str, set[str]] = {}
    for px in sorted(extraction.papers, key=lambda p: p.paper_id):
        paper = paper_by_id.get(px.paper_id)
        if paper is None:
            continue
        pkey = f"paper/{px.paper_id}"
        refs_by_entity: dict[str, list[Mention]] = {}
        ents = mentioned.setdefault(pkey, set()) if (px.methods or px.datasets or px.benchmarks) else None
        for field_name, rel in RELATION_OF_FIELD.items():
            for ref in getattr(px, field_name):
                eid = ref.entity_id
                ensure_entity(eid, ref.surface)
                evidence.setdefault((pkey, eid, rel), []).extend(_mention_keys(ref.mentions, pool))
                refs_by_entity.setdefault(eid, []).extend(ref.mentions)
                ents.add(eid)
        for eid in px.proposes:
            ensure_entity(eid, "")
            ms = refs_by_entity.get(eid, [])
            flagged = [m for m in ms if m.proposed] or ms
            evidence.setdefault((pkey, eid, "proposes"), []).extend(_mention_keys(flagged, pool))
            proposed.setdefault(pkey, set()).add(eid)
            # one relation per paper and entity: a paper that proposes X is not also said to use it
            for rel in RELATION_OF_FIELD.values():
                evidence.pop((pkey, eid, rel), None)
        # repositories and links (text and structured inputs alike) as extraction decided them
        for m in px.repos:
            add_repo(pkey, m.url, bool(m.own), _mention_keys((m,), pool))
        for m in px.links:
            add_link(pkey, m.url, m.link_type, _mention_keys((m,), pool))
        # citations -> cites: a paper of the corpus when its arXiv id is known, else an external paper
        for m in px.citations:
            scheme, ident = m.ref.split(":", 1)
            target = arxiv_to_key.get(ident) if scheme == "arxiv" else None
            if target is None:
                target = f"paper/{scheme}-{ident}"
                if target not in G:
                    G.add_node(target, **_external_paper(scheme, ident, m.url, base_iri, target))
            if target != pkey:
                evidence.setdefault((pkey, target, "cites"), []).extend(_mention_keys((m,), pool))

    for rkey in sorted(repo_meta):
        okey, host, owner, name = repo_meta[rkey]
        G.add_node(rkey, type="CodeRepository", label=f"{owner}/{name}", iri=node_iri(base_iri, rkey),
                   url=f"https://{host}/{owner}/{name}", name=name, owner=owner)
        if okey not in G:
            G.add_node(okey, type="Organization", label=owner, iri=node_iri(base_iri, okey),
                       url=f"https://{host}/{owner}", name=owner)
        plain[(rkey, okey, "ownedBy")] = {"relation": "ownedBy"}
    for lkey in sorted(link_types):
        url = lkey[len("link/"):]
        G.add_node(lkey, type="WebPage", label=url, iri=node_iri(base_iri, lkey), url=url,
                   link_type=_choose_link_type(link_types[lkey]))

    # paper-to-paper links
    corpus_keys = [f"paper/{pid}" for pid in paper_by_id]
    dates = [paper_by_id[pid].date for pid in paper_by_id]
    empty: frozenset[str] = frozenset()
    proposed_lists = [proposed.get(k, empty) for k in corpus_keys]
    entity_sets = [mentioned.get(k, empty) | p for k, p in zip(corpus_keys, proposed_lists)]
    for (b, a), via in builds_on(entity_sets, proposed_lists, dates).items():
        plain[(corpus_keys[b], corpus_keys[a], "buildsOn")] = {"relation": "buildsOn", "via": via}
    entity_lists = [sorted(s) for s in entity_sets]
    del entity_sets, proposed_lists
    texts = [f"{paper_by_id[pid].title}\n{paper_by_id[pid].abstract}" for pid in paper_by_id]
    tokens = tokenize_cached(texts, cache_dir) if cache_dir is not None and len(texts) > 1 and top_k > 0 else None
    for i, j, w, shared, ew, tw, terms in related_combined(entity_lists, texts, top_k=top_k, max_df=max_df,
                                                           tokens=tokens):
        plain[(corpus_keys[i], corpus_keys[j], "relatedTo")] = {
            "relation": "relatedTo", "weight": w, "shared": shared, "entity_weight": ew, "text_weight": tw,
            "terms": terms}
    del entity_lists, texts, tokens

    # sorted (u, v, relation) order; sorting per source node is much cheaper than one sort of all edges
    targets: dict[str, list[tuple[str, str]]] = {}
    for u, v, rel in itertools.chain(evidence, plain):
        targets.setdefault(u, []).append((v, rel))
    add_edge = G.add_edge
    for u in sorted(targets):
        for v, rel in sorted(targets.pop(u)):
            edge = (u, v, rel)
            ev = evidence.pop(edge, None)
            if ev is None:
                add_edge(u, v, key=rel, **plain.pop(edge))
            elif rel == "hasCode":
                add_edge(u, v, key=rel, relation=rel, **_evidence_from_keys(ev), own=own_code[edge])
            else:
                add_edge(u, v, key=rel, relation=rel, **_evidence_from_keys(ev))
    return G


#: entities of each type that get a ``support_rank`` (what top-N queries read instead of sorting all entities)
RANKED_PER_TYPE = 100


def add_lookup_keys(G: nx.MultiDiGraph) -> None:
    """``lookup_keys`` (lower-cased name and aliases) on entities and organisations; ``support_rank`` on the
    first RANKED_PER_TYPE entities of each type by (support desc, name, IRI), None on the rest.

    SPARQL engines index terms, not ``LCASE()`` of them: a case-insensitive
    lookup by name scans every name unless the lower-cased form is stored.
    Likewise "top entities" sorts every entity unless the ranking is stored.
    """
    by_type: dict[str, list] = {}
    for n, d in G.nodes(data=True):
        t = d.get("type")
        if t in ENTITY_TYPES or t == "Organization":
            name = str(d.get("name") or "")
            d["lookup_keys"] = sorted({name.lower(), *(str(a).lower() for a in d.get("aliases") or ())} - {""})
        if t in ENTITY_TYPES:
            d["support_rank"] = None
            by_type.setdefault(t, []).append((-int(d.get("support") or 0), str(d.get("name") or ""),
                                              str(d.get("iri") or ""), n))
    for rows in by_type.values():
        rows.sort()
        for rank, row in enumerate(rows[:RANKED_PER_TYPE], start=1):
            G.nodes[row[3]]["support_rank"] = rank


#: method pairs kept in ``G.graph["method_pairs"]`` (the methods-used-together query's LIMIT)
TOP_METHOD_PAIRS = 100


def add_method_pairs(G: nx.MultiDiGraph) -> None:
    """``G.graph["method_pairs"]``: the TOP_METHOD_PAIRS pairs of methods used (or proposed) by the most papers, as
    ``[method key A, method key B, papers]`` with A's IRI before B's, ordered by papers desc, IRI A, IRI B.

    Counting co-usage over every paper is a global aggregation that takes
    seconds in SPARQL on a 100k-paper graph; stored, it is a lookup.
    """
    from collections import Counter
    from itertools import combinations

    iri = {n: d.get("iri") or n for n, d in G.nodes(data=True)}
    uses: dict[str, set] = {}
    for u, v, k in G.edges(keys=True):  # a paper uses what it proposes (the graph states it once, as proposes)
        if k == "usesMethod" or (k == "proposes" and G.nodes[v].get("type") == "Method"):
            uses.setdefault(u, set()).add(v)
    pairs: Counter = Counter()
    for methods in uses.values():
        if len(methods) > 1:
            pairs.update(combinations(sorted(methods, key=lambda m: iri[m]), 2))
    top = sorted(pairs.items(), key=lambda item: (-item[1], iri[item[0][0]], iri[item[0][1]]))[:TOP_METHOD_PAIRS]
    G.graph["method_pairs"] = [[a, b, int(n)] for (a, b), n in top]


def pagerank_figure(pr: float, n_papers: int) -> float:
    """The PageRank as written: ``pr * n_papers`` (the average paper has 1) to PAGERANK_DIGITS significant digits.

    A probability shrinks with every paper added anywhere (all 20,000 figures change with a listing of 466
    papers); relative to the average it moves only where the new papers link, and two digits hide the drift of
    the rest (the teleport and dangling shares).

    >>> pagerank_figure(0.5 / 1000, 1000), pagerank_figure(0.012345, 1000), pagerank_figure(0.0, 10)
    (0.5, 12.0, 0.0)
    """
    x = float(pr) * n_papers
    return float(f"{x:.{PAGERANK_DIGITS}g}") if x > 0 else 0.0


def community_ids(communities: Sequence[Sequence[str]], iri: dict) -> list[int]:
    """A number per community that depends on its members only: from a hash of its first member's IRI.

    An index by size would renumber every community that one new paper's community overtakes. The number is
    the first 6 bytes of the BLAKE2b of the first (smallest) IRI; the rare collision takes the next free
    number, communities in order of their first IRI, so the numbers stay deterministic and distinct.
    """
    firsts = [min(iri[n] for n in c) for c in communities]
    ids: list[int] = [0] * len(communities)
    taken: set[int] = set()
    for idx in sorted(range(len(communities)), key=firsts.__getitem__):
        number = int.from_bytes(hashlib.blake2b(firsts[idx].encode("utf-8"), digest_size=6).digest(), "big")
        while number in taken:
            number = (number + 1) % (1 << 48)
        taken.add(number)
        ids[idx] = number
    return ids


def _communities(U: nx.Graph) -> list[list]:
    """Louvain communities (kg.graph.communities) of each connected component on its own, nodes in U's order.

    Modularity weighs a community against the total weight of the graph it is computed on: over the whole
    paper graph, papers added in a component of their own would shift every other decision. Per component,
    a listing changes only the communities of the components it joins. Components of one or two papers are
    one community each (Louvain would not split them).
    """
    order = {n: i for i, n in enumerate(U)}
    out: list[list] = []
    for component in sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(U)),
                            key=lambda c: order[c[0]]):
        if len(component) <= 2:
            out.append(component)
            continue
        out.extend(louvain(component, U.subgraph(component).edges(data="weight")))
    return out


def add_analytics(G: nx.MultiDiGraph) -> None:
    """degree (all nodes); lookup keys and support ranks (entities); method pairs; months; pagerank and community."""
    node_data = G.nodes
    for n, d in G.degree():
        node_data[n]["degree"] = int(d)
    add_lookup_keys(G)
    add_method_pairs(G)
    add_months(G)
    papers = [n for n, t in G.nodes(data="type") if t == "Paper"]
    if not papers:
        return
    # paper graph: buildsOn counts 1, relatedTo its weight, summed per ordered pair in G's edge order
    directed: list[list] = []  # [u, v, weight]; a pair's edges are consecutive in G.edges
    for u, v, k, w in G.edges(keys=True, data="weight"):
        if k == "buildsOn" or k == "relatedTo":
            add = 1.0 if k == "buildsOn" else float(w)
            if directed and directed[-1][0] == u and directed[-1][1] == v:
                directed[-1][2] += add
            else:
                directed.append([u, v, 0.0 + add])
    D = nx.DiGraph()
    D.add_nodes_from(papers)
    D.add_weighted_edges_from(directed)
    pr = (nx.pagerank(D, weight="weight", tol=_PAGERANK_TOL, max_iter=10_000) if directed
          else {n: 1.0 / len(papers) for n in papers})
    # undirected: both directions summed, each pair where it first occurs
    undirected: dict[tuple, float] = {}
    for u, v, w in directed:
        pair = (v, u) if (v, u) in undirected else (u, v)
        undirected[pair] = undirected.get(pair, 0.0) + w
    del directed
    U = nx.Graph()
    U.add_nodes_from(papers)
    U.add_weighted_edges_from((u, v, w) for (u, v), w in undirected.items())
    del undirected
    comms = _communities(U)
    iri = {n: str(node_data[n].get("iri") or n) for n in papers}
    for number, members in zip(community_ids(comms, iri), comms):
        for n in members:
            node_data[n]["community"] = number
    for n in papers:
        node_data[n]["pagerank"] = pagerank_figure(pr[n], len(papers))
