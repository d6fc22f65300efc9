"""The collector settings a build runs under (kg.memory.gc_paused, rare_full_collections)."""
from __future__ import annotations

import gc

import pytest

import extractors.corpus
import kg.pipeline
from extractors.corpus import extract_corpus
from kg.memory import FULL_COLLECTION_EVERY, gc_paused, rare_full_collections
from kg.models import Paper
from kg.pipeline import build_job


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_full_collections_are_rare_inside_and_as_before_after(default_thresholds):
    with rare_full_collections():
        assert gc.get_threshold() == (700, 10, FULL_COLLECTION_EVERY)
    assert gc.get_threshold() == (700, 10, 10)


def test_thresholds_come_back_after_an_error(default_thresholds):
    with pytest.raises(RuntimeError):
        with rare_full_collections(50):
            assert gc.get_threshold()[2] == 50
            raise RuntimeError("stage failed")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_caller_that_asked_for_rarer_collections_keeps_them(default_thresholds):
    gc.set_threshold(5000, 20, 5000)
    with rare_full_collections(100):
        assert gc.get_threshold() == (5000, 20, 5000)
    assert gc.get_threshold() == (5000, 20, 5000)


@pytest.mark.parametrize("was_enabled", [True, False])
def test_the_collector_is_paused_and_left_as_found(was_enabled):
    before = gc.isenabled()
    try:
        (gc.enable if was_enabled else gc.disable)()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is was_enabled
        with pytest.raises(ValueError):
            with gc_paused():
                raise ValueError("burst failed")
        assert gc.isenabled() is was_enabled
    finally:
        (gc.enable if before else gc.disable)()


def _thresholds_seen_by(monkeypatch, module, name: str) -> list:
    """The collector thresholds each call of ``module.name`` runs under (the call itself goes through)."""
    seen = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


def test_a_build_runs_with_rare_full_collections(tmp_path, monkeypatch, default_thresholds):
    seen = _thresholds_seen_by(monkeypatch, kg.pipeline, "build_graph")
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "Widget Search", "abstract": "We propose Widget Search (WS) and test it on FooBench."}\n',
                   encoding="utf-8")
    build_job([src], tmp_path / "out", quiet=True, cache=False)
    assert seen == [(700, 10, FULL_COLLECTION_EVERY)]
    assert gc.get_threshold() == (700, 10, 10)
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_corpus_resolution_runs_with_rare_full_collections(monkeypatch, default_thresholds):
    seen = _thresholds_seen_by(monkeypatch, extractors.corpus, "resolve_corpus")
    papers = [Paper(id="p1", title="Gizmo Nets", abstract="We train Gizmo Nets (GN) on the BarSet dataset.")]
    result = extract_corpus(papers)
    assert seen == [(700, 10, FULL_COLLECTION_EVERY)]
    assert gc.get_threshold() == (700, 10, 10)
    assert [p.paper_id for p in result.papers] == ["p1"]
