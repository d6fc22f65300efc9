"""End-to-end pipeline benchmark: extraction, graph, Turtle, memory, incremental re-run, queries.

    python benchmarks/pipeline_speed.py --n 20000            # synthetic corpus (benchmarks/synth.py)
    python benchmarks/pipeline_speed.py /work/shared/corpus   # a folder of listing files

Prints: extraction throughput (abstracts/s) with jobs=1 and jobs=2 (on the
first --sample papers), graph build time, Turtle write time (pyoxigraph,
twice, checked byte-identical) against rdflib's serializer on the same
first --rdflib-subset triples, end-to-end ``paperkg build --jobs 2`` wall time
on all files but the last, the incremental re-run with the last file added
(extraction cache in OUT/.cache), peak RSS (self + children), and the named
SPARQL query latencies (benchmarks/query_speed.py, Oxigraph vs rdflib).
"""
from __future__ import annotations

import argparse
import functools
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

__all__ = ["main"]

print = functools.partial(print, flush=True)  # noqa: A001 - progress lines as they come, even into a pipe


def _rss_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest waited-for child (Linux: ru_maxrss is KiB)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def _build(files: list[Path], out: Path, jobs: int, extra: list[str] = ()) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "kg", "build", *map(str, files), "-o", str(out), "--jobs", str(jobs), *extra]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"build failed: {' '.join(cmd)}")
    summary = [line for line in proc.stderr.replace("\r", "\n").splitlines() if line.startswith("paperkg:")]
    return wall, "\n    ".join(summary)


