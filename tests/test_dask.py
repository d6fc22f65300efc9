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


def test_cli_build_on_a_cluster_writes_the_local_outputs(tmp_path):
    """The hand-off as a user runs it: a scheduler listening on loopback TCP, ``paperkg build --dask ADDRESS``
    in another process; the outputs are byte for byte those of a local build."""
    import subprocess
    import sys

    from distributed import LocalCluster

    def build(out, *extra):
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(DEMO), "-o", str(out), "--no-cache", "-q",
                               *extra], capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
                if p.is_file() and not p.name.startswith(".")}

    from distributed.diagnostics.plugin import SchedulerPlugin

    class Finished(SchedulerPlugin):
        def __init__(self):
            self.keys = set()

        def transition(self, key, start, finish, *args, **kwargs):
            if finish == "memory":
                self.keys.add(str(key))

    finished = Finished()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        cluster.scheduler.add_plugin(finished)
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        remote = build(tmp_path / "dask", "--dask", address)
    local = build(tmp_path / "local")
    assert any("extract_batch" in k for k in finished.keys), finished.keys  # the batches ran on the cluster
    assert remote.keys() == local.keys() and "graph.ttl" in local
    assert [k for k in local if remote[k] != local[k]] == []
