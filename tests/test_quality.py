"""Extraction quality must not drop more than 0.05 F1 below benchmarks/quality_baseline.json on any split,
and the sealed split only ever prints aggregate scores."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from script_modules import benchmark

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.shared


def _quality():
    quality = benchmark("quality", "paperkg_quality")
    if not quality.available():
        pytest.skip("../shared gold set, corpus or scorer not available")
    return quality


@pytest.mark.parametrize("split", ["dev", "train", "sealed", "heldout"])
def test_f1_not_below_baseline(split, tmp_path):
    quality = _quality()
    baseline = json.loads((ROOT / "benchmarks" / "quality_baseline.json").read_text())[split]
    scores = quality.split_scores(split, tmp_path)
    for cls, base in baseline.items():
        assert scores[cls]["f1"] >= base - 0.05, f"{split} {cls}: F1 {scores[cls]['f1']:.3f} < {base:.3f} - 0.05"


@pytest.mark.parametrize("split", ["sealed", "heldout"])
def test_sealed_splits_refuse_per_paper_errors(split):
    _quality()
    for flag in ("--show-errors", "--out"):
        args = [flag] + (["/dev/null"] if flag == "--out" else [])
        run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quality.py"), "--split", split, *args],
                             capture_output=True, text=True)
        assert run.returncode == 2 and "aggregate" in run.stderr and "missed" not in run.stdout


def _external_pool(tmp_path: Path) -> Path:
    pool = tmp_path / "pool.jsonl"
    records = [
        {"n": 1, "title": "ZorbNet: Widget Routing at Scale", "source_url": "https://example.org/1",
         "abstract": "We propose ZorbNet, a widget router trained on ImageNet and evaluated on GSM8K. "
                     "Code: https://github.com/zorb/zorbnet",
         "methods": [{"name": "ZorbNet", "aliases": []}], "datasets": [{"name": "ImageNet", "aliases": []}],
         "benchmarks": [{"name": "GSM8K", "aliases": []}], "proposes": ["ZorbNet"], "acceptable": [],
         "repos": ["https://github.com/zorb/zorbnet"], "links": []},
        {"n": 2, "title": "A Study of Gizmo Scaling", "source_url": "https://example.org/2",
         "abstract": "We study how BERT and PPO behave on SQuAD when gizmos grow.",
         "methods": [{"name": "BERT", "aliases": []}, {"name": "PPO", "aliases": []}], "datasets": [],
         "benchmarks": [{"name": "SQuAD", "aliases": []}], "proposes": [], "acceptable": [], "repos": [],
         "links": []},
    ]
    pool.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return pool


def _run_quality(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quality.py"), *args],
                          capture_output=True, text=True, env=env)


def test_a_run_leaves_no_predictions_or_gold_copies_behind(tmp_path):
    _quality()
    pool = _external_pool(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    run = _run_quality("--external", str(pool), "--json", env={**os.environ, "TMPDIR": str(scratch)})
    assert run.returncode == 0, run.stderr
    assert list(scratch.iterdir()) == []


def test_an_external_pool_prints_aggregates_and_intervals_only(tmp_path):
    _quality()
    pool = _external_pool(tmp_path)
    run = _run_quality("--external", str(pool), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["papers"] == 2 and set(result["classes"]) == {"methods", "data", "proposes", "repos", "links"}
    assert result["classes"]["repos"]["f1"] == 1.0 and result["classes"]["proposes"]["gold"] == 1
    low, high = result["classes"]["methods"]["ci"]
    assert low <= result["classes"]["methods"]["f1"] <= high
    text = _run_quality("--external", str(pool)).stdout
    assert "aggregate only" in text and "ZorbNet" not in text  # no per-paper name is ever printed
    for flag in ("--show-errors", "--out"):
        refused = _run_quality("--external", str(pool), flag, *(["/dev/null"] if flag == "--out" else []))
        assert refused.returncode == 2 and "aggregate scores only" in refused.stderr


def test_an_external_record_without_its_text_is_named_by_file_and_line(tmp_path):
    _quality()
    pool = _external_pool(tmp_path)
    pool.write_text(pool.read_text(encoding="utf-8") + json.dumps({"title": "No Abstract Here"}) + "\n",
                    encoding="utf-8")
    run = _run_quality("--external", str(pool))
    assert run.returncode != 0 and f"{pool}:3: a gold record needs a 'title' and an 'abstract'" in run.stderr
