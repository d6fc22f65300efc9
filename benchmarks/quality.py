"""Extraction quality on the dev gold set (../shared/gold), scored by ../shared/eval/score.py.

    python benchmarks/quality.py [--show-errors] [--json] [--write-baseline] [--out PRED.jsonl]

Runs extraction on gold/dev-input.jsonl, writes predictions with
``paper_record`` and prints the scorer's table. ``--write-baseline`` stores
the F1 scores in benchmarks/quality_baseline.json.
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
SCORER = SHARED / "eval" / "score.py"
BASELINE = ROOT / "benchmarks" / "quality_baseline.json"
CLASSES = ("methods", "data", "proposes", "repos", "links")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


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


def predict(out_path: Path, jobs: int = 1) -> None:
    from extractors import extract_corpus, paper_record
    from kg.atomic import write_text

    papers = load_dev_papers()
    corpus = extract_corpus(papers, jobs=jobs)
    lines = [json.dumps(paper_record(p, pe, corpus), ensure_ascii=False) for p, pe in zip(papers, corpus.papers)]
    write_text(out_path, "\n".join(lines) + "\n")


def score(pred: Path, *flags: str) -> str:
    return subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred), *flags],
                          check=True, capture_output=True, text=True).stdout


def f1_scores(pred: Path) -> dict[str, float]:
    result = json.loads(score(pred, "--json"))
    return {c: result[c]["f1"] for c in CLASSES}


def main(argv: list[str]) -> int:
    if not (GOLD.exists() and SCORER.exists()):
        print(f"gold set not found under {SHARED}", file=sys.stderr)
        return 2
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else Path(tempfile.mkdtemp()) / "pred.jsonl"
    predict(out)
    if "--json" in argv:
        print(json.dumps(f1_scores(out)))
    else:
        print(score(out, *(["--show-errors"] if "--show-errors" in argv else [])), end="")
    if "--write-baseline" in argv:
        from kg.atomic import write_text

        write_text(BASELINE, json.dumps(f1_scores(out), indent=2, sort_keys=False) + "\n")
        print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
