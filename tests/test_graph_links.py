"""Unit tests of the paper-to-paper link computations (no graph needed).

relatedTo's entity half is kg.graph.links (entity_matrix, topk_pairs), used through
kg.graph.textsim.related_combined as the build uses it; texts are empty here, so every
weight is half the entity cosine.
"""
from __future__ import annotations

import numpy as np

from kg.graph.links import builds_on, entity_matrix, topk_pairs
from kg.graph.textsim import related_combined


def _related(papers, **kwargs):
    """[(i, j, entity cosine, shared entity ids)] as the build computes them, with no text."""
    rows = related_combined(papers, [""] * len(papers), **kwargs)
    assert all(tw == 0 and terms == [] for *_, tw, terms in rows)
    return [(i, j, ew, shared) for i, j, _w, shared, ew, _tw, _terms in rows]


def test_related_rare_entity_outranks_common():
    # A shares "rare" (2 papers) with B and "common" (22 papers) with C; B and C look alike otherwise.
    papers = [["rare", "common"], ["rare", "t"], ["common", "t"]] + [["common"] for _ in range(20)]
    out = {(i, j): (w, s) for i, j, w, s in _related(papers, top_k=30)}
    assert out[(0, 1)][0] > out[(0, 2)][0]
    assert out[(0, 1)][1] == ["rare"] and out[(0, 2)][1] == ["common"]
    top1 = [j for i, j, _, _ in _related(papers, top_k=1) if i == 0]
    assert top1 == [1]


def test_related_top_k_ties_and_self():
    papers = [["a", "b"], ["a"], ["b"], ["a", "b"]]
    res = _related(papers, top_k=1)
    per = {}
    for i, j, w, _ in res:
        assert i != j
        per.setdefault(i, []).append(j)
    assert all(len(v) == 1 for v in per.values())
    assert per[0] == [3]  # identical entity sets -> cosine 1


def test_related_drops_too_common_entities():
    papers = [["everywhere"] for _ in range(10)]
    assert _related(papers, top_k=3, max_df=5) == []
    assert len(_related(papers, top_k=3, max_df=10)) == 30


def test_related_blocks_give_same_result():
    rng = np.random.default_rng(0)
    papers = [[f"e{int(x)}" for x in rng.zipf(1.5, 5) if x < 200] for _ in range(300)]
    assert _related(papers, top_k=5, block_nnz=50) == _related(papers, top_k=5)
    X, _vocab, df = entity_matrix(papers)
    blocked, whole = topk_pairs(X, df, 5, block_nnz=50), topk_pairs(X, df, 5)
    assert len(blocked[0]) > 300 and all(np.array_equal(a, b) for a, b in zip(blocked, whole))


def test_builds_on_rules():
    mentioned = [{"m"}, {"m"}, {"m"}]
    proposed = [{"m"}, set(), {"m"}]
    out = builds_on(mentioned, proposed, ["2024-01-01", "2024-02-01", "2024-03-01"])
    assert out == {(1, 0): ["m"]}  # 1 is older than proposer 2; 0 and 2 both propose m
    assert builds_on(mentioned, proposed, None) == {(1, 0): ["m"], (1, 2): ["m"]}
