"""Turn the NetworkX knowledge graph into plain view models (dicts) for the templates.

Everything here is sorted so the same graph always gives the same pages, and
node/edge data is built in bulk (pyvis's add_node is quadratic).
"""
from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from itertools import chain

from kg.views.layout import packed_layout, ring_layout
from kg.views.options import vis_options_json
from kg.views.safe import PageNames, excerpt, json_for_script, safe_url
from kg.views.text import readable

__all__ = [
    "NODE_TYPES", "ENTITY_TYPES", "RELATIONS", "TYPE_COLORS", "RELATION_COLORS",
    "node_type", "node_label", "node_support", "assign_pages", "corpus_stats",
    "map_model", "MapModel", "overview_data", "topic_contexts", "topic_rows", "TOPIC_COLORS",
    "paper_table", "entity_context", "paper_context", "search_index",
    "top_entities", "view_tables", "trim_caches", "ViewTables", "timeline_context", "rising_context",
]

NODE_TYPES = ("Paper", "Method", "Dataset", "Benchmark", "CodeRepository", "Organization", "WebPage")
ENTITY_TYPES = ("Method", "Dataset", "Benchmark")
RELATIONS = ("proposes", "usesMethod", "usesDataset", "evaluatesOn", "hasCode", "hasLink",
             "ownedBy", "buildsOn", "relatedTo", "cites")
ENTITY_RELATIONS = ("proposes", "usesMethod", "usesDataset", "evaluatesOn")
TYPE_COLORS = {
    "Paper": "#4e79a7", "Method": "#f28e2b", "Dataset": "#59a14f", "Benchmark": "#e15759",
    "CodeRepository": "#76b7b2", "Organization": "#b07aa1", "WebPage": "#9c755f", "Other": "#bab0ac",
}
RELATION_COLORS = {
    "proposes": "#d62728", "usesMethod": "#ff9f40", "usesDataset": "#2ca02c", "evaluatesOn": "#9467bd",
    "hasCode": "#17becf", "hasLink": "#8c564b", "ownedBy": "#7f7f7f", "buildsOn": "#1f4e9c",
    "relatedTo": "#c9c9c9", "cites": "#bcbd22", "other": "#999999",
}
TYPE_NAMES = {"CodeRepository": "Code repository", "WebPage": "Web page"}
_PREFIX_TYPES = {"paper": "Paper", "method": "Method", "dataset": "Dataset", "benchmark": "Benchmark",
                 "repo": "CodeRepository", "org": "Organization", "link": "WebPage"}
_RELATION_RANK = {r: i for i, r in enumerate(("proposes", "buildsOn", "usesMethod", "usesDataset",
                                               "evaluatesOn", "hasCode", "cites", "hasLink", "ownedBy",
                                               "relatedTo"))}
MAX_LIST = 500  # rows per list on one page; the rest is counted, not dropped silently


def node_type(g, key) -> str:
    t = g.nodes[key].get("type")
    if t in NODE_TYPES:
        return t
    return _PREFIX_TYPES.get(str(key).split("/", 1)[0], "Other")


def node_label(g, key) -> str:
    a = g.nodes[key]
    for field in ("label", "name", "title", "url"):
        if a.get(field):
            text = " ".join(str(a[field]).split())
            return text if field == "url" else readable(text)
    return str(key)


def node_support(g, key) -> int:
    """Entities: papers mentioning them; other non-papers: incoming edges; papers: 0."""
    a = g.nodes[key]
    t = node_type(g, key)
    if t == "Paper":
        return 0
    if t in ENTITY_TYPES and isinstance(a.get("support"), int):
        return a["support"]
    return len({u for u, _ in g.in_edges(key)})


def _title(a) -> str:
    """A paper's title as shown: one line, LaTeX as text (the stored title keeps what the listing wrote)."""
    return readable(" ".join(str(a["title"]).split()))


def _relation(key, data) -> str:
    return str(data.get("relation") or key)


def _by_type(g) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for key in g.nodes:
        groups[node_type(g, key)].append(key)
    return {t: sorted(keys) for t, keys in groups.items()}


def assign_pages(g) -> PageNames:
    """A page for every paper and every entity; other nodes link out instead."""
    groups = _by_type(g)
    names = PageNames()
    names.assign("paper", groups.get("Paper", []), strip_prefix=True)
    names.assign("entity", [k for t in ENTITY_TYPES for k in groups.get(t, [])])
    return names


