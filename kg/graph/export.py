"""Exports: Turtle (default), N-Triples, JSON-LD via pyoxigraph; GraphML, GEXF via networkx; VoID.

RDF outputs are serialised from triples sorted by (subject, rdf:type first,
predicate, object), so the same graph gives byte-identical files. NetworkX
formats cannot hold lists or None: lists/dicts become JSON strings (sorted
keys) and None attributes are left out.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import types
from collections import Counter
from pathlib import Path
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.errors import OutputError
from kg.graph.iris import hashed_key, node_iri

__all__ = ["FORMATS", "export", "write_outputs", "sorted_triples", "sorted_ntriples", "void_triples", "nx_for_export",
           "serialize_rdf"]

FORMATS = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "graphml": ".graphml",
    "gexf": ".gexf",
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
VOID = "http://rdfs.org/ns/void#"


def _triple_key(t: ox.Triple) -> tuple:
    p = t.predicate.value
    return (t.subject.value, p != _RDF_TYPE, p, str(t.object))


def sorted_triples(store: ox.Store) -> list[ox.Triple]:
    """The default graph's triples in canonical order."""
    return sorted((q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())), key=_triple_key)


_TYPE_TOKEN = f"<{_RDF_TYPE}> ".encode()


def _graph_quads(graph) -> Iterable[ox.Quad]:
    """The graph's default-graph quads: from its store when one exists, else straight from NetworkX (no store load)."""
    store = getattr(graph, "_store", None)
    if store is not None:
        return store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    from kg.graph.rdf import nx_to_quads

    return nx_to_quads(graph.nx, graph.base_iri)


@contextlib.contextmanager
def _temp_path(directory, suffix: str):
    """A temporary file name (removed afterwards) in ``directory``: big graphs spill to disk, not memory."""
    fd, name = tempfile.mkstemp(prefix=".paperkg-", suffix=suffix, dir=directory)
    os.close(fd)
    try:
        yield name
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


def sorted_ntriples(graph, tmp_dir=None) -> list[bytes]:
    """The graph's N-Triples lines (each ending in a newline) in canonical order:
    subject, rdf:type first, predicate, object.

    Sorting serialised lines is far faster and smaller than sorting Python
    term tuples. Lines of one subject are contiguous (an IRI token ends with
    ``>``); within each subject the rdf:type lines are moved first. pyoxigraph
    writes the unsorted lines to a temporary file in ``tmp_dir`` first.
    """
    with _temp_path(tmp_dir, ".nt") as tmp:
        ox.serialize(_graph_quads(graph), tmp, ox.RdfFormat.N_TRIPLES)
        with open(tmp, "rb") as fh:
            lines = fh.readlines()
    lines.sort()
    out: list[bytes] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        cut = line.index(b" ") + 1
        subject = line[:cut]
        j = i + 1
        while j < n and lines[j].startswith(subject):
            j += 1
        if j - i == 1:
            out.append(line)
        else:
            group = lines[i:j]
            if not group[0].startswith(_TYPE_TOKEN, cut):
                typed = [x for x in group if x.startswith(_TYPE_TOKEN, cut)]
                if typed:
                    group = typed + [x for x in group if not x.startswith(_TYPE_TOKEN, cut)]
            out.extend(group)
        i = j
    return out


def write_ntriples_lines(lines: list[bytes], path: Path, fmt: str, prefixes: dict[str, str]) -> None:
    """Write canonical N-Triples lines atomically as N-Triples (verbatim) or re-serialised (Turtle, JSON-LD)."""
    path = Path(path)
    with atomic_write(path, "wb") as fh:
        if fmt == "ntriples":
            fh.writelines(lines)
            return
        with _temp_path(path.parent, ".nt") as tmp:
            with open(tmp, "wb") as nt:
                nt.writelines(lines)
            ox.serialize(ox.parse(path=tmp, format=ox.RdfFormat.N_TRIPLES), fh, _RDF_FORMATS[fmt],
                         prefixes=dict(sorted(prefixes.items())))


def _prefixes(graph) -> dict[str, str]:
    from kg.graph.rdf import all_prefixes

    return all_prefixes(graph.base_iri)


def _partition_name(iri: str) -> str:
    from kg.graph.rdf import PREFIXES

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


def export(graph, fmt: str, path) -> Path:
    """Write ``graph`` (a KnowledgeGraph) to ``path`` in turtle|ntriples|jsonld|graphml|gexf."""
    path = Path(path)
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if fmt in _RDF_FORMATS:
            write_ntriples_lines(sorted_ntriples(graph, path.parent), path, fmt, _prefixes(graph))
        else:
            H = nx_for_export(graph.nx)
            writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
            with atomic_write(path, "wb") as fh:
                writer(H, fh)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from None
    return path


