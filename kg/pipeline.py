"""The end-to-end jobs behind ``paperkg build`` and ``paperkg extract``.

Each job is a public function so the CLI stays a thin layer and the same work
is scriptable from Python. Outputs are written to a staging folder inside the
output folder and moved into place file by file only when everything has been
written, so a failed or killed build leaves the previous outputs intact.
"""
from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kg.atomic import atomic_write
from kg.errors import InputError, OutputError

__all__ = ["BuildResult", "extract_job", "build_job", "write_jsonl", "one_line", "DEFAULT_OUT_DIR"]

DEFAULT_OUT_DIR = Path("outputs")
CACHE_DIR = ".cache"  # inside the output folder: the extraction cache (kg.cache)

Log = Callable[[str], None]


def one_line(text: str) -> str:
    """``text`` with every non-printable character escaped (``\\n``, ``\\x1b``, ...).

    Error messages quote file names and input text; escaping keeps each error
    on one line and stops terminal control sequences from reaching the user.
    """
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@contextlib.contextmanager
def _output_errors(dest: str | os.PathLike):
    """Turn an OSError while writing outputs (a file where a folder must be, no space) into OutputError."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write {one_line(str(dest))}: {exc.strerror or exc}") from None


LOCK_FILE = ".paperkg.lock"


@contextlib.contextmanager
def _build_lock(out_dir: Path):
    """Hold an exclusive lock on the output folder for the whole build.

    Two builds writing into one folder would interleave their renames and
    clear each other's staging; the second one is refused with one line
    instead. (POSIX ``flock``; where it is missing, no lock is taken.)
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    with _output_errors(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        fh = open(out_dir / LOCK_FILE, "a+b")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{one_line(str(out_dir))}: another paperkg build is writing to this folder; "
                "wait for it to finish or choose another -o"
            ) from None
        yield
    finally:
        fh.close()


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class BuildResult:
    """What a build produced: the in-memory graph plus where files went."""

    report: dict
    out_dir: Path | None = None
    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    graph: object | None = None
    timings: dict = field(default_factory=dict)
    extract_stats: dict = field(default_factory=dict)  # {"cached": n, "extracted": n}


def _ingest(inputs: Sequence[str | os.PathLike], fmt: str | None, strict: bool, log: Log):
    from kg.ingest import default_corpus_paths, error_lines, read_inputs

    paths = list(inputs) if inputs else default_corpus_paths()
    result = read_inputs(paths, fmt=fmt, strict=strict)
    for warning in getattr(result, "warnings", ()):
        log(f"paperkg: warning: {one_line(str(warning))}")
    for line in error_lines(result.errors):  # bad records: the first 20 per file, then a count
        log(f"paperkg: error: {one_line(line)}")
    return result


def write_jsonl(records, dest: str | os.PathLike) -> None:
    """Write one JSON object per line; ``-`` means stdout (data only)."""
    lines = (json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)
    if str(dest) == "-":
        out = sys.stdout
        for line in lines:
            out.write(line)
        out.flush()
        return
    with atomic_write(dest, "w") as fh:
        for line in lines:
            fh.write(line)


def _records(papers, extraction):
    from extractors import paper_record

    by_id = {pe.paper_id: pe for pe in extraction.papers}
    for paper in papers:
        yield paper_record(paper, by_id[paper.id], extraction)


def extract_job(
    inputs: Sequence[str | os.PathLike],
    dest: str | os.PathLike,
    *,
    fmt: str | None = None,
    strict: bool = False,
    jobs: int = 1,
    quiet: bool = False,
    log: Log = _stderr,
    cache_dir: str | os.PathLike | None = None,
    dask_address: str | None = None,
) -> BuildResult:
    """Read listings, extract entities, write one JSON record per distinct paper.

    ``cache_dir``: reuse/store per-paper mentions there (off by default: the
    output is a single file); ``dask_address``: extract on that Dask cluster.
    """
    from kg.extraction import ExtractStats, extract

    t0 = time.perf_counter()
    ingest = _ingest(inputs, fmt, strict, log)
    t1 = time.perf_counter()
    stats = ExtractStats()
    extraction = extract(ingest.papers, jobs=jobs, progress=not quiet, cache_dir=cache_dir,
                         dask_address=dask_address, stats=stats)
    t2 = time.perf_counter()
    with _output_errors(dest):
        write_jsonl(_records(ingest.papers, extraction), dest)
    report = ingest.report()
    if not quiet:
        log(
            f"paperkg: read {report['entries_read']} entries from {len(report['files'])} file(s): "
            f"{len(ingest.papers)} distinct papers ({len(ingest.merged)} merged); "
            f"extracted in {t2 - t1:.2f}s -> {dest}"
        )
    return BuildResult(report=report, errors=list(ingest.errors), timings={"ingest": t1 - t0, "extract": t2 - t1},
                       extract_stats={"cached": stats.cached, "extracted": stats.extracted})


