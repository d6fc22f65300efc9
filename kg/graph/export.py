"""Exports: Turtle (default), N-Triples, JSON-LD via pyoxigraph; GraphML, GEXF via networkx; VoID.

RDF outputs are serialised from triples sorted by (subject, rdf:type first,
predicate, object), so the same graph gives byte-identical files. NetworkX
formats cannot hold lists or None: lists/dicts become JSON strings (sorted
keys) and None attributes are left out.
"""
from __future__ import annotations

import contextlib
import io
import json
import mmap
import os
import queue
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.errors import OutputError
from kg.graph.iris import hashed_key, node_iri
from kg.graph.ntriples import CanonicalStats, write_canonical_ntriples
from kg.graph.ttl_blocks import INDEX_NAMES, PENDING_NAMES, BlockPlan, PreviousBlocks, fingerprint, turtle_header, write_index
from kg.layout import ANALYTICS_FILE, GRAPH_FILE
from kg.schema import DCTERMS, ONTOLOGY_IRI, PREFIXES, RDF, VOID, XSD, all_prefixes

__all__ = ["EXPORT_FORMATS", "export_graph", "write_outputs", "write_graph_turtle", "write_canonical", "write_rdf_text", "sorted_triples",
           "void_triples", "nx_for_export", "serialize_rdf"]

#: export format -> file suffix (``paperkg export --format``)
EXPORT_FORMATS = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "graphml": ".graphml",
    "gexf": ".gexf",
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
_RDF_TYPE = RDF + "type"


def _triple_key(t: ox.Triple) -> tuple:
    p = t.predicate.value
    return (t.subject.value, p != _RDF_TYPE, p, str(t.object))


def sorted_triples(store: ox.Store) -> list[ox.Triple]:
    """The default graph's triples in canonical order."""
    return sorted((q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())), key=_triple_key)


@contextlib.contextmanager
def _temp_path(directory, suffix: str):
    """A temporary file name (removed afterwards) in ``directory``: big graphs spill to disk, not memory.

    Named ``.paperkg-*SUFFIX.tmp`` like every temporary file of a build, so the one a killed build leaves in
    its staging folder is deleted by the next build, never moved into the outputs as a file of the user's."""
    fd, name = tempfile.mkstemp(prefix=".paperkg-", suffix=suffix + ".tmp", dir=directory)
    os.close(fd)
    try:
        yield name
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def write_canonical(graph, path, analytics_path=None) -> CanonicalStats:
    """Write ``graph``'s canonical N-Triples to ``path`` (not atomic: callers stage it); returns VoID counts.

    ``analytics_path``: write the corpus-wide figures there instead (``path`` gets the rest; see
    ``write_canonical_ntriples``)."""
    with open(path, "wb") as fh:
        if analytics_path is None:
            return write_canonical_ntriples(graph.nx, fh, graph.base_iri)
        with open(analytics_path, "wb") as afh:
            return write_canonical_ntriples(graph.nx, fh, graph.base_iri, analytics=afh)


def _convert_canonical(nt_path, fh, fmt: str, prefixes: dict[str, str]) -> None:
    """Stream a canonical N-Triples file through Oxigraph into Turtle or JSON-LD (order kept)."""
    ox.serialize(ox.parse(path=nt_path, format=ox.RdfFormat.N_TRIPLES), fh, _RDF_FORMATS[fmt],
                 prefixes=dict(sorted(prefixes.items())))  # sorted: the file's @prefix lines do not depend on callers


#: graphs with at least this many nodes + edges are converted in a child process (rdf_pipe.py)
PIPE_MIN_SIZE = 20_000
_PIPE_SCRIPT = Path(__file__).resolve().with_name("rdf_pipe.py")