def corpus_stats(g) -> dict:
    counts = Counter(node_type(g, k) for k in g.nodes)
    per_relation = Counter(_relation(k, d) for nbrs in g._succ.values() for keyed in nbrs.values()
                           for k, d in keyed.items())
    return {
        "nodes": g.number_of_nodes(),
        "edges": sum(per_relation.values()),
        "types": [{"type": t, "name": TYPE_NAMES.get(t, t), "count": counts[t],
                   "color": TYPE_COLORS[t]} for t in NODE_TYPES + ("Other",) if counts[t]],
        "relations": [{"relation": r, "count": per_relation[r], "color": RELATION_COLORS.get(r, "#999")}
                      for r in sorted(per_relation, key=lambda r: (_RELATION_RANK.get(r, 99), r))],
        "papers": counts["Paper"],
        "entities": sum(counts[t] for t in ENTITY_TYPES),
        "repos": counts["CodeRepository"],
        "links": counts["WebPage"],
    }


def top_entities(g, names: PageNames, etype: str, limit: int = 20) -> list[dict]:
    """Entities of one type by support (the ranking is computed once per run and sliced)."""
    tb = view_tables(g, names)
    ranked = names.cache.setdefault("ranked", {}).get(etype)
    if ranked is None:
        ranked = names.cache["ranked"][etype] = sorted(
            (k for k, t in tb.type.items() if t == etype), key=lambda k: (-tb.support[k], tb.low(k), k))
    out = []
    for k in ranked[:limit]:
        a = g.nodes[k]
        proposed = sum(1 for _, _, r, _ in _in(g, k) if r == "proposes")
        out.append({"label": tb.label[k], "page": names.get(k), "support": tb.support[k],
                    "aliases": ", ".join(sorted(map(str, a.get("aliases") or []))), "proposed": proposed})
    return out


def _in(g, key):
    """(source, data, relation, edge key) of incoming edges; plain dict access (views are slow)."""
    for u, keyed in g._pred[key].items():
        for k, d in keyed.items():
            yield u, d, _relation(k, d), k


def _out(g, key):
    for v, keyed in g._succ[key].items():
        for k, d in keyed.items():
            yield v, d, _relation(k, d), k


class ViewTables:
    """Per-node facts every page needs, computed once per run instead of once per page.

    Built in the parent before the page workers fork, so the workers share
    them.  Rankings replace per-page sorts of big neighbourhoods: comparing
    two ints gives the same order as the tuple keys they stand for.
    """

    def __init__(self, g, names: PageNames) -> None:
        self.type = {k: node_type(g, k) for k in g.nodes}
        self.label = {k: node_label(g, k) for k in g.nodes}
        self.support = {k: node_support(g, k) for k in g.nodes}
        self.degree = dict(g.degree())
        papers = [k for k, t in self.type.items() if t == "Paper"]
        order = _paper_sort(g)
        self.paper_rank = {k: i for i, k in enumerate(sorted(papers, key=order))}
        self.degree_rank = {k: i for i, k in enumerate(sorted(papers, key=lambda k: (-self.degree[k], k)))}
        self.type_rank = {k: NODE_TYPES.index(t) if t in NODE_TYPES else 99 for k, t in self.type.items()}
        self._names = names
        self._g = g
        self._entities: dict[str, frozenset] = {}
        self._mentions: dict[str, list] = {}
        self._paper_rows: dict[str, dict] = {}
        self._entity_rows: dict[str, dict] = {}
        self._low: dict[str, str] = {}

    def mention_edges(self, key: str) -> list:
        """``(target, relation, data)`` of the node's outgoing proposes/uses/evaluates edges."""
        hit = self._mentions.get(key)
        if hit is None:
            hit = self._mentions[key] = [(v, rel, d) for v, keyed in self._g._succ[key].items()
                                         for k, d in keyed.items() if (rel := _relation(k, d)) in ENTITY_RELATIONS]
        return hit

    def entities_of(self, paper: str) -> frozenset:
        """Entities a paper mentions (method/dataset/benchmark relations, entity-typed targets)."""
        hit = self._entities.get(paper)
        if hit is None:
            kind = self.type
            hit = self._entities[paper] = frozenset(v for v, _, _ in self.mention_edges(paper)
                                                    if kind[v] in ENTITY_TYPES)
        return hit

    def low(self, key: str) -> str:
        hit = self._low.get(key)
        if hit is None:
            hit = self._low[key] = self.label[key].lower()
        return hit

    def paper_row(self, key: str) -> dict:
        hit = self._paper_rows.get(key)
        if hit is None:
            a = self._g.nodes[key]
            hit = self._paper_rows[key] = {
                "label": self.label[key] if not a.get("title") else _title(a),
                "page": self._names.get(key), "date": str(a.get("date") or "")}
        return hit

    def entity_row(self, key: str) -> dict:
        hit = self._entity_rows.get(key)
        if hit is None:
            t = self.type[key]
            hit = self._entity_rows[key] = {
                "label": self.label[key], "page": self._names.get(key), "type": TYPE_NAMES.get(t, t),
                "color": TYPE_COLORS.get(t, TYPE_COLORS["Other"]), "support": self.support[key]}
        return hit