def _move_tree(staging: Path, out_dir: Path) -> list[Path]:
    """Move every staged file over its final path (each move is an atomic rename)."""
    moved = []
    made: set[str] = set()
    staging_s, out_s = str(staging), str(out_dir)
    for root, _dirs, files in os.walk(staging_s):
        rel = os.path.relpath(root, staging_s)
        dst_dir = out_s if rel == "." else os.path.join(out_s, rel)
        if dst_dir not in made:
            os.makedirs(dst_dir, exist_ok=True)
            made.add(dst_dir)
        for name in sorted(files):
            dst = os.path.join(dst_dir, name)
            os.replace(os.path.join(root, name), dst)
            moved.append(dst)
    return [Path(p) for p in sorted(moved)]


def _remove_stale(out_dir: Path, keep: set[Path], subdirs: Sequence[str]) -> None:
    """Drop per-entity/per-paper pages left by an earlier build of another corpus."""
    keep_s = {str(p) for p in keep}
    for sub in subdirs:
        folder = out_dir / sub
        if folder.is_dir():
            for root, _dirs, files in os.walk(folder):
                for name in files:
                    path = os.path.join(root, name)
                    if path not in keep_s:
                        os.unlink(path)


def _remove_stale_staging(out_dir: Path, started: float) -> None:
    """Delete hidden ``.staging-*`` folders and ``.*.tmp`` files left by a killed earlier build.

    Only entries last modified before this run started are removed, so the
    staging folder of this run is never touched.
    """
    for entry in sorted(out_dir.iterdir()):
        name = entry.name
        if not (name.startswith(".staging-") or (name.startswith(".") and name.endswith(".tmp"))):
            continue
        try:
            if entry.lstat().st_mtime >= started:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()
        except FileNotFoundError:
            continue


def build_job(
    inputs: Sequence[str | os.PathLike] = (),
    out_dir: str | os.PathLike = DEFAULT_OUT_DIR,
    *,
    fmt: str | None = None,
    strict: bool = False,
    jobs: int = 1,
    base_iri: str | None = None,
    top_k: int = 10,
    max_nodes: int = 1500,
    quiet: bool = False,
    log: Log = _stderr,
    cache: bool = True,
    store_dir: str | os.PathLike | None = None,
    dask_address: str | None = None,
    stages: bool | None = None,
) -> BuildResult:
    """Ingest, extract, build the graph and write every output into ``out_dir``.

    ``cache``: keep per-paper extraction results in ``out_dir/.cache`` so a
    rebuild only extracts new or changed papers; ``store_dir``: also write
    the RDF into an on-disk Oxigraph store there; ``dask_address``: run the
    extraction on that Dask cluster; ``stages``: log a line as each stage
    starts (default: when not quiet and stderr is a terminal, since a big
    build otherwise spends minutes after extraction without a word).
    """
    if stages is None:
        stages = not quiet and sys.stderr.isatty()
    with _build_lock(Path(out_dir)):
        return _build_locked(inputs, out_dir, fmt=fmt, strict=strict, jobs=jobs, base_iri=base_iri, top_k=top_k,
                             max_nodes=max_nodes, quiet=quiet, log=log, cache=cache, store_dir=store_dir,
                             dask_address=dask_address, stages=stages)


