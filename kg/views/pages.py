"""Page view models: the index page's lists, entity/*.html, paper/*.html, papers.html, the search index.

Each function takes the run's :class:`~kg.views.context.RenderContext` and
returns plain dicts for the templates.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from itertools import chain

from kg.graph.trends import DEFAULT_MIN_SUPPORT, DEFAULT_WINDOW, entity_timeline, month_index, month_name, rising
from kg.schema import ENTITY_RELATIONS, ENTITY_TYPES, NODE_TYPES
from kg.views.context import (
    _RELATION_RANK,
    MAX_LIST,
    RELATION_COLORS,
    TYPE_COLORS,
    TYPE_NAMES,
    RenderContext,
    data_shard,
    ViewTables,
    _in,
    _out,
    _relation,
    _title,
    entity_row,
    node_type,
    paper_row,
)
from kg.views.overview import map_model, topic_contexts, topic_label
from kg.views.payload import TYPE_INDEX, edge_entry, local_node, local_payload, node_size
from kg.views.safe import excerpt, safe_url
from kg.views.text import readable

__all__ = ["corpus_stats", "top_entities", "entity_page", "paper_page", "entity_skeleton", "entity_view",
           "entity_record", "paper_skeleton", "paper_view", "paper_record", "paper_related", "site_figures",
           "search_index", "timeline_context", "timeline_window", "data_shard", "rising_context", "topic_pages",
           "paper_table", "TIMELINE_MONTHS", "RISING_SHOWN"]


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


def top_entities(ctx: RenderContext, etype: str, limit: int = 20) -> list[dict]:
    """Entities of one type by support (the ranking is computed once per run and sliced)."""
    g, names = ctx.g, ctx.names
    tb = ctx.tables
    ranked = ctx.ranked.get(etype)
    if ranked is None:
        ranked = ctx.ranked[etype] = sorted(
            (k for k, t in tb.type.items() if t == etype), key=lambda k: (-tb.support[k], tb.low(k), k))
    out = []
    for k in ranked[:limit]:
        a = g.nodes[k]
        proposed = sum(1 for _, _, r, _ in _in(g, k) if r == "proposes")
        out.append({"label": tb.label[k], "page": names.get(k), "support": tb.support[k],
                    "aliases": ", ".join(sorted(map(str, a.get("aliases") or []))), "proposed": proposed})
    return out


def _evidence_text(data) -> str:
    for ev in data.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("sentence"):
            return excerpt(readable(str(ev["sentence"])), 320)
    return ""


def _via_labels(g, tb: ViewTables, ids) -> str:
    return ", ".join(tb.label[e] if e in g else str(e) for e in ids)


#: A relation whose weights are corpus-wide (TF-IDF): its edges come from the page's data shard.
_CORPUS_WIDE_RELATIONS = ("relatedTo",)


def site_figures(ctx: RenderContext) -> dict:
    """The corpus-wide figures every paper and entity page reads (``assets/figures.js``, one file per site):

    - ``k``: the keys of the nodes with a page, sorted; the other lists are aligned with it;
    - ``n``: entity support (papers: 0); ``s``: drawn size (entities by support, papers by degree);
    - ``x``: each node's relatedTo edges as a flat list ``[target index, weight, ...]`` (empty: 0);
    - ``w``: the entity timelines' window (:func:`timeline_window`), absent when no paper is dated;
    - ``r``: ``{relation: [rank, colour]}``, the drawings' legend order and colours (kg.views.payload.relation_list;
      a relation not listed ranks 99 with the colour of ``other``).

    paperkg.js takes supports, sizes and weights (related list, relatedTo tooltips) from here, so a
    page's data record holds only what depends on its own neighbourhood."""
    g, tb = ctx.g, ctx.tables
    keys = sorted(k for k, _ in ctx.names.items())
    index = {k: i for i, k in enumerate(keys)}
    sizes = ctx.sizes
    n, s, x = [], [], []
    for k in keys:
        t = tb.type[k]
        n.append(tb.support[k] if t in ENTITY_TYPES else 0)
        size = sizes.get(k)
        if size is None:
            size = sizes[k] = node_size(g, k, t)
        s.append(size)
        pairs = []
        for v, keyed in g._succ[k].items():
            j = index.get(v)
            if j is None:
                continue
            for rel_key, data in keyed.items():
                w = data.get("weight")
                if _relation(rel_key, data) == "relatedTo" and isinstance(w, (int, float)) and math.isfinite(w):
                    pairs.append((j, float(w)))
        x.append([y for pair in sorted(pairs) for y in pair] or 0)
    figures = {"k": keys, "n": n, "s": s, "x": x,
               "r": {r: [_RELATION_RANK.get(r, 99), RELATION_COLORS.get(r, RELATION_COLORS["other"])]
                     for r in set(_RELATION_RANK) | set(RELATION_COLORS)}}
    window = timeline_window(ctx)
    if window:
        figures["w"] = list(window)
    return figures


