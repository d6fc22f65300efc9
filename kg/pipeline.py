"""The end-to-end jobs behind ``paperkg build`` and ``paperkg extract``.

Each job is a public function so the CLI stays a thin layer and the same work
is scriptable from Python. A build writes the whole output set into a hidden
staging folder next to the output folder, then swaps the two folders in one
atomic step (``kg.atomic.exchange``): readers (``paperkg serve``, ``kg.load``,
a browser) see the complete previous set or the complete new one, never a
mix, and a failed or killed build leaves the previous outputs intact. Files in
the output folder that a build did not write (``.gitkeep``, a README, the
extraction cache) are moved over to the new folder. Where folders cannot be
swapped (a mount point, the current directory, no renameat2, an unwritable
parent) files are moved into place one by one, as before.
"""
from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from extractors import paper_record
from kg import __version__
from kg import memory, uptodate
from kg.atomic import atomic_write, exchange
from kg.errors import InputError, NoPapersError, OutputError, one_line
from extractors.corpus import ExtractStats, extract_corpus
from kg.graph import DEFAULT_BASE_IRI, build_graph, ttl_blocks, write_outputs
from kg.graph.store import write_store
from kg.ingest import default_corpus_paths, error_lines, read_inputs
from kg.procs import ignore_interrupts
from kg.layout import CACHE_DIR, GRAPH_FILE, KNOWN_OUTPUTS, LOCK_FILE, OUTPUT_MARKER, marked_outputs
from kg.views import write_views

__all__ = ["BuildResult", "extract_job", "build_job", "write_jsonl", "DEFAULT_OUT_DIR"]

DEFAULT_OUT_DIR = Path("outputs")

Log = Callable[[str], None]


@contextlib.contextmanager
def _output_errors(dest: str | os.PathLike, staging: Path | None = None):
    """Turn an OSError while writing outputs (a file where a folder must be, no space) into OutputError.

    The message names the file that failed (where the error says which), as its
    final path under ``dest`` when it was being written in ``staging``.
    """
    try:
        yield
    except BrokenPipeError:
        raise  # the reader of ``-o -`` went away: not an error (kg.cli stops quietly)
    except OSError as exc:
        where = str(dest)
        if exc.filename is not None:
            where = os.fsdecode(exc.filename)
            if staging is not None and (where == str(staging) or where.startswith(str(staging) + os.sep)):
                where = os.path.join(str(dest), os.path.relpath(where, staging)) if where != str(staging) else str(dest)
        raise OutputError(f"cannot write {one_line(where)}: {exc.strerror or exc}") from None


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
    page_stats: dict = field(default_factory=dict)  # {"rendered": n, "reused": n}: paper/entity pages
    #: {"blocks": n, "reused": n, "analytics_blocks": n, "analytics_reused": n}: graph.ttl and analytics.ttl subject blocks
    rdf_stats: dict = field(default_factory=dict)
    #: True when the outputs in place were those of the same listings, options and code (nothing was built)
    up_to_date: bool = False