def _listing_files(folder: Path) -> list[Path]:
    from kg.ingest import read_inputs  # noqa: F401  (import check: the project must be importable)

    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", help="folder of listing files (default: a synthetic corpus of --n papers)")
    ap.add_argument("--n", type=int, default=2000, help="synthetic corpus size (default 2000)")
    ap.add_argument("--per-file", type=int, default=500, help="synthetic entries per file (default 500)")
    ap.add_argument("--density", choices=("real", "dense"), default="real",
                    help="synthetic entity density: real (~3 entities/abstract, default) or dense (~13, stress)")
    ap.add_argument("--sample", type=int, default=2000, help="papers for the jobs=1/2 throughput runs (default 2000)")
    ap.add_argument("--rdflib-subset", type=int, default=200_000, help="triples rdflib serialises (default 200000)")
    ap.add_argument("--no-queries", action="store_true", help="skip the SPARQL latency table")
    ap.add_argument("--no-rdflib-queries", action="store_true",
                    help="time the named queries on Oxigraph only (rdflib's store takes minutes per query on big graphs)")
    ap.add_argument("--keep", help="keep the outputs in this folder instead of a temp folder")
    args = ap.parse_args(argv)

    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="pipeline-speed-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        if args.input:
            files = _listing_files(Path(args.input))
            print(f"input: {args.input} ({len(files)} files)")
        else:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            import synth

            corpus = tmp / "corpus"
            shutil.rmtree(corpus, ignore_errors=True)
            t0 = time.perf_counter()
            synth.main([str(args.n), str(corpus), "--per-file", str(args.per_file), "--density", args.density])
            files = _listing_files(corpus)
            print(f"input: synthetic ({args.density} density), {args.n} entries in {len(files)} files "
                  f"(generated in {time.perf_counter() - t0:.1f}s)")
        print(f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
        if len(files) < 2:
            raise SystemExit("need at least two listing files (the last one is the incremental addition)")

        from kg.ingest import read_inputs

        t0 = time.perf_counter()
        papers = read_inputs(files).papers
        print(f"ingest: {len(papers)} distinct papers in {time.perf_counter() - t0:.2f}s")

        # 1. extraction throughput
        from extractors.corpus import corpus_mentions

        sample = papers[: args.sample]
        corpus_mentions(sample[:8])  # load the pipeline once, outside the timing
        results, rates = [], []
        for jobs in (1, 2):
            t0 = time.perf_counter()
            results.append(corpus_mentions(sample, jobs=jobs))
            dt = time.perf_counter() - t0
            rates.append(len(sample) / dt)
            print(f"extract jobs={jobs}: {len(sample)} papers in {dt:.1f}s = {rates[-1]:.0f} abstracts/s")
        print(f"jobs=2 speed-up {rates[1] / rates[0]:.2f}x; results identical to jobs=1: {results[0] == results[1]}")
        del results

        # 2. end-to-end build on all files but the last, then the incremental re-run
        out = tmp / "out"
        shutil.rmtree(out, ignore_errors=True)
        full, log = _build(files[:-1], out, 2)
        print(f"build --jobs 2 ({len(files) - 1} files): {full:.1f}s wall\n    {log}")
        inc, log = _build(files, out, 2)
        print(f"incremental re-run (+{files[-1].name}): {inc:.1f}s wall = {100 * inc / full:.1f}% of the full build\n    {log}")

        # 3. graph build and Turtle writing, in process (extraction from the cache just filled)
        from extractors import extract_corpus
        from kg.graph import build_graph
        from kg.graph.export import PIPE_MIN_SIZE, _convert_canonical, _prefixes, write_canonical, write_rdf_text

        extraction = extract_corpus(papers, cache_dir=out / ".cache")
        t0 = time.perf_counter()
        graph = build_graph(papers, extraction)
        print(f"graph build: {time.perf_counter() - t0:.1f}s ({graph.nx.number_of_nodes()} nodes, "
              f"{graph.nx.number_of_edges()} edges)")
        ttl = [tmp / "a.ttl", tmp / "b.ttl"]
        times = []
        for path in ttl:  # what write_outputs does for graph.ttl
            t0 = time.perf_counter()
            with open(path, "wb") as fh:
                stats = write_rdf_text(graph, fh, "turtle", tmp_dir=tmp)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        write_canonical(graph, tmp / "canonical.nt")
        gen_t = time.perf_counter() - t0
        same = ttl[0].read_bytes() == ttl[1].read_bytes()
        full_t = min(times)
        piped = graph.nx.number_of_nodes() + graph.nx.number_of_edges() >= PIPE_MIN_SIZE
        print(f"turtle write ({stats.triples} triples; NetworkX -> canonical N-Triples -> pyoxigraph Turtle"
              f"{', piped into a serialiser process' if piped else ', in process'}): {full_t:.2f}s "
              f"({gen_t:.2f}s making the N-Triples alone), byte-identical across runs: {same}")
        t0 = time.perf_counter()
        graph.store  # noqa: B018 - what kg.api users pay on first query: the in-memory Oxigraph load
        print(f"in-memory Oxigraph store (lazy, not used by the build): {time.perf_counter() - t0:.1f}s")

        import pyoxigraph as ox
        import rdflib

        with open(tmp / "canonical.nt", "rb") as fh:
            subset = [line for _, line in zip(range(args.rdflib_subset), fh)]
        (tmp / "sub.nt").write_bytes(b"".join(subset))
        prefixes = dict(sorted(_prefixes(graph).items()))
        parsed = list(ox.parse(path=str(tmp / "sub.nt"), format=ox.RdfFormat.N_TRIPLES))
        ser_t, conv_t = [], []
        for _ in range(3):  # serialiser alone (triples in memory, as rdflib's are), then parse + serialise
            t0 = time.perf_counter()
            ox.serialize(parsed, io.BytesIO(), ox.RdfFormat.TURTLE, prefixes=prefixes)
            ser_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with open(tmp / "sub.ttl", "wb") as fh:
                _convert_canonical(tmp / "sub.nt", fh, "turtle", prefixes)
            conv_t.append(time.perf_counter() - t0)
        del parsed
        g = rdflib.Graph()
        for prefix, ns in prefixes.items():
            g.bind(prefix, ns)
        g.parse(data=b"".join(subset), format="nt")
        rl = []
        for _ in range(2):
            t0 = time.perf_counter()
            g.serialize(destination=io.BytesIO(), format="turtle")
            rl.append(time.perf_counter() - t0)
        rl_t, ox_t, conv = min(rl), min(ser_t), min(conv_t)
        per_rl = rl_t / len(subset)
        print(f"turtle on the first {len(subset)} canonical triples (best of 3 / of 2): Oxigraph's serialiser "
              f"{ox_t:.2f}s against rdflib's {rl_t:.2f}s, both from triples in memory = {rl_t / max(ox_t, 1e-9):.0f}x; "
              f"Oxigraph parsing the N-Triples too {conv:.2f}s = {rl_t / max(conv, 1e-9):.0f}x")
        print(f"whole graph: paperkg's writer {1e6 * full_t / stats.triples:.2f} us/triple (from NetworkX, "
              f"everything included) vs rdflib's serializer {1e6 * per_rl:.2f} us/triple = "
              f"{per_rl * stats.triples / full_t:.0f}x")
        del g, subset

        me, kids = _rss_mb()
        print(f"peak RSS: benchmark process {me:.0f} MB, largest child (paperkg build) {kids:.0f} MB")

        # 4. named SPARQL queries on the built graph
        if not args.no_queries:
            cmd = [sys.executable, str(ROOT / "benchmarks" / "query_speed.py"), "--graph", str(out)]
            cmd += ["--no-rdflib"] if args.no_rdflib_queries else []
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            print(re.sub(r"\n+$", "", proc.stdout) or proc.stderr[-2000:])
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
