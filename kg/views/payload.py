"""The JSON of one drawing (overview map or a page's neighbourhood): nodes, edges, tooltips, vis options.

Node and edge fragments are escaped once per run (memoised on the
:class:`~kg.views.context.RenderContext`) and concatenated per drawing.
"""
from __future__ import annotations

import math

from kg.schema import ENTITY_TYPES, NODE_TYPES
from kg.views.context import (
    _RELATION_RANK,
    RELATION_COLORS,
    TYPE_COLORS,
    TYPE_NAMES,
    RenderContext,
    _out,
    _title,
    node_label,
    node_support,
    node_type,
)
from kg.views.options import vis_options_json
from kg.views.safe import excerpt, json_for_script, safe_url
from kg.views.text import counted, readable

__all__ = ["graph_payload", "edge_entry", "TYPE_INDEX", "local_node", "local_payload", "node_size"]


def _node_tip(g, key, support: bool = True) -> dict:
    """Tooltip fields; the browser builds the tooltip from them with textContent only.

    ``support=False``: an entity's tooltip without its support line (pages add it from their data shard)."""
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
        if support:
            lines.append("support: " + counted(node_support(g, key), "paper", "papers"))
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


def edge_entry(ctx: RenderContext, u, v, rel, data, quote: bool = True, weight: bool = True) -> tuple[str, str, str]:
    """``(tip, head, tail)``: the plain-text tooltip (the relation and why it holds: evidence
    sentence unless ``quote`` is False, shared entities, a relatedTo weight unless ``weight`` is False)
    and the edge's JSON around its per-page relation index; memoised per run."""
    cache = ctx.edge_json
    hit = cache.get((u, v, rel, quote, weight))
    if hit is None:
        tip = _edge_text(ctx.g, rel, data, quote, weight)
        hit = cache[(u, v, rel, quote, weight)] = (tip, f'{{"f":{json_for_script(u)},"r":',
                                           f',"t":{json_for_script(v)},"tip":{json_for_script(tip)}}}')
    return hit


def _edge_text(g, rel, data, quote: bool = True, weight: bool = True) -> str:
    text = rel
    evidence = data.get("evidence") or []
    if quote and evidence and isinstance(evidence[0], dict) and evidence[0].get("sentence"):
        text += ": \u201c" + excerpt(readable(str(evidence[0]["sentence"])), 300) + "\u201d"
    ids = data.get("via") or data.get("shared") or []
    shown = [node_label(g, e) if e in g else str(e) for e in ids]
    if shown:
        text += (" via " if data.get("via") else " sharing ") + ", ".join(shown[:6])
    if weight and isinstance(data.get("weight"), (int, float)) and rel == "relatedTo":
        text += f" (weight {float(data['weight']):.2f})"
    if rel == "hasCode" and data.get("own") is not None:
        text += " (the paper's own code)" if data.get("own") else " (code it uses)"
    return text


def node_size(g, key, t) -> float:
    """A node's drawn size: entities by support, papers by degree (both corpus-wide), the rest fixed."""
    if t in ENTITY_TYPES:
        return round(min(60.0, 10.0 + 4.0 * node_support(g, key) ** 0.5), 1)
    if t == "Paper":
        return round(min(30.0, 8.0 + 1.5 * g.degree(key) ** 0.5), 1)
    return 8.0


def _node_head(g, key, t: str) -> dict:
    """A drawn node's id, label (cut to 40 characters) and type index: the start of every node record."""
    label = node_label(g, key)
    return {"id": key, "l": label if len(label) <= 40 else label[:39].rstrip() + "\u2026", "t": TYPE_INDEX[t]}


def _add_target(ctx: RenderContext, key, node: dict) -> None:
    """Where clicking the node leads: its page in this site, else its own safe URL."""
    page = ctx.names.get(key)
    if page:
        node["p"] = page
    elif safe_url(ctx.g.nodes[key].get("url")):
        node["u"] = ctx.g.nodes[key]["url"].strip()


def _node_fragment(ctx: RenderContext, key) -> str:
    """The node's JSON (label, type, size, tooltip, page), built once per run and reused by every page."""
    cache = ctx.node_json
    frag = cache.get(key)
    if frag is None:
        g = ctx.g
        t = node_type(g, key)
        node = _node_head(g, key, t)
        node.update(s=node_size(g, key, t), n=node_support(g, key), tip=_node_tip(g, key))
        _add_target(ctx, key, node)
        frag = cache[key] = json_for_script(node)
    return frag