def _ingest(inputs: Sequence[str | os.PathLike], fmt: str | None, strict: bool, log: Log,
            refuse_empty: bool = False, year: int | None = None, logged: list | None = None):
    """Read the inputs, logging each bad file; ``refuse_empty``: raise NoPapersError when no paper was read;
    ``logged``: also gets each line logged."""
    paths = list(inputs) if inputs else default_corpus_paths()
    result = read_inputs(paths, fmt=fmt, strict=strict, year=year)
    lines = [f"paperkg: warning: {one_line(str(warning))}" for warning in getattr(result, "warnings", ())]
    if result.papers or not refuse_empty or len(result.errors) > 1:  # NoPapersError's line tells a lone one
        # bad records: the first 20 per file, then a count
        lines += [f"paperkg: error: {one_line(line)}" for line in error_lines(result.errors)]
    for line in lines:
        log(line)
    if logged is not None:
        logged.extend(lines)
    if refuse_empty and not result.papers:
        raise NoPapersError(result.errors, len(result.files))
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
    year: int | None = None,
) -> BuildResult:
    """Read listings, extract entities, write one JSON record per distinct paper.

    ``cache_dir``: reuse/store per-paper mentions there (off by default: the
    output is a single file); ``dask_address``: extract on that Dask cluster.
    """
    t0 = time.perf_counter()
    ingest = _ingest(inputs, fmt, strict, log, year=year)
    if str(dest) != "-":
        folder = Path(dest).absolute().parent
        while not os.path.lexists(folder) and folder.parent != folder:
            folder = folder.parent  # the file's folder is made when written: probe where it will be made
        try:  # a folder that cannot take the file fails now, not after extraction
            _probe(folder)
        except OSError as exc:
            raise OutputError(
                f"cannot write {one_line(str(dest))}: {exc.strerror or exc}; nothing was extracted") from None
    t1 = time.perf_counter()
    stats = ExtractStats()
    extraction = extract_corpus(ingest.papers, jobs=jobs, progress=not quiet, cache_dir=cache_dir,
                         dask_address=dask_address, stats=stats)
    t2 = time.perf_counter()
    with _output_errors(dest):
        write_jsonl(_records(ingest.papers, extraction), dest)
    report = ingest.report()
    if not quiet:
        log(
            f"paperkg: read {report['entries_read']} entries from {len(report['files'])} file(s): "
            f"{len(ingest.papers)} distinct papers"
            + (f" ({report['entries_read'] - len(ingest.papers)} duplicate entries merged into {len(ingest.merged)} "
               f"of them); " if ingest.merged else ", no duplicates; ")
            + f"extracted in {t2 - t1:.2f}s -> {dest}"
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


def _write_marker(folder: Path) -> None:
    """List the folder's top-level names in OUTPUT_MARKER: what this build wrote (see kg.layout)."""
    names = sorted({e.name for e in folder.iterdir()} | {OUTPUT_MARKER})
    with atomic_write(folder / OUTPUT_MARKER, fsync=False) as fh:
        json.dump({"paperkg": __version__, "outputs": names}, fh, indent=1, sort_keys=True)
        fh.write("\n")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.paperkg-"


def _swappable(target: Path) -> bool:
    """Whether ``target`` can be replaced by swapping folders (else files move one by one)."""
    if os.path.ismount(target):
        return False  # e.g. a container volume: a mount point cannot be renamed
    cwd = os.getcwd()
    t = str(target)
    return not (cwd == t or cwd.startswith(t.rstrip(os.sep) + os.sep))  # never move the user's cwd away


def _remove_tree(path: Path) -> None:
    """rmtree that also clears folders a user made read-only (they hold our old outputs only)."""
    def retry(func, p, _exc):
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(p), 0o700)
            func(p)

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, onerror=retry)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _retire(old: Path, target: Path, ours: set[str]) -> None:
    """Move what a build did not write from the swapped-out folder ``old`` into ``target``; delete the rest.

    Entries of ``old`` that ``target`` also has, or that are ours (``ours``, the
    old marker's list, the known output names), are old outputs. Anything
    else (the user's files, the extraction cache) moves over unless
    ``target`` already has that name. Entries that cannot be moved are left
    in ``old``, which is then kept rather than deleted with them.
    """
    ours = set(ours) | KNOWN_OUTPUTS | (marked_outputs(old) or set())
    keep = False
    for entry in sorted(old.iterdir()):
        name = entry.name
        dst = target / name
        if name in ours or name.startswith(".staging-") or (name.startswith(".") and name.endswith(".tmp")) \
                or os.path.lexists(dst):
            _remove_tree(entry)
            continue
        try:
            os.rename(entry, dst)
        except OSError:
            keep = True
    if not keep:
        _remove_tree(old)


def _recover_stale_swaps(target: Path, started: float) -> None:
    """Finish what a build killed during its swap left next to ``target``.

    A staging folder killed before the swap holds only new outputs: deleted.
    An old folder killed right after it may still hold the user's files or
    the cache: those move back into ``target`` first.
    """
    prefix = _staging_prefix(target)
    try:
        entries = sorted(e for e in target.parent.iterdir() if e.name.startswith(prefix))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.lstat().st_mtime >= started or not entry.is_dir() or entry.is_symlink():
                continue
        except FileNotFoundError:
            continue
        _retire(entry, target, set())


#: Bytes the write probe writes and syncs before any work: a full (or nearly full) disk fails here.
PROBE_BYTES = 1 << 20


