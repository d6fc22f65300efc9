"""Extraction quality must not drop more than 0.05 F1 below benchmarks/quality_baseline.json on any split,
and the sealed split only ever prints aggregate scores."""
import json
import subprocess
import sys
import tempfile
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
def test_f1_not_below_baseline(split):
    quality = _quality()
    baseline = json.loads((ROOT / "benchmarks" / "quality_baseline.json").read_text())[split]
    scores = quality.split_scores(split, Path(tempfile.mkdtemp()))
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
