"""Louvain communities (kg.graph.communities): igraph's multilevel method, seeded per call."""
import random

import networkx as nx

from kg.graph.communities import louvain


def _two_cliques(weak: float = 0.1):
    nodes = list("abcdefgh")
    edges = [(u, v, 1.0) for group in ("abcd", "efgh") for i, u in enumerate(group) for v in group[i + 1:]]
    return nodes, edges + [("d", "e", weak)]


def test_two_cliques_joined_weakly_are_two_communities_in_node_order():
    nodes, edges = _two_cliques()
    assert louvain(nodes, edges) == [list("abcd"), list("efgh")]


def test_the_same_graph_gives_the_same_partition_whatever_the_random_state():
    g = nx.connected_watts_strogatz_graph(300, 6, 0.3, seed=7)
    nodes = sorted(g)
    edges = [(u, v, 1.0 + (u * v) % 5) for u, v in sorted(g.edges())]
    first = louvain(nodes, edges)
    random.seed(123)
    assert louvain(nodes, edges) == first
    assert sorted(n for c in first for n in c) == nodes and len(first) > 2


def test_a_call_leaves_the_global_random_generator_alone():
    nodes, edges = _two_cliques()
    random.seed(5)
    expected = [random.random() for _ in range(3)]
    random.seed(5)
    louvain(nodes, edges)
    assert [random.random() for _ in range(3)] == expected
