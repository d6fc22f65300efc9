"""The overview map (overview.html, topics.html): entities placed by co-use, grouped into topics.

Where the map's entities, papers and code come from, how topics are found
(Louvain communities of the co-use graph) and how the map is laid out.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict

import networkx as nx

from kg.graph.communities import louvain
from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES
from kg.views.context import (
    CO_USE,
    MAX_LIST,
    RenderContext,
    _out,
    _relation,
    entity_row,
    node_label,
    paper_row,
)
from kg.views.layout import packed_layout
from kg.views.payload import TYPE_INDEX, edge_entry, graph_payload
from kg.views.safe import json_for_script

__all__ = ["MapModel", "map_model", "overview_data", "topic_contexts", "topic_rows", "topic_label", "TOPIC_COLORS",
           "MIN_TOPIC"]

MAP_ENTITY_SHARE = 0.6  # of the node cap: entities first, then papers, then code repositories
MAP_REPO_SHARE = 0.1
MIN_TOPIC = 5  # a community of fewer entities is drawn (grey, unlabelled) but is no topic
MAP_EDGES_PER_ENTITY = 4  # strongest co-use links drawn per entity
TOPIC_LABELS = 3  # entities labelled per topic at the first draw
TOPIC_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                "#9c755f", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#1f78b4")


class MapModel:
    """The overview map: entities placed by co-use and grouped into topics, then the papers and code.

    ``entities``: drawn entity keys; ``topic_of``: entity key -> topic index;
    ``topics``: per topic its entity keys by support; ``pairs``: (a, b) -> papers
    mentioning both (drawn entities); ``unconnected``: candidate entities not
    drawn (alone or in a small group); ``papers``/``repos``: drawn papers and
    code; ``no_entity``: papers with no entity at all; ``paper_topic``: every
    paper's topic (the topic most of its drawn entities belong to).
    """

    def __init__(self, ctx: RenderContext, max_nodes: int) -> None:
        g = ctx.g
        self._g = g
        tb = ctx.tables
        kind = tb.type
        ranked = sorted((k for k, t in kind.items() if t in ENTITY_TYPES), key=lambda k: (-tb.support[k], tb.low(k), k))
        quota = min(len(ranked), max(1, int(max_nodes * MAP_ENTITY_SHARE)))
        candidates = set(ranked[:quota])
        self.left_out_entities = len(ranked) - quota
        self.min_support = tb.support[ranked[quota - 1]] if quota < len(ranked) and quota else 0
        papers = sorted(k for k, t in kind.items() if t == "Paper")
        pairs: Counter = Counter()
        mine: dict[str, list] = {}
        for p in papers:
            es = sorted(e for e in tb.entities_of(p) if e in candidates)
            mine[p] = es
            for i, a in enumerate(es):
                for b in es[i + 1:]:
                    pairs[(a, b)] += 1
        co = nx.Graph()
        co.add_nodes_from(sorted({e for pair in pairs for e in pair}))
        co.add_edges_from((a, b, {"n": n}) for (a, b), n in sorted(pairs.items()))
        comps = list(nx.connected_components(co))
        # groups of fewer than MIN_TOPIC entities are listed, not drawn -- unless nothing bigger exists
        least = MIN_TOPIC if any(len(c) >= MIN_TOPIC for c in comps) else 2
        drawn = sorted(e for comp in comps if len(comp) >= least for e in comp)
        keep = set(drawn)
        self.unconnected = [k for k in ranked[:quota] if k not in keep]
        self.pairs = {pair: n for pair, n in pairs.items() if pair[0] in keep}
        sup = tb.support
        self.support = {k: sup[k] for k in drawn}
        # topics: Louvain communities of the co-use graph, links weighted by cosine (a hub does not swallow all)
        wg = nx.Graph()
        wg.add_nodes_from(drawn)
        wg.add_weighted_edges_from((a, b, n / math.sqrt(max(1, sup[a]) * max(1, sup[b])))
                                   for (a, b), n in sorted(self.pairs.items()))
        comms = louvain(drawn, wg.edges(data="weight")) if drawn else []
        rank_key = lambda k: (-sup[k], tb.low(k), k)  # noqa: E731
        comms = sorted((sorted(c, key=rank_key) for c in comms), key=lambda c: (-sum(sup[k] for k in c), rank_key(c[0])))
        # a topic has at least MIN_TOPIC entities; smaller groups are drawn, grey and unlabelled, in no topic
        self.topics = [c for c in comms if len(c) >= MIN_TOPIC]
        self.minor = sorted(k for c in comms if len(c) < MIN_TOPIC for k in c)
        self.topic_of = {k: i for i, c in enumerate(self.topics) for k in c}
        self.entities = sorted(drawn, key=rank_key)
        # papers: every paper's topic; the drawn ones by how many drawn entities they mention
        self.paper_topic = {}
        for p in papers:
            votes = Counter(self.topic_of[e] for e in mine[p] if e in self.topic_of)
            if votes:
                self.paper_topic[p] = min(votes, key=lambda t: (-votes[t], t))
        self.no_entity = [p for p in sorted(papers, key=tb.paper_rank.__getitem__) if not tb.entities_of(p)]
        linked = [p for p in papers if any(e in keep for e in mine[p])]
        self.papers_unlinked = len(papers) - len(linked) - len(self.no_entity)
        room = max(0, max_nodes - len(drawn) - int(max_nodes * MAP_REPO_SHARE))
        linked.sort(key=lambda p: (-sum(1 for e in mine[p] if e in keep), -tb.degree[p], p))
        self.papers = sorted(linked[:room])
        self.left_out_papers = max(0, len(linked) - room)
        self.paper_entities = {p: [e for e in mine[p] if e in keep] for p in self.papers}
        repos: dict[str, str] = {}
        for p in self.papers:
            for v, _, rel, _ in _out(g, p):
                if rel == "hasCode" and kind.get(v) == "CodeRepository":
                    repos.setdefault(v, p)
        room = max(0, max_nodes - len(drawn) - len(self.papers))
        self.repos = sorted(sorted(repos, key=lambda r: (-tb.degree[r], r))[:room])
        self.repo_paper = {r: repos[r] for r in self.repos}
        self.total = sum(1 for t in kind.values() if t in ENTITY_TYPES + ("Paper", "CodeRepository"))

    def layout(self) -> dict:
        """Entities by force layout over their strongest co-use links plus a pull to their topic's top
        entity; papers at the centre of their entities; code beside its paper (all deterministic)."""
        keys = sorted(self.entities)
        # layout-only pulls: each entity towards its topic's top entity, so topics sit together
        pull = [(k, self.topics[self.topic_of[k]][0]) for k in keys
                if k in self.topic_of and self.topics[self.topic_of[k]][0] != k]
        pos = packed_layout(keys, [(a, b) for a, b, _ in self.map_links()] + pull,
                            iterations=60 if len(keys) <= 3000 else 25)
        for p in self.papers:
            xs = [pos[e] for e in self.paper_entities[p]]
            angle, r = _jitter(p)
            pos[p] = (round(sum(x for x, _ in xs) / len(xs) + r * math.cos(angle), 1),
                      round(sum(y for _, y in xs) / len(xs) + r * math.sin(angle), 1))
        for rkey in self.repos:
            x, y = pos[self.repo_paper[rkey]]
            angle, r = _jitter(rkey)
            pos[rkey] = (round(x + 0.6 * r * math.cos(angle), 1), round(y + 0.6 * r * math.sin(angle), 1))
        return pos

    def map_links(self) -> list[tuple[str, str, int]]:
        """The co-use links drawn: each entity's MAP_EDGES_PER_ENTITY strongest by cosine (papers together over
        the geometric mean of the two supports, so a hub is not everyone's strongest link; then papers, then key),
        and the maximum spanning tree of the co-use graph."""
        hit = getattr(self, "_links", None)
        if hit is None:
            nbrs: dict[str, list] = defaultdict(list)
            sup = self.support
            for (a, b), n in self.pairs.items():
                cos = n / math.sqrt(max(1, sup[a]) * max(1, sup[b]))
                nbrs[a].append((-cos, -n, b))
                nbrs[b].append((-cos, -n, a))
            chosen = set()
            for a, lst in nbrs.items():
                for _, _, b in sorted(lst)[:MAP_EDGES_PER_ENTITY]:
                    chosen.add((min(a, b), max(a, b)))
            # plus a maximum spanning tree, so what is connected by co-use stays connected in the drawing
            tree = nx.Graph()
            tree.add_nodes_from(sorted(self.support))
            tree.add_weighted_edges_from((a, b, n / math.sqrt(max(1, sup[a]) * max(1, sup[b])))
                                         for (a, b), n in sorted(self.pairs.items()))
            chosen.update((min(a, b), max(a, b)) for a, b in nx.maximum_spanning_edges(tree, data=False))
            hit = self._links = [(a, b, self.pairs[(a, b)]) for a, b in sorted(chosen)]
        return hit


def _jitter(key: str) -> tuple[float, float]:
    """A stable angle and radius from the key (papers of the same entities do not sit on one spot)."""
    h = int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:4], "big")
    return (h % 3600) / 3600 * 2 * math.pi, 20.0 + (h >> 12) % 40


def map_model(ctx: RenderContext, max_nodes: int) -> MapModel:
    """The run's MapModel (computed once: the overview, the topic page and the paper list share it)."""
    hit = ctx.maps.get(max_nodes)
    if hit is None:
        hit = ctx.maps[max_nodes] = MapModel(ctx, max_nodes)
    return hit


