"""The render context of the views, and the per-node facts and names every view shares.

:class:`RenderContext` is what one rendering run passes to every view
function (:mod:`kg.views.payload`, :mod:`kg.views.overview`,
:mod:`kg.views.pages`): the graph, the page names, the per-node tables and
the memos. Everything is sorted so the same graph always gives the same pages.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from kg.graph.trends import months_table, paper_months, rising
from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES, KEY_PREFIX_TYPES, NODE_TYPES
from kg.views.safe import PageNames
from kg.views.text import readable

__all__ = [
    "RenderContext", "ViewTables", "assign_pages", "node_type", "node_label", "node_support",
    "TYPE_COLORS", "RELATION_COLORS", "TYPE_NAMES", "CO_USE", "MAX_LIST", "EDGE_MEMO_MAX", "paper_row", "entity_row",
    "SHARD_PAGES", "shard_digits", "data_shard",
]

CO_USE = "usedWith"  # view-only relation: two entities mentioned by the same papers
TYPE_COLORS = {
    "Paper": "#4e79a7", "Method": "#f28e2b", "Dataset": "#59a14f", "Benchmark": "#e15759",
    "CodeRepository": "#76b7b2", "Organization": "#b07aa1", "WebPage": "#9c755f", "Other": "#bab0ac",
}
RELATION_COLORS = {
    "proposes": "#d62728", "usesMethod": "#ff9f40", "usesDataset": "#2ca02c", "evaluatesOn": "#9467bd",
    "hasCode": "#17becf", "hasLink": "#8c564b", "ownedBy": "#7f7f7f", "buildsOn": "#1f4e9c",
    "relatedTo": "#c9c9c9", "cites": "#bcbd22", "other": "#999999", CO_USE: "#8a8f99",
}
TYPE_NAMES = {"CodeRepository": "Code repository", "WebPage": "Web page"}
_RELATION_RANK = {r: i for i, r in enumerate(("proposes", "buildsOn", "usesMethod", "usesDataset",
                                               "evaluatesOn", "hasCode", "cites", "hasLink", "ownedBy",
                                               "relatedTo"))}
_RELATION_RANK[CO_USE] = -1  # the map's co-use links come first
MAX_LIST = 500  # rows per list on one page; the rest is counted, not dropped silently


EDGE_MEMO_MAX = 300_000  # ~150 MB of edge tooltips/JSON per process; hubs' edges are the ones reused


def node_type(g, key) -> str:
    t = g.nodes[key].get("type")
    if t in NODE_TYPES:
        return t
    return KEY_PREFIX_TYPES.get(str(key).split("/", 1)[0], "Other")


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


def _in(g, key):
    """(source, data, relation, edge key) of incoming edges; plain dict access (views are slow)."""
    for u, keyed in g._pred[key].items():
        for k, d in keyed.items():
            yield u, d, _relation(k, d), k


def _out(g, key):
    for v, keyed in g._succ[key].items():
        for k, d in keyed.items():
            yield v, d, _relation(k, d), k


#: Pages per data shard above which the shard names take one more hex digit (16 times the shards):
#: a page loads its whole shard, so shards stay small (about 7 to 110 pages, 50-800 kB at 20,000 papers).
SHARD_PAGES = 32


def shard_digits(pages: int) -> int:
    """Hex digits of the data shard names for a site of ``pages`` pages: 2 (256 shards) up to 8,192 pages,
    3 (4,096) up to 131,072, else 4 (65,536). A site that crosses one of these sizes renders every page once."""
    digits = 2
    while pages > SHARD_PAGES * 16 ** digits and digits < 4:
        digits += 1
    return digits


def data_shard(page: str | None, digits: int) -> str:
    """The data file of a page: ``assets/data/XX.js``, by a hash of the page's name (stable across builds)."""
    h = hashlib.blake2b(str(page).encode("utf-8"), digest_size=4).hexdigest()
    return f"assets/data/{h[:digits]}.js"


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


class RenderContext:
    """What one rendering run shares: the graph, its page names, the per-node tables and the memos.

    Made once per run (``write_views``, ``notebook_html``) and passed to every
    view function; page workers forked from the parent inherit it. Memos are
    pure: dropping one never changes output.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("method/x", type="Method", label="X", name="X", support=1)
    >>> ctx = RenderContext(g, assign_pages(g))
    >>> ctx.names.get("method/x"), ctx.tables.label["method/x"]
    ('entity/method-x.html', 'X')
    """

    def __init__(self, g, names: PageNames | None = None) -> None:
        self.g = g
        self.names = names if names is not None else PageNames()  # none: no pages (a notebook cell)
        self._tables: ViewTables | None = None
        self.ranked: dict[str, list] = {}  # entity type -> keys by support (top_entities)
        self.node_json: dict[str, str] = {}  # node key -> its JSON fragment
        self.local_nodes: dict[str, dict] = {}  # node key -> its page-drawing node (kg.views.payload.local_node)
        self.local_json: dict[str, str] = {}  # node key -> that node's JSON fragment
        self.sizes: dict[str, float] = {}  # node key -> its drawn size (kg.views.payload.node_size)
        self._window: tuple | None = None
        self._digits: int | None = None
        self.edge_json: dict[tuple, tuple] = {}  # (u, v, relation) -> (tooltip, JSON head, JSON tail)
        self.maps: dict[int, object] = {}  # max_nodes -> kg.views.overview.MapModel
        self.page_inputs = None  # kg.views.inputs.PageInputs of this run (made by kg.views.site)
        self._paper_months: dict | None = None
        self._months: list | None = None
        self._rising: list | None = None

    @property
    def tables(self) -> ViewTables:
        """The run's ViewTables (built on first use)."""
        if self._tables is None:
            self._tables = ViewTables(self.g, self.names)
        return self._tables

    def paper_months(self) -> dict:
        """{paper key: month index} of the corpus's dated papers (kg.graph.trends.paper_months), once per run."""
        if self._paper_months is None:
            self._paper_months = paper_months(self.g)
        return self._paper_months

    def months(self) -> list:
        """kg.graph.trends.months_table, once per run."""
        if self._months is None:
            self._months = months_table(self.g)
        return self._months

    def rising(self) -> list:
        """kg.graph.trends.rising with its default window and minimum support, once per run
        (the index's Rising list and every topic's share it)."""
        if self._rising is None:
            self._rising = rising(self.g)
        return self._rising

    @property
    def shard_digits(self) -> int:
        """Hex digits of this site's data shard names (:func:`shard_digits` of its page count)."""
        if self._digits is None:
            self._digits = shard_digits(len(self.names.items()))
        return self._digits

    def trim(self) -> None:
        """Keep the edge memo bounded (a 100k-paper graph has millions of edges)."""
        if len(self.edge_json) > EDGE_MEMO_MAX:
            self.edge_json.clear()


def paper_row(tb: ViewTables, key, **extra) -> dict:
    row = dict(tb.paper_row(key))
    row.update(extra)
    return row


def entity_row(tb: ViewTables, key, **extra) -> dict:
    row = dict(tb.entity_row(key))
    row.update(extra)
    return row


def _paper_sort(g):
    return lambda k: ("~" if not g.nodes[k].get("date") else "", _neg(str(g.nodes[k].get("date") or "")), k)


def _neg(s: str) -> str:
    """Sort key that orders ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) if ord(c) < 0x10FFFF else c for c in s)