def view_tables(g, names: PageNames) -> ViewTables:
    """The run's ViewTables, kept in ``names.cache`` (built on first use)."""
    tb = names.cache.get("tables")
    if tb is None or tb._g is not g:
        tb = names.cache["tables"] = ViewTables(g, names)
    return tb


# ---------------------------------------------------------------- graph data


def _node_tip(g, key) -> dict:
    """Tooltip fields; the browser builds the tooltip from them with textContent only."""
    a = g.nodes[key]
    t = node_type(g, key)
    tip: dict = {"h": node_label(g, key), "k": TYPE_NAMES.get(t, t)}
    lines: list[str] = []
    links: list[list[str]] = []
    if t == "Paper":
        if a.get("title"):
            tip["h"] = _title(a)
        authors = [str(x) for x in (a.get("authors") or [])]
        if authors:
            lines.append(", ".join(authors[:3]) + (" et al." if len(authors) > 3 else ""))
        if a.get("date"):
            lines.append(str(a["date"]))
        if a.get("abstract"):
            tip["x"] = excerpt(readable(str(a["abstract"])), 240)
        for v, _, rel, _ in sorted(_out(g, key), key=lambda e: (e[2], str(e[0]))):
            url = safe_url(g.nodes[v].get("url"))
            if url and rel == "hasCode":
                links.append(["code", url])
            elif url and rel == "hasLink":
                links.append([str(g.nodes[v].get("link_type") or "link"), url])
        if safe_url(a.get("url")):
            links.insert(0, ["paper", a["url"].strip()])
    elif t in ENTITY_TYPES:
        lines.append(f"support: {node_support(g, key)} paper(s)")
        aliases = sorted({str(x) for x in (a.get("aliases") or [])} - {tip["h"]})
        if aliases:
            tip["a"] = ", ".join(aliases[:8]) + (" \u2026" if len(aliases) > 8 else "")
    else:
        if a.get("link_type"):
            lines.append(str(a["link_type"]))
        if safe_url(a.get("url")):
            links.append(["open", a["url"].strip()])
    if lines:
        tip["d"] = lines
    if links:
        tip["u"] = links[:6]
    return tip


def _edge_entry(g, names: PageNames, u, v, rel, data, quote: bool = True) -> tuple[str, str, str]:
    """``(tip, head, tail)``: the plain-text tooltip (the relation and why it holds: evidence
    sentence unless ``quote`` is False, shared entities) and the edge's JSON around its per-page
    relation index; memoised per run."""
    cache = names.cache.setdefault("edge", {})
    hit = cache.get((u, v, rel, quote))
    if hit is None:
        tip = _edge_text(g, rel, data, quote)
        hit = cache[(u, v, rel, quote)] = (tip, f'{{"f":{json_for_script(u)},"r":',
                                           f',"t":{json_for_script(v)},"tip":{json_for_script(tip)}}}')
    return hit


EDGE_MEMO_MAX = 300_000  # ~150 MB of edge tooltips/JSON per process; hubs' edges are the ones reused


def trim_caches(names: PageNames) -> None:
    """Keep the per-run edge memo bounded (a 100k-paper graph has millions of edges); pure memo, so
    dropping it never changes output."""
    edges = names.cache.get("edge")
    if edges is not None and len(edges) > EDGE_MEMO_MAX:
        edges.clear()


def _edge_text(g, rel, data, quote: bool = True) -> str:
    text = rel
    evidence = data.get("evidence") or []
    if quote and evidence and isinstance(evidence[0], dict) and evidence[0].get("sentence"):
        text += ": \u201c" + excerpt(readable(str(evidence[0]["sentence"])), 300) + "\u201d"
    ids = data.get("via") or data.get("shared") or []
    shown = [node_label(g, e) if e in g else str(e) for e in ids]
    if shown:
        text += (" via " if data.get("via") else " sharing ") + ", ".join(shown[:6])
    if isinstance(data.get("weight"), (int, float)) and rel == "relatedTo":
        text += f" (weight {float(data['weight']):.2f})"
    if rel == "hasCode" and data.get("own") is not None:
        text += " (the paper's own code)" if data.get("own") else " (code it uses)"
    return text


