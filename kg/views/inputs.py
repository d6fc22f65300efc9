"""What each paper and entity page is made from, as one digest per page (its *inputs*).

A page's view model (kg.views.pages.paper_view / entity_view) reads only local
data: the page's own node, its edges other than relatedTo, and what its
neighbours show (their labels, titles, dates, tooltips, the mention edges
drawn between them). :class:`PageInputs` hashes exactly that, per node once:

- ``A(n)``: the node's key, type, page name and every attribute a page shows
  (``SHOWN``);
- ``E(n)``: its outgoing edges other than relatedTo, each with the edge
  data pages show (relation, evidence sentences, via, shared, own), the
  ``A`` of its target and of the entities it goes via or shares, and the
  target's own mention edges (``M``, drawn between the nodes of a page);
- ``N(n)``: ``A(n)`` and ``E(n)`` together.

A page's digest is made of ``N`` of its node and of every neighbour over
edges other than relatedTo (in or out), the entity's own support on entity
pages, the site's shard digits, whether any paper is dated, and the source
of the view code (``code_fingerprint``). Two graphs that give a page the same
digest give it the same view model (tests/test_incremental.py checks it on
every page of grown and shrunk corpora), so kg.views.site reuses the
previous build's page without computing its view model. Corpus-wide figures
(supports of other nodes, degrees, relatedTo weights) are not in it: they go
into the site's figures (``assets/figures.js``, kg.views.pages.site_figures),
made for the whole site on every build.

A page's data record (its entry in ``assets/data/XX.js``: related papers and
the drawing's relatedTo edges and added nodes) has its own digest,
:meth:`PageInputs.record`: the page's digest plus the related papers chosen
and the relatedTo edges drawn, without their weights. A record whose digest is
the one listed is copied from the previous shard instead of being made.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["PageInputs", "SHOWN", "code_fingerprint"]

#: Node attributes the page views read (kg.views.context, pages, payload); anything else a node holds
#: (support, degree, pagerank, community, ...) is corpus-wide and goes into the data shards.
SHOWN = ("type", "label", "name", "title", "url", "date", "aliases", "authors", "abstract", "sources",
         "link_type", "arxiv_id", "external")

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the code that turns a graph into view models (kg/views/*.py, kg/graph/trends.py,
    kg/schema.py): another version of it makes every page's inputs differ."""
    h = hashlib.blake2b(digest_size=16)
    files = sorted(_HERE.glob("*.py")) + [_HERE.parent / "graph" / "trends.py", _HERE.parent / "schema.py"]
    for path in files:
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _digest(obj) -> bytes:
    return hashlib.blake2b(repr(obj).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _edge_facts(k, data: dict) -> tuple:
    """What pages show of an edge: its relation, its evidence sentences, via/shared entities, own code."""
    evidence = data.get("evidence") or ()
    sentences = tuple(ev.get("sentence") if isinstance(ev, dict) else repr(ev) for ev in evidence)
    return (k, data.get("relation"), sentences, tuple(data.get("via") or ()), tuple(data.get("shared") or ()),
            data.get("own"))


class PageInputs:
    """Per-page input digests of one render context (memoised per node; pure: dropping a memo changes
    nothing). Made in each process that renders pages."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self._a: dict = {}
        self._m: dict = {}
        self._n: dict = {}
        self._globals = (code_fingerprint(), ctx.shard_digits, bool(ctx.months()))

    def _corpus_wide(self, k, data) -> bool:
        return (data.get("relation") or k) == "relatedTo"

    def a(self, key) -> bytes:
        hit = self._a.get(key)
        if hit is None:
            d = self.ctx.g.nodes[key]
            hit = self._a[key] = _digest((key, self.ctx.tables.type[key], self.ctx.names.get(key),
                                          tuple(d.get(f) for f in SHOWN)))
        return hit

    def m(self, key) -> bytes:
        """The node's mention edges (drawn between the other nodes of a page)."""
        hit = self._m.get(key)
        if hit is None:
            hit = self._m[key] = _digest(sorted(((v, rel, _edge_facts(rel, data))
                                                 for v, rel, data in self.ctx.tables.mention_edges(key)), key=repr))
        return hit

    def n(self, key) -> bytes:
        hit = self._n.get(key)
        if hit is None:
            a = self.a
            edges = []
            for v, keyed in self.ctx.g._succ[key].items():
                for k, data in keyed.items():
                    if self._corpus_wide(k, data):
                        continue
                    ids = tuple(data.get("via") or ()) + tuple(data.get("shared") or ())
                    edges.append((v, _edge_facts(k, data), a(v), self.m(v),
                                  tuple(a(x) if x in self.ctx.g else x for x in ids)))
            edges.sort(key=lambda e: (str(e[0]), str(e[1][0])))
            hit = self._n[key] = _digest((a(key), edges))
        return hit

    def neighbours(self, key) -> list:
        """The node's neighbours over edges other than relatedTo (in or out), sorted."""
        g = self.ctx.g
        found = set()
        for nbrs in (g._succ[key], g._pred[key]):
            for v, keyed in nbrs.items():
                for k, data in keyed.items():
                    if (data.get("relation") or k) != "relatedTo":
                        found.add(v)
                        break
        found.discard(key)
        return sorted(found, key=str)

    def record(self, key, page: str, drawn, related) -> str:
        """The digest of everything ``key``'s data record is made from (hex), given its page digest ``page``
        (:meth:`page`): the related papers chosen (kg.views.pages.paper_related: ``[(key, edge data)]`` by
        key, with the shared entities and words of the chosen edge and ``N`` of each paper, whose node and
        edges the drawing adds), and the relatedTo edges between ``key`` and the nodes of ``drawn`` (a set:
        the page's drawn nodes and its related papers; None: any node) with what their tooltips show; not
        the weights (the site's figures hold them)."""
        g, a = self.ctx.g, self.a
        h = hashlib.blake2b(page.encode("ascii"), digest_size=16)
        for k, data in related:
            shared = data.get("shared") or ()
            h.update(self.n(k) + _digest((k, tuple(shared), tuple(map(str, data.get("terms") or ())))))
            for x in shared:
                h.update(a(x) if x in g else _digest(x))
        h.update(b"|")
        edges = []
        for direction, nbrs in ((0, g._succ[key]), (1, g._pred[key])):
            for v, keyed in nbrs.items():
                if drawn is not None and v not in drawn:
                    continue
                for k, data in keyed.items():
                    if (data.get("relation") or k) == "relatedTo":
                        edges.append((direction, str(v), str(k), data))
        edges.sort(key=lambda e: e[:3])
        for direction, v, k, data in edges:
            h.update(_digest((direction, v, _edge_facts(k, data))))
            for x in data.get("shared") or ():
                h.update(a(x) if x in g else _digest(x))
        return h.hexdigest()

    def page(self, key) -> str:
        """The digest of everything ``key``'s page view model is made from (hex)."""
        tb = self.ctx.tables
        kind = "paper" if tb.type[key] == "Paper" else "entity"
        own = tb.support[key] if kind == "entity" else None
        n = self.n
        h = hashlib.blake2b(repr((kind, self._globals, own)).encode("utf-8"), digest_size=16)
        h.update(n(key))
        for v in self.neighbours(key):
            h.update(str(v).encode("utf-8", "surrogatepass") + b"\0" + n(v))
        return h.hexdigest()
