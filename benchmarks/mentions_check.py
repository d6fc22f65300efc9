"""Dump every per-paper mention of fixed corpora, or compare against an earlier dump.

    python benchmarks/mentions_check.py dump DIR [--jobs 2] [--synthetic 20000]
    python benchmarks/mentions_check.py compare DIR [--jobs 2] [--synthetic 20000]

Corpora: the gold dev set (``../shared/gold/dev-input.jsonl``), the shared
corpus (``../shared/corpus``) and ``--synthetic N`` papers of
``benchmarks/synth.py`` (seed 0, density real; 0 skips it). ``dump`` writes
``DIR/<corpus>.jsonl.gz``: one line per paper, its id and every field of
every mention, in order. ``compare`` extracts again and reports the first
paper whose mentions differ (exit 1), so a refactor or a speed change can be
checked to extract exactly what it did before.
"""
from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def _corpora(n_synthetic: int):
    from kg.ingest import read_inputs
    from kg.models import Paper

    dev = SHARED / "gold" / "dev-input.jsonl"
    if dev.exists():
        yield "dev", read_inputs([dev]).papers
    files = sorted((SHARED / "corpus").glob("*.txt"))
    if files:
        yield "corpus", read_inputs(files).papers
    if n_synthetic:
        from benchmarks.synth import generate

        yield f"synth{n_synthetic}", [Paper(id=str(e.get("id", i)), title=e.get("title", ""),
                                            abstract=e.get("abstract", ""))
                                      for i, e in enumerate(generate(n_synthetic))]


def _lines(papers, jobs: int) -> list[str]:
    from extractors.corpus import corpus_mentions

    per_paper = corpus_mentions(papers, jobs=jobs)
    return [json.dumps([p.id, [dataclasses.astuple(m) for m in ms]], ensure_ascii=False)
            for p, ms in zip(papers, per_paper)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("dump", "compare"))
    ap.add_argument("dir")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--synthetic", type=int, default=20000)
    args = ap.parse_args(argv)
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, papers in _corpora(args.synthetic):
        t0 = time.perf_counter()
        lines = _lines(papers, args.jobs)
        dt = time.perf_counter() - t0
        path = out / f"{name}.jsonl.gz"
        if args.mode == "dump":
            with gzip.open(path, "wt", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            print(f"{name}: {len(lines)} papers dumped to {path} ({dt:.1f}s)")
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            before = fh.read().splitlines()
        if before == lines:
            print(f"{name}: {len(lines)} papers, mentions identical ({dt:.1f}s)")
            continue
        failed = True
        diff = next((i for i, (a, b) in enumerate(zip(before, lines)) if a != b), min(len(before), len(lines)))
        print(f"{name}: DIFFERENT ({len(before)} papers before, {len(lines)} now); first at paper #{diff}")
        if diff < min(len(before), len(lines)):
            print("  before:", before[diff][:2000])
            print("  now:   ", lines[diff][:2000])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