def _node_size(g, key, t) -> float:
    if t in ENTITY_TYPES:
        return round(min(60.0, 10.0 + 4.0 * node_support(g, key) ** 0.5), 1)
    if t == "Paper":
        return round(min(30.0, 8.0 + 1.5 * g.degree(key) ** 0.5), 1)
    return 8.0


def _node_fragment(g, names: PageNames, key) -> str:
    """The node's JSON (label, type, size, tooltip, page), built once per run and reused by every page."""
    cache = names.cache.setdefault("node", {})
    frag = cache.get(key)
    if frag is None:
        t = node_type(g, key)
        label = node_label(g, key)
        node = {"id": key, "l": label if len(label) <= 40 else label[:39].rstrip() + "\u2026",
                "t": _TYPE_INDEX[t], "s": _node_size(g, key, t), "n": node_support(g, key), "tip": _node_tip(g, key)}
        page = names.get(key)
        if page:
            node["p"] = page
        elif safe_url(g.nodes[key].get("url")):
            node["u"] = g.nodes[key]["url"].strip()
        frag = cache[key] = json_for_script(node)
    return frag


_TYPE_INDEX = {t: i for i, t in enumerate(NODE_TYPES + ("Other",))}
_TYPES_JSON = json_for_script([{"name": TYPE_NAMES.get(t, t), "color": TYPE_COLORS[t]}
                               for t in NODE_TYPES + ("Other",)])


class GraphPayload(str):
    """JSON text of one drawing; ``.nodes``/``.edges`` counts are kept for the vis options."""

    n_nodes = 0


def _xy_json(coords: list) -> str:
    """``json_for_script([[x, y], ...])`` for float pairs, without the generic encoder (json writes floats with repr)."""
    if all(type(x) is float and type(y) is float and math.isfinite(x) and math.isfinite(y) for x, y in coords):
        return "[" + ",".join(f"[{x!r},{y!r}]" for x, y in coords) + "]"
    return json_for_script([list(c) for c in coords])


def _graph_payload(g, names: PageNames, keys: list[str], pos: dict, edges: list, center=None,
                   extra: dict | None = None) -> GraphPayload:
    """Assemble the drawing's JSON from cached node and edge fragments (escaping is per character,
    so concatenating escaped pieces equals escaping the whole); ``edges``: (u, v, relation, _edge_entry)."""
    rel_list = sorted({e[2] for e in edges}, key=lambda r: (_RELATION_RANK.get(r, 99), r))
    rel_index = {r: i for i, r in enumerate(rel_list)}
    parts = {
        "center": json_for_script(center),
        "edges": "[" + ",".join(f"{head}{rel_index[rel]}{tail}" for _, _, rel, (_, head, tail) in edges) + "]",
        "nodes": "[" + ",".join(_node_fragment(g, names, k) for k in keys) + "]",
        "relations": json_for_script([{"name": r, "color": RELATION_COLORS.get(r, RELATION_COLORS["other"])}
                                      for r in rel_list]),
        "types": _TYPES_JSON,
        "xy": _xy_json([pos[k] for k in keys]),
    }
    for name, value in (extra or {}).items():
        parts[name] = json_for_script(value)
    parts["options"] = vis_options_json(len(keys))
    out = GraphPayload("{" + ",".join(f'"{name}":{parts[name]}' for name in sorted(parts)) + "}")
    out.n_nodes = len(keys)
    return out


# ---------------------------------------------------------------- the map (overview)

CO_USE = "usedWith"  # view-only relation: two entities mentioned by the same papers
RELATION_COLORS[CO_USE] = "#8a8f99"
_RELATION_RANK[CO_USE] = -1
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

    def __init__(self, g, names: PageNames, max_nodes: int) -> None:
        import networkx as nx

        from kg.graph.build import COMMUNITY_SEED

        self._g = g
        tb = view_tables(g, names)
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
        comms = nx.community.louvain_communities(wg, weight="weight", seed=COMMUNITY_SEED) if drawn else []
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
            import networkx as nx

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


def map_model(g, names: PageNames, max_nodes: int) -> MapModel:
    """The run's MapModel (computed once: the overview, the topic page and the paper list share it)."""
    hit = names.cache.get("map")
    if hit is None or hit[0] != max_nodes or hit[1]._g is not g:
        hit = names.cache["map"] = (max_nodes, MapModel(g, names, max_nodes))
    return hit[1]


