"""The views stage and the TF-IDF words of an incremental re-run, alone: cold, one listing added, no-op.

    python benchmarks/views_speed.py WORK [--jobs 1] [--graphs] [--no-words]

WORK is the folder of ``benchmarks/incremental.py`` (its ``in/`` holds all listings, its
``out/.cache`` the extraction cache). Builds the graph of all listings but the last and of all
of them (from the same input folder: pages name their source files), then, in this one process,
times ``write_views`` cold on the first graph, on the second with the first's output as the
previous build (a listing added) and again on the second with its own output (no-op), and prints
pages rendered, linked and linked without a view model. Then times the words of the titles and
abstracts for TF-IDF: ``tokenize`` against ``tokenize_cached`` on a warm word cache. Graphs are
pickled in WORK (``--graphs`` rebuilds them). Run each version of the code in its own process.
"""
from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.corpus import extract_corpus  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.graph.textsim import tokenize, tokenize_cached  # noqa: E402
from kg.ingest import read_inputs  # noqa: E402
from kg.views.site import write_views  # noqa: E402


def _graph(inputs: Path, cache: Path):
    papers = read_inputs([inputs], year=2025).papers
    return build_graph(papers, extract_corpus(papers, jobs=2, cache_dir=cache)).nx


def _graphs(work: Path, rebuild: bool):
    pickled = work / "views_speed_graphs.pickle"
    if pickled.exists() and not rebuild:
        with open(pickled, "rb") as fh:
            return pickle.load(fh)
    inputs, cache = work / "in", work / "out" / ".cache"
    last = sorted(inputs.iterdir())[-1]
    aside = Path(tempfile.mkdtemp()) / last.name
    shutil.move(last, aside)
    try:
        part = _graph(inputs, cache)
    finally:
        shutil.move(aside, last)
    graphs = (part, _graph(inputs, cache))
    with open(pickled, "wb") as fh:
        pickle.dump(graphs, fh, protocol=5)
    return graphs


def _views(g, out: Path, previous: Path | None, jobs: int) -> str:
    shutil.rmtree(out, ignore_errors=True)
    stats: dict = {}
    t = time.perf_counter()
    write_views(g, out, previous=previous, stats=stats, jobs=jobs)
    return (f"{time.perf_counter() - t:6.1f} s  rendered {stats['rendered']:6d}  linked {stats['reused']:6d}"
            f"  without a view model {stats.get('views_skipped', 0):6d}"
            + (f"  records made {stats['records_made']:6d} copied {stats['records_reused']:6d}"
               if "records_made" in stats else ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("work", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--graphs", action="store_true", help="rebuild the pickled graphs")
    ap.add_argument("--no-words", action="store_true", help="skip the timing of the TF-IDF words")
    args = ap.parse_args(argv)
    part, full = _graphs(args.work, args.graphs)
    tmp = Path(tempfile.mkdtemp(prefix="views-speed-"))
    try:
        print("cold (all listings but the last)", _views(part, tmp / "a", None, args.jobs))
        print("+ the last listing              ", _views(full, tmp / "b", tmp / "a", args.jobs))
        print("no-op                           ", _views(full, tmp / "c", tmp / "b", args.jobs))
        if args.no_words:
            return 0
        texts = [f"{d['title']}\n{d['abstract']}" for _, d in sorted(full.nodes(data=True))
                 if d.get("type") == "Paper" and not d.get("external")]
        t = time.perf_counter()
        words = tokenize(texts)
        plain = time.perf_counter() - t
        tokenize_cached(texts, tmp / "cache")  # fills the word cache
        t = time.perf_counter()
        cached = tokenize_cached(texts, tmp / "cache")
        warm = time.perf_counter() - t
        print(f"words of {len(texts)} texts: tokenize {plain:.2f} s, from the word cache {warm:.2f} s"
              f" (same words: {cached == words})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
