"""Extraction quality on three gold sets, scored by ../shared/eval/score.py.

    python benchmarks/quality.py                       # dev, train, sealed and heldout side by side
    python benchmarks/quality.py --split dev|train [--show-errors] [--json] [--out PRED.jsonl]
    python benchmarks/quality.py --split sealed        # aggregate P/R/F1 only, never per-paper errors
    python benchmarks/quality.py --split heldout       # the same for the held-out invented listings
    python benchmarks/quality.py --write-baseline      # store all three in benchmarks/quality_baseline.json
    python benchmarks/quality.py --ci                  # also: gold names per class and 95 % bootstrap intervals
    python benchmarks/quality.py --external POOL.jsonl [POOL2.jsonl ...]   # a blind pool kept outside the repo

Gold sets:

* ``dev``: the 60 papers of ``../shared/gold/dev.jsonl`` (input ``dev-input.jsonl``).
* ``train``: papers of ``../shared/corpus`` annotated for paperkg
  (``benchmarks/gold/corpus-train.jsonl``); errors may be read and learned from.
* ``heldout``: invented listings (``benchmarks/gold/invented-heldout.jsonl``, written
  for paperkg by one helper and annotated blind by another, like the training
  listings of ``invented-train.jsonl``) that are never trained on and whose
  per-paper errors are never printed: a second honest estimate.
* ``sealed``: other papers of ``../shared/corpus`` annotated the same way
  (``benchmarks/gold/corpus-sealed.jsonl``). Nobody reads its per-paper
  errors and no rule is written against it: this script prints only its
  aggregate scores and refuses ``--show-errors`` / ``--out`` for it. Its score
  is the honest estimate of quality on new papers.

The corpus gold files hold labels keyed by paper id, not the corpus text;
titles and abstracts are joined from ``../shared/corpus`` at evaluation time.
Each set is extracted on its own (as ``paperkg extract`` would on that input).

``--external`` scores gold files that carry their own text (records of the ``dev.jsonl`` shape with
``title`` and ``abstract``: papers collected and annotated outside the repository, as the unseen pools of the
README's Quality section are) as one set, extracted together, and prints only the aggregate P/R/F1 and the
95 % intervals: a pool stays blind only while nobody reads its per-paper errors, so ``--show-errors`` and
``--out`` are refused. Only the scorer under ``../shared`` is needed.

``--ci`` adds, for every split, how many gold names each class has and a 95 %
interval for its F1: papers are resampled with replacement (percentile bootstrap,
:data:`BOOTSTRAP_SAMPLES` draws, fixed seed, so the output is deterministic) and
each draw is scored as the scorer scores (micro-averaged counts of its own
per-paper matching). A split with few gold names of a class cannot tell 0.85
from 0.90 for it; the interval says so. Aggregate only, like the scores.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev.jsonl"
DEV_INPUT = SHARED / "gold" / "dev-input.jsonl"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"
BASELINE = ROOT / "benchmarks" / "quality_baseline.json"
CORPUS_GOLD = {"train": ROOT / "benchmarks" / "gold" / "corpus-train.jsonl",
               "sealed": ROOT / "benchmarks" / "gold" / "corpus-sealed.jsonl"}
#: Invented listings annotated like the corpus but never trained on nor read per paper (text in the repo).
HELDOUT = ROOT / "benchmarks" / "gold" / "invented-heldout.jsonl"
SPLITS = ("dev", "train", "sealed", "heldout")
#: Splits whose per-paper errors are never printed.
AGGREGATE_ONLY = ("sealed", "heldout")
CLASSES = ("methods", "data", "proposes", "repos", "links")
#: Resamples of the papers behind each interval of ``--ci``, and their seed.
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 20261205

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def available() -> bool:
    """Can quality be measured here (``../shared`` with gold set, corpus and scorer)?"""
    return GOLD.exists() and SCORER.exists() and CORPUS.is_dir()


def load_dev_papers(path: Path = DEV_INPUT):
    """Paper objects for the flat dev JSONL (id = title slug)."""
    from extractors.canonical import slugify
    from kg.models import Paper

    papers = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                papers.append(Paper(id=slugify(rec["title"])[:80], title=rec["title"], abstract=rec.get("abstract", ""),
                                    github=rec.get("github"), project_page=rec.get("project_page")))
    return papers


def _corpus_papers() -> dict:
    from kg.ingest import read_inputs

    return {p.id: p for p in read_inputs([CORPUS]).papers}


def split_data(split: str, gold_dir: Path):
    """(papers, path of a gold JSONL the scorer reads) for one split; corpus gold gets its titles joined."""
    if split == "dev":
        return load_dev_papers(), GOLD
    if split == "heldout":
        from kg.models import Paper

        with open(HELDOUT, encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh if line.strip()]
        return [Paper(id=r["id"], title=r["title"], abstract=r["abstract"]) for r in recs], HELDOUT
    by_id = _corpus_papers()
    papers, lines = [], []
    with open(CORPUS_GOLD[split], encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            paper = by_id.get(rec["id"])
            if paper is None:
                raise SystemExit(f"{CORPUS_GOLD[split]}:{n}: paper {rec['id']} is not in {CORPUS}")
            papers.append(paper)
            lines.append(json.dumps({"id": rec["id"], "title": paper.title, **{k: v for k, v in rec.items()
                                                                              if k != "id"}}, ensure_ascii=False))
    gold = gold_dir / f"{split}-gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return papers, gold


def external_data(paths: list[Path], gold_dir: Path):
    """(papers, gold JSONL path) for gold files that carry their text; a record without a title or an abstract
    is a SystemExit naming its file and line."""
    from kg.models import Paper

    papers, lines = [], []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SystemExit(f"{path}: cannot read: {exc}") from None
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("title"), str) or \
                    not isinstance(rec.get("abstract"), str) or not rec["title"].strip():
                raise SystemExit(f"{path}:{n}: a gold record needs a 'title' and an 'abstract' (strings)")
            papers.append(Paper(id=f"external-{len(papers)}", title=rec["title"], abstract=rec["abstract"]))
            lines.append(json.dumps({k: v for k, v in rec.items() if k not in ("abstract", "source_url", "n")},
                                    ensure_ascii=False))
    if not papers:
        raise SystemExit("--external: no gold records in " + ", ".join(map(str, paths)))
    gold = gold_dir / "external-gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return papers, gold


def _external(paths: list[Path], work: Path, as_json: bool) -> int:
    papers, gold = external_data(paths, work)
    pred = work / "external-pred.jsonl"
    predict_papers(papers, pred)
    result = json.loads(score(pred, "--json", gold=gold))
    counts = paper_counts(pred, gold)
    intervals = bootstrap_intervals(counts)
    rows = {c: {"p": result[c]["p"], "r": result[c]["r"], "f1": result[c]["f1"],
                "gold": sum(x[c][0] + x[c][2] for x in counts), "ci": intervals[c]} for c in CLASSES}
    if as_json:
        print(json.dumps({"papers": len(papers), "classes": rows}, indent=2))
        return 0
    print(f"{len(papers)} papers from {', '.join(str(p) for p in paths)} (aggregate only)")
    print(f"{'class':<10}{'P':>8}{'R':>8}{'F1':>8}   95 % interval (n = gold names)")
    for c, v in rows.items():
        print(f"{c:<10}{v['p']:>8.3f}{v['r']:>8.3f}{v['f1']:>8.3f}   {v['ci'][0]:.3f}-{v['ci'][1]:.3f} (n={v['gold']})")
    return 0


def _external_paths(argv: list[str]) -> list[Path]:
    """The files after ``--external``, up to the next option."""
    out = []
    for arg in argv[argv.index("--external") + 1:]:
        if arg.startswith("--"):
            break
        out.append(Path(arg))
    return out


def predict_papers(papers, out_path: Path, jobs: int = 1) -> None:
    from extractors import extract_corpus, paper_record
    from kg.atomic import write_text

    corpus = extract_corpus(papers, jobs=jobs)
    lines = [json.dumps(paper_record(p, pe, corpus), ensure_ascii=False) for p, pe in zip(papers, corpus.papers)]
    write_text(out_path, "\n".join(lines) + "\n")


def predict(out_path: Path, jobs: int = 1) -> None:
    """Dev-set predictions (kept for callers of the old one-set API)."""
    predict_papers(load_dev_papers(), out_path, jobs=jobs)


def score(pred: Path, *flags: str, gold: Path = GOLD) -> str:
    return subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), *flags],
                          check=True, capture_output=True, text=True).stdout


def f1_scores(pred: Path, gold: Path = GOLD) -> dict[str, float]:
    result = json.loads(score(pred, "--json", gold=gold))
    return {c: result[c]["f1"] for c in CLASSES}


def split_scores(split: str, workdir: Path) -> dict[str, dict[str, float]]:
    """{class: {p, r, f1}} for one split (aggregates only)."""
    papers, gold = split_data(split, workdir)
    pred = workdir / f"{split}-pred.jsonl"
    predict_papers(papers, pred)
    result = json.loads(score(pred, "--json", gold=gold))
    return {c: {k: result[c][k] for k in ("p", "r", "f1")} for c in CLASSES} | {"papers": len(papers)}


def _scorer():
    """../shared/eval/score.py as a module: its own matching gives the per-paper counts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("paperkg_gold_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def paper_counts(pred: Path, gold: Path) -> list[dict[str, tuple[int, int, int]]]:
    """(tp, fp, fn) of every class for each gold paper, in gold-file order, as the scorer counts them."""
    scorer = _scorer()
    golds, preds = scorer.load(str(gold)), scorer.load(str(pred))
    out = []
    for key, record in golds.items():
        result, _ = scorer.score({key: record}, preds)
        out.append({c: (result[c]["tp"], result[c]["fp"], result[c]["fn"]) for c in CLASSES})
    return out


def f1_of(tp: float, fp: float, fn: float) -> float:
    """The scorer's F1 of summed counts (1.0 when there is nothing to find and nothing found)."""
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def bootstrap_intervals(counts: list[dict[str, tuple[int, int, int]]], samples: int = BOOTSTRAP_SAMPLES,
                        seed: int = BOOTSTRAP_SEED, level: float = 0.95) -> dict[str, tuple[float, float]]:
    """{class: (low, high)}: percentile bootstrap interval of the micro F1 over papers drawn with replacement.

    >>> counts = [{"methods": (1, 0, 0)}, {"methods": (0, 1, 1)}] * 20
    >>> low, high = bootstrap_intervals(counts, samples=500)["methods"]
    >>> low < f1_of(20, 20, 20) < high
    True
    """
    import numpy as np

    if not counts:
        return {}
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(counts), size=(samples, len(counts)))
    out = {}
    for cls in counts[0]:
        table = np.array([c[cls] for c in counts], dtype=float)  # papers x (tp, fp, fn)
        sums = table[draws].sum(axis=1)  # samples x 3
        f1s = sorted(f1_of(*row) for row in sums.tolist())
        lo = f1s[int((1 - level) / 2 * samples)]
        hi = f1s[min(samples - 1, int((1 + level) / 2 * samples))]
        out[cls] = (round(lo, 3), round(hi, 3))
    return out


