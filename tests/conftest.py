"""Shared fixtures: the small hand-made graph and the bundled demo build, each made once per session.

Tests must not change what these fixtures return (the objects are shared).
"""
from __future__ import annotations

import pytest
from graph_fixture import make_extraction, make_papers

from kg.graph import build_graph
from kg.pipeline import build_job


@pytest.fixture(scope="session")
def kg():
    """The KnowledgeGraph of tests/graph_fixture.py (6 papers, relatedTo top 3)."""
    return build_graph(make_papers(), make_extraction(), top_k=3)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    """``(output folder, BuildResult)`` of ``paperkg build`` on the bundled demo corpus (no cache)."""
    out = tmp_path_factory.mktemp("demo") / "outputs"
    result = build_job([], out, quiet=True, cache=False)
    return out, result


@pytest.fixture(scope="session")
def demo_out(demo_build):
    """The demo build's output folder (graph.ttl, void.ttl, papers.jsonl, the views)."""
    return demo_build[0]