def topic_label(g, model: MapModel, index: int) -> str:
    return " \u00b7 ".join(node_label(g, k) for k in model.topics[index][:TOPIC_LABELS])


def topic_rows(g, names: PageNames, model: MapModel) -> list[dict]:
    """One row per topic: index, label, colour, entity and paper counts, its entities' keys to label."""
    papers = Counter(model.paper_topic.values())
    tb = view_tables(g, names)
    return [{"index": i, "number": i + 1, "label": topic_label(g, model, i), "color": TOPIC_COLORS[i % len(TOPIC_COLORS)],
             "entities": len(c), "papers": papers[i], "top": c[:TOPIC_LABELS],
             "support": sum(tb.support[k] for k in c)} for i, c in enumerate(model.topics)]


def overview_data(g, names: PageNames, max_nodes: int) -> tuple[str, dict]:
    """The overview map (JSON text) and what is counted and listed instead of drawn."""
    model = map_model(g, names, max_nodes)
    tb = view_tables(g, names)
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
                edges.append((p, v, rel, _edge_entry(g, names, p, v, rel, data)))
    for rkey in model.repos:
        p = model.repo_paper[rkey]
        for k, data in g._succ[p][rkey].items():
            edges.append((p, rkey, _relation(k, data), _edge_entry(g, names, p, rkey, _relation(k, data), data)))
    topics = topic_rows(g, names, model)
    for t in topics:  # entities are drawn only when topics exist, so model.entities[0] is there
        t["page"] = f"topics.html#topic-{t['number']}" if names.get(model.entities[0]) else None  # no pages: no link
    extra = {
        "map": {"topic": [model.topic_of.get(k, -1) for k in model.entities],
                "topics": [{"label": t["label"], "color": t["color"], "top": t["top"], "page": t["page"]}
                           for t in topics],
                "hidden": [_TYPE_INDEX["Paper"], _TYPE_INDEX["CodeRepository"]],
                "total": model.total},
    }
    payload = _graph_payload(g, names, keys, pos, edges, extra=extra)
    info = {"total": model.total, "shown": len(model.entities), "edges_shown": len(model.map_links()),
            "entities": len(model.entities), "papers": len(model.papers), "repos": len(model.repos),
            "topics": topics, "min_support": model.min_support,
            "left_out_entities": model.left_out_entities, "left_out_papers": model.left_out_papers,
            "min_topic": MIN_TOPIC, "minor": len(model.minor),
            "unconnected": [_entity_row(tb, k) for k in model.unconnected[:MAX_LIST]],
            "unconnected_count": len(model.unconnected),
            "no_entity": [tb.paper_row(k) for k in model.no_entity[:MAX_LIST]],
            "no_entity_count": len(model.no_entity), "papers_unlinked": model.papers_unlinked}
    return payload, info


def topic_contexts(g, names: PageNames, max_nodes: int) -> list[dict]:
    """The topic page: per topic its entities (by support) and its papers (most of their entities in it).

    Each row is a plain dict rendered by topics.html; further per-topic lists (such as the topic's rising
    entities) belong here as extra keys."""
    model = map_model(g, names, max_nodes)
    tb = view_tables(g, names)
    by_topic: dict[int, list] = defaultdict(list)
    for p, t in model.paper_topic.items():
        by_topic[t].append(p)
    out = []
    for row in topic_rows(g, names, model):
        i = row["index"]
        members = set(model.topics[i])
        papers = sorted(by_topic[i], key=lambda p: (-len(tb.entities_of(p) & members), tb.paper_rank[p]))
        row = dict(row)
        row["entity_rows"] = [_entity_row(tb, k) for k in model.topics[i][:MAX_LIST]]
        row["entities_more"] = max(0, len(model.topics[i]) - MAX_LIST)
        row["paper_rows"] = [_paper_row(tb, p, shared=len(tb.entities_of(p) & members)) for p in papers[:MAX_LIST]]
        row["papers_more"] = max(0, len(papers) - MAX_LIST)
        out.append(row)
    return out


# ---------------------------------------------------------------- pages


def _paper_row(tb: ViewTables, key, **extra) -> dict:
    row = dict(tb.paper_row(key))
    row.update(extra)
    return row


def _entity_row(tb: ViewTables, key, **extra) -> dict:
    row = dict(tb.entity_row(key))
    row.update(extra)
    return row


def _evidence_text(data) -> str:
    for ev in data.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("sentence"):
            return excerpt(readable(str(ev["sentence"])), 320)
    return ""


