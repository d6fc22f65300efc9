"""Write the static HTML views: index, overview graph, one page per paper and per entity.

Pages are rendered with Jinja2 (autoescaping on) from our own templates; node
and edge data are built in bulk as JSON and drawn by vis-network. pyvis
supplies two things: the vis-network bundle it ships (``VIS_NETWORK_VERSION``, copied from
the installed package into ``assets/``; no network at build or view time) and the
default vis options (kg.views.options). Its HTML templates and ``add_node``
(quadratic) are not used.
"""
from __future__ import annotations

import contextlib
import hashlib
import html
import importlib.util
import json
import multiprocessing
import os
import stat
from functools import lru_cache
from pathlib import Path

from kg import __version__, memory
from kg.atomic import write_bytes, write_text
from kg.errors import OutputError
from kg.schema import ENTITY_TYPES, NODE_TYPES
from kg.views.context import TYPE_COLORS, TYPE_NAMES, RenderContext, assign_pages, data_shard
from kg.views.overview import overview_data
from kg.views.inputs import PageInputs
from kg.views.payload import _local_fragment
from kg.views.text import counted
from kg.views.pages import (
    corpus_stats,
    entity_record,
    entity_skeleton,
    entity_view,
    paper_record,
    paper_related,
    paper_skeleton,
    paper_view,
    paper_table,
    rising_context,
    topic_pages,
    search_index,
    site_figures,
    top_entities,
)
from kg.views.safe import json_for_script
from kg.procs import ignore_interrupts

__all__ = ["write_views", "notebook_html", "show", "graph_of"]

ASSETS = Path(__file__).resolve().parent / "assets"
#: vis-network as the installed pyvis ships it (pyvis is pinned in pyproject.toml); found without importing
#: pyvis (its package imports IPython). The one place the version is written: the pages' footer says it from here.
PYVIS_VERSION = "0.3.2"
VIS_NETWORK_VERSION = "9.1.2"
_PYVIS = importlib.util.find_spec("pyvis")
VIS_NETWORK = (Path(_PYVIS.submodule_search_locations[0]) / "lib" / f"vis-{VIS_NETWORK_VERSION}") if _PYVIS else None
_VIS_FILES = ("vis-network.min.js", "vis-network.css")
TEMPLATES = Path(__file__).resolve().parent / "templates"
_STATIC_ASSETS = ("vis-network.min.js", "vis-network.css", "LICENSE-vis-network.txt", "paperkg.js", "paperkg.css")
# Scripts only from our own files: input text can never run even if escaping failed somewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'none'; base-uri 'none'; form-action 'none'")
CSP_INLINE = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
              "connect-src 'none'; base-uri 'none'; form-action 'none'")


def _asset(name: str) -> bytes:
    """A static asset's bytes: vis-network from the installed pyvis, the rest from kg/views/assets."""
    if name not in _VIS_FILES:
        return (ASSETS / name).read_bytes()
    try:
        if VIS_NETWORK is None:
            raise FileNotFoundError("pyvis is not installed")
        return (VIS_NETWORK / name).read_bytes()
    except OSError as exc:
        raise OutputError(f"cannot read {name} of vis-network {VIS_NETWORK_VERSION} from the installed pyvis "
                          f"(pip install 'pyvis=={PYVIS_VERSION}'): {exc}") from None


def graph_of(graph):
    """Accept a NetworkX graph or anything with an ``.nx`` graph (kg.KnowledgeGraph)."""
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
    env.filters["counted"] = counted
    return env


def _render(template: str, **ctx) -> str:
    return _env().get_template(template).render(**ctx)


def _common(title: str, base: str, inline: dict | None = None) -> dict:
    return {"title": title, "base": base, "csp": CSP_INLINE if inline else CSP, "inline": inline,
            "links": inline is None, "vis_network_version": VIS_NETWORK_VERSION}