def _drawing_edges(ctx: RenderContext, center, every: list, keep: set, take, weight: bool = True) -> tuple[list, set]:
    """The edges of a page drawing of the nodes ``every`` (the centre first): the centre's edges to drawn
    nodes, plus the mention edges among the other drawn nodes and their edges to the centre.

    Returns the edges ``take(u, v, rel)`` accepts, as ``(u, v, rel, edge_entry)`` sorted in drawing order,
    and the set of relations of all of them (taken or not). ``weight=False``: relatedTo tooltips without
    their weight (paperkg.js adds it from the site's figures)."""
    g, tb = ctx.g, ctx.tables
    edges, relations = [], set()
    for v, keyed in g._succ[center].items():
        if v in keep:
            for k, data in keyed.items():
                rel = _relation(k, data)
                relations.add(rel)
                if take(center, v, rel):
                    edges.append((center, v, rel, edge_entry(ctx, center, v, rel, data, weight=weight)))
    for u in dict.fromkeys(every[1:]):
        if u == center:
            continue
        for v, rel, data in tb.mention_edges(u):
            if v in keep and v != center:
                relations.add(rel)
                if take(u, v, rel):
                    # edges between other nodes: no quote (each is quoted on its own pages; quoting it
                    # on every page showing both ends repeated one sentence across thousands of pages)
                    edges.append((u, v, rel, edge_entry(ctx, u, v, rel, data, quote=False, weight=weight)))
        for k, data in g._succ[u].get(center, {}).items():
            rel = _relation(k, data)
            relations.add(rel)
            if take(u, center, rel):
                edges.append((u, center, rel, edge_entry(ctx, u, center, rel, data, weight=weight)))
    edges.sort(key=lambda e: (_RELATION_RANK.get(e[2], 99), e[0], e[1], e[3][0]))
    return edges, relations


def _neighbourhood(ctx: RenderContext, center, ring1, ring2) -> str:
    """The page's drawing from local data only: the centre, ``ring1`` and ``ring2`` with their labels and
    tooltips and their edges other than relatedTo (see :func:`_drawing_edges`)."""
    keys = [center] + ring1 + ring2
    local, _ = _drawing_edges(ctx, center, keys, set(keys), lambda u, v, rel: rel not in _CORPUS_WIDE_RELATIONS)
    return local_payload(ctx, keys, [len(ring1), len(ring2)], local, center)


def _drawing_record(ctx: RenderContext, center, ring1, ring2, added, record: dict) -> None:
    """The rest of a page's drawing, into ``record`` (the page's entry in its data shard): the ``added``
    nodes (related papers, put on ring 2 by paperkg.js), the relatedTo edges and every edge of an added
    node (``e``: [from, relation, to, tooltip], the tooltip left out when it is the relation's name; a
    relatedTo tooltip without its weight, which paperkg.js adds from the site's figures)."""
    keys = [center] + ring1 + ring2
    extra = [k for k in added if k not in set(keys)]
    every = keys + extra
    outside = set(extra)
    remote, _ = _drawing_edges(
        ctx, center, every, set(every),
        lambda u, v, rel: rel in _CORPUS_WIDE_RELATIONS or u in outside or v in outside, weight=False)
    if extra:
        record["add"] = [local_node(ctx, k) for k in extra]
    if remote:
        # the tooltip is left out where it is just the relation (mention edges between other nodes)
        record["e"] = [[u, rel, v] if entry[0] == rel else [u, rel, v, entry[0]] for u, v, rel, entry in remote]


def _local_entity_row(tb: ViewTables, key, **extra) -> dict:
    """An entity row of a page without its support (a corpus-wide figure: paperkg.js adds it from the data)."""
    row = entity_row(tb, key, **extra)
    del row["support"]
    row["key"] = key
    return row


def entity_skeleton(ctx: RenderContext, key: str) -> dict:
    """What an entity page is laid out from (local data): the papers proposing and using it, what it is
    used with, and the drawn nodes; shared by :func:`entity_view` and :func:`entity_record`."""
    g, tb = ctx.g, ctx.tables
    kind = tb.type
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
    # drawn: up to 10 proposing papers, then the newest using ones (a local choice: no corpus-wide rank)
    ring1 = proposed_keys[:10] + used_keys[:30 - min(10, len(proposed_keys))]
    return {"proposed": proposed, "used": used, "co": co, "with": with_keys, "proposed_keys": proposed_keys,
            "used_keys": used_keys, "ring1": ring1}


