"""Turn the NetworkX knowledge graph into plain view models (dicts) for the templates.

Everything here is sorted so the same graph always gives the same pages, and
node/edge data is built in bulk (pyvis's add_node is quadratic).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from kg.views.layout import force_layout, ring_layout
from kg.views.options import vis_options_json
from kg.views.safe import PageNames, excerpt, json_for_script, safe_url

__all__ = [
    "NODE_TYPES", "ENTITY_TYPES", "RELATIONS", "TYPE_COLORS", "RELATION_COLORS",
    "node_type", "node_label", "node_support", "assign_pages", "corpus_stats",
    "select_overview", "overview_data", "entity_context", "paper_context", "search_index",
    "top_entities",
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
            return " ".join(str(a[field]).split())
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
    groups = _by_type(g)
    per_relation = Counter(_relation(k, d) for _, _, k, d in g.edges(keys=True, data=True))
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "types": [{"type": t, "name": TYPE_NAMES.get(t, t), "count": len(groups.get(t, [])),
                   "color": TYPE_COLORS[t]} for t in NODE_TYPES + ("Other",) if groups.get(t)],
        "relations": [{"relation": r, "count": per_relation[r], "color": RELATION_COLORS.get(r, "#999")}
                      for r in sorted(per_relation, key=lambda r: (_RELATION_RANK.get(r, 99), r))],
        "papers": len(groups.get("Paper", [])),
        "entities": sum(len(groups.get(t, [])) for t in ENTITY_TYPES),
        "repos": len(groups.get("CodeRepository", [])),
        "links": len(groups.get("WebPage", [])),
    }


def top_entities(g, names: PageNames, etype: str, limit: int = 20) -> list[dict]:
    keys = [k for k in g.nodes if node_type(g, k) == etype]
    keys.sort(key=lambda k: (-node_support(g, k), node_label(g, k).lower(), k))
    out = []
    for k in keys[:limit]:
        a = g.nodes[k]
        proposed = sum(1 for _, _, r, _ in _in(g, k) if r == "proposes")
        out.append({"label": node_label(g, k), "page": names.get(k), "support": node_support(g, k),
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
            tip["h"] = " ".join(str(a["title"]).split())
        authors = [str(x) for x in (a.get("authors") or [])]
        if authors:
            lines.append(", ".join(authors[:3]) + (" et al." if len(authors) > 3 else ""))
        if a.get("date"):
            lines.append(str(a["date"]))
        if a.get("abstract"):
            tip["x"] = excerpt(a["abstract"], 240)
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


def _edge_tip(g, names: PageNames, u, v, rel, data) -> str:
    """Plain text: the relation and why it holds (evidence sentence, shared entities); memoised per run."""
    cache = names.cache.setdefault("edge", {})
    hit = cache.get((u, v, rel))
    if hit is None:
        hit = cache[(u, v, rel)] = _edge_text(g, rel, data)
    return hit


def _edge_text(g, rel, data) -> str:
    text = rel
    evidence = data.get("evidence") or []
    if evidence and isinstance(evidence[0], dict) and evidence[0].get("sentence"):
        text += ": \u201c" + excerpt(evidence[0]["sentence"], 300) + "\u201d"
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


def _graph_payload(g, names: PageNames, keys: list[str], pos: dict, edges: list, center=None,
                   extra: dict | None = None) -> GraphPayload:
    """Assemble the drawing's JSON from cached node fragments (escaping is per character, so
    concatenating escaped pieces equals escaping the whole)."""
    rel_list = sorted({e[2] for e in edges}, key=lambda r: (_RELATION_RANK.get(r, 99), r))
    rel_index = {r: i for i, r in enumerate(rel_list)}
    parts = {
        "center": json_for_script(center),
        "edges": json_for_script([{"f": u, "t": v, "r": rel_index[rel], "tip": tip} for u, v, rel, tip in edges]),
        "nodes": "[" + ",".join(_node_fragment(g, names, k) for k in keys) + "]",
        "relations": json_for_script([{"name": r, "color": RELATION_COLORS.get(r, RELATION_COLORS["other"])}
                                      for r in rel_list]),
        "types": _TYPES_JSON,
        "xy": json_for_script([list(pos[k]) for k in keys]),
    }
    for name, value in (extra or {}).items():
        parts[name] = json_for_script(value)
    parts["options"] = vis_options_json(len(keys))
    out = GraphPayload("{" + ",".join(f'"{name}":{parts[name]}' for name in sorted(parts)) + "}")
    out.n_nodes = len(keys)
    return out


_GROUP_SHARE = (("entity", 0.40), ("Paper", 0.45), ("CodeRepository", 0.10), ("WebPage", 0.03), ("Organization", 0.02))


def select_overview(g, max_nodes: int) -> tuple[list[str], dict]:
    """Pick at most ``max_nodes`` nodes: entities by support, papers and others by degree."""
    groups = _by_type(g)
    ranked = {
        "entity": sorted((k for t in ENTITY_TYPES for k in groups.get(t, [])),
                         key=lambda k: (-node_support(g, k), k)),
        "Paper": sorted(groups.get("Paper", []), key=lambda k: (-g.degree(k), k)),
        "CodeRepository": sorted(groups.get("CodeRepository", []), key=lambda k: (-g.degree(k), k)),
        "WebPage": sorted(groups.get("WebPage", []), key=lambda k: (-g.degree(k), k)),
        "Organization": sorted(groups.get("Organization", []) + groups.get("Other", []),
                               key=lambda k: (-g.degree(k), k)),
    }
    total = sum(len(v) for v in ranked.values())
    if total <= max_nodes:
        take = {name: len(v) for name, v in ranked.items()}
    else:
        take = {name: min(len(ranked[name]), int(max_nodes * share)) for name, share in _GROUP_SHARE}
        left = max_nodes - sum(take.values())
        for name, _ in _GROUP_SHARE:  # hand unused quota to the next groups, entities first
            extra = min(left, len(ranked[name]) - take[name])
            take[name] += extra
            left -= extra
    kept = sorted(k for name, v in ranked.items() for k in v[:take[name]])
    omitted: Counter = Counter()
    for name, v in ranked.items():
        for k in v[take[name]:]:
            omitted[node_type(g, k)] += 1
    min_support = 0
    if take["entity"] < len(ranked["entity"]) and take["entity"]:
        min_support = node_support(g, ranked["entity"][take["entity"] - 1])
    info = {"total": total, "shown": len(kept), "min_support": min_support,
            "omitted": [{"type": TYPE_NAMES.get(t, t), "count": omitted[t]}
                        for t in NODE_TYPES + ("Other",) if omitted[t]]}
    return kept, info


def overview_data(g, names: PageNames, max_nodes: int) -> tuple[str, dict]:
    """The overview drawing (JSON text) and what was left out of it."""
    kept, info = select_overview(g, max_nodes)
    keep = set(kept)
    edges = []
    for u in kept:
        for v, data, rel, _ in _out(g, u):
            if v in keep:
                edges.append((u, v, rel, data))
    edges.sort(key=lambda e: (_RELATION_RANK.get(e[2], 99), -float(e[3].get("weight") or 0), e[0], e[1]))
    max_edges = max(2000, 5 * max_nodes)
    info["edges_total"] = len(edges)
    edges = edges[:max_edges]
    info["edges_shown"] = len(edges)
    pos = force_layout(kept, [(u, v) for u, v, _, _ in edges], iterations=60 if len(kept) <= 3000 else 25)
    payload = _graph_payload(g, names, kept, pos, [(u, v, r, _edge_tip(g, names, u, v, r, d)) for u, v, r, d in edges])
    return payload, info


# ---------------------------------------------------------------- pages


def _paper_row(g, names, key, **extra) -> dict:
    a = g.nodes[key]
    row = {"label": node_label(g, key) if not a.get("title") else " ".join(str(a["title"]).split()),
           "page": names.get(key), "date": str(a.get("date") or "")}
    row.update(extra)
    return row


def _entity_row(g, names, key, **extra) -> dict:
    t = node_type(g, key)
    row = {"label": node_label(g, key), "page": names.get(key), "type": TYPE_NAMES.get(t, t),
           "color": TYPE_COLORS.get(t, TYPE_COLORS["Other"]), "support": node_support(g, key)}
    row.update(extra)
    return row


def _evidence_text(data) -> str:
    for ev in data.get("evidence") or []:
        if isinstance(ev, dict) and ev.get("sentence"):
            return excerpt(ev["sentence"], 320)
    return ""


def _paper_sort(g):
    return lambda k: ("~" if not g.nodes[k].get("date") else "", _neg(str(g.nodes[k].get("date") or "")), k)


def _neg(s: str) -> str:
    """Sort key that orders ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) if ord(c) < 0x10FFFF else c for c in s)