def _build_locked(inputs, out_dir, *, fmt, strict, jobs, base_iri, top_k, max_nodes, quiet, log, cache,
                  store_dir, dask_address, stages) -> BuildResult:
    from kg.extraction import ExtractStats, extract
    from kg.graph import DEFAULT_BASE_IRI, build_graph, write_outputs
    from kg.views import write_views

    def stage(message: str) -> None:
        if stages:
            log(f"paperkg: {message}")

    started = time.time()
    timings = {}
    t = time.perf_counter()
    stage("reading listings...")
    ingest = _ingest(inputs, fmt, strict, log)
    timings["ingest"] = time.perf_counter() - t

    out_dir = Path(out_dir)
    t = time.perf_counter()
    stage(f"extracting {len(ingest.papers)} papers...")
    stats = ExtractStats()
    extraction = extract(ingest.papers, jobs=jobs, progress=not quiet, cache_dir=out_dir / CACHE_DIR if cache else None,
                         dask_address=dask_address, stats=stats)
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    stage("building the graph (links, PageRank, communities)...")
    graph = build_graph(ingest.papers, extraction, base_iri=base_iri or DEFAULT_BASE_IRI, top_k=top_k)
    timings["graph"] = time.perf_counter() - t

    with _output_errors(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out_dir, started)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        with _output_errors(out_dir):
            t = time.perf_counter()
            stage(f"writing papers.jsonl, graph.ttl and void.ttl ({graph.nx.number_of_nodes()} nodes, "
                  f"{graph.nx.number_of_edges()} edges)...")
            write_jsonl(_records(ingest.papers, extraction), staging / "papers.jsonl")
            timings["jsonl"] = time.perf_counter() - t
            extraction_report = _extraction_report(extraction)
            del extraction  # the graph holds what the later stages need; this frees the mentions
            # Everything alive now lives until the end of the build: keep the cycle collector from
            # re-scanning it (seconds per pass on big graphs) and keep fork workers' pages shared.
            gc.freeze()
            t = time.perf_counter()
            write_outputs(graph, staging)
            timings["rdf"] = time.perf_counter() - t
            t = time.perf_counter()
            stage("writing the HTML views (one page per paper and entity)...")
            write_views(graph, staging, max_nodes=max_nodes)
            timings["views"] = time.perf_counter() - t
            report = _build_report(ingest, extraction_report, graph)
            with atomic_write(staging / "build-report.json") as fh:
                json.dump(report, fh, indent=2, ensure_ascii=False, sort_keys=True)
                fh.write("\n")
            if store_dir is not None:
                from kg.graph.store import write_store

                t = time.perf_counter()
                stage(f"loading the Oxigraph store {one_line(str(store_dir))}...")
                write_store(staging / "graph.ttl", store_dir)
                timings["store"] = time.perf_counter() - t
            t = time.perf_counter()
            stage(f"moving the outputs into {one_line(str(out_dir))}/...")
            files = _move_tree(staging, out_dir)
    finally:
        gc.unfreeze()
        shutil.rmtree(staging, ignore_errors=True)
    with _output_errors(out_dir):
        _remove_stale(out_dir, set(files), ("entity", "paper"))
    timings["move"] = time.perf_counter() - t

    if not quiet:
        g = graph.nx
        log(
            f"paperkg: read {report['ingest']['entries_read']} entries from "
            f"{len(report['ingest']['files'])} file(s): {report['ingest']['papers']} distinct papers, "
            f"{report['ingest']['merged_count']} merged from duplicates"
        )
        log(
            f"paperkg: graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
            + ", ".join(f"{k} {v:.2f}s" for k, v in timings.items())
        )
        if cache:
            log(f"paperkg: extraction cache: {stats.cached} papers reused, {stats.extracted} extracted")
        log(f"paperkg: wrote {len(files)} files to {out_dir}/ (open {out_dir / 'index.html'})")
        if store_dir is not None:
            log(f"paperkg: Oxigraph store written to {store_dir}/ (paperkg query --store {store_dir})")
    return BuildResult(report=report, out_dir=out_dir, files=files, errors=list(ingest.errors), graph=graph,
                       timings=timings, extract_stats={"cached": stats.cached, "extracted": stats.extracted})


def _extraction_report(extraction) -> dict:
    from collections import Counter

    kinds = Counter(e.kind for e in extraction.entities)
    return {
        "extractor_version": extraction.extractor_version,
        "entities": dict(sorted(kinds.items())),
        "repos": sum(len(p.repos) for p in extraction.papers),
        "links": sum(len(p.links) for p in extraction.papers),
    }


def _build_report(ingest, extraction_report: dict, graph) -> dict:
    """Deterministic summary: what was read, merged, extracted and built."""
    from collections import Counter

    g = graph.nx
    node_types = Counter(d.get("type", "") for _, d in g.nodes(data=True))
    relations = Counter(k for _, _, k in g.edges(keys=True))
    return {
        "ingest": ingest.report(),
        "extraction": extraction_report,
        "graph": {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "node_types": dict(sorted(node_types.items())),
            "relations": dict(sorted(relations.items())),
        },
    }