def entity_record(ctx: RenderContext, key: str, skel: dict) -> dict:
    """An entity page's entry in its data shard: the relatedTo edges among its drawn papers (their weights,
    the supports, sizes and the timeline's window are in the site's figures, :func:`site_figures`)."""
    record: dict = {}
    _drawing_record(ctx, key, skel["ring1"], skel["with"][:12], (), record)
    return record


def entity_view(ctx: RenderContext, key: str, skel: dict) -> dict:
    """entity/*.html's view model, made from local data only: the entity, the papers proposing and using it,
    what it is used with, its papers per month."""
    g, tb = ctx.g, ctx.tables
    a = g.nodes[key]
    t = tb.type[key]
    proposed, used, co, with_keys = skel["proposed"], skel["used"], skel["co"], skel["with"]
    proposed_keys, used_keys = skel["proposed_keys"], skel["used_keys"]
    label = tb.label[key]
    aliases = sorted({str(x) for x in (a.get("aliases") or [])} - {label})
    page = ctx.names.get(key)
    return {
        "key": key, "page": page, "data": data_shard(page, ctx.shard_digits), "label": label,
        "type": TYPE_NAMES.get(t, t), "color": TYPE_COLORS.get(t, TYPE_COLORS["Other"]), "aliases": aliases,
        "support": tb.support[key],
        "proposed_by": [paper_row(tb, k, evidence=_evidence_text(proposed[k])) for k in proposed_keys[:MAX_LIST]],
        "proposed_more": max(0, len(proposed_keys) - MAX_LIST),
        "used_by": [paper_row(tb, k, relation=used[k][0], evidence=_evidence_text(used[k][1]))
                    for k in used_keys[:MAX_LIST]],
        "used_more": max(0, len(used_keys) - MAX_LIST),
        "used_with": [_local_entity_row(tb, v, count=co[v]) for v in with_keys],
        "timeline": timeline_context(ctx, key),
        "graph": _neighbourhood(ctx, key, skel["ring1"], with_keys[:12]),
    }


def entity_page(ctx: RenderContext, key: str) -> tuple[dict, dict]:
    """entity/*.html: ``(view, record)``: :func:`entity_view` and :func:`entity_record`."""
    skel = entity_skeleton(ctx, key)
    return entity_view(ctx, key, skel), entity_record(ctx, key, skel)


def paper_skeleton(ctx: RenderContext, key: str) -> dict:
    """What a paper page is laid out from (local data): its outgoing edges and the drawn nodes; shared by
    :func:`paper_view` and :func:`paper_record`."""
    g, tb = ctx.g, ctx.tables
    out = [(v, d, _relation(k, d)) for v, keyed in g._succ[key].items() for k, d in keyed.items()]
    out.sort(key=lambda e: (e[2], str(e[0])))
    ring1 = sorted({v for v, _, rel in out if rel in ENTITY_RELATIONS + ("hasCode", "hasLink")},
                   key=lambda v: (tb.type_rank[v], v))[:30]
    linked = sorted({v for v, _, rel in out if rel in ("buildsOn", "cites")})
    # ring 2: the linked papers (local), then related papers up to 14 (paper_record, from the data shard)
    local2 = [k for k in linked[:14] if k != key and k not in ring1]
    rows = [v for v, _, rel in out if rel in ENTITY_RELATIONS]
    return {"out": out, "ring1": ring1, "linked": linked, "local2": local2, "rows": rows}


def paper_related(ctx: RenderContext, key: str, skel: dict) -> list:
    """The paper's related papers: ``[(key, edge data)]`` of its strongest relatedTo neighbours (out or in;
    the stronger edge of a pair, the outgoing one on a tie), at most 10, sorted by key. Which ten depends on
    the weights; their order on the page does too, so paperkg.js sorts them by the weights of the figures
    (memoised in ``skel``)."""
    hit = skel.get("related")
    if hit is not None:
        return hit
    g, kind = ctx.g, ctx.tables.type
    related: dict[str, dict] = {}
    for v, data, rel in skel["out"]:
        if rel == "relatedTo" and kind[v] == "Paper":
            related[v] = data
    for u, keyed in g._pred[key].items():
        if kind[u] != "Paper":
            continue
        for k, data in keyed.items():
            if _relation(k, data) == "relatedTo":
                old = related.get(u)
                if old is None or float(data.get("weight") or 0) > float(old.get("weight") or 0):
                    related[u] = data
    chosen = heapq.nsmallest(10, related, key=lambda k: (-float(related[k].get("weight") or 0), k))
    hit = skel["related"] = [(k, related[k]) for k in sorted(chosen)]
    return hit