def _neighbourhood(g, names, center, ring1, ring2) -> dict:
    keys = [center] + ring1 + ring2
    keep = set(keys)
    edges = []
    for u in sorted(keep):
        for v, data, rel, _ in _out(g, u):
            if v in keep and (u == center or v == center or rel in ENTITY_RELATIONS):
                edges.append((u, v, rel, _edge_tip(g, names, u, v, rel, data)))
    edges.sort(key=lambda e: (_RELATION_RANK.get(e[2], 99), e[0], e[1], e[3]))
    return _graph_payload(g, names, keys, ring_layout(center, [ring1, ring2]), edges, center=center)


def entity_context(g, names: PageNames, key: str) -> dict:
    a = g.nodes[key]
    t = node_type(g, key)
    proposed, used = {}, {}
    for u, data, rel, _ in _in(g, key):
        if node_type(g, u) != "Paper":
            continue
        if rel == "proposes":
            proposed[u] = data
        elif rel in ENTITY_RELATIONS:
            used.setdefault(u, (rel, data))
    co: Counter = Counter()
    for p in sorted(set(proposed) | set(used)):
        co.update({v for v, _, rel, _ in _out(g, p)
                   if v != key and rel in ENTITY_RELATIONS and node_type(g, v) in ENTITY_TYPES})
    with_keys = sorted(co, key=lambda v: (-co[v], node_label(g, v).lower(), v))
    order = _paper_sort(g)
    proposed_keys = sorted(proposed, key=order)
    used_keys = sorted((k for k in used if k not in proposed), key=order)
    ring1 = proposed_keys[:10] + sorted(used_keys, key=lambda k: (-g.degree(k), k))[:30 - min(10, len(proposed_keys))]
    aliases = sorted({str(x) for x in (a.get("aliases") or [])} - {node_label(g, key)})
    return {
        "key": key, "label": node_label(g, key), "type": TYPE_NAMES.get(t, t),
        "color": TYPE_COLORS.get(t, TYPE_COLORS["Other"]), "aliases": aliases,
        "support": node_support(g, key),
        "proposed_by": [_paper_row(g, names, k, evidence=_evidence_text(proposed[k])) for k in proposed_keys[:MAX_LIST]],
        "proposed_more": max(0, len(proposed_keys) - MAX_LIST),
        "used_by": [_paper_row(g, names, k, relation=used[k][0], evidence=_evidence_text(used[k][1]))
                    for k in used_keys[:MAX_LIST]],
        "used_more": max(0, len(used_keys) - MAX_LIST),
        "used_with": [_entity_row(g, names, v, count=co[v]) for v in with_keys[:30]],
        "graph": _neighbourhood(g, names, key, ring1, with_keys[:12]),
    }


