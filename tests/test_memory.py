"""Memory decisions before forking and before a build, with injected numbers (no real shortage needed)."""
from __future__ import annotations

import pytest

from kg.errors import NotEnoughMemoryError
from kg.memory import MB, RESERVE_BYTES, available_bytes, check_fits, plan_workers, rss_bytes
from kg.models import Paper

GB = 1024 * MB


def test_enough_memory_gives_every_worker_asked_for():
    assert plan_workers("stage", 4, 500 * MB, 100 * MB, 16 * GB) == 4


def test_fewer_workers_when_not_all_fit():
    # room for 3 workers of 1 GB once the reserve is kept
    assert plan_workers("stage", 8, 1 * GB, 100 * MB, 3 * GB + RESERVE_BYTES) == 3


def test_one_worker_that_fits_runs_in_process_instead():
    assert plan_workers("stage", 4, 1 * GB, 100 * MB, 1 * GB + RESERVE_BYTES + MB) == 1


def test_no_room_even_in_process_is_a_one_line_error():
    with pytest.raises(NotEnoughMemoryError) as info:
        plan_workers("the HTML views", 4, 1 * GB, 600 * MB, 700 * MB)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("not enough memory for the HTML views: about 856 MB needed, 700 MB available")


def test_unknown_memory_checks_nothing():
    assert plan_workers("stage", 6, 10 * GB, 10 * GB, None) == 6
    check_fits("stage", 10 * GB, None)


def test_a_single_job_never_forks():
    assert plan_workers("stage", 1, 1 * MB, 1 * MB, 64 * GB) == 1


def test_the_machine_is_read():
    avail, rss = available_bytes(), rss_bytes()
    assert avail is None or avail > 0
    assert rss is None or rss > 10 * MB  # this interpreter with pytest loaded


def _papers(n: int, chars: int = 1000) -> list[Paper]:
    return [Paper(id=f"p{i}", title=f"Paper {i}", abstract="x" * chars) for i in range(n)]


def test_extraction_pool_shrinks_to_the_memory_available(monkeypatch):
    import extractors.corpus as corpus
    import kg.memory

    papers = _papers(1000)
    method, workers = corpus.parallel_plan(len(papers), 4)
    assert method is not None and workers == 4
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 64 * GB)
    assert corpus._fitting_workers(papers, method, workers) == (method, 4)
    per_worker = corpus._worker_bytes(corpus._batches(papers, 4))
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: RESERVE_BYTES + 2 * per_worker + MB)
    assert corpus._fitting_workers(papers, method, workers) == (method, 2)
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: RESERVE_BYTES + per_worker + MB)
    assert corpus._fitting_workers(papers, method, workers) == (None, 1)  # in this process
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 10 * MB)
    with pytest.raises(NotEnoughMemoryError, match="extraction"):
        corpus._fitting_workers(papers, method, workers)


def test_extraction_batches_stay_small_on_big_inputs():
    import extractors.corpus as corpus

    papers = _papers(50_000, chars=10)
    batches = corpus._batches(papers, 2)
    assert max(map(len, batches)) == corpus.MAX_BATCH  # was 50,000 / 8 = 6,250 per batch
    assert sum(map(len, batches)) == len(papers)
    assert [p for b in batches for p in b] == papers  # contiguous, in order


def test_views_pool_shrinks_with_a_big_parent(monkeypatch):
    import kg.memory
    import kg.views.site as site

    monkeypatch.setattr(kg.memory, "rss_bytes", lambda: 8 * GB)
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 64 * GB)
    assert site._fitting_jobs(4) == 4
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 10 * GB)  # room for two 4 GB copies
    assert site._fitting_jobs(4) == 2
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 3 * GB)  # 17 GB parent, 2.9 GB left: render here
    monkeypatch.setattr(kg.memory, "rss_bytes", lambda: 17 * GB)
    assert site._fitting_jobs(4) == 1


def test_text_similarity_pool_shrinks(monkeypatch):
    import kg.graph.textsim as textsim
    import kg.memory

    texts = ["some words here"] * 100
    monkeypatch.setattr(kg.memory, "rss_bytes", lambda: 4 * GB)
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 64 * GB)
    assert textsim._fitting_jobs(4, texts) == 4
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 1 * GB)
    assert textsim._fitting_jobs(4, texts) == 1


def test_build_that_cannot_fit_stops_before_any_work(tmp_path, monkeypatch, capsys):
    import kg.pipeline
    import kg.memory
    from kg.cli import main
    from kg.pipeline import check_build_memory

    check_build_memory(_papers(100), available=8 * GB)  # fits
    with pytest.raises(NotEnoughMemoryError, match="a build of 1,500,000 papers"):
        check_build_memory(_papers(1_500_000, chars=0), available=20 * GB)  # the 1.5M-record case

    def boom(*_a, **_k):
        raise AssertionError("extraction started")

    monkeypatch.setattr(kg.pipeline, "extract_corpus", boom)
    monkeypatch.setattr(kg.memory, "available_bytes", lambda: 100 * MB)
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "A paper", "abstract": "We use GRPO."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not enough memory for a build of 1 paper:" in err[0]
    assert not out.exists()