def _probe(folder: Path) -> None:
    """Create, fill, sync and remove a file in ``folder``; OSError when that cannot be done."""
    fd, path = tempfile.mkstemp(prefix=".paperkg-probe-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(b"\0" * PROBE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _probe_outputs(out_dir: Path, target: Path) -> None:
    """Check, before extraction, that the build can write where it will write: OutputError naming the path if not.

    The staging folder goes next to the output folder (``target.parent``) when
    folders can be swapped; where that parent cannot be written the build
    stages inside the output folder and moves files into its existing
    subfolders one by one, so those must be writable then.
    """
    if _swappable(target):
        try:
            _probe(target.parent)
            return
        except OSError:
            pass  # the build will stage inside the output folder instead
    places = [out_dir] + [out_dir / name for name in sorted(KNOWN_OUTPUTS)
                          if (out_dir / name).is_dir() and not (out_dir / name).is_symlink()]
    for place in places:
        try:
            _probe(place)
        except OSError as exc:
            raise OutputError(f"cannot write {one_line(str(place))}: {exc.strerror or exc}; nothing was built") from None


def _listed_files(staging: Path, out_dir: Path) -> list[Path]:
    """The files of ``staging`` as they will be named under ``out_dir``."""
    return sorted(out_dir / os.path.relpath(os.path.join(root, name), staging)
                  for root, _dirs, files in os.walk(staging) for name in files)


def _publish_files(staging: Path, out_dir: Path) -> list[Path]:
    """Fallback: move staged files over the outputs one by one, then drop pages of the previous corpus."""
    files = _move_tree(staging, out_dir)
    _remove_stale(out_dir, set(files), ("entity", "paper", "assets/data"))
    return files


@memory.rare_full_collections()  # a build's heap is large and acyclic: see kg.memory
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
    year: int | None = None,
    skip_if_current: bool = False,
) -> BuildResult:
    """Ingest, extract, build the graph and write every output into ``out_dir``.

    ``cache``: keep per-paper extraction results in ``out_dir/.cache`` so a
    rebuild only extracts new or changed papers; ``store_dir``: also write
    the RDF into an on-disk Oxigraph store there; ``dask_address``: run the
    extraction on that Dask cluster; ``stages``: log a line as each stage
    starts (default: when not quiet and stderr is a terminal, since a big
    build otherwise spends minutes after extraction without a word);
    ``year``: the year of Daily Papers day headings written without one;
    ``skip_if_current``: when the output folder holds the untouched outputs of a
    build of the same listings, options and code (kg.uptodate), build and write
    nothing: repeat that build's warnings and errors and return them with
    ``up_to_date`` set (the result then has no graph). Builds with the cache
    record what they wrote for this check.

    Raises NoPapersError, touching nothing, when no input gives a paper (a
    typo, an empty folder): an empty graph must not replace good outputs.
    """
    if stages is None:
        stages = not quiet and sys.stderr.isatty()
    out_dir = Path(out_dir)
    paths = list(inputs) if inputs else default_corpus_paths()
    key = None
    if cache:
        key = uptodate.build_key(paths, _key_options(fmt, strict, base_iri, top_k, max_nodes, year, store_dir))
    if skip_if_current and key is not None and out_dir.is_dir():
        with _build_lock(out_dir):
            record = uptodate.current_record(out_dir, key, store_dir)
        if record is not None:
            for line in record["log"]:
                log(line)
            if not quiet:
                log(f"paperkg: {out_dir}/ is up to date: it holds the untouched outputs of these listings, options "
                    f"and paperkg; nothing was built or written (--force rebuilds)")
            return BuildResult(report={}, out_dir=out_dir, errors=uptodate.recorded_errors(record), up_to_date=True)
    if stages:
        log("paperkg: reading listings...")
    t = time.perf_counter()
    ingest_lines: list[str] = []
    ingest = _ingest(paths, fmt, strict, log, refuse_empty=True, year=year, logged=ingest_lines)
    ingested = time.perf_counter() - t
    out_existed = out_dir.is_dir()
    check_build_memory(ingest.papers)
    with _build_lock(out_dir):
        cache_existed = (out_dir / CACHE_DIR).exists()
        published: list[bool] = []
        try:
            _probe_outputs(out_dir, Path(os.path.realpath(out_dir)))
            result = _build_locked(ingest, ingested, out_dir, jobs=jobs, base_iri=base_iri, top_k=top_k,
                                   max_nodes=max_nodes, quiet=quiet, log=log, cache=cache, store_dir=store_dir,
                                   dask_address=dask_address, stages=stages, published=published)
        except Exception:
            if not published:
                _remove_unbuilt(out_dir, out_existed, cache_existed)
            raise
        if key is not None:
            _record_build(out_dir, key, paths, (fmt, strict, base_iri, top_k, max_nodes, year, store_dir),
                          ingest_lines, ingest.errors, log)
        return result