#: Papers on ring 2 of a paper page's drawing: the linked ones, then related ones up to this many.
RING2 = 14


def paper_record(ctx: RenderContext, key: str, skel: dict) -> dict:
    """A paper page's entry in its data shard, made from its own neighbourhood and the choice of its related
    papers (:func:`paper_related`): ``rel`` rows [key, page, title, shared entities, shared words] by key
    (paperkg.js orders them by weight from the site's figures), ``add`` the related papers that may join
    ring 2, ``q`` how many related papers ring 2 has room for (when fewer than the candidates) and ``c``
    the candidates taking room without being drawn (the page itself or a ring-1 node), and the drawing's
    remote edges (:func:`_drawing_record`)."""
    g, tb = ctx.g, ctx.tables
    related = paper_related(ctx, key, skel)
    names = ctx.names
    related_rows = [[k, names.get(k), tb.paper_row(k)["label"], _via_labels(g, tb, (data.get("shared") or [])[:6]),
                     ", ".join(map(str, data.get("terms") or []))] for k, data in related]
    ring1, linked = skel["ring1"], skel["linked"]
    linked_set, ring1_set = set(linked), set(ring1)
    candidates = [k for k, _ in related if k not in linked_set]
    room = max(0, RING2 - len(linked))
    added = [k for k in candidates if k != key and k not in ring1_set]
    record: dict = {"rel": related_rows}
    if len(candidates) > room:
        record["q"] = room
    taking = [k for k in candidates if k == key or k in ring1_set]
    if taking and room:
        record["c"] = taking
    _drawing_record(ctx, key, ring1, skel["local2"], added if room else [], record)
    return record


def paper_view(ctx: RenderContext, key: str, skel: dict) -> dict:
    """paper/*.html's view model, made from local data only: the paper, its entities, code, links, the
    papers it builds on, cites and is built upon by."""
    g, tb = ctx.g, ctx.tables
    kind = tb.type
    a = g.nodes[key]
    entities = {r: [] for r in ENTITY_RELATIONS}
    code, links, builds_on, cites = [], [], [], []
    for v, data, rel in skel["out"]:
        vt = kind[v]
        if rel in ENTITY_RELATIONS:
            entities[rel].append(_local_entity_row(tb, v, evidence=_evidence_text(data)))
        elif rel == "hasCode":
            code.append({"label": tb.label[v], "url": safe_url(g.nodes[v].get("url")),
                         "own": bool(data.get("own"))})
        elif rel == "hasLink":
            links.append({"label": tb.label[v], "url": safe_url(g.nodes[v].get("url")),
                          "kind": str(g.nodes[v].get("link_type") or "link")})
        elif rel == "buildsOn" and vt == "Paper":
            builds_on.append(paper_row(tb, v, via=_via_labels(g, tb, data.get("via") or [])))
        elif rel == "cites" and vt == "Paper":
            cites.append(paper_row(tb, v))
    built_upon_by = []
    n_built = 0
    incoming = [(u, d, _relation(k, d)) for u, keyed in g._pred[key].items() for k, d in keyed.items()]
    incoming.sort(key=lambda e: (e[2], str(e[0])))
    for u, data, rel in incoming:
        if rel == "buildsOn" and kind[u] == "Paper":
            n_built += 1
            if n_built <= MAX_LIST:  # only the shown rows are built
                built_upon_by.append(paper_row(tb, u, via=_via_labels(g, tb, data.get("via") or [])))
    _quote_once(entities)
    authors = [str(x) for x in (a.get("authors") or [])]
    page = ctx.names.get(key)
    return {
        "key": key, "page": page, "data": data_shard(page, ctx.shard_digits),
        "title": _title(a) if a.get("title") else tb.label[key],
        "date": str(a.get("date") or ""), "authors": authors, "url": safe_url(a.get("url")),
        "arxiv_id": str(a.get("arxiv_id") or ""), "abstract": readable(str(a.get("abstract") or "")),
        "sources": [str(s) for s in (a.get("sources") or [])],
        "entities": [{"relation": r, "rows": entities[r]} for r in ENTITY_RELATIONS if entities[r]],
        "code": code, "links": links, "builds_on": builds_on, "built_upon_by": built_upon_by,
        "built_more": max(0, n_built - MAX_LIST), "cites": cites,
        "graph": _neighbourhood(ctx, key, skel["ring1"], skel["local2"]),
    }