class _QueuedWriter:
    """A file-like ``write`` that hands chunks to a thread doing the (blocking) pipe writes.

    A pipe holds 64 KiB: writing a chunk of megabytes straight into it would
    keep this process waiting until the child has parsed it all, and the two
    would take turns instead of running at once.
    """

    def __init__(self, raw, depth: int = 4):
        self._raw = raw
        self._chunks: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="paperkg-rdf-pipe", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            chunk = self._chunks.get()
            if chunk is None:
                break
            if self.error is None:
                try:
                    self._raw.write(chunk)
                except (OSError, ValueError) as exc:
                    self.error = exc
        with contextlib.suppress(OSError, ValueError):
            self._raw.close()

    def write(self, data: bytes) -> int:
        if self.error is not None:
            raise BrokenPipeError(str(self.error))
        self._chunks.put(data)
        return len(data)

    def close(self) -> None:
        """Write what is queued, then close the pipe (idempotent)."""
        if self._thread.is_alive():
            self._chunks.put(None)
            self._thread.join()


def write_rdf_text(graph, fh, fmt: str, *, tmp_dir=None, pipe: bool | None = None, analytics=None) -> CanonicalStats:
    """Write ``graph`` as Turtle or JSON-LD into the binary file ``fh``; returns the VoID counts.

    ``analytics``: a second binary file; ``fh`` then gets the subjects' own statements (graph.ttl) and
    ``analytics`` the corpus-wide figures (analytics.ttl), as ``write_canonical_ntriples`` splits them.

    Big graphs (``pipe`` None: at least PIPE_MIN_SIZE nodes + edges) stream
    their canonical N-Triples into a child process that runs Oxigraph's
    serialiser while this one is still making the text: about a third less
    time on two cores. Small graphs go through a temporary N-Triples file in
    ``tmp_dir``, in this process; so does a big one when no child can start or the child fails (the
    files are rewound and written again). Same bytes either way.
    """
    prefixes = dict(sorted(_prefixes(graph).items()))
    G = graph.nx
    outs = (fh,) if analytics is None else (fh, analytics)
    if pipe is None:
        pipe = G.number_of_nodes() + G.number_of_edges() >= PIPE_MIN_SIZE
    if pipe and all(f.seekable() for f in outs):
        starts = [f.tell() for f in outs]
        stats = _write_piped(graph, fh, fmt, prefixes, analytics=analytics)
        if stats is not None:
            return stats
        for f, start in zip(outs, starts):
            f.seek(start)
            f.truncate()
    with _temp_path(tmp_dir, ".nt") as tmp, _temp_path(tmp_dir, ".analytics.nt") as tmp2:
        stats = write_canonical(graph, tmp, tmp2 if analytics is not None else None)
        _convert_canonical(tmp, fh, fmt, prefixes)
        if analytics is not None:
            _convert_canonical(tmp2, analytics, fmt, prefixes)
    return stats


def _stop_children(procs, writers) -> None:
    """Kill the serialiser children, close their pipes and reap them."""
    for proc in procs:
        proc.kill()
    for writer in writers:
        writer.close()
    for proc in procs:
        proc.wait()


def _write_piped(graph, fh, fmt: str, prefixes: dict[str, str], select=None, known=None,
                 analytics=None, analytics_select=None) -> CanonicalStats | None:
    """The piped half of write_rdf_text; None when a child could not start or did not finish.

    ``select``, ``known``, ``analytics``, ``analytics_select``: as in write_canonical_ntriples (only the
    subjects written reach the child); with ``analytics`` a second child serialises the analytics part
    into it at the same time."""
    procs, writers = [], []
    try:
        for out in (fh,) if analytics is None else (fh, analytics):
            out.flush()
            try:
                proc = subprocess.Popen([sys.executable, str(_PIPE_SCRIPT), fmt, json.dumps(prefixes)],
                                        stdin=subprocess.PIPE, stdout=out, stderr=subprocess.DEVNULL)
            except OSError:
                return None
            procs.append(proc)
            writers.append(_QueuedWriter(proc.stdin))
        try:
            stats = write_canonical_ntriples(graph.nx, writers[0], graph.base_iri, select=select, known=known,
                                             analytics=writers[1] if analytics is not None else None,
                                             analytics_select=analytics_select)
        except BrokenPipeError:
            stats = None
        for writer in writers:
            writer.close()
        codes = [proc.wait() for proc in procs]
    except BaseException:
        _stop_children(procs, writers)
        raise
    finally:
        if len(procs) < (1 if analytics is None else 2):  # a child could not start: stop the other one
            _stop_children(procs, writers)
    if any(codes) or any(w.error is not None for w in writers):
        return None
    return stats


