"""Build the NetworkX knowledge graph from papers and their extraction.

Follows docs/CONTRACTS.md exactly: typed nodes keyed ``paper/<id>``,
``method/<slug>``..., relations as edge keys with a ``relation`` attribute,
evidence lists on extracted edges. Lists are sorted (sources, aliases,
evidence, via, shared) so that the RDF form, which has no order, converts
back to the very same graph.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import networkx as nx

from kg.graph.iris import (
    ARXIV_ABS,
    DOI_BASE,
    DEFAULT_BASE_IRI,
    check_base_iri,
    link_key,
    node_iri,
    normalise_github,
    repo_keys,
)
from kg.graph.links import builds_on, find_references, related_papers
from kg.models import CorpusExtraction, Mention, Paper

__all__ = ["build_nx", "add_analytics", "evidence_key", "ENTITY_TYPES", "ENTITY_RELATIONS", "COMMUNITY_SEED"]

ENTITY_TYPES = {"method": "Method", "dataset": "Dataset", "benchmark": "Benchmark"}
#: PaperExtraction field -> relation of the paper -> entity edge.
ENTITY_RELATIONS = {"methods": "usesMethod", "datasets": "usesDataset", "benchmarks": "evaluatesOn"}
COMMUNITY_SEED = 42
_LINK_TYPES_PREF = ("project", "code", "data", "paper", "video", "other")


def evidence_key(ev: dict) -> tuple:
    return (ev["field"], ev["start"], ev["end"], ev["rule"], ev["text"], ev["sentence"], ev["confidence"])


def _evidence(items: Iterable[dict]) -> list[dict]:
    """Deduplicated, sorted evidence dicts (plain types only)."""
    seen = {}
    for ev in items:
        ev = {
            "field": str(ev["field"]), "start": int(ev["start"]), "end": int(ev["end"]),
            "text": str(ev["text"]), "sentence": str(ev["sentence"]), "rule": str(ev["rule"]),
            "confidence": float(ev["confidence"]),
        }
        seen.setdefault(evidence_key(ev), ev)
    return [seen[k] for k in sorted(seen)]


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
        "url": paper.url,
        "authors": list(paper.authors),
        "sources": [f"{s.file}#{s.position}" for s in sorted(paper.sources, key=_source_key)],
        "arxiv_id": paper.arxiv_id,
        "doi": None,
        "external": False,
    }


def _external_paper(scheme: str, ident: str, base_iri: str, key: str) -> dict:
    arxiv = ident if scheme == "arxiv" else None
    doi = ident if scheme == "doi" else None
    return {
        "type": "Paper",
        "label": f"arXiv:{ident}" if arxiv else f"doi:{ident}",
        "iri": node_iri(base_iri, key),
        "title": None,
        "abstract": None,
        "date": None,
        "url": ARXIV_ABS + ident if arxiv else DOI_BASE + ident,
        "authors": [],
        "sources": [],
        "arxiv_id": arxiv,
        "doi": doi,
        "external": True,
    }


def _entity_attrs(eid: str, name: str, kind: str, aliases: Iterable[str], support: int, base_iri: str) -> dict:
    return {
        "type": ENTITY_TYPES.get(kind, "Method"),
        "label": name,
        "iri": node_iri(base_iri, eid),
        "name": name,
        "aliases": sorted(set(a for a in aliases if a and a != name)),
        "support": int(support),
    }


def _choose_link_type(types: Iterable[str | None]) -> str:
    found = {t or "other" for t in types}
    for t in _LINK_TYPES_PREF:
        if t in found:
            return t
    return sorted(found)[0] if found else "other"


def build_nx(
    papers: Sequence[Paper],
    extraction: CorpusExtraction,
    base_iri: str = DEFAULT_BASE_IRI,
    top_k: int = 10,
    max_df: int | None = None,
) -> nx.MultiDiGraph:
    """The knowledge graph as a MultiDiGraph, analytics included."""
    check_base_iri(base_iri)
    G = nx.MultiDiGraph(base_iri=base_iri, extractor_version=extraction.extractor_version or "")
    paper_by_id: dict[str, Paper] = {}
    for paper in papers:
        if paper.id in paper_by_id:
            continue
        paper_by_id[paper.id] = paper
        G.add_node(f"paper/{paper.id}", **_paper_attrs(paper, base_iri))
    arxiv_to_key = {}
    for paper in paper_by_id.values():
        if paper.arxiv_id:
            arxiv_to_key.setdefault(paper.arxiv_id.split("v")[0] if "/" not in paper.arxiv_id else paper.arxiv_id,
                                    f"paper/{paper.id}")

    for ent in sorted(extraction.entities, key=lambda e: e.id):
        G.add_node(ent.id, **_entity_attrs(ent.id, ent.name, ent.kind, ent.aliases, ent.support, base_iri))

    # edges collected first: (u, v, relation) -> attrs
    edges: dict[tuple[str, str, str], dict] = {}

    def add_edge(u: str, v: str, rel: str, evidence: Iterable[dict] = (), **attrs) -> None:
        slot = edges.setdefault((u, v, rel), {"relation": rel, "evidence": []})
        slot["evidence"].extend(evidence)
        for k, val in attrs.items():
            if k == "own":
                slot["own"] = bool(slot.get("own", False) or val)
            else:
                slot[k] = val

    def ensure_entity(eid: str, surface: str) -> None:
        if eid not in G:
            kind = eid.split("/", 1)[0]
            G.add_node(eid, **_entity_attrs(eid, surface or eid.split("/", 1)[-1], kind, (), 0, base_iri))

    link_types: dict[str, list[str | None]] = {}
    repo_meta: dict[str, tuple] = {}

    def add_repo(pkey: str, url: str, own: bool, evidence: list[dict], link_type: str | None = "code") -> None:
        keys = repo_keys(url)
        if keys is None:
            add_link(pkey, url, link_type, evidence)
            return
        rkey, okey, host, owner, name = keys
        repo_meta.setdefault(rkey, (okey, host, owner, name))
        add_edge(pkey, rkey, "hasCode", evidence, own=own)

    def add_link(pkey: str, url: str, link_type: str | None, evidence: list[dict]) -> None:
        lkey = link_key(url)
        link_types.setdefault(lkey, []).append(link_type)
        add_edge(pkey, lkey, "hasLink", evidence)

    mentioned: dict[str, set[str]] = {}
    proposed: dict[str, set[str]] = {}
    for px in sorted(extraction.papers, key=lambda p: p.paper_id):
        paper = paper_by_id.get(px.paper_id)
        if paper is None:
            continue
        pkey = f"paper/{px.paper_id}"
        refs_by_entity: dict[str, list[Mention]] = {}
        for field_name, rel in ENTITY_RELATIONS.items():
            for ref in getattr(px, field_name):
                ensure_entity(ref.entity_id, ref.surface)
                add_edge(pkey, ref.entity_id, rel, (m.evidence() for m in ref.mentions))
                refs_by_entity.setdefault(ref.entity_id, []).extend(ref.mentions)
                mentioned.setdefault(pkey, set()).add(ref.entity_id)
        for eid in px.proposes:
            ensure_entity(eid, "")
            ms = refs_by_entity.get(eid, [])
            flagged = [m for m in ms if m.proposed] or ms
            add_edge(pkey, eid, "proposes", (m.evidence() for m in flagged))
            proposed.setdefault(pkey, set()).add(eid)
        for m in px.repos:
            if m.url:
                add_repo(pkey, m.url, bool(m.own), [m.evidence()])
        for m in px.links:
            if m.url:
                if m.link_type == "code" and repo_keys(m.url) and "github" in m.url:
                    add_repo(pkey, m.url, bool(m.own), [m.evidence()])
                else:
                    add_link(pkey, m.url, m.link_type, [m.evidence()])
        # explicit references -> cites
        for scheme, ident, ev in find_references({"title": paper.title, "abstract": paper.abstract}, px.links):
            target = arxiv_to_key.get(ident) if scheme == "arxiv" else None
            if target is None:
                target = f"paper/{scheme}-{ident}"
                if target not in G:
                    G.add_node(target, **_external_paper(scheme, ident, base_iri, target))
            if target != pkey:
                add_edge(pkey, target, "cites", [ev])

    # structured inputs: the listing's own repository and project page
    for paper in paper_by_id.values():
        pkey = f"paper/{paper.id}"
        if paper.github:
            add_repo(pkey, normalise_github(paper.github), True, [])
        if paper.project_page:
            add_link(pkey, paper.project_page, "project", [])

    for rkey in sorted(repo_meta):
        okey, host, owner, name = repo_meta[rkey]
        G.add_node(rkey, type="CodeRepository", label=f"{owner}/{name}", iri=node_iri(base_iri, rkey),
                   url=f"https://{host}/{owner}/{name}", name=name, owner=owner)
        if okey not in G:
            G.add_node(okey, type="Organization", label=owner, iri=node_iri(base_iri, okey),
                       url=f"https://{host}/{owner}", name=owner)
        add_edge(rkey, okey, "ownedBy")
    for lkey in sorted(link_types):
        url = lkey[len("link/"):]
        G.add_node(lkey, type="WebPage", label=url, iri=node_iri(base_iri, lkey), url=url,
                   link_type=_choose_link_type(link_types[lkey]))

    # paper-to-paper links
    corpus_keys = [f"paper/{pid}" for pid in paper_by_id]
    dates = [paper_by_id[pid].date for pid in paper_by_id]
    for (b, a), via in builds_on(
        [mentioned.get(k, set()) | proposed.get(k, set()) for k in corpus_keys],
        [proposed.get(k, set()) for k in corpus_keys],
        dates,
    ).items():
        add_edge(corpus_keys[b], corpus_keys[a], "buildsOn", via=via)
    entity_lists = [sorted(mentioned.get(k, set()) | proposed.get(k, set())) for k in corpus_keys]
    for i, j, w, shared in related_papers(entity_lists, top_k=top_k, max_df=max_df):
        add_edge(corpus_keys[i], corpus_keys[j], "relatedTo", weight=w, shared=shared)

    for (u, v, rel) in sorted(edges):
        attrs = edges[(u, v, rel)]
        if rel in ("proposes", "usesMethod", "usesDataset", "evaluatesOn", "hasCode", "hasLink", "cites"):
            attrs["evidence"] = _evidence(attrs["evidence"])
        else:
            attrs.pop("evidence")
        if rel == "hasCode":
            attrs.setdefault("own", False)
        G.add_edge(u, v, key=rel, **attrs)
    add_analytics(G)
    return G


def add_analytics(G: nx.MultiDiGraph) -> None:
    """degree (all nodes); pagerank and community (papers) on the paper graph."""
    for n in G:
        G.nodes[n]["degree"] = int(G.degree(n))
    papers = [n for n, t in G.nodes(data="type") if t == "Paper"]
    D = nx.DiGraph()
    D.add_nodes_from(papers)
    for u, v, k, w in G.edges(keys=True, data="weight"):
        if k in ("buildsOn", "relatedTo"):
            add = 1.0 if k == "buildsOn" else float(w)
            prev = D.get_edge_data(u, v, {}).get("weight", 0.0)
            D.add_edge(u, v, weight=prev + add)
    if not papers:
        return
    pr = nx.pagerank(D, weight="weight") if D.number_of_edges() else {n: 1.0 / len(papers) for n in papers}
    U = nx.Graph()
    U.add_nodes_from(papers)
    for u, v, w in D.edges(data="weight"):
        prev = U.get_edge_data(u, v, {}).get("weight", 0.0)
        U.add_edge(u, v, weight=prev + w)
    comms = nx.community.louvain_communities(U, weight="weight", seed=COMMUNITY_SEED)
    comms = sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c[0]))
    for idx, members in enumerate(comms):
        for n in members:
            G.nodes[n]["community"] = idx
    for n in papers:
        G.nodes[n]["pagerank"] = round(float(pr[n]), 10)
