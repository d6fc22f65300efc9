"""Extraction throughput (abstracts/s) for jobs=1 and jobs=2.

    python benchmarks/extract_speed.py [--repeat N] [--synthetic N] [--density real|dense]

Corpora: ../shared/corpus (read with kg.ingest) and, when benchmarks/synth.py
exists, its synthetic corpus. Each corpus also gets the rate of spaCy's
tokenizer alone on the same texts, measured in the same run, so results on a
busy or different machine can be read as a ratio. The pipeline is built before timing (a one-off
cost per process); jobs=2 timings include starting the worker pool.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def real_corpus():
    from kg.ingest import read_inputs

    files = sorted(CORPUS.glob("*.txt"))
    return read_inputs(files).papers if files else []


def synthetic_corpus(n: int = 2000, density: str = "real"):
    try:
        from benchmarks.synth import generate
    except ImportError:
        return []
    from kg.models import Paper

    items = list(generate(n, density=density))
    return [it if isinstance(it, Paper) else Paper(id=str(it.get("id", i)), title=it.get("title", ""),
                                                   abstract=it.get("abstract", ""))
            for i, it in enumerate(items)]


def measure(papers, jobs: int, repeat: int) -> tuple[float, float, float]:
    """(abstracts/s by wall clock, by this process's CPU time, by the CPU time of all processes); best of ``repeat``.

    The CPU-time rate is what one core delivers even when other work shares
    the machine. For jobs>1 the third figure adds the finished workers' CPU
    time (``os.times``): its gap to jobs=1 is what parallelism costs.
    """
    import os

    from extractors.corpus import corpus_mentions

    wall = cpu = total = float("inf")
    for _ in range(repeat):
        t0, c0, k0 = time.perf_counter(), time.process_time(), os.times()
        corpus_mentions(papers, jobs=jobs)
        k1 = os.times()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
        total = min(total, time.process_time() - c0 + (k1.children_user - k0.children_user)
                    + (k1.children_system - k0.children_system))
    return len(papers) / wall, len(papers) / cpu, len(papers) / total


def tokenizer_rate(papers, repeat: int) -> float:
    """Abstracts/s (CPU time, best of ``repeat``) of spaCy's tokenizer alone on the same titles and abstracts:
    the floor under any spaCy pipeline, so extraction speed reads as a multiple of it."""
    from extractors import make_nlp

    tokenizer = make_nlp().tokenizer
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        for p in papers:
            tokenizer(p.title or "")
            tokenizer(p.abstract or "")
        best = min(best, time.process_time() - c0)
    return len(papers) / best


def main(argv: list[str]) -> int:
    from extractors import make_nlp
    from extractors.extract import extract_batch
    from kg.models import Paper

    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    n_synthetic = int(argv[argv.index("--synthetic") + 1]) if "--synthetic" in argv else 2000
    density = argv[argv.index("--density") + 1] if "--density" in argv else "real"
    make_nlp()
    extract_batch([Paper(id="w", title="Warm-up", abstract="We warm up GRPO on GSM8K.")])
    for name, papers in (("real", real_corpus()), (f"synthetic ({density})", synthetic_corpus(n_synthetic, density))):
        if not papers:
            print(f"{name}: corpus not found, skipped")
            continue
        print(f"{name}: {len(papers)} abstracts, spaCy tokenizer alone: {tokenizer_rate(papers, repeat):,.0f} "
              f"abstracts/s of one core's CPU time")
        for jobs in (1, 2):
            wall, cpu, total = measure(papers, jobs, repeat)
            extra = f" ({cpu:,.0f}/s of one core's CPU time)" if jobs == 1 else \
                f" ({total:,.0f}/s of all processes' CPU time)"
            print(f"{name}: {len(papers)} abstracts, jobs={jobs}: {wall:,.0f} abstracts/s wall{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