def _record_build(out_dir: Path, key: str, paths, options: tuple, ingest_lines, errors, log: Log) -> None:
    """The build's last write (kg.uptodate): only when the listings are still those hashed before the build.
    The outputs are in place by now, so a record that cannot be written costs the next no-op a full build,
    not this build its success: a warning, and any older record is removed."""
    try:
        if uptodate.build_key(paths, _key_options(*options)) == key:
            uptodate.write_record(out_dir, key, options[-1], ingest_lines, errors)
            return
    except OSError as exc:
        log(f"paperkg: warning: cannot record the build in {one_line(str(out_dir / CACHE_DIR))}: "
            f"{exc.strerror or exc}; the next build into it rebuilds")
    with contextlib.suppress(OSError):
        os.unlink(out_dir / CACHE_DIR / uptodate.RECORD_NAME)


def _key_options(fmt, strict, base_iri, top_k, max_nodes, year, store_dir) -> dict:
    """The build options that change what is written (not jobs, Dask, logging), for kg.uptodate.build_key."""
    return {"fmt": fmt, "strict": strict, "base_iri": base_iri or DEFAULT_BASE_IRI, "top_k": top_k,
            "max_nodes": max_nodes, "year": year, "store": None if store_dir is None else os.path.realpath(store_dir)}


#: Least memory a build holds per paper (graph, RDF writing, views tables) and per character of text,
#: measured on synthetic corpora (100,000 abstracts: 2.47 GB peak; 1.5 million small records passed
#: 17 GB before the views); kept low so that only builds that clearly cannot fit are refused.
BUILD_BYTES_PER_PAPER = 16 << 10
BUILD_BYTES_PER_CHAR = 4


def check_build_memory(papers, available: int | None = None) -> None:
    """NotEnoughMemoryError before any work when the build clearly needs more memory than is available."""
    chars = sum(len(p.title) + len(p.abstract) for p in papers)
    need = BUILD_BYTES_PER_PAPER * len(papers) + BUILD_BYTES_PER_CHAR * chars
    stage = f"a build of {len(papers):,} paper{'' if len(papers) == 1 else 's'}"
    memory.check_fits(stage, need, memory.available_bytes() if available is None else available)


def _remove_unbuilt(out_dir: Path, out_existed: bool, cache_existed: bool) -> None:
    """After a failed build: drop the extraction cache and the output folder this build created.

    Nothing was built, so a cache (which can be large) or an empty folder
    with only a lock file left behind would only mislead; what existed
    before the build is kept.
    """
    if not cache_existed:
        _remove_tree(out_dir / CACHE_DIR)
    if not out_existed:
        with contextlib.suppress(OSError):
            os.unlink(out_dir / LOCK_FILE)
        with contextlib.suppress(OSError):
            out_dir.rmdir()  # only when empty