def _line_stats(lines: list[bytes]) -> tuple[int, Counter, Counter, int, int]:
    """(triples, class counts, property counts, distinct subjects, distinct IRI objects) of canonical lines."""
    classes: Counter = Counter()
    props: Counter = Counter()
    objects = set()
    subjects = 0
    last = None
    type_token = _TYPE_TOKEN[:-1]
    for line in lines:
        subject, predicate, rest = line.split(b" ", 2)  # rest: b"object .\n"
        if subject != last:
            subjects += 1
            last = subject
        props[predicate] += 1
        if rest[:1] == b"<":
            obj = rest[:-3]
            objects.add(obj)
            if predicate == type_token:
                classes[obj] += 1
    iri = lambda token: token[1:-1].decode("utf-8")  # noqa: E731
    return (len(lines), Counter({iri(k): v for k, v in classes.items()}),
            Counter({iri(k): v for k, v in props.items()}), subjects, len(objects))


def void_triples(graph, dump_name: str = "graph.ttl", lines: list[bytes] | None = None) -> list[ox.Triple]:
    """A VoID description of the graph: size, class partitions, property partitions.

    ``lines``: the graph's canonical N-Triples lines when already made (saves a second serialisation).
    """
    base = graph.base_iri
    N, L = ox.NamedNode, ox.Literal
    xsd_int = N("http://www.w3.org/2001/XMLSchema#integer")

    def num(n: int) -> ox.Literal:
        return L(str(n), datatype=xsd_int)

    total, classes, props, n_subjects, n_objects = _line_stats(sorted_ntriples(graph) if lines is None else lines)
    ds = N(node_iri(base, "void"))
    rdf_type = N(_RDF_TYPE)
    v = lambda name: N(VOID + name)  # noqa: E731
    out = [
        ox.Triple(ds, rdf_type, v("Dataset")),
        ox.Triple(ds, N("http://purl.org/dc/terms/title"), L("paperkg knowledge graph")),
        ox.Triple(ds, v("triples"), num(total)),
        ox.Triple(ds, v("entities"), num(sum(classes.values()))),
        ox.Triple(ds, v("classes"), num(len(classes))),
        ox.Triple(ds, v("properties"), num(len(props))),
        ox.Triple(ds, v("distinctSubjects"), num(n_subjects)),
        ox.Triple(ds, v("distinctObjects"), num(n_objects)),
        ox.Triple(ds, v("uriSpace"), L(base)),
        ox.Triple(ds, v("vocabulary"), N("https://w3id.org/paperkg/ontology")),
        ox.Triple(ds, v("dataDump"), N(node_iri(base, dump_name))),
    ]
    for cls, n in sorted(classes.items()):
        part = N(node_iri(base, "void/class/" + _partition_name(cls)))
        out += [ox.Triple(ds, v("classPartition"), part), ox.Triple(part, v("class"), N(cls)),
                ox.Triple(part, v("entities"), num(n))]
    for prop, n in sorted(props.items()):
        part = N(node_iri(base, "void/property/" + _partition_name(prop)))
        out += [ox.Triple(ds, v("propertyPartition"), part), ox.Triple(part, v("property"), N(prop)),
                ox.Triple(part, v("triples"), num(n))]
    return sorted(out, key=_triple_key)


def write_outputs(graph, out_dir) -> list[Path]:
    """Write graph.ttl and void.ttl into ``out_dir``; returns the paths written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {out}: {exc}") from None
    ttl = out / "graph.ttl"
    void = out / "void.ttl"
    lines = sorted_ntriples(graph, out)
    try:
        write_ntriples_lines(lines, ttl, "turtle", _prefixes(graph))
    except OSError as exc:
        raise OutputError(f"cannot write {ttl}: {exc}") from None
    try:
        serialize_rdf(void_triples(graph, ttl.name, lines), void, "turtle", _prefixes(graph))
    except OSError as exc:
        raise OutputError(f"cannot write {void}: {exc}") from None
    return [ttl, void]


class _CallableModule(types.ModuleType):
    """Lets ``kg.graph.export(graph, fmt, path)`` work even once this submodule shadows the function."""

    def __call__(self, graph, fmt: str, path) -> Path:
        return export(graph, fmt, path)


sys.modules[__name__].__class__ = _CallableModule
