"""Extraction on a (local) Dask cluster gives exactly the local result."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from kg.errors import PaperkgError  # noqa: E402
from extractors import ExtractStats, extract_corpus  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "kg" / "data" / "demo" / "daily-2025-01-13.txt"


@pytest.fixture(scope="module")
def papers():
    from kg.ingest import read_inputs

    return read_inputs([DEMO]).papers[:20]


def test_dask_extraction_equals_local(papers, tmp_path):
    from distributed import Client, LocalCluster

    from kg import distributed as kgd

    local = extract_corpus(papers)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert extract_corpus(papers, dask_address=cluster.scheduler_address) == local
        # small batches so both workers get work; an open Client is accepted too
        per_paper = kgd.extract_mentions_dask(papers, client, batch_size=3)
        assert len(per_paper) == len(papers)
        stats = ExtractStats()
        assert extract_corpus(papers, dask_address=client, cache_dir=tmp_path, stats=stats) == local
        assert stats.extracted == len(papers)
    stats = ExtractStats()
    assert extract_corpus(papers, cache_dir=tmp_path, stats=stats) == local  # Dask results were cached
    assert stats.cached == len(papers)


def test_unreachable_scheduler_is_a_typed_error(papers, monkeypatch):
    from kg import distributed as kgd

    monkeypatch.setattr(kgd, "_CONNECT_TIMEOUT", "2s")
    with pytest.raises(PaperkgError, match="Dask scheduler"):
        kgd.extract_mentions_dask(papers[:1], "tcp://127.0.0.1:9")
