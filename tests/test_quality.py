"""Dev-set quality must not drop more than 0.05 F1 below benchmarks/quality_baseline.json."""
import json
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.shared


def test_dev_f1_not_below_baseline():
    if not (SHARED / "gold" / "dev.jsonl").exists() or not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared gold set not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location("paperkg_quality", ROOT / "benchmarks" / "quality.py")
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)

    baseline = json.loads((ROOT / "benchmarks" / "quality_baseline.json").read_text())
    out = Path(tempfile.mkdtemp()) / "pred.jsonl"
    quality.predict(out)
    scores = quality.f1_scores(out)
    for cls, base in baseline.items():
        assert scores[cls] >= base - 0.05, f"{cls}: F1 {scores[cls]:.3f} < baseline {base:.3f} - 0.05"
