"""SPARQL over the knowledge graph: named queries, safe parameters, time limits, result formats.

>>> store = load_store("outputs")                                  # doctest: +SKIP
>>> result = run_named(store, "papers-using-entity", {"entity": "GRPO"})  # doctest: +SKIP
>>> print(format_result(result, "table"))                          # doctest: +SKIP

``run_query`` / ``run_named`` run in this process, without a time limit;
``QueryPool`` runs them in worker processes stopped at a time limit or a
memory ceiling (what ``paperkg query`` and ``paperkg serve`` use).
"""
from kg.queries.engine import (
    QueryMemoryError,
    QueryResult,
    QueryTimeout,
    QueryUnavailable,
    UpdateRefused,
    default_prefixes,
    run_query,
    term_value,
    to_term,
)
from kg.queries.formats import MEDIA_TYPES, RDF_FORMATS, RESULT_FORMATS, format_result
from kg.queries.loading import find_graph_file, load_store, open_store
from kg.queries.named import NamedQuery, QueryParam, get_named, list_named, resolve_paper, run_named
from kg.queries.workers import QueryBusy, QueryPool

__all__ = [
    "QueryResult",
    "QueryTimeout",
    "QueryMemoryError",
    "QueryUnavailable",
    "QueryBusy",
    "QueryPool",
    "UpdateRefused",
    "NamedQuery",
    "QueryParam",
    "run_query",
    "run_named",
    "list_named",
    "get_named",
    "resolve_paper",
    "format_result",
    "load_store",
    "open_store",
    "find_graph_file",
    "default_prefixes",
    "term_value",
    "to_term",
    "RESULT_FORMATS",
    "RDF_FORMATS",
    "MEDIA_TYPES",
]
