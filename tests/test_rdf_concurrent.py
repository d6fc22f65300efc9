"""The RDF files are written in a forked process while the views are written (kg.pipeline._RdfJob): the same
bytes as writing them first in the build's own process, and a failure there fails the build as before."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import pipeline
from kg.errors import OutputError
from kg.pipeline import build_job
from script_modules import benchmark


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    synth = benchmark("synth", "paperkg_bench_synth_rdfjob")
    folder = tmp_path_factory.mktemp("listings")
    synth.write_corpus(synth.generate(120, seed=11), folder, per_file=40)
    return folder


def _tree(out: Path) -> dict[str, bytes]:
    found = {}
    for root, _dirs, files in os.walk(out):
        for name in files:
            rel = (Path(root) / name).relative_to(out)
            if rel.parts[0] not in (".cache", ".paperkg.lock"):
                found[rel.as_posix()] = (Path(root) / name).read_bytes()
    return found


def _record_writer_pids(monkeypatch, pids: Path) -> Path:
    """Make every graph big enough to fork for and append the pid of each process that writes the RDF to ``pids``."""
    real = pipeline.write_outputs

    def spy(*args, **kwargs):
        with open(pids, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "write_outputs", spy)
    monkeypatch.setattr(pipeline._RdfJob, "MIN_GRAPH", 0)
    return pids


def test_rdf_written_in_a_forked_process_gives_the_same_outputs(listings, tmp_path, monkeypatch):
    inline = build_job([listings], tmp_path / "inline", quiet=True, year=2025)
    assert pipeline._RdfJob.MIN_GRAPH > 1000  # the small graph above was written in this process
    pids = _record_writer_pids(monkeypatch, tmp_path / "pids")
    forked = build_job([listings], tmp_path / "forked", quiet=True, year=2025, jobs=2)
    assert [int(p) for p in pids.read_text().split()] != [os.getpid()]  # ran in another process
    assert forked.rdf_stats == inline.rdf_stats and forked.rdf_stats.get("blocks")
    assert _tree(tmp_path / "forked") == _tree(tmp_path / "inline")


def test_a_failure_in_the_forked_rdf_process_fails_the_build_and_keeps_the_outputs(listings, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_job([listings], out, quiet=True, year=2025)
    before = _tree(out)

    def fail(*args, **kwargs):
        raise OutputError("cannot write graph.ttl: No space left on device")

    monkeypatch.setattr(pipeline, "write_outputs", fail)
    monkeypatch.setattr(pipeline._RdfJob, "MIN_GRAPH", 0)
    with pytest.raises(OutputError, match="No space left on device"):
        build_job([listings], out, quiet=True, year=2026, jobs=2)  # another year: a real build, not "up to date"
    assert _tree(out) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.paperkg-")]  # no staging left


def test_a_forked_rdf_process_that_dies_fails_the_build(listings, tmp_path, monkeypatch):
    def die(*args, **kwargs):
        os._exit(9)

    monkeypatch.setattr(pipeline, "write_outputs", die)
    monkeypatch.setattr(pipeline._RdfJob, "MIN_GRAPH", 0)
    with pytest.raises(OutputError, match="stopped without a word"):
        build_job([listings], tmp_path / "out", quiet=True, year=2025, jobs=2)
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_one_job_writes_the_rdf_in_the_build_process(listings, tmp_path, monkeypatch):
    pids = _record_writer_pids(monkeypatch, tmp_path / "pids")
    build_job([listings], tmp_path / "out", quiet=True, year=2025, jobs=1)
    assert [int(p) for p in pids.read_text().split()] == [os.getpid()]


def test_no_fork_without_room_for_a_second_copy(monkeypatch):
    monkeypatch.setattr(pipeline.memory, "rss_bytes", lambda: 4 << 30)
    monkeypatch.setattr(pipeline.memory, "available_bytes", lambda: 6 << 30)
    assert not pipeline._fork_fits()
    monkeypatch.setattr(pipeline.memory, "available_bytes", lambda: 9 << 30)
    assert pipeline._fork_fits()