def _paper_sort(g):
    return lambda k: ("~" if not g.nodes[k].get("date") else "", _neg(str(g.nodes[k].get("date") or "")), k)


def _neg(s: str) -> str:
    """Sort key that orders ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) if ord(c) < 0x10FFFF else c for c in s)


def _via_labels(g, tb: ViewTables, ids) -> str:
    return ", ".join(tb.label[e] if e in g else str(e) for e in ids)


def _neighbourhood(g, names, tb: ViewTables, center, ring1, ring2) -> dict:
    """The page's drawing: edges of the centre, plus mention edges among the other shown nodes."""
    keys = [center] + ring1 + ring2
    keep = set(keys)
    edges = []
    for v, keyed in g._succ[center].items():
        if v in keep:
            for k, data in keyed.items():
                rel = _relation(k, data)
                edges.append((center, v, rel, _edge_entry(g, names, center, v, rel, data)))
    for u in dict.fromkeys(keys[1:]):
        if u == center:
            continue
        for v, rel, data in tb.mention_edges(u):
            if v in keep and v != center:
                # edges between other nodes: no quote (each is quoted on its own pages; quoting it
                # on every page showing both ends repeated one sentence across thousands of pages)
                edges.append((u, v, rel, _edge_entry(g, names, u, v, rel, data, quote=False)))
        for k, data in g._succ[u].get(center, {}).items():
            rel = _relation(k, data)
            edges.append((u, center, rel, _edge_entry(g, names, u, center, rel, data)))
    edges.sort(key=lambda e: (_RELATION_RANK.get(e[2], 99), e[0], e[1], e[3][0]))
    return _graph_payload(g, names, keys, ring_layout(center, [ring1, ring2]), edges, center=center)


def entity_context(g, names: PageNames, key: str) -> dict:
    tb = view_tables(g, names)
    kind = tb.type
    a = g.nodes[key]
    t = kind[key]
    proposed, used = {}, {}
    for u, keyed in g._pred[key].items():
        if kind[u] != "Paper":
            continue
        for k, data in keyed.items():
            rel = _relation(k, data)
            if rel == "proposes":
                proposed[u] = data
            elif rel in ENTITY_RELATIONS:
                used.setdefault(u, (rel, data))
    # co-mentions: each paper counts once per other entity it mentions
    co = Counter(chain.from_iterable(tb.entities_of(p) for p in set(proposed) | set(used)))
    co.pop(key, None)
    with_keys = heapq.nsmallest(30, co, key=lambda v: (-co[v], tb.low(v), v))
    rank = tb.paper_rank
    proposed_keys = sorted(proposed, key=rank.__getitem__)
    used_keys = sorted((k for k in used if k not in proposed), key=rank.__getitem__)
    ring1 = proposed_keys[:10] + heapq.nsmallest(30 - min(10, len(proposed_keys)), used_keys,
                                                 key=tb.degree_rank.__getitem__)
    label = tb.label[key]
    aliases = sorted({str(x) for x in (a.get("aliases") or [])} - {label})
    return {
        "key": key, "label": label, "type": TYPE_NAMES.get(t, t),
        "color": TYPE_COLORS.get(t, TYPE_COLORS["Other"]), "aliases": aliases,
        "support": tb.support[key],
        "proposed_by": [_paper_row(tb, k, evidence=_evidence_text(proposed[k])) for k in proposed_keys[:MAX_LIST]],
        "proposed_more": max(0, len(proposed_keys) - MAX_LIST),
        "used_by": [_paper_row(tb, k, relation=used[k][0], evidence=_evidence_text(used[k][1]))
                    for k in used_keys[:MAX_LIST]],
        "used_more": max(0, len(used_keys) - MAX_LIST),
        "used_with": [_entity_row(tb, v, count=co[v]) for v in with_keys],
        "timeline": timeline_context(g, names, key),
        "graph": _neighbourhood(g, names, tb, key, ring1, with_keys[:12]),
    }