def write_views(graph, out_dir, *, max_nodes: int = 1500, title: str = "paperkg",
                jobs: int | None = None, previous: str | os.PathLike | None = None,
                stats: dict | None = None) -> list[Path]:
    """Write index.html, overview.html, papers.html, entities.html, paper/*.html, entity/*.html, assets/.

    Returns the written paths, sorted.  The overview draws at most
    ``max_nodes`` nodes; every paper and entity still gets its own page.
    ``jobs`` processes render the per-node pages of big graphs (default: the
    usable CPUs, at most 4); the output does not depend on it.

    ``previous``: a folder holding an earlier ``write_views`` output (the
    build passes the output folder it is about to replace). A page whose
    view model hashes as it did there (``assets/pages.json``, same templates)
    is hard-linked from it instead of rendered and written again; a page whose
    inputs digest (kg.views.inputs) is the one listed there is linked without
    its view model being computed. The bytes are the same either way.
    ``stats`` (a dict) receives the counts ``rendered``, ``reused``,
    ``views_skipped`` (reused without computing the view model),
    ``data_written`` and ``data_reused`` (data shards), ``records_made`` and
    ``records_reused`` (data records copied from the previous shards, not made).
    """
    if not isinstance(max_nodes, int) or isinstance(max_nodes, bool) or max_nodes < 1:
        raise OutputError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    if jobs is None:
        jobs = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    g = graph_of(graph)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write views to {out}: not a directory")
    title = " ".join(str(title).split()) or "paperkg"
    try:
        written = _write_site(g, out, max_nodes, title, max(1, int(jobs)),
                              Path(previous) if previous is not None else None,
                              stats if stats is not None else {})
    except OSError as exc:
        where = exc.filename or out
        raise OutputError(f"cannot write views to {where}: {exc.strerror or exc}") from exc
    return sorted(written)


@contextlib.contextmanager
def _writer(out: Path, written: list):
    """``put(rel, text)`` writes one page atomically (temp file + rename).

    No fsync per page: a killed run still leaves whole files (the rename is
    atomic), and tens of thousands of fsyncs cost more than rendering. The
    few large outputs (graph.ttl, papers.jsonl, the report) are still fsynced.
    """
    def put(rel: str, text: str | bytes) -> None:
        path = out / rel
        if isinstance(text, bytes):
            write_bytes(path, text, fsync=False)
        else:
            write_text(path, text, fsync=False)
        written.append(path)

    yield put


#: The page manifest: ``{"fingerprint": ..., "pages": {page: [hash of its view model, size in bytes, digest of
#: its inputs (kg.views.inputs.PageInputs.page), digest of its data record's inputs (PageInputs.record), hash
#: of its record's line in its data shard]}}``.
MANIFEST = "assets/pages.json"
#: The site's corpus-wide figures (kg.views.pages.site_figures), loaded by every paper and entity page.
FIGURES = "assets/figures.js"
_SHARD_HEAD, _SHARD_TAIL = b"window.PAPERKG_DATA={", b"};"