def local_node(ctx: RenderContext, key) -> dict:
    """A page drawing's node without corpus-wide figures: papers and entities have no size and no support
    (``s`` and ``n`` come from the page's data shard, kg.views.pages), entity tooltips no support line."""
    cache = ctx.local_nodes
    node = cache.get(key)
    if node is None:
        g = ctx.g
        t = node_type(g, key)
        node = _node_head(g, key, t)
        node["tip"] = _node_tip(g, key, support=False)
        if t != "Paper" and t not in ENTITY_TYPES:
            node["s"] = node_size(g, key, t)
        _add_target(ctx, key, node)
        cache[key] = node
    return node


def _local_fragment(ctx: RenderContext, key) -> str:
    cache = ctx.local_json
    frag = cache.get(key)
    if frag is None:
        frag = cache[key] = json_for_script(local_node(ctx, key))
    return frag


def relation_list(names) -> list[dict]:
    """The drawing's relations (its legend and filters) in display order, with their colours."""
    return [{"name": r, "color": RELATION_COLORS.get(r, RELATION_COLORS["other"])}
            for r in sorted(set(names), key=lambda r: (_RELATION_RANK.get(r, 99), r))]


def local_payload(ctx: RenderContext, keys: list[str], rings: list[int], edges: list, center) -> str:
    """A page's neighbourhood drawing from local data only: nodes as :func:`local_node`, ``rings`` (how many
    of ``keys`` after the centre are on ring 1, then ring 2; paperkg.js places them), ``edges`` as in :func:`graph_payload`."""
    rel_list = relation_list(e[2] for e in edges)
    rel_index = {r["name"]: i for i, r in enumerate(rel_list)}
    parts = {
        "center": json_for_script(center),
        "edges": "[" + ",".join(f"{head}{rel_index[rel]}{tail}" for _, _, rel, (_, head, tail) in edges) + "]",
        "nodes": "[" + ",".join(_local_fragment(ctx, k) for k in keys) + "]",
        "relations": json_for_script(rel_list),
        "rings": json_for_script(rings),
        "types": _TYPES_JSON,
        "options": vis_options_json(len(keys)),
    }
    return "{" + ",".join(f'"{name}":{parts[name]}' for name in sorted(parts)) + "}"


TYPE_INDEX = {t: i for i, t in enumerate(NODE_TYPES + ("Other",))}
_TYPES_JSON = json_for_script([{"name": TYPE_NAMES.get(t, t), "color": TYPE_COLORS[t]}
                               for t in NODE_TYPES + ("Other",)])


def _xy_json(coords: list) -> str:
    """``json_for_script([[x, y], ...])`` for float pairs, without the generic encoder (json writes floats with repr)."""
    if all(type(x) is float and type(y) is float and math.isfinite(x) and math.isfinite(y) for x, y in coords):
        return "[" + ",".join(f"[{x!r},{y!r}]" for x, y in coords) + "]"
    return json_for_script([list(c) for c in coords])


def graph_payload(ctx: RenderContext, keys: list[str], pos: dict, edges: list, center=None,
                  extra: dict | None = None) -> str:
    """Assemble the drawing's JSON from cached node and edge fragments (escaping is per character,
    so concatenating escaped pieces equals escaping the whole); ``edges``: (u, v, relation, edge_entry)."""
    rel_list = sorted({e[2] for e in edges}, key=lambda r: (_RELATION_RANK.get(r, 99), r))
    rel_index = {r: i for i, r in enumerate(rel_list)}
    parts = {
        "center": json_for_script(center),
        "edges": "[" + ",".join(f"{head}{rel_index[rel]}{tail}" for _, _, rel, (_, head, tail) in edges) + "]",
        "nodes": "[" + ",".join(_node_fragment(ctx, k) for k in keys) + "]",
        "relations": json_for_script([{"name": r, "color": RELATION_COLORS.get(r, RELATION_COLORS["other"])}
                                      for r in rel_list]),
        "types": _TYPES_JSON,
        "xy": _xy_json([pos[k] for k in keys]),
    }
    for name, value in (extra or {}).items():
        parts[name] = json_for_script(value)
    parts["options"] = vis_options_json(len(keys))
    return "{" + ",".join(f'"{name}":{parts[name]}' for name in sorted(parts)) + "}"
