"""Write the static HTML views: index, overview graph, one page per paper and per entity.

Pages are rendered with Jinja2 (autoescaping on) from our own templates; node
and edge data are built in bulk as JSON and drawn by the vis-network bundle
that pyvis ships (vendored in kg/views/assets/).  pyvis itself only supplies
the vis options (its add_node is quadratic, so we never use it for data).
"""
from __future__ import annotations

import html
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from kg.atomic import write_bytes, write_text
from kg.errors import OutputError
from kg.views import data as vd
from kg.views.safe import json_for_script

__all__ = ["write_views", "notebook_html", "show", "graph_of"]

ASSETS = Path(__file__).resolve().parent / "assets"
TEMPLATES = Path(__file__).resolve().parent / "templates"
_STATIC_ASSETS = ("vis-network.min.js", "vis-network.css", "LICENSE-vis-network.txt", "paperkg.js", "paperkg.css")
# Scripts only from our own files: input text can never run even if escaping failed somewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'none'; base-uri 'none'; form-action 'none'")
CSP_INLINE = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
              "connect-src 'none'; base-uri 'none'; form-action 'none'")


def graph_of(graph):
    """Accept a NetworkX graph or anything with an ``.nx`` graph (kg.api.KnowledgeGraph)."""
    g = getattr(graph, "nx", graph)
    if not hasattr(g, "nodes") or not hasattr(g, "in_edges"):
        raise TypeError(f"expected a networkx MultiDiGraph or an object with .nx, got {type(graph).__name__}")
    if not g.is_directed() or not g.is_multigraph():
        import networkx as nx

        g = nx.MultiDiGraph(g)
    return g


@lru_cache(maxsize=1)
def _env():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True, auto_reload=False,
                             trim_blocks=True, lstrip_blocks=True)
    return env


def _render(template: str, **ctx) -> str:
    return _env().get_template(template).render(**ctx)


def _common(title: str, base: str, inline: dict | None = None) -> dict:
    return {"title": title, "base": base, "csp": CSP_INLINE if inline else CSP, "inline": inline,
            "links": inline is None}


def write_views(graph, out_dir, *, max_nodes: int = 1500, title: str = "paperkg") -> list[Path]:
    """Write index.html, overview.html, papers.html, entities.html, paper/*.html, entity/*.html, assets/.

    Returns the written paths, sorted.  The overview draws at most
    ``max_nodes`` nodes; every paper and entity still gets its own page.
    """
    if not isinstance(max_nodes, int) or isinstance(max_nodes, bool) or max_nodes < 1:
        raise OutputError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    g = graph_of(graph)
    out = Path(out_dir)
    title = " ".join(str(title).split()) or "paperkg"
    written: list[Path] = []
    try:
        written += _write_site(g, out, max_nodes, title)
    except OSError as exc:
        where = exc.filename or out
        raise OutputError(f"cannot write views to {where}: {exc.strerror or exc}") from exc
    return sorted(written)


def _write_site(g, out: Path, max_nodes: int, title: str) -> list[Path]:
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write views to {out}: not a directory")
    written: list[Path] = []
    with ThreadPoolExecutor(max_workers=8) as pool:  # fsync waits overlap; rendering stays in this thread
        pending: deque = deque()

        def put(rel: str, text: str) -> None:
            path = out / rel
            pending.append(pool.submit(write_text, path, text))
            written.append(path)
            while len(pending) > 256 or (pending and pending[0].done()):
                pending.popleft().result()  # re-raises a failed write here

        _render_site(g, out, max_nodes, title, put, written)
        while pending:
            pending.popleft().result()
    return written


def _render_site(g, out: Path, max_nodes: int, title: str, put, written: list) -> None:
    for name in _STATIC_ASSETS:
        path = out / "assets" / name
        write_bytes(path, (ASSETS / name).read_bytes())
        written.append(path)

    names = vd.assign_pages(g)
    stats = vd.corpus_stats(g)
    index_rows = vd.search_index(g, names)
    type_names = [vd.TYPE_NAMES.get(t, t) for t in vd.NODE_TYPES + ("Other",)]
    put("assets/search-index.js",
        "window.PAPERKG_TYPES=" + json_for_script(type_names) + ";\n"
        "window.PAPERKG_SEARCH=" + json_for_script(index_rows) + ";\n")

    overview, info = vd.overview_data(g, names, max_nodes)
    top = [{"name": vd.TYPE_NAMES.get(t, t) + "s", "color": vd.TYPE_COLORS[t], "rows": vd.top_entities(g, names, t)}
           for t in vd.ENTITY_TYPES]
    root = _common(title, "")
    put("index.html", _render("index.html", **root, stats=stats, top=top, info=info,
                              max_nodes=max_nodes))
    put("overview.html", _render("overview.html", **root, info=info, max_nodes=max_nodes, graph_json=overview))
    put("papers.html", _render("papers.html", **root, rows=[r for r in index_rows if r[1] == 0]))
    put("entities.html", _render("entities.html", **root, groups=[
        {"name": vd.TYPE_NAMES.get(t, t) + "s", "color": vd.TYPE_COLORS[t],
         "rows": vd.top_entities(g, names, t, limit=10**9)} for t in vd.ENTITY_TYPES]))

    sub = _common(title, "../")
    for key, page in names.items():
        if vd.node_type(g, key) == "Paper":
            ctx = vd.paper_context(g, names, key)
            put(page, _render("paper.html", **sub, p=ctx, graph_json=ctx["graph"]))
        else:
            ctx = vd.entity_context(g, names, key)
            put(page, _render("entity.html", **sub, e=ctx, graph_json=ctx["graph"]))


def notebook_html(graph, *, max_nodes: int = 1500, title: str = "paperkg") -> str:
    """A single self-contained overview page (scripts and styles inlined, no links out of it)."""
    if not isinstance(max_nodes, int) or isinstance(max_nodes, bool) or max_nodes < 1:
        raise OutputError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    g = graph_of(graph)
    names = vd.PageNames()  # no pages exist next to a notebook cell
    overview, info = vd.overview_data(g, names, max_nodes)
    inline = {name: (ASSETS / name).read_text(encoding="utf-8")
              for name in ("vis-network.min.js", "vis-network.css", "paperkg.js", "paperkg.css")}
    return _render("overview.html", **_common(" ".join(str(title).split()) or "paperkg", "", inline),
                   info=info, max_nodes=max_nodes, graph_json=overview)


def show(graph, *, max_nodes: int = 1500, title: str = "paperkg", height: int = 720):
    """Display the overview inline in Jupyter (an iframe with srcdoc, so nothing is fetched)."""
    try:
        from IPython.display import HTML
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OutputError("show() needs IPython (pip install ipython); use write_views() instead") from exc
    page = notebook_html(graph, max_nodes=max_nodes, title=title)
    frame = (f'<div class="paperkg-view"><iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:{int(height)}px;'
             f'border:1px solid #ddd" sandbox="allow-scripts"></iframe></div>')
    return HTML(frame)