def _build_locked(ingest, ingested, out_dir, *, jobs, base_iri, top_k, max_nodes, quiet, log, cache,
                  store_dir, dask_address, stages, published: list) -> BuildResult:
    """The build proper; appends to ``published`` once the new outputs are in place."""
    def stage(message: str) -> None:
        if stages:
            log(f"paperkg: {message}")

    started = time.time()
    timings = {"ingest": ingested}
    out_dir = Path(out_dir)
    target = Path(os.path.realpath(out_dir))  # an -o that is a symlink keeps pointing at the new outputs
    t = time.perf_counter()
    stage(f"extracting {len(ingest.papers)} papers...")
    stats = ExtractStats()
    extraction = extract_corpus(ingest.papers, jobs=jobs, progress=not quiet, cache_dir=out_dir / CACHE_DIR if cache else None,
                         dask_address=dask_address, stats=stats)
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    stage("building the graph (links, PageRank, communities)...")
    graph = build_graph(ingest.papers, extraction, base_iri=base_iri or DEFAULT_BASE_IRI, top_k=top_k,
                        cache_dir=out_dir / CACHE_DIR if cache else None)
    timings["graph"] = time.perf_counter() - t

    with _output_errors(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out_dir, started)
        _recover_stale_swaps(target, started)
    swap = _swappable(target)
    staging = None
    if swap:
        try:
            staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(target), dir=target.parent))
            os.chmod(staging, 0o777 & ~_umask())  # it becomes the output folder: not mkdtemp's 0700
        except OSError:
            swap = False  # e.g. the parent folder is not writable: stage inside instead
    if staging is None:
        with _output_errors(out_dir):
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        with _output_errors(out_dir, staging):
            t = time.perf_counter()
            stage(f"writing papers.jsonl, graph.ttl, analytics.ttl and void.ttl ({graph.nx.number_of_nodes()} nodes, "
                  f"{graph.nx.number_of_edges()} edges)...")
            write_jsonl(_records(ingest.papers, extraction), staging / "papers.jsonl")
            timings["jsonl"] = time.perf_counter() - t
            extraction_report = _extraction_report(extraction)
            del extraction  # the graph holds what the later stages need; this frees the mentions
            # Everything alive now lives until the end of the build: keep the cycle collector from
            # re-scanning it (seconds per pass on big graphs) and keep fork workers' pages shared.
            gc.freeze()
            t = time.perf_counter()
            rdf_stats: dict = {}
            # Turtle blocks of subjects whose statements did not change are copied from the graph.ttl and
            # analytics.ttl being replaced (the new indexes are PENDING_NAMES until the outputs are published:
            # a failed build keeps the old ones). The RDF files and the views are written at the same time
            # (the RDF in a forked process) where that fits: they only read the graph.
            rdf = _RdfJob(graph, staging, previous=out_dir / GRAPH_FILE,
                          cache_dir=out_dir / CACHE_DIR if cache else None, report=rdf_stats, parallel=jobs > 1)
            t_views = time.perf_counter()
            stage("writing the HTML views (one page per paper and entity)...")
            page_stats: dict = {}
            # pages whose view model is unchanged are hard-linked from the outputs being replaced
            try:
                write_views(graph, staging, max_nodes=max_nodes, previous=out_dir, stats=page_stats)
            except BaseException:
                rdf.cancel()
                raise
            timings["views"] = time.perf_counter() - t_views
            rdf.finish()
            timings["rdf"] = rdf.seconds
            report = _build_report(ingest, extraction_report, graph)
            with atomic_write(staging / "build-report.json") as fh:
                json.dump(report, fh, indent=2, ensure_ascii=False, sort_keys=True)
                fh.write("\n")
            if store_dir is not None:
                t = time.perf_counter()
                stage(f"loading the Oxigraph store {one_line(str(store_dir))}...")
                write_store(staging / "graph.ttl", store_dir)
                timings["store"] = time.perf_counter() - t
            t = time.perf_counter()
            stage(f"moving the outputs into {one_line(str(out_dir))}/...")
            if swap:
                with contextlib.suppress(OSError):  # the lock's inode moves with the new folder
                    os.link(out_dir / LOCK_FILE, staging / LOCK_FILE)
            _write_marker(staging)
            files = None
            if swap:
                new_names = {e.name for e in staging.iterdir()}
                listed = _listed_files(staging, out_dir)
                try:
                    exchange(staging, target)  # the one step readers can see: the old set -> the new set
                except OSError:
                    # no renameat2, or a file system that cannot exchange: move files one by one instead
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(staging / LOCK_FILE)
                else:
                    published.append(True)
                    old, staging = staging, None  # ``old`` now names the previous outputs
                    _retire(old, target, new_names)
                    files = listed
            if files is None:
                published.append(True)  # from the first file moved on, outputs of this build are in place
                files = _publish_files(staging, out_dir)
            if cache:  # the indexes of the graph.ttl and analytics.ttl now in place
                for part, name in ttl_blocks.PENDING_NAMES.items():
                    with contextlib.suppress(OSError):
                        os.replace(out_dir / CACHE_DIR / name, out_dir / CACHE_DIR / ttl_blocks.INDEX_NAMES[part])
    finally:
        gc.unfreeze()
        if not published:
            for name in ttl_blocks.PENDING_NAMES.values():
                with contextlib.suppress(OSError):
                    os.unlink(out_dir / CACHE_DIR / name)
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    timings["move"] = time.perf_counter() - t

    if not quiet:
        g = graph.nx
        log(
            f"paperkg: read {report['ingest']['entries_read']} entries from "
            f"{len(report['ingest']['files'])} file(s): {report['ingest']['papers']} distinct papers"
            + (f" ({report['ingest']['entries_read'] - report['ingest']['papers']} duplicate entries merged into "
               f"{report['ingest']['merged_count']} of them)" if report['ingest']['merged_count'] else ", no duplicates")
        )
        log(
            f"paperkg: graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
            + ", ".join(f"{k} {v:.2f}s" for k, v in timings.items())
        )
        if cache:
            log(f"paperkg: extraction cache: {stats.cached} papers reused, {stats.extracted} extracted")
        log(f"paperkg: pages: {page_stats.get('rendered', 0)} rendered, {page_stats.get('reused', 0)} unchanged "
            f"(linked from the previous outputs; {page_stats.get('views_skipped', 0)} of them made from the same "
            f"inputs, their view model not computed); data shards: {page_stats.get('data_written', 0)} written, "
            f"{page_stats.get('data_reused', 0)} unchanged; data records: {page_stats.get('records_made', 0)} made, "
            f"{page_stats.get('records_reused', 0)} copied from the previous shards")
        log(f"paperkg: graph.ttl: {rdf_stats.get('reused', 0)} of {rdf_stats.get('blocks', 0)} subject blocks "
            f"reused from the previous graph.ttl; analytics.ttl: {rdf_stats.get('analytics_reused', 0)} of "
            f"{rdf_stats.get('analytics_blocks', 0)}")
        log(f"paperkg: wrote {len(files)} files to {out_dir}/ (open {out_dir / 'index.html'})")
        if store_dir is not None:
            log(f"paperkg: Oxigraph store written to {store_dir}/ (paperkg query --store {store_dir})")
    return BuildResult(report=report, out_dir=out_dir, files=files, errors=list(ingest.errors), graph=graph,
                       timings=timings, extract_stats={"cached": stats.cached, "extracted": stats.extracted},
                       page_stats=page_stats, rdf_stats=rdf_stats)


