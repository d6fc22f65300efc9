"""Extraction throughput (abstracts/s), warm and cold, for jobs=1 and jobs=2.

    python benchmarks/extract_speed.py [--repeat N] [--synthetic N] [--density real|dense] [--no-cold]
    python benchmarks/extract_speed.py --scaling 20000       # jobs=1 against jobs=2 on N synthetic papers

Corpora: ../shared/corpus (read with kg.ingest) and, when benchmarks/synth.py
exists, its synthetic corpus. Each corpus also gets the rate of spaCy's
tokenizer alone on the same texts, measured in the same run, so results on a
busy or different machine can be read as a ratio.

* warm: the pipeline is built and has seen the corpus once before timing
  (best of ``--repeat``); jobs=2 timings include starting the worker pool.
* scaling: ``--scaling N`` times ``--jobs 1`` and ``--jobs 2`` once each on N synthetic
  papers (wall clock and the CPU time of all processes; the pipeline is built before timing).
* first pass: a fresh process whose pipeline is built (and used once) before timing, on texts it has
  not seen: what a build pays per new paper (spaCy caches the tokenization of words it has seen).
* cold: a fresh Python process per figure, timed from before the pipeline
  is built (``make_nlp``: word lists, matchers) to the last paper, against a
  fresh process that builds spaCy's blank English tokenizer and tokenizes the
  same texts; modules are imported before the clock starts in both.
"""
from __future__ import annotations

import os
import subprocess
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


def tokenizer_rate(papers, repeat: int, pipeline: bool = False) -> float:
    """Abstracts/s (CPU time, best of ``repeat``) of spaCy's blank English tokenizer alone on the same titles
    and abstracts (``pipeline``: the extraction pipeline's own tokenizer, with paperkg's rules): the floor
    under any spaCy pipeline, so extraction speed reads as a multiple of it."""
    import spacy

    from extractors import make_nlp

    tokenizer = make_nlp().tokenizer if pipeline else spacy.blank("en").tokenizer
    for p in papers:  # warm: every string seen once
        tokenizer(p.title or "")
        tokenizer(p.abstract or "")
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        for p in papers:
            tokenizer(p.title or "")
            tokenizer(p.abstract or "")
        best = min(best, time.process_time() - c0)
    return len(papers) / best


def _cold_child(what: str, corpus: str, n_synthetic: int, density: str) -> float:
    """Runs in a fresh process: CPU seconds to build the pipeline (or the bare tokenizer) and process ``corpus``;
    ``first``: the pipeline built and used before the clock starts, the corpus's texts unseen."""
    import spacy

    import extractors.corpus  # noqa: F401  (imports are not what "cold" measures)
    from extractors.corpus import corpus_mentions
    from extractors.pipeline import make_nlp

    papers = real_corpus() if corpus == "real" else synthetic_corpus(n_synthetic, density)
    if what == "first":
        make_nlp()
        corpus_mentions(synthetic_corpus(1) if corpus == "real" else real_corpus()[:1])  # not the timed texts
    c0 = time.process_time()
    if what in ("extract", "first"):
        make_nlp()
        corpus_mentions(papers)
    else:
        tokenizer = spacy.blank("en").tokenizer
        for p in papers:
            tokenizer(p.title or "")
            tokenizer(p.abstract or "")
    return time.process_time() - c0


def cold_rates(corpus: str, n: int, n_synthetic: int, density: str) -> tuple[float, float]:
    """(extraction, tokenizer alone, first pass) abstracts/s of one core's CPU time, each in a fresh process."""
    out = []
    for what in ("extract", "tokenize", "first"):
        proc = subprocess.run([sys.executable, __file__, "--cold-child", what, corpus, str(n_synthetic), density],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        out.append(n / float(proc.stdout.strip().splitlines()[-1]))
    return out[0], out[1], out[2]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--cold-child"]:
        print(_cold_child(argv[1], argv[2], int(argv[3]), argv[4]))
        return 0
    from extractors import make_nlp
    from extractors.extract import extract_batch
    from kg.models import Paper

    if "--scaling" in argv:
        n = int(argv[argv.index("--scaling") + 1])
        load = os.getloadavg()[0]
        papers = synthetic_corpus(n)
        make_nlp()
        rates = {}
        for jobs in (1, 2):
            wall, _cpu, total = measure(papers, jobs, 1)
            rates[jobs] = wall
            print(f"synthetic: {n} papers, jobs={jobs}: {wall:,.0f} abstracts/s wall ({total:,.0f}/s of all "
                  f"processes' CPU time)", flush=True)
        print(f"jobs=2 / jobs=1 (wall): {rates[2] / rates[1]:.2f}x on {os.cpu_count()} CPUs; "
              f"load average before the run {load:.1f}, after {os.getloadavg()[0]:.1f}")
        return 0
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    n_synthetic = int(argv[argv.index("--synthetic") + 1]) if "--synthetic" in argv else 2000
    density = argv[argv.index("--density") + 1] if "--density" in argv else "real"
    make_nlp()
    extract_batch([Paper(id="w", title="Warm-up", abstract="We warm up GRPO on GSM8K.")])
    for name, key, papers in (("real", "real", real_corpus()),
                              (f"synthetic ({density})", "synthetic", synthetic_corpus(n_synthetic, density))):
        if not papers:
            print(f"{name}: corpus not found, skipped")
            continue
        if "--no-cold" not in argv:
            cold, cold_tok, first = cold_rates(key, len(papers), n_synthetic, density)
            print(f"{name}: {len(papers)} abstracts, cold (fresh process, pipeline built inside the timing): "
                  f"{cold:,.0f} abstracts/s of one core's CPU time; tokenizer alone, cold: {cold_tok:,.0f}/s; "
                  f"ratio {cold / cold_tok:.2f}")
            print(f"{name}: {len(papers)} abstracts, first pass (fresh process, pipeline built before the timing, "
                  f"texts unseen: what a build pays per new paper): {first:,.0f} abstracts/s of one core's CPU time")
        measure(papers, 1, 1)  # warm: the corpus seen once (tokenizer and lexeme caches)
        tok = tokenizer_rate(papers, repeat)
        print(f"{name}: {len(papers)} abstracts, warm, spaCy tokenizer alone: {tok:,.0f} abstracts/s of one "
              f"core's CPU time (the pipeline's tokenizer, with paperkg's rules: "
              f"{tokenizer_rate(papers, repeat, pipeline=True):,.0f}/s)")
        for jobs in (1, 2):
            wall, cpu, total = measure(papers, jobs, repeat)
            extra = f" ({cpu:,.0f}/s of one core's CPU time, ratio to the tokenizer {cpu / tok:.2f})" if jobs == 1 \
                else f" ({total:,.0f}/s of all processes' CPU time)"
            print(f"{name}: {len(papers)} abstracts, warm, jobs={jobs}: {wall:,.0f} abstracts/s wall{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