def topic_label(g, model: MapModel, index: int) -> str:
    return " \u00b7 ".join(node_label(g, k) for k in model.topics[index][:TOPIC_LABELS])


def topic_rows(ctx: RenderContext, model: MapModel) -> list[dict]:
    """One row per topic: index, label, colour, entity and paper counts, its entities' keys to label."""
    g = ctx.g
    papers = Counter(model.paper_topic.values())
    tb = ctx.tables
    return [{"index": i, "number": i + 1, "label": topic_label(g, model, i), "color": TOPIC_COLORS[i % len(TOPIC_COLORS)],
             "entities": len(c), "papers": papers[i], "top": c[:TOPIC_LABELS],
             "support": sum(tb.support[k] for k in c)} for i, c in enumerate(model.topics)]


def overview_data(ctx: RenderContext, max_nodes: int) -> tuple[str, dict]:
    """The overview map (JSON text) and what is counted and listed instead of drawn."""
    g, names = ctx.g, ctx.names
    model = map_model(ctx, max_nodes)
    tb = ctx.tables
    pos = model.layout()
    keys = model.entities + model.papers + model.repos
    edges = []
    for a, b, n in model.map_links():
        tip = f"used together in {n} paper{'s' if n != 1 else ''}: {tb.label[a]} and {tb.label[b]}"
        edges.append((a, b, CO_USE, (tip, f'{{"f":{json_for_script(a)},"r":',
                                     f',"t":{json_for_script(b)},"tip":{json_for_script(tip)},"w":{n}}}')))
    drawn = set(model.entities)
    for p in model.papers:
        for v, data, rel, _ in _out(g, p):
            if v in drawn and rel in ENTITY_RELATIONS:
                edges.append((p, v, rel, edge_entry(ctx, p, v, rel, data)))
    for rkey in model.repos:
        p = model.repo_paper[rkey]
        for k, data in g._succ[p][rkey].items():
            edges.append((p, rkey, _relation(k, data), edge_entry(ctx, p, rkey, _relation(k, data), data)))
    topics = topic_rows(ctx, model)
    for t in topics:  # entities are drawn only when topics exist, so model.entities[0] is there
        t["page"] = f"topics.html#topic-{t['number']}" if names.get(model.entities[0]) else None  # no pages: no link
    extra = {
        "map": {"topic": [model.topic_of.get(k, -1) for k in model.entities],
                "topics": [{"label": t["label"], "color": t["color"], "top": t["top"], "page": t["page"]}
                           for t in topics],
                "hidden": [TYPE_INDEX["Paper"], TYPE_INDEX["CodeRepository"]],
                "total": model.total},
    }
    payload = graph_payload(ctx, keys, pos, edges, extra=extra)
    info = {"total": model.total, "shown": len(model.entities), "edges_shown": len(model.map_links()),
            "entities": len(model.entities), "papers": len(model.papers), "repos": len(model.repos),
            "topics": topics, "min_support": model.min_support,
            "left_out_entities": model.left_out_entities, "left_out_papers": model.left_out_papers,
            "min_topic": MIN_TOPIC, "minor": len(model.minor),
            "unconnected": [entity_row(tb, k) for k in model.unconnected[:MAX_LIST]],
            "unconnected_count": len(model.unconnected),
            "no_entity": [tb.paper_row(k) for k in model.no_entity[:MAX_LIST]],
            "no_entity_count": len(model.no_entity), "papers_unlinked": model.papers_unlinked}
    return payload, info


def topic_contexts(ctx: RenderContext, max_nodes: int) -> list[dict]:
    """The topic page: per topic its entities (by support) and its papers (most of their entities in it).

    Each row is a plain dict rendered by topics.html; further per-topic lists (such as the topic's rising
    entities) belong here as extra keys."""
    model = map_model(ctx, max_nodes)
    tb = ctx.tables
    by_topic: dict[int, list] = defaultdict(list)
    for p, t in model.paper_topic.items():
        by_topic[t].append(p)
    out = []
    for row in topic_rows(ctx, model):
        i = row["index"]
        members = set(model.topics[i])
        papers = sorted(by_topic[i], key=lambda p: (-len(tb.entities_of(p) & members), tb.paper_rank[p]))
        row = dict(row)
        row["entity_rows"] = [entity_row(tb, k) for k in model.topics[i][:MAX_LIST]]
        row["entities_more"] = max(0, len(model.topics[i]) - MAX_LIST)
        row["paper_rows"] = [paper_row(tb, p, shared=len(tb.entities_of(p) & members)) for p in papers[:MAX_LIST]]
        row["papers_more"] = max(0, len(papers) - MAX_LIST)
        out.append(row)
    return out