def _prefixes(graph) -> dict[str, str]:
    return all_prefixes(graph.base_iri)


def _partition_name(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items()):
        local = iri[len(ns):]
        if iri.startswith(ns) and local and all(c.isalnum() or c in "_-" for c in local):
            return f"{prefix}-{local}"
    return hashed_key("iri", iri).split("/", 1)[1]


def serialize_rdf(triples: Iterable[ox.Triple], path: Path, fmt: str, prefixes: dict[str, str]) -> None:
    """Write triples (already ordered) atomically in an RDF format."""
    with atomic_write(path, "wb") as fh:
        if fmt == "ntriples":
            ox.serialize(triples, fh, _RDF_FORMATS[fmt])
        else:
            ox.serialize(triples, fh, _RDF_FORMATS[fmt], prefixes=dict(sorted(prefixes.items())))


def _export_value(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def nx_for_export(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only GraphML/GEXF-safe attribute values (JSON strings for lists, no None)."""
    H = nx.MultiDiGraph()
    H.graph.update({k: str(v) for k, v in sorted(G.graph.items()) if v is not None})
    for n in sorted(G):
        H.add_node(n, **{k: _export_value(v) for k, v in sorted(G.nodes[n].items()) if v is not None})
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        H.add_edge(u, v, key=k, **{a: _export_value(x) for a, x in sorted(d.items()) if x is not None})
    return H


def export_graph(graph, fmt: str, path) -> Path:
    """Write ``graph`` (a KnowledgeGraph) to ``path`` in turtle|ntriples|jsonld|graphml|gexf."""
    path = Path(path)
    if fmt not in EXPORT_FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    try:
        if fmt in _RDF_FORMATS:
            with atomic_write(path, "wb") as fh:
                if fmt == "ntriples":
                    write_canonical_ntriples(graph.nx, fh, graph.base_iri)
                else:
                    write_rdf_text(graph, fh, fmt, tmp_dir=path.parent)
        else:
            H = nx_for_export(graph.nx)
            writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
            with atomic_write(path, "wb") as fh:
                writer(H, fh)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from None
    return path


#: the titles of the two parts in void.ttl
_PART_TITLES = {"graph": "paperkg knowledge graph: each subject's own statements",
                "analytics": "paperkg knowledge graph: corpus-wide figures (PageRank, communities, degrees, supports, "
                             "relatedness, method pairs, months)"}


def void_triples(graph, dump_name: str = GRAPH_FILE, stats: CanonicalStats | None = None,
                 analytics_name: str = ANALYTICS_FILE) -> list[ox.Triple]:
    """A VoID description of the graph: size, class partitions, property partitions.

    ``stats``: the counts ``write_canonical`` returned when the graph was written (saves a second pass).
    When they have the counts of the two parts (``stats.parts``: the graph written as ``dump_name`` and
    ``analytics_name``), the dataset names both files as its dumps and describes each part as a
    ``void:subset`` with its own counts, partitions and dump.
    """
    base = graph.base_iri
    N, L = ox.NamedNode, ox.Literal
    xsd_int = N(XSD + "integer")

    def num(n: int) -> ox.Literal:
        return L(str(n), datatype=xsd_int)

    if stats is None:
        stats = write_canonical_ntriples(graph.nx, io.BytesIO(), graph.base_iri)
    rdf_type = N(_RDF_TYPE)
    v = lambda name: N(VOID + name)  # noqa: E731

    def describe(ds, name: str, title: str, st: CanonicalStats, dumps) -> list[ox.Triple]:
        classes, props = st.classes, st.properties
        out = [
            ox.Triple(ds, rdf_type, v("Dataset")),
            ox.Triple(ds, N(DCTERMS + "title"), L(title)),
            ox.Triple(ds, v("triples"), num(st.triples)),
            ox.Triple(ds, v("entities"), num(sum(classes.values()))),
            ox.Triple(ds, v("classes"), num(len(classes))),
            ox.Triple(ds, v("properties"), num(len(props))),
            ox.Triple(ds, v("distinctSubjects"), num(st.subjects)),
            ox.Triple(ds, v("distinctObjects"), num(st.distinct_objects)),
            ox.Triple(ds, v("uriSpace"), L(base)),
            ox.Triple(ds, v("vocabulary"), N(ONTOLOGY_IRI)),
        ]
        out += [ox.Triple(ds, v("dataDump"), N(node_iri(base, d))) for d in dumps]
        for cls, n in sorted(classes.items()):
            part = N(node_iri(base, name + "/class/" + _partition_name(cls)))
            out += [ox.Triple(ds, v("classPartition"), part), ox.Triple(part, v("class"), N(cls)),
                    ox.Triple(part, v("entities"), num(n))]
        for prop, n in sorted(props.items()):
            part = N(node_iri(base, name + "/property/" + _partition_name(prop)))
            out += [ox.Triple(ds, v("propertyPartition"), part), ox.Triple(part, v("property"), N(prop)),
                    ox.Triple(part, v("triples"), num(n))]
        return out

    ds = N(node_iri(base, "void"))
    if not stats.parts:
        return sorted(describe(ds, "void", "paperkg knowledge graph", stats, [dump_name]), key=_triple_key)
    files = {"graph": dump_name, "analytics": analytics_name}
    out = describe(ds, "void", "paperkg knowledge graph", stats, [dump_name, analytics_name])
    for part, st in sorted(stats.parts.items()):
        sub = N(node_iri(base, "void/" + part))
        out.append(ox.Triple(ds, v("subset"), sub))
        out += describe(sub, "void/" + part, _PART_TITLES[part], st, [files[part]])
    return sorted(out, key=_triple_key)


def write_graph_turtle(graph, fh, *, tmp_dir, previous=None, cache_dir=None, pending: bool = False,
                       pipe: bool | None = None, report: dict | None = None, analytics=None) -> CanonicalStats:
    """graph.ttl into the binary file ``fh``: the bytes of ``write_rdf_text(graph, fh, "turtle", analytics=...)``.

    ``analytics``: a second binary file, which gets the corpus-wide figures (analytics.ttl; serialised
    by a second child process beside the first) while ``fh`` gets the rest; without it ``fh`` gets
    every statement.

    With ``cache_dir`` (a build's cache folder) it writes there the index of each file's Turtle blocks
    (kg.graph.ttl_blocks; ``INDEX_NAMES``, or ``PENDING_NAMES`` with ``pending``); with ``previous``
    (the graph.ttl those indexes describe, with its analytics.ttl beside it) too, only the subjects
    whose canonical statements are not among the previous blocks are serialised, and the others'
    blocks are copied from the previous files. A missing, damaged or foreign index means every subject
    of that file is serialised. ``report`` gets ``blocks`` (subjects of ``fh``) and ``reused``, and
    with ``analytics`` also ``analytics_blocks`` and ``analytics_reused``.
    """
    prefixes = dict(sorted(_prefixes(graph).items()))
    fp = fingerprint(prefixes)
    header = turtle_header(prefixes)
    parts = {"graph": fh} if analytics is None else {"graph": fh, "analytics": analytics}
    olds = {"graph": previous, "analytics": Path(previous).with_name(ANALYTICS_FILE) if previous is not None else None}
    prev: dict = {}
    if cache_dir is not None:
        for part in parts:
            if olds[part] is not None:
                prev[part] = PreviousBlocks.open(Path(cache_dir) / INDEX_NAMES[part], Path(olds[part]), fp)
    if pipe is None:
        pipe = graph.nx.number_of_nodes() + graph.nx.number_of_edges() >= PIPE_MIN_SIZE
    starts = {part: out.tell() for part, out in parts.items()}

    def rewind() -> None:
        for part, out in parts.items():
            out.seek(starts[part])
            out.truncate()

    results = plans = stats = None
    try:
        with contextlib.ExitStack() as temps:
            fresh_paths = {part: temps.enter_context(_temp_path(tmp_dir, f".{part}.ttl")) for part in parts}
            # with previous blocks, then (when the new ones could not be cut as expected) without
            for sources in ((prev, {}) if any(prev.values()) else ({},)):
                with contextlib.ExitStack() as files:
                    fresh = {part: files.enter_context(open(path, "w+b")) for part, path in fresh_paths.items()}
                    plans = {part: BlockPlan(sources.get(part)) for part in parts}
                    a_out, a_select = fresh.get("analytics"), plans["analytics"].select if analytics is not None else None
                    stats = _write_piped(graph, fresh["graph"], "turtle", prefixes, select=plans["graph"].select,
                                         known=plans["graph"].known, analytics=a_out,
                                         analytics_select=a_select) if pipe else None
                    if stats is None:  # small graph, or no child: the same text through temporary files
                        for f in fresh.values():
                            f.seek(0)
                            f.truncate()
                        plans = {part: BlockPlan(sources.get(part)) for part in parts}
                        a_select = plans["analytics"].select if analytics is not None else None
                        nts = {part: files.enter_context(_temp_path(tmp_dir, f".{part}.nt")) for part in parts}
                        with open(nts["graph"], "wb") as ntf, \
                                (open(nts["analytics"], "wb") if analytics is not None else contextlib.nullcontext()) as antf:
                            stats = write_canonical_ntriples(graph.nx, ntf, graph.base_iri, select=plans["graph"].select,
                                                             known=plans["graph"].known, analytics=antf,
                                                             analytics_select=a_select)
                        for part in parts:
                            _convert_canonical(nts[part], fresh[part], "turtle", prefixes)
                    results = {}
                    for part, out in parts.items():
                        f = fresh[part]
                        f.flush()
                        size = os.fstat(f.fileno()).st_size
                        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
                        try:
                            results[part] = plans[part].assemble(header, data, out)
                        finally:
                            if size:
                                data.close()
                        if results[part] is None:
                            break
                if all(results.get(part) is not None for part in parts):
                    break
                rewind()
                results = None
    finally:
        for p in prev.values():
            if p is not None:
                p.close()
    if results is None:  # the serialiser's blocks could not be cut as expected: write it whole in this process,
        rewind()         # keep no index
        return write_rdf_text(graph, fh, "turtle", tmp_dir=tmp_dir, pipe=False, analytics=analytics)
    if report is not None:
        report.update(blocks=len(plans["graph"].source), reused=plans["graph"].reused)
        if analytics is not None:
            report.update(analytics_blocks=len(plans["analytics"].source), analytics_reused=plans["analytics"].reused)
    if cache_dir is not None:
        names = PENDING_NAMES if pending else INDEX_NAMES
        for part in parts:
            with contextlib.suppress(OSError):  # a cache: the next build serialises every subject without it
                write_index(Path(cache_dir) / names[part], fp, plans[part], *results[part])
    return stats


def write_outputs(graph, out_dir, *, previous=None, cache_dir=None, pending: bool = False,
                  report: dict | None = None) -> list[Path]:
    """Write graph.ttl, analytics.ttl and void.ttl into ``out_dir``; returns the paths written.

    graph.ttl holds each subject's own statements and analytics.ttl the corpus-wide figures
    (``kg.schema.ANALYTICS_PROPERTIES``, ``ANALYTICS_CLASSES``): their union is the graph, and every
    loader reads both. The canonical N-Triples are streamed through Oxigraph's Turtle serialiser
    (``write_graph_turtle``), so memory does not grow with the number of triples.
    ``previous``, ``cache_dir``, ``pending``, ``report``: reuse of the previous graph.ttl's and
    analytics.ttl's blocks, as in ``write_graph_turtle``.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc}") from None
    ttl = out / GRAPH_FILE
    figures = out / ANALYTICS_FILE
    void = out / "void.ttl"
    try:
        with atomic_write(ttl, "wb") as fh, atomic_write(figures, "wb") as afh:
            stats = write_graph_turtle(graph, fh, tmp_dir=out, previous=previous, cache_dir=cache_dir,
                                       pending=pending, report=report, analytics=afh)
    except OSError as exc:
        raise OutputError(f"cannot write {ttl}: {exc}") from None
    try:
        serialize_rdf(void_triples(graph, ttl.name, stats, figures.name), void, "turtle", _prefixes(graph))
    except OSError as exc:
        raise OutputError(f"cannot write {void}: {exc}") from None
    return [ttl, figures, void]