def paper_context(g, names: PageNames, key: str) -> dict:
    a = g.nodes[key]
    entities = {r: [] for r in ENTITY_RELATIONS}
    code, links, builds_on, cites = [], [], [], []
    related: dict[str, dict] = {}
    for v, data, rel, _ in sorted(_out(g, key), key=lambda e: (e[2], str(e[0]))):
        vt = node_type(g, v)
        if rel in ENTITY_RELATIONS:
            entities[rel].append(_entity_row(g, names, v, evidence=_evidence_text(data)))
        elif rel == "hasCode":
            code.append({"label": node_label(g, v), "url": safe_url(g.nodes[v].get("url")),
                         "own": bool(data.get("own"))})
        elif rel == "hasLink":
            links.append({"label": node_label(g, v), "url": safe_url(g.nodes[v].get("url")),
                          "kind": str(g.nodes[v].get("link_type") or "link")})
        elif rel == "buildsOn" and vt == "Paper":
            via = [node_label(g, e) if e in g else str(e) for e in (data.get("via") or [])]
            builds_on.append(_paper_row(g, names, v, via=", ".join(via)))
        elif rel == "cites" and vt == "Paper":
            cites.append(_paper_row(g, names, v))
        if rel == "relatedTo" and vt == "Paper":
            related[v] = data
    built_upon_by = []
    for u, data, rel, _ in sorted(_in(g, key), key=lambda e: (e[2], str(e[0]))):
        if rel == "buildsOn" and node_type(g, u) == "Paper":
            via = [node_label(g, e) if e in g else str(e) for e in (data.get("via") or [])]
            built_upon_by.append(_paper_row(g, names, u, via=", ".join(via)))
        elif rel == "relatedTo" and node_type(g, u) == "Paper":
            old = related.get(u)
            if old is None or float(data.get("weight") or 0) > float(old.get("weight") or 0):
                related[u] = data
    rel_keys = sorted(related, key=lambda k: (-float(related[k].get("weight") or 0), k))[:10]
    related_rows = [_paper_row(g, names, k, weight=f"{float(related[k].get('weight') or 0):.2f}",
                               shared=", ".join(node_label(g, e) if e in g else str(e)
                                                for e in (related[k].get("shared") or [])[:6]))
                    for k in rel_keys]
    ring1 = sorted((v for v, _, rel, _ in _out(g, key) if rel in ENTITY_RELATIONS + ("hasCode", "hasLink")),
                   key=lambda v: (NODE_TYPES.index(node_type(g, v)) if node_type(g, v) in NODE_TYPES else 99, v))
    ring1 = list(dict.fromkeys(ring1))[:30]
    linked = sorted({v for v, _, rel, _ in _out(g, key) if rel in ("buildsOn", "cites")})
    ring2 = list(dict.fromkeys(linked + rel_keys))[:14]
    ring2 = [k for k in ring2 if k != key and k not in ring1]
    authors = [str(x) for x in (a.get("authors") or [])]
    return {
        "key": key, "title": " ".join(str(a.get("title") or node_label(g, key)).split()),
        "date": str(a.get("date") or ""), "authors": authors, "url": safe_url(a.get("url")),
        "arxiv_id": str(a.get("arxiv_id") or ""), "abstract": str(a.get("abstract") or ""),
        "sources": [str(s) for s in (a.get("sources") or [])],
        "entities": [{"relation": r, "rows": entities[r]} for r in ENTITY_RELATIONS if entities[r]],
        "code": code, "links": links, "builds_on": builds_on, "built_upon_by": built_upon_by[:MAX_LIST],
        "built_more": max(0, len(built_upon_by) - MAX_LIST), "cites": cites, "related": related_rows,
        "graph": _neighbourhood(g, names, key, ring1, ring2),
    }


def search_index(g, names: PageNames) -> list[list]:
    """Compact rows [label, type index, page, aliases] for client-side search."""
    type_index = {t: i for i, t in enumerate(NODE_TYPES + ("Other",))}
    rows = []
    for key, page in names.items():
        t = node_type(g, key)
        a = g.nodes[key]
        label = " ".join(str(a.get("title") or node_label(g, key)).split()) if t == "Paper" else node_label(g, key)
        aliases = " ".join(sorted(str(x) for x in (a.get("aliases") or [])))
        rows.append([label, type_index[t], page, aliases, key])
    rows.sort(key=lambda r: (r[1], r[0].lower(), r[4]))
    return rows