class _RdfJob:
    """``write_outputs`` of a build: in a forked process while the caller writes the views, or (``--jobs 1``, no
    ``fork``, too little memory, a small graph) in this process before them.

    The forked process shares the build's memory until it touches it, and it touches most of the graph (every
    object it reads gets its reference count written): at 100,000 papers the machine's memory in use peaked
    at 6.9 GB against 4.7 GB in turn. So it is forked only when the memory available is at least twice the
    build's resident size (the child's worst case and the view workers' room).

    The child sends back the RDF stage's report and its time, or the exception it raised, which
    :meth:`finish` raises here (a paperkg error keeps its one-line message)."""

    #: Fewest nodes + edges worth a second process (forking and joining cost a few ms; small builds gain nothing).
    MIN_GRAPH = 20_000

    def __init__(self, graph, staging: Path, *, previous, cache_dir, report: dict, parallel: bool = True):
        self.report, self.seconds, self.proc, self.conn = report, 0.0, None, None
        kwargs = {"previous": previous, "cache_dir": cache_dir, "pending": True, "report": report}
        g = graph.nx
        if parallel and g.number_of_nodes() + g.number_of_edges() >= self.MIN_GRAPH and _fork_fits():
            ctx = multiprocessing.get_context("fork")
            self.conn, child = ctx.Pipe(duplex=False)
            self.proc = ctx.Process(target=_rdf_child, args=(child, graph, staging, kwargs), daemon=True)
            self.proc.start()
            child.close()
            return
        t = time.perf_counter()
        write_outputs(graph, staging, **kwargs)
        self.seconds = time.perf_counter() - t

    def finish(self) -> None:
        if self.proc is None:
            return
        try:
            message = self.conn.recv()
        except EOFError:
            message = ("error", OutputError("the process writing graph.ttl and analytics.ttl stopped "
                                             "without a word (killed, or out of memory?)"))
        except BaseException:
            self.proc.kill()  # Ctrl-C while it writes: stop it now rather than wait for the whole graph
            raise
        finally:
            self.proc.join()
            self.conn.close()
        if message[0] == "error":
            raise message[1]
        self.report.update(message[1])
        self.seconds = message[2]

    def cancel(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.conn.close()


def _rdf_child(conn, graph, staging: Path, kwargs: dict) -> None:
    ignore_interrupts()  # the build process stops it (kg.procs)
    t = time.perf_counter()
    try:
        write_outputs(graph, staging, **kwargs)
        conn.send(("ok", kwargs["report"], time.perf_counter() - t))
    except BaseException as exc:  # everything goes back to the build, which raises it
        try:
            conn.send(("error", exc))
        except Exception:  # not picklable: its type and message
            conn.send(("error", OutputError(f"writing graph.ttl and analytics.ttl failed: "
                                            f"{type(exc).__name__}: {one_line(str(exc))}")))
    finally:
        conn.close()


def _fork_fits() -> bool:
    """Whether the RDF writer can be forked beside the views: fork exists and the memory available is at least
    twice this process's resident size (see _RdfJob)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    available, rss = memory.available_bytes(), memory.rss_bytes()
    return available is None or rss is None or available >= 2 * rss + memory.RESERVE_BYTES


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