def split_intervals(split: str, workdir: Path, pred: Path | None = None) -> dict[str, dict]:
    """{class: {"gold": names to find, "f1": F1, "ci": (low, high)}} for one split (aggregates only);
    ``pred``: predictions already made for it (else the split is extracted, or the file of split_scores reused)."""
    papers, gold = split_data(split, workdir)
    pred = pred or workdir / f"{split}-pred.jsonl"
    if not pred.exists():
        predict_papers(papers, pred)
    counts = paper_counts(pred, gold)
    intervals = bootstrap_intervals(counts)
    out = {}
    for cls in CLASSES:
        tp, fp, fn = (sum(c[cls][i] for c in counts) for i in range(3))
        out[cls] = {"gold": tp + fn, "f1": round(f1_of(tp, fp, fn), 3), "ci": intervals[cls]}
    return out


def _ci_table(all_intervals: dict[str, dict]) -> str:
    splits = list(all_intervals)
    rows = ["95 % bootstrap intervals of F1 (papers resampled; n = gold names of the class)",
            "class     " + "".join(f"{s:>26}" for s in splits)]
    for c in CLASSES:
        cells = []
        for s in splits:
            v = all_intervals[s][c]
            cells.append(f"{v['ci'][0]:.3f}-{v['ci'][1]:.3f} (n={v['gold']})".rjust(26))
        rows.append(f"{c:<10}" + "".join(cells))
    return "\n".join(rows) + "\n"