def paper_page(ctx: RenderContext, key: str) -> tuple[dict, dict]:
    """paper/*.html: ``(view, record)``: :func:`paper_view` and :func:`paper_record`."""
    skel = paper_skeleton(ctx, key)
    return paper_view(ctx, key, skel), paper_record(ctx, key, skel)


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


def search_index(ctx: RenderContext) -> list[list]:
    """Compact rows [label, type index, page, aliases] for client-side search."""
    g, names, tb = ctx.g, ctx.names, ctx.tables
    rows = []
    for key, page in names.items():
        t = tb.type[key]
        a = g.nodes[key]
        label = _title(a) if t == "Paper" and a.get("title") else tb.label[key]
        aliases = a.get("aliases")
        rows.append([label, TYPE_INDEX[t], page, " ".join(sorted(str(x) for x in aliases)) if aliases else "", key])
    rows.sort(key=lambda r: (r[1], r[0].lower(), r[4]))
    return rows


TIMELINE_MONTHS = 36  # months drawn on an entity page (the corpus's last ones)
RISING_SHOWN = 10


def timeline_window(ctx: RenderContext) -> tuple[str, str] | None:
    """The months an entity timeline draws: the corpus's last TIMELINE_MONTHS months (first, last), or None
    when no paper is dated. Corpus-wide: it goes into the site's figures, and paperkg.js draws the bars."""
    if ctx._window is None:
        table = ctx.months()
        if not table:
            ctx._window = ()
        else:
            last = month_index(table[-1][0])
            first = max(month_index(table[0][0]), last - TIMELINE_MONTHS + 1)
            ctx._window = (month_name(first), month_name(last))
    return ctx._window or None


def timeline_context(ctx: RenderContext, key: str) -> dict:
    """The entity's dated papers per month, from local data: ``rows`` [[month, papers]] (the entity-timeline
    query's months with papers) and ``total``. paperkg.js draws them as bars over the window of
    :func:`timeline_window` (0-100 x 0-40 box); without JavaScript the page lists the months."""
    rows = entity_timeline(ctx.g, key, ctx.paper_months()) if ctx.months() else []
    return {"rows": [[r["month"], r["papers"]] for r in rows], "total": sum(r["papers"] for r in rows)}


def _rising_row(names, r: dict) -> dict:
    """A row of kg.graph.trends.rising with its page and its share change in percentage points, for the pages."""
    return dict(r, page=names.get(r["entity"]), growth_pct=f"+{100.0 * r['growth']:.1f}")


def topic_pages(ctx: RenderContext, max_nodes: int) -> list[dict]:
    """kg.views.overview.topic_contexts with each topic's rising entities: the rows of the index's Rising list
    (same window and minimum support) whose entity is in the topic."""
    model = map_model(ctx, max_nodes)
    risen = ctx.rising()
    out = []
    for row in topic_contexts(ctx, max_nodes):
        members = set(model.topics[row["index"]])
        out.append(dict(row, rising_rows=[_rising_row(ctx.names, r) for r in risen
                                          if r["entity"] in members][:RISING_SHOWN]))
    return out


def rising_context(ctx: RenderContext, window: int | None = None, min_support: int | None = None) -> dict:
    """The index page's "Rising" list: kg.graph.trends.rising with its defaults, the first RISING_SHOWN rows."""
    g, names = ctx.g, ctx.names
    window = window or DEFAULT_WINDOW
    min_support = min_support or DEFAULT_MIN_SUPPORT
    defaults = window == DEFAULT_WINDOW and min_support == DEFAULT_MIN_SUPPORT
    rows = ctx.rising() if defaults else rising(g, window=window, min_support=min_support)
    shown = [_rising_row(names, r) for r in rows[:RISING_SHOWN]]
    head = rows[0] if rows else None
    return {"rows": shown, "count": len(rows), "window": window, "min_support": min_support,
            "from": head["from"] if head else "", "to": head["to"] if head else "",
            "previous_from": head["previous_from"] if head else "", "previous_to": head["previous_to"] if head else "",
            "recent_papers": head["recent_papers"] if head else 0, "before_papers": head["before_papers"] if head else 0,
            "dated": bool(ctx.months())}


def paper_table(ctx: RenderContext, max_nodes: int) -> list[dict]:
    """papers.html: every paper with its date, entity count, what it proposes, code, and topic; newest first."""
    g, tb = ctx.g, ctx.tables
    model = map_model(ctx, max_nodes)
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
