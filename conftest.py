"""Doctests of the public modules (``--doctest-modules``, configured in pyproject.toml).

The methods of ``KnowledgeGraph`` share one example graph ``g``: the one its
class docstring builds, made here by running that docstring's own example.
"""
from __future__ import annotations

import doctest

import pytest


@pytest.fixture(scope="session")
def _example_graph():
    from kg.graph.knowledge import KnowledgeGraph

    namespace: dict = {}
    for example in doctest.DocTestParser().get_examples(KnowledgeGraph.__doc__):
        exec(compile(example.source, "<KnowledgeGraph example>", "exec"), namespace)  # noqa: S102
    return namespace["g"]


@pytest.fixture(autouse=True)
def _doctest_graph(request, doctest_namespace):
    if request.node.name.startswith("kg.graph.knowledge.KnowledgeGraph."):
        doctest_namespace["g"] = request.getfixturevalue("_example_graph")