def _table(all_scores: dict[str, dict]) -> str:
    splits = list(all_scores)
    head = "class     " + "".join(f"{s + ' (' + str(all_scores[s]['papers']) + ')':>26}" for s in splits)
    sub = "          " + "".join(f"{'P':>8}{'R':>8}{'F1':>10}" for _ in splits)
    rows = [head, sub]
    for c in CLASSES:
        rows.append(f"{c:<10}" + "".join(f"{all_scores[s][c]['p']:>8.3f}{all_scores[s][c]['r']:>8.3f}"
                                           f"{all_scores[s][c]['f1']:>10.3f}" for s in splits))
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    # predictions and gold copies (the sealed split's too) live only while the run does
    with tempfile.TemporaryDirectory(prefix="paperkg-quality-") as tmp:
        return _main(argv, Path(tmp))


def _main(argv: list[str], work: Path) -> int:
    if "--external" in argv:
        if not SCORER.exists():
            print(f"scorer not found: {SCORER}", file=sys.stderr)
            return 2
        if "--show-errors" in argv or "--out" in argv or "--split" in argv:
            print("--external prints aggregate scores only (no --show-errors, --out or --split)", file=sys.stderr)
            return 2
        paths = _external_paths(argv)
        if not paths:
            print("--external needs one or more gold JSONL files", file=sys.stderr)
            return 2
        return _external(paths, work, "--json" in argv)
    if not available():
        print(f"gold set, corpus or scorer not found under {SHARED}", file=sys.stderr)
        return 2
    split = argv[argv.index("--split") + 1] if "--split" in argv else None
    if split is not None and split not in SPLITS:
        print(f"--split must be one of {', '.join(SPLITS)}", file=sys.stderr)
        return 2
    if split in AGGREGATE_ONLY and ("--show-errors" in argv or "--out" in argv):
        print(f"the {split} split prints aggregate scores only (no --show-errors, no --out)", file=sys.stderr)
        return 2
    if split is None:
        all_scores = {s: split_scores(s, work) for s in SPLITS}
        intervals = {s: split_intervals(s, work) for s in SPLITS} if "--ci" in argv else None
        if "--json" in argv:
            print(json.dumps(all_scores if intervals is None else {"scores": all_scores, "intervals": intervals},
                             indent=2))
        else:
            print(_table(all_scores), end="")
            if intervals is not None:
                print(_ci_table(intervals), end="")
        if "--write-baseline" in argv:
            from kg.atomic import write_text

            base = {s: {c: all_scores[s][c]["f1"] for c in CLASSES} for s in SPLITS}
            write_text(BASELINE, json.dumps(base, indent=2) + "\n")
            print(f"wrote {BASELINE}")
        return 0
    papers, gold = split_data(split, work)
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else work / "pred.jsonl"
    predict_papers(papers, out)
    if "--ci" in argv:
        print(_ci_table({split: split_intervals(split, work, pred=out)}), end="")
    if "--json" in argv:
        print(json.dumps(f1_scores(out, gold=gold)))
    elif split in AGGREGATE_ONLY:
        print(score(out, gold=gold), end="")
    else:
        print(score(out, *(["--show-errors"] if "--show-errors" in argv else []), gold=gold), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