def paper_context(g, names: PageNames, key: str) -> dict:
    tb = view_tables(g, names)
    kind = tb.type
    a = g.nodes[key]
    entities = {r: [] for r in ENTITY_RELATIONS}
    code, links, builds_on, cites = [], [], [], []
    related: dict[str, dict] = {}
    out = [(v, d, _relation(k, d)) for v, keyed in g._succ[key].items() for k, d in keyed.items()]
    out.sort(key=lambda e: (e[2], str(e[0])))
    for v, data, rel in out:
        vt = kind[v]
        if rel in ENTITY_RELATIONS:
            entities[rel].append(_entity_row(tb, v, evidence=_evidence_text(data)))
        elif rel == "hasCode":
            code.append({"label": tb.label[v], "url": safe_url(g.nodes[v].get("url")),
                         "own": bool(data.get("own"))})
        elif rel == "hasLink":
            links.append({"label": tb.label[v], "url": safe_url(g.nodes[v].get("url")),
                          "kind": str(g.nodes[v].get("link_type") or "link")})
        elif rel == "buildsOn" and vt == "Paper":
            builds_on.append(_paper_row(tb, v, via=_via_labels(g, tb, data.get("via") or [])))
        elif rel == "cites" and vt == "Paper":
            cites.append(_paper_row(tb, v))
        if rel == "relatedTo" and vt == "Paper":
            related[v] = data
    built_upon_by = []
    n_built = 0
    incoming = [(u, d, _relation(k, d)) for u, keyed in g._pred[key].items() for k, d in keyed.items()]
    incoming.sort(key=lambda e: (e[2], str(e[0])))
    for u, data, rel in incoming:
        if rel == "buildsOn" and kind[u] == "Paper":
            n_built += 1
            if n_built <= MAX_LIST:  # only the shown rows are built
                built_upon_by.append(_paper_row(tb, u, via=_via_labels(g, tb, data.get("via") or [])))
        elif rel == "relatedTo" and kind[u] == "Paper":
            old = related.get(u)
            if old is None or float(data.get("weight") or 0) > float(old.get("weight") or 0):
                related[u] = data
    rel_keys = heapq.nsmallest(10, related, key=lambda k: (-float(related[k].get("weight") or 0), k))
    related_rows = [_paper_row(tb, k, weight=f"{float(related[k].get('weight') or 0):.2f}",
                               shared=_via_labels(g, tb, (related[k].get("shared") or [])[:6]),
                               terms=", ".join(map(str, related[k].get("terms") or [])))
                    for k in rel_keys]
    ring1 = sorted({v for v, _, rel in out if rel in ENTITY_RELATIONS + ("hasCode", "hasLink")},
                   key=lambda v: (tb.type_rank[v], v))[:30]
    linked = sorted({v for v, _, rel in out if rel in ("buildsOn", "cites")})
    ring2 = list(dict.fromkeys(linked + rel_keys))[:14]
    ring2 = [k for k in ring2 if k != key and k not in ring1]
    _quote_once(entities)
    authors = [str(x) for x in (a.get("authors") or [])]
    return {
        "key": key, "title": _title(a) if a.get("title") else tb.label[key],
        "date": str(a.get("date") or ""), "authors": authors, "url": safe_url(a.get("url")),
        "arxiv_id": str(a.get("arxiv_id") or ""), "abstract": readable(str(a.get("abstract") or "")),
        "sources": [str(s) for s in (a.get("sources") or [])],
        "entities": [{"relation": r, "rows": entities[r]} for r in ENTITY_RELATIONS if entities[r]],
        "code": code, "links": links, "builds_on": builds_on, "built_upon_by": built_upon_by,
        "built_more": max(0, n_built - MAX_LIST), "cites": cites, "related": related_rows,
        "graph": _neighbourhood(g, names, tb, key, ring1, ring2),
    }


def _quote_once(entities: dict) -> None:
    """Quote each evidence sentence once per paper page: a later row from the same sentence names the
    first row (``evidence_as``) instead of repeating it (a sentence naming 25 entities was quoted 25 times)."""
    first: dict[str, str] = {}
    for rows in entities.values():
        for row in rows:
            text = row.get("evidence")
            if not text:
                continue
            if text in first:
                row["evidence"], row["evidence_as"] = "", first[text]
            else:
                first[text] = row["label"]


def search_index(g, names: PageNames) -> list[list]:
    """Compact rows [label, type index, page, aliases] for client-side search."""
    tb = view_tables(g, names)
    rows = []
    for key, page in names.items():
        t = tb.type[key]
        a = g.nodes[key]
        label = _title(a) if t == "Paper" and a.get("title") else tb.label[key]
        aliases = a.get("aliases")
        rows.append([label, _TYPE_INDEX[t], page, " ".join(sorted(str(x) for x in aliases)) if aliases else "", key])
    rows.sort(key=lambda r: (r[1], r[0].lower(), r[4]))
    return rows


# ---------------------------------------------------------------- trends (kg.graph.trends)

TIMELINE_MONTHS = 36  # months drawn on an entity page (the corpus's last ones)
RISING_SHOWN = 10