@lru_cache(maxsize=8)
def _fingerprint(title: str) -> str:
    """What turns a view model into page bytes besides the model: the templates, Jinja2, MarkupSafe, paperkg's
    version and every value the page templates get besides the view (``_common``: title, CSP, ...)."""
    import inspect
    from importlib.metadata import version

    common = json.dumps(_common(title, "../"), sort_keys=True, default=str)
    h = hashlib.blake2b(digest_size=16)
    filters = inspect.getsource(counted)  # the templates' own filter shapes bytes too
    for part in (version("jinja2"), version("markupsafe"), __version__, common, filters):
        h.update(part.encode("utf-8") + b"\0")
    for path in sorted(TEMPLATES.iterdir()):
        h.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _view_hash(template: str, view: dict) -> str:
    """Hash of everything a page is made from: its template's name and its view model (plain JSON data)."""
    data = json.dumps(view, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(f"{template}\0{data}".encode("utf-8"), digest_size=16).hexdigest()


def _line_hash(line: bytes) -> str:
    return hashlib.blake2b(line, digest_size=16).hexdigest()


class _Reuse:
    """Pages of the previous output folder that can be hard-linked instead of rendered.

    Trusts a previous page only when the manifest written beside it lists the
    same view-model hash under the same fingerprint and the file is a regular
    file of the listed size; any other case (no manifest, another paperkg,
    a link that fails, another file system) renders the page.
    """

    def __init__(self, previous: Path | None, fingerprint: str) -> None:
        self.previous = previous
        self.pages: dict = {}
        if previous is None:
            return
        try:
            with open(previous / MANIFEST, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("fingerprint") == fingerprint and isinstance(data.get("pages"), dict):
            self.pages = data["pages"]

    def link(self, page: str, digest: str, out: Path, made: set) -> int | None:
        """Hard-link the previous ``page`` into ``out`` when its hash is ``digest``; its size, else None."""
        entry = self.pages.get(page)
        if not (isinstance(entry, list) and len(entry) in (2, 3, 5) and entry[0] == digest):
            return None
        src = self.previous / page
        try:
            st = os.lstat(src)
            if not stat.S_ISREG(st.st_mode) or st.st_size != entry[1]:
                return None
            dst = out / page
            parent = dst.parent
            if parent not in made:
                parent.mkdir(parents=True, exist_ok=True)
                made.add(parent)
            os.link(src, dst, follow_symlinks=False)
        except OSError:
            return None
        return st.st_size

    def link_inputs(self, page: str, inputs: str, out: Path, made: set) -> tuple[str, int] | None:
        """Hard-link the previous ``page`` into ``out`` when it was made from the same inputs (its view model
        is then the same, kg.views.inputs): ``(hash of its view model, size)``, else None."""
        entry = self.pages.get(page)
        if not (isinstance(entry, list) and len(entry) in (3, 5) and entry[2] == inputs and isinstance(entry[0], str)):
            return None
        size = self.link(page, entry[0], out, made)
        return None if size is None else (entry[0], size)

    def shard_lines(self, shard: str) -> tuple[bytes, dict] | None:
        """The previous build's data shard ``shard``: ``(its bytes, {page: its record's line})``, or None when
        there is none or it is not one record per line (a damaged file costs the records of its pages)."""
        if self.previous is None or not self.pages:
            return None
        try:
            src = self.previous / shard
            if not stat.S_ISREG(os.lstat(src).st_mode):
                return None
            data = src.read_bytes()
        except OSError:
            return None
        lines = data.split(b"\n")
        if len(lines) < 3 or lines[0] != _SHARD_HEAD or lines[-2:] != [_SHARD_TAIL, b""]:
            return None
        found = {}
        decode = json.JSONDecoder().raw_decode
        for line in lines[1:-2]:
            try:
                page, end = decode(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                continue
            if isinstance(page, str):
                found[page] = line
        return data, found

    def record_line(self, page: str, inputs: str, lines: dict | None) -> bytes | None:
        """The previous line of ``page``'s data record, when its record was made from the same ``inputs``
        (kg.views.inputs.PageInputs.record) and the line is the one the manifest lists (its hash); else None."""
        if lines is None:
            return None
        entry = self.pages.get(page)
        if not (isinstance(entry, list) and len(entry) == 5 and entry[3] == inputs):
            return None
        line = lines.get(page)
        if line is None or _line_hash(line) != entry[4]:
            return None
        return line

    def same(self, rel: str, data: bytes, out: Path, made: set, known: bytes | None = None) -> bool:
        """Hard-link the previous file ``rel`` into ``out`` when it holds exactly ``data`` (a data shard
        unchanged since the previous build); False (write it) in any other case. ``known``: the previous
        file's bytes, already read (:meth:`shard_lines`)."""
        if self.previous is None or not self.pages:
            return False
        src = self.previous / rel
        try:
            st = os.lstat(src)
            if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
                return False
            if known is not None:
                if known != data:
                    return False
            else:
                with open(src, "rb") as fh:
                    if fh.read() != data:
                        return False
            dst = out / rel
            if dst.parent not in made:
                dst.parent.mkdir(parents=True, exist_ok=True)
                made.add(dst.parent)
            os.link(src, dst, follow_symlinks=False)
        except OSError:
            return False
        return True


_FORK_STATE: tuple | None = None  # (ctx, out, title, shards, reuse) inherited by forked page workers
_PARALLEL_MIN_PAGES = 2000
_CHUNKS_PER_JOB = 8


def _shards(ctx: RenderContext) -> list[tuple[str, list]]:
    """The pages grouped by data shard: ``[(shard path, [(node key, page), ...]), ...]``, sorted."""
    digits = ctx.shard_digits
    groups: dict[str, list] = {}
    for key, page in ctx.names.items():
        groups.setdefault(data_shard(page, digits), []).append((key, page))
    return sorted(groups.items())


def _write_site(g, out: Path, max_nodes: int, title: str, jobs: int, previous: Path | None,
                stats: dict) -> list[Path]:
    global _FORK_STATE
    written: list[Path] = []
    ctx = RenderContext(g, assign_pages(g))
    ctx.tables  # noqa: B018  (built once here, inherited by the forked page workers)
    shards = _shards(ctx)
    n_pages = sum(len(items) for _, items in shards)
    fingerprint = _fingerprint(title)
    reuse = _Reuse(previous, fingerprint)
    rows: list = []
    data_rows: list = []
    fork_ok = "fork" in multiprocessing.get_all_start_methods()
    if jobs > 1 and n_pages >= _PARALLEL_MIN_PAGES and fork_ok:
        jobs = _fitting_jobs(jobs)
    if jobs > 1 and n_pages >= _PARALLEL_MIN_PAGES and fork_ok:
        _FORK_STATE = (ctx, out, title, shards, reuse)
        try:
            # this process writes the index pages while the workers render the rest
            with multiprocessing.get_context("fork").Pool(jobs, initializer=ignore_interrupts) as pool:
                n = jobs * _CHUNKS_PER_JOB
                pages = pool.map_async(_page_worker, [(i, n) for i in range(n)], chunksize=1)
                with _writer(out, written) as put:
                    _write_root(ctx, out, max_nodes, title, put, written, reuse)
                for part, data_part in pages.get():
                    rows += part
                    data_rows += data_part
        finally:
            _FORK_STATE = None
        written += [out / page for _, items in shards for _, page in items]
        written += [out / shard for shard, _ in shards]
    else:
        with _writer(out, written) as put:
            _write_root(ctx, out, max_nodes, title, put, written, reuse)
            rows, data_rows = _write_pages(ctx, title, shards, put, reuse, out)
        written += [out / row[0] for row in rows if row[3]]
        written += [out / shard for shard, linked in data_rows if linked]
    rows.sort()
    stats["reused"] = sum(1 for row in rows if row[3])
    stats["rendered"] = len(rows) - stats["reused"]
    stats["views_skipped"] = sum(1 for row in rows if row[3] == 2)
    stats["data_reused"] = sum(1 for _, linked in data_rows if linked)
    stats["data_written"] = len(data_rows) - stats["data_reused"]
    stats["records_reused"] = sum(1 for row in rows if row[7])
    stats["records_made"] = len(rows) - stats["records_reused"]
    manifest = {"fingerprint": fingerprint,
                "pages": {row[0]: [row[1], row[2], row[4], row[5], row[6]] for row in rows}}
    with _writer(out, written) as put:
        put(MANIFEST, json.dumps(manifest, sort_keys=True, separators=(",", ":")) + "\n")
    return written


#: Memory estimate of one page worker (kg.memory.plan_workers): it reads the whole graph, so it can
#: come to copy a good part of the parent (reference counts dirty the shared pages), plus its pages.
_WORKER_SHARE = 0.5
_WORKER_BASE_BYTES = 64 << 20


def _fitting_jobs(jobs: int) -> int:
    """Page workers that fit in the memory available (1: render here)."""

    per_worker = int(_WORKER_SHARE * (memory.rss_bytes() or 0)) + _WORKER_BASE_BYTES
    return memory.plan_workers("the HTML views", jobs, per_worker, _WORKER_BASE_BYTES, memory.available_bytes())


def _page_worker(stride: tuple[int, int]) -> tuple[list, list]:
    """Every n-th data shard from ``start`` with its pages: hashing spreads hubs and small pages evenly."""
    ctx, out, title, shards, reuse = _FORK_STATE
    start, n = stride
    with _writer(out, []) as put:
        return _write_pages(ctx, title, shards[start::n], put, reuse, out)


def shard_line(page: str, record: dict, node_json=None) -> bytes:
    """One page's line of a data shard: ``"page":{record},`` (JSON escapes every newline, so a record is
    one line; the comma after every record, the last too, makes a line the same wherever it stands).

    ``node_json(node)``: the JSON of a record's ``add`` node when already made (the same text as encoding it:
    json_for_script sorts keys and escapes per character, so encoding the pieces equals encoding the whole)."""
    fields = []
    for name in sorted(record):
        value = record[name]
        if name == "add" and node_json is not None:
            text = "[" + ",".join(map(node_json, value)) + "]"
        else:
            text = json_for_script(value)
        fields.append(f"{json_for_script(name)}:{text}")
    return f"{json_for_script(page)}:{{{','.join(fields)}}},".encode("utf-8")


def shard_script(lines) -> bytes:
    """A data shard's bytes from its pages' lines (:func:`shard_line`, sorted by page): one statement
    assigning ``{page: record}`` to ``window.PAPERKG_DATA``, a record per line.

    A script, not JSON, so pages load it with ``<script src>`` (which works from ``file://``; fetch does not)."""
    return _SHARD_HEAD + b"\n" + b"".join(line + b"\n" for line in lines) + _SHARD_TAIL + b"\n"


def record_inputs(ctx: RenderContext, key: str, page_inputs: str) -> tuple[dict | None, str]:
    """``(skeleton, digest of the inputs of key's data record)`` (kg.views.inputs.PageInputs.record) given its
    page's inputs digest; a paper's skeleton is made on the way (an entity's is not needed: its record draws
    no related paper, so every relatedTo edge of the entity stands for the edges it draws)."""
    if ctx.page_inputs is None:
        ctx.page_inputs = PageInputs(ctx)
    if ctx.tables.type[key] == "Paper":
        skel = paper_skeleton(ctx, key)
        related = paper_related(ctx, key, skel)
        drawn = {key, *skel["ring1"], *skel["local2"], *(k for k, _ in related)}
        return skel, ctx.page_inputs.record(key, page_inputs, drawn, related)
    return None, ctx.page_inputs.record(key, page_inputs, None, ())


def read_shard(data: bytes) -> dict:
    """``{page: record}`` of a data shard's bytes (:func:`shard_script`; its trailing commas are JavaScript,
    not JSON). Raises ValueError when ``data`` is not a data shard."""
    lines = data.split(b"\n")
    if len(lines) < 3 or lines[0] != _SHARD_HEAD or lines[-2:] != [_SHARD_TAIL, b""]:
        raise ValueError("not a data shard")
    return json.loads(b"{" + b"".join(line[:-1] + b"," for line in lines[1:-2])[:-1] + b"}")


def _write_pages(ctx: RenderContext, title: str, shards, put, reuse: _Reuse, out: Path) -> tuple[list, list]:
    """Render (or reuse) the pages of ``shards`` and write their data shards (a shard with the previous
    bytes is hard-linked); the manifest rows ``(page, hash, size, reused, inputs, record inputs, record line
    hash, record reused)`` (``reused``: False, 1 when the view model was the previous one, 2 when the inputs
    were, so the view model was not even computed) and ``(shard, reused)``.

    A data record whose inputs (kg.views.inputs.PageInputs.record) are the ones listed is the previous
    shard's line, checked against the hash listed; else it is made."""
    sub = _common(title, "../")
    kind = ctx.tables.type
    paper, entity = _env().get_template("paper.html"), _env().get_template("entity.html")
    if ctx.page_inputs is None:
        ctx.page_inputs = PageInputs(ctx)
    inputs = ctx.page_inputs
    node_json = lambda node: _local_fragment(ctx, node["id"])  # noqa: E731  (a record's add node, memoised)
    rows, data_rows = [], []
    made: set = set()
    for shard, items in shards:
        previous = reuse.shard_lines(shard)
        lines = previous[1] if previous is not None else None
        shard_rows = []
        for key, page in sorted(items, key=lambda item: item[1]):
            ctx.trim()
            is_paper = kind[key] == "Paper"
            made_of = inputs.page(key)
            skel, record_of = record_inputs(ctx, key, made_of)
            line = reuse.record_line(page, record_of, lines)
            record_reused = line is not None
            if line is None:
                if skel is None:
                    skel = entity_skeleton(ctx, key)
                record = paper_record(ctx, key, skel) if is_paper else entity_record(ctx, key, skel)
                line = shard_line(page, record, node_json)
            shard_rows.append(line)
            line_hash = reuse.pages[page][4] if record_reused else _line_hash(line)  # checked when copied
            hit = reuse.link_inputs(page, made_of, out, made)
            if hit is not None:
                rows.append((page, hit[0], hit[1], 2, made_of, record_of, line_hash, record_reused))
                continue
            if is_paper:
                view_of, name, template, field = paper_view, "paper.html", paper, "p"
            else:
                view_of, name, template, field = entity_view, "entity.html", entity, "e"
                if skel is None:
                    skel = entity_skeleton(ctx, key)
            view = view_of(ctx, key, skel)
            digest = _view_hash(name, view)
            size = reuse.link(page, digest, out, made)
            if size is None:
                data = template.render(**sub, graph_json=view["graph"], **{field: view}).encode("utf-8")
                put(page, data)
                rows.append((page, digest, len(data), False, made_of, record_of, line_hash, record_reused))
            else:
                rows.append((page, digest, size, 1, made_of, record_of, line_hash, record_reused))
        data = shard_script(shard_rows)
        linked = previous is not None and reuse.same(shard, data, out, made, known=previous[0])
        if not linked:
            put(shard, data)
        data_rows.append((shard, linked))
    return rows, data_rows


def _write_root(ctx: RenderContext, out: Path, max_nodes: int, title: str, put, written: list,
                reuse: _Reuse | None = None) -> None:
    for name in _STATIC_ASSETS:
        path = out / "assets" / name
        write_bytes(path, _asset(name), fsync=False)
        written.append(path)

    figures = ("window.PAPERKG_FIGURES=" + json_for_script(site_figures(ctx)) + ";\n").encode("utf-8")
    if reuse is not None and reuse.same(FIGURES, figures, out, set()):
        written.append(out / FIGURES)
    else:
        put(FIGURES, figures)

    stats = corpus_stats(ctx.g)
    index_rows = search_index(ctx)
    type_names = [TYPE_NAMES.get(t, t) for t in NODE_TYPES + ("Other",)]
    put("assets/search-index.js",
        "window.PAPERKG_TYPES=" + json_for_script(type_names) + ";\n"
        "window.PAPERKG_SEARCH=" + json_for_script(index_rows) + ";\n")

    overview, info = overview_data(ctx, max_nodes)
    top = [{"name": TYPE_NAMES.get(t, t) + "s", "color": TYPE_COLORS[t], "rows": top_entities(ctx, t)}
           for t in ENTITY_TYPES]
    root = _common(title, "")
    rise = rising_context(ctx)
    put("index.html", _render("index.html", **root, stats=stats, top=top, info=info,
                              max_nodes=max_nodes, rising=rise))
    put("overview.html", _render("overview.html", **root, info=info, max_nodes=max_nodes, graph_json=overview))
    put("papers.html", _render("papers.html", **root, rows=paper_table(ctx, max_nodes)))
    put("topics.html", _render("topics.html", **root, topics=topic_pages(ctx, max_nodes), info=info, rising=rise))
    put("entities.html", _render("entities.html", **root, groups=[
        {"name": TYPE_NAMES.get(t, t) + "s", "color": TYPE_COLORS[t],
         "rows": top_entities(ctx, t, limit=10**9)} for t in ENTITY_TYPES]))


def notebook_html(graph, *, max_nodes: int = 1500, title: str = "paperkg") -> str:
    """A single self-contained overview page (scripts and styles inlined, no links out of it)."""
    if not isinstance(max_nodes, int) or isinstance(max_nodes, bool) or max_nodes < 1:
        raise OutputError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    g = graph_of(graph)
    overview, info = overview_data(RenderContext(g), max_nodes)  # no page names: no pages next to a notebook cell
    inline = {name: _asset(name).decode("utf-8")
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
