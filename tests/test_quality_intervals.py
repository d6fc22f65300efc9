"""benchmarks/quality.py --ci: bootstrap intervals of F1 over papers (pure functions; no ../shared needed)."""

import pytest
from script_modules import benchmark


@pytest.fixture(scope="module")
def quality():
    return benchmark("quality", "paperkg_quality_ci")


def _papers(n, tp=(1, 0, 0), miss=(0, 1, 1)):
    """n papers, half found right, half with one wrong name and one missed."""
    return [{"methods": tp if i % 2 else miss} for i in range(n)]


def test_interval_holds_the_point_estimate_and_is_deterministic(quality):
    counts = _papers(100)
    point = quality.f1_of(50, 50, 50)
    low, high = quality.bootstrap_intervals(counts)["methods"]
    assert low < point < high
    assert quality.bootstrap_intervals(counts) == quality.bootstrap_intervals(counts)


def test_interval_narrows_as_papers_grow(quality):
    small = quality.bootstrap_intervals(_papers(20))["methods"]
    large = quality.bootstrap_intervals(_papers(2000))["methods"]
    assert large[1] - large[0] < (small[1] - small[0]) / 4


def test_nothing_to_find_and_nothing_found_scores_one(quality):
    assert quality.f1_of(0, 0, 0) == 1.0
    assert quality.bootstrap_intervals([{"links": (0, 0, 0)}] * 10)["links"] == (1.0, 1.0)
    assert quality.bootstrap_intervals([]) == {}


def test_all_wrong_scores_zero(quality):
    assert quality.bootstrap_intervals([{"data": (0, 2, 3)}] * 10)["data"] == (0.0, 0.0)