def _paper_months(g, names: PageNames) -> dict:
    """{paper key: month index} of the corpus's dated papers, once per run."""
    from kg.graph.trends import paper_months

    hit = names.cache.get("paper_months")
    if hit is None or names.cache.get("paper_months_of") is not g:
        hit = names.cache["paper_months"] = paper_months(g)
        names.cache["paper_months_of"] = g
    return hit


def _months(g, names: PageNames) -> list:
    """kg.graph.trends.months_table, once per run."""
    from kg.graph.trends import months_table

    if names.cache.get("months_of") is not g:
        names.cache["months"] = months_table(g)
        names.cache["months_of"] = g
    return names.cache["months"]


def timeline_context(g, names: PageNames, key: str) -> dict:
    """The entity's papers per month over the corpus's last TIMELINE_MONTHS months, as bars of a small SVG.

    ``bars``: one per month (gaps included) with x, y, height in a 0-100 x 0-40 box;
    ``rows``: the months with papers (the entity-timeline query's rows).
    """
    from kg.graph.trends import entity_timeline, month_index, month_name

    months = _paper_months(g, names)
    table = _months(g, names)
    rows = entity_timeline(g, key, months) if table else []
    out = {"rows": rows, "bars": [], "first": "", "last": "", "total": sum(r["papers"] for r in rows),
           "earlier": 0, "max": 0}
    if not table or not rows:
        return out
    last = month_index(table[-1][0])
    first = max(month_index(table[0][0]), last - TIMELINE_MONTHS + 1)
    counts = {month_index(r["month"]): r["papers"] for r in rows}
    top = max(counts.values())
    span = last - first + 1
    width = 100.0 / span
    for m in range(first, last + 1):
        n = counts.get(m, 0)
        h = round(38.0 * n / top, 2) if n else 0.0
        out["bars"].append({"month": month_name(m), "papers": n, "x": round((m - first) * width, 3),
                            "w": round(max(width * 0.8, 0.2), 3), "y": round(40.0 - h, 2), "h": h})
    out.update(first=month_name(first), last=month_name(last), max=top,
               earlier=sum(n for m, n in counts.items() if m < first))
    return out


def rising_context(g, names: PageNames, window: int | None = None, min_support: int | None = None) -> dict:
    """The index page's "Rising" list: kg.graph.trends.rising with its defaults, the first RISING_SHOWN rows."""
    from kg.graph.trends import DEFAULT_MIN_SUPPORT, DEFAULT_WINDOW, rising

    window = window or DEFAULT_WINDOW
    min_support = min_support or DEFAULT_MIN_SUPPORT
    rows = rising(g, window=window, min_support=min_support)
    shown = []
    for r in rows[:RISING_SHOWN]:
        row = dict(r)
        row["page"] = names.get(r["entity"])
        row["growth_pct"] = f"+{100.0 * r['growth']:.1f}"
        shown.append(row)
    head = rows[0] if rows else None
    return {"rows": shown, "count": len(rows), "window": window, "min_support": min_support,
            "from": head["from"] if head else "", "to": head["to"] if head else "",
            "previous_from": head["previous_from"] if head else "", "previous_to": head["previous_to"] if head else "",
            "recent_papers": head["recent_papers"] if head else 0, "before_papers": head["before_papers"] if head else 0,
            "dated": bool(_months(g, names))}


def paper_table(g, names: PageNames, max_nodes: int) -> list[dict]:
    """papers.html: every paper with its date, entity count, what it proposes, code, and topic; newest first."""
    tb = view_tables(g, names)
    model = map_model(g, names, max_nodes)
    kind = tb.type
    labels = {i: topic_label(g, model, i) for i in range(len(model.topics))}
    rows = []
    for p in sorted((k for k, t in kind.items() if t == "Paper"), key=tb.paper_rank.__getitem__):
        proposes, code = [], False
        for v, _, rel, _ in _out(g, p):
            if rel == "proposes" and kind[v] in ENTITY_TYPES:
                proposes.append(v)
            elif rel == "hasCode":
                code = True
        proposes.sort(key=lambda k: (tb.low(k), k))
        t = model.paper_topic.get(p)
        row = dict(tb.paper_row(p))
        row.update(entities=len(tb.entities_of(p)), proposes=", ".join(tb.label[k] for k in proposes[:5])
                   + (f" +{len(proposes) - 5}" if len(proposes) > 5 else ""),
                   code=code, topic=labels[t] if t is not None else "", topic_number=t + 1 if t is not None else 0)
        rows.append(row)
    return rows
