"""Louvain communities, computed by igraph's C implementation of the multilevel method.

networkx's Louvain is pure Python: on the paper graph of 100,000 synthetic papers it took about 15 s of
every build, cold or incremental (py-spy), against well under a second for igraph's
``community_multilevel`` on the same edges (Blondel et al. 2008, the same method and the same modularity).
igraph visits the nodes in a random order drawn from the Python random generator it is given; a generator
seeded with :data:`COMMUNITY_SEED` for each call makes the result a function of the nodes (in the order
given) and their weighted edges alone.

>>> louvain([1, 2, 3, 4, 5, 6], [(1, 2, 1.0), (2, 3, 1.0), (1, 3, 1.0), (4, 5, 1.0), (5, 6, 1.0), (4, 6, 1.0),
...                             (3, 4, 0.1)])
[[1, 2, 3], [4, 5, 6]]
"""
from __future__ import annotations

import random
from typing import Hashable, Iterable, Sequence

__all__ = ["COMMUNITY_SEED", "louvain"]

#: Seed of the node order igraph draws for each Louvain run.
COMMUNITY_SEED = 42


def louvain(nodes: Sequence[Hashable], weighted_edges: Iterable[tuple[Hashable, Hashable, float]]) -> list[list]:
    """Communities of the undirected graph of ``nodes`` and ``(u, v, weight)`` edges: lists of nodes, each in
    the order of ``nodes``, listed by their first node's place there."""
    import igraph  # a C extension: loaded by the stage that needs it, not when kg is imported

    index = {n: i for i, n in enumerate(nodes)}
    pairs, weights = [], []
    for u, v, w in weighted_edges:
        pairs.append((index[u], index[v]))
        weights.append(float(w))
    graph = igraph.Graph(n=len(index), edges=pairs)
    graph.es["weight"] = weights
    igraph.set_random_number_generator(random.Random(COMMUNITY_SEED))
    try:
        membership = graph.community_multilevel(weights="weight").membership
    finally:
        igraph.set_random_number_generator(random)
    groups: dict[int, list] = {}
    for node, group in zip(index, membership):
        groups.setdefault(group, []).append(node)
    return list(groups.values())
