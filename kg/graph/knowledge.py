"""``KnowledgeGraph``, the graph a build makes and a load reads back; ``build_graph``, which makes it from
papers and their extraction, and ``load``, which reads it from a written graph.

``KnowledgeGraph`` holds the same facts twice: ``.nx`` (NetworkX, for
analytics and views) and ``.store`` (Oxigraph, for SPARQL); ``.rdf`` is a
plain rdflib Graph of the same triples, made on first use, for Python code
that works triple by triple (pyshacl, set operations).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterator

import networkx as nx
import pyoxigraph as ox

import kg.views
from kg import memory
from kg.errors import InputError
from kg.graph.build import build_nx
from kg.graph.iris import DEFAULT_BASE_IRI
from kg.graph.ntriples import write_canonical_ntriples
from kg.graph.rdf import nx_to_rdflib, rdf_to_nx
from kg.graph.trends import entity_timeline, rising
from kg.layout import GRAPH_FILE, graph_parts
from kg.queries.engine import run_query
from kg.queries.workers import QueryPool
from kg.schema import ENTITY_TYPES, all_prefixes

__all__ = ["KnowledgeGraph", "build_graph", "load"]


def build_graph(papers, extraction, base_iri: str | None = None, top_k: int = 10, max_df: int | None = None,
                cache_dir=None):
    """Build the KnowledgeGraph (``.nx`` MultiDiGraph; its Oxigraph ``.store`` is made on first use) of a corpus.

    Assembles only: every decision about a paper was made by the extraction.

    Parameters
    ----------
    papers : sequence of kg.models.Paper
    extraction : kg.models.CorpusExtraction
        What :func:`extractors.extract_corpus` found in ``papers``.
    base_iri : str, optional
        Base IRI of the data (default ``kg.graph.iris.DEFAULT_BASE_IRI``).
    top_k : int
        relatedTo edges kept per paper.
    max_df : int, optional
        Entities in more papers than this are not counted in relatedTo weights.
    cache_dir : path, optional
        Keep the words of titles and abstracts (TF-IDF) in a word cache there; same graph either way.

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> from extractors import extract_corpus
    >>> from kg.models import Paper
    >>> papers = [Paper(id="p1", title="A study", abstract="We fine-tune BERT on SQuAD.")]
    >>> build_graph(papers, extract_corpus(papers)).entity("bert")["name"]
    'BERT'
    """
    base_iri = base_iri or DEFAULT_BASE_IRI
    G = build_nx(papers, extraction, base_iri=base_iri, top_k=top_k, max_df=max_df, cache_dir=cache_dir)
    return KnowledgeGraph(G, None, base_iri)  # the Oxigraph store is filled on first use of .store


class KnowledgeGraph:
    """One knowledge graph: NetworkX view, Oxigraph store and rdflib copy of the same facts.

    Made by :func:`kg.build` / :func:`build_graph`, read back by :func:`kg.load`.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph in the conventions of docs/CONTRACTS.md (``.nx``).
    store : pyoxigraph.Store, optional
        The same facts as RDF; made from ``graph`` on first use of ``.store`` when None.
    base_iri : str
        Base IRI of the data (node IRIs are ``base_iri`` + node key).

    Examples
    --------
    The examples of the methods below use this graph of two invented papers:

    >>> import kg
    >>> from kg.models import Paper
    >>> g = kg.build([
    ...     Paper(id="p1", title="Widget Policy Optimization for reasoning",
    ...           abstract="We propose Widget Policy Optimization (WPO), a variant of PPO, and evaluate it on GSM8K."),
    ...     Paper(id="p2", title="Scaling WPO", abstract="We train larger models with WPO and PPO on GSM8K and MMLU."),
    ... ])
    >>> g
    <KnowledgeGraph 6 nodes, 10 edges, ... triples>
    >>> sorted(g.nx.nodes)[:3]
    ['benchmark/gsm8k', 'benchmark/mmlu', 'method/proximal-policy-optimization']
    """

    def __init__(self, graph: nx.MultiDiGraph, store: ox.Store | None = None, base_iri: str = DEFAULT_BASE_IRI):
        self.nx = graph
        self._store = store
        self.base_iri = base_iri
        self._rdf = None
        self._pool = None  # worker process for queries with a time limit, made on first use
        self._files: tuple = ()  # (path, format, size, mtime_ns) of the files :func:`load` read, for .store

    @property
    def store(self) -> ox.Store:
        """The Oxigraph store; made on first use when not given: from the files :func:`load` read
        (when they are still as they were), else from ``.nx``.

        Loading millions of triples into Oxigraph is the slowest step of a
        big build, and ``paperkg build`` writes its RDF straight from the
        NetworkX graph, so the store is only made when something queries it.
        """
        if self._store is None and self._files:
            self._store = _store_of_files(self._files)  # None when a file changed since it was loaded
            self._files = ()
        if self._store is None:
            # canonical N-Triples text, bulk-parsed by Oxigraph: ~10x faster than inserting Python terms
            with tempfile.TemporaryFile() as fh:
                write_canonical_ntriples(self.nx, fh, self.base_iri)
                fh.seek(0)
                store = ox.Store()
                store.bulk_load(input=fh, format=ox.RdfFormat.N_TRIPLES)
            self._store = store
        return self._store

    @store.setter
    def store(self, value: ox.Store) -> None:
        self._store = value
        self._rdf = None
        self.close()  # its worker holds a copy of the old store

    def __repr__(self) -> str:  # noqa: D105
        return f"<KnowledgeGraph {self.nx.number_of_nodes()} nodes, {self.nx.number_of_edges()} edges, {len(self.store)} triples>"

    @property
    def rdf(self):
        """The graph as a plain in-memory rdflib Graph, made on first use.

        The same terms as ``rdflib.Graph().parse("graph.ttl")`` (so pyshacl and
        set operations with other rdflib graphs work), and fast for
        triple-by-triple use. A copy: SPARQL goes to ``.query`` / ``.store``
        (Oxigraph), which is much faster than rdflib's engine.

        Returns
        -------
        rdflib.Graph

        Examples
        --------
        >>> from kg.schema import PKG
        >>> len(list(g.rdf.subjects(predicate=None, object=PKG.Paper)))
        2
        """
        if self._rdf is None:
            self._rdf = nx_to_rdflib(self.nx, self.base_iri)
        return self._rdf

    # ------------------------------------------------------------ SPARQL
    def prefixes(self) -> dict[str, str]:
        """Prefixes predeclared for queries: vocabularies, ``kg:`` and paper:, method:, ...

        Returns
        -------
        dict of str to str
            prefix -> namespace IRI (:func:`kg.schema.all_prefixes` of the graph's base IRI).

        Examples
        --------
        >>> g.prefixes()["method"]
        'https://w3id.org/paperkg/id/method/'
        """
        return all_prefixes(self.base_iri)

    def query(self, sparql: str, *, timeout: float | None = None, **bindings) -> list[dict]:
        """Run a read-only SPARQL query on Oxigraph; ``bindings`` fix variables safely (bound as RDF terms,
        never pasted into the text).

        Standard prefixes (pkg, rdfs, skos, dcterms, schema, prov, ..., kg = data
        base IRI) are predeclared. Values: str -> literal, int/float/bool ->
        typed literal, rdflib URIRef / pyoxigraph NamedNode -> IRI; a bound
        variable must be projected by a SELECT (``SELECT ?title ?name``).
        SELECT gives one dict per row (IRIs as str, literals as Python values,
        unbound variables left out); ASK gives ``[{"ask": bool}]``;
        CONSTRUCT/DESCRIBE give ``{"subject", "predicate", "object"}`` rows.
        The same engine and value conversion as ``paperkg query``, the named
        queries and ``paperkg serve`` (``kg.queries.run_query``).

        ``timeout=None`` (the default) runs the query in this process, to its
        end: Oxigraph cannot be interrupted. With ``timeout`` (seconds) it runs
        in a worker process (``kg.queries.QueryPool``, started on first use with
        a copy of the graph, ended by ``close()``), which is killed at the limit
        (QueryTimeout) or past a memory ceiling (QueryMemoryError).
        Parameters
        ----------
        sparql : str
            A SELECT, ASK, CONSTRUCT or DESCRIBE query (updates are refused).
        timeout : float, optional
            Seconds; when given the query runs in a worker process killed at the limit.
        **bindings
            Variable name -> value, bound as an RDF term.

        Returns
        -------
        list of dict
            One dict per row (see above).

        Raises
        ------
        kg.errors.QueryError
            Malformed or refused query; its subclass QueryTooComplex for a text
            over the structure limits (length, nesting, triple patterns, UNIONs;
            kg.queries.engine); QueryTimeout / QueryMemoryError past the limits.

        Examples
        --------
        >>> g.query("SELECT ?name WHERE { ?e a pkg:Method ; skos:prefLabel ?name } ORDER BY ?name")
        [{'name': 'Proximal Policy Optimization'}, {'name': 'Widget Policy Optimization'}]
        >>> g.query("SELECT ?t ?n WHERE { ?p dcterms:title ?t ; pkg:arxivId|dcterms:title ?n }", n="Scaling WPO")
        [{'t': 'Scaling WPO', 'n': 'Scaling WPO'}]
        >>> g.query("SELECT (1.5 AS ?x) ?n WHERE {}", n=2)
        [{'x': 1.5, 'n': 2}]
        """
        if timeout is None:
            result = run_query(self.store, sparql, bindings, prefixes=self.prefixes())
        else:
            result = self._query_pool().run_query(sparql, bindings, timeout=timeout, prefixes=self.prefixes())
        if result.kind == "ask":
            return [{"ask": bool(result.boolean)}]
        return result.records()

    def _query_pool(self):
        if self._pool is None or self._pool.closed:
            self._pool = QueryPool(store=self.store, size=1)
        return self._pool

    def close(self) -> None:
        """Stop the worker process of queries with a time limit, if one was started (it also stops at exit).

        Examples
        --------
        >>> g.close()
        """
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # ------------------------------------------------------------ lookups
    def _paper_key(self, paper_id: str) -> str:
        key = paper_id if paper_id.startswith("paper/") else f"paper/{paper_id}"
        if key not in self.nx or self.nx.nodes[key].get("type") != "Paper":
            raise KeyError(f"no paper {paper_id!r} in the graph")
        return key

    def papers(self) -> list[dict]:
        """Every paper of the corpus (not the minimal nodes of cited works), sorted by key.

        Returns
        -------
        list of dict
            The node attributes of each paper plus ``key`` (``paper/<id>``) and ``id``.

        Examples
        --------
        >>> [(p["id"], p["title"]) for p in g.papers()]
        [('p1', 'Widget Policy Optimization for reasoning'), ('p2', 'Scaling WPO')]
        """
        return [
            {"key": k, "id": k[len("paper/"):], **d}
            for k, d in sorted(self.nx.nodes(data=True))
            if d.get("type") == "Paper" and not d.get("external")
        ]

    def entity(self, name_or_alias: str) -> dict | None:
        """An entity by id, name or alias (case-insensitive), with the papers linked to it.

        Parameters
        ----------
        name_or_alias : str
            A node key (``method/grpo``), canonical name or alias, in any case.

        Returns
        -------
        dict or None
            The entity's attributes plus ``id`` and ``papers`` (``[{"paper", "relation"}]``), or None.

        Examples
        --------
        >>> e = g.entity("wpo")
        >>> e["name"], e["aliases"], e["support"]
        ('Widget Policy Optimization', ['WPO'], 2)
        >>> e["papers"]
        [{'paper': 'paper/p1', 'relation': 'proposes'}, {'paper': 'paper/p2', 'relation': 'usesMethod'}]
        """
        needle = name_or_alias.strip().casefold()
        best = None
        for k, d in sorted(self.nx.nodes(data=True)):
            if d.get("type") not in ENTITY_TYPES:
                continue
            if k.casefold() == needle or str(d.get("name", "")).casefold() == needle:
                best = k
                break
            if best is None and any(a.casefold() == needle for a in d.get("aliases", ())):
                best = k
        if best is None:
            return None
        papers = sorted({(u, rel) for u, _, rel in self.nx.in_edges(best, keys=True)})
        return {"id": best, **self.nx.nodes[best], "papers": [{"paper": u, "relation": rel} for u, rel in papers]}

    def related(self, paper_id: str, k: int = 10) -> list[dict]:
        """The paper's relatedTo neighbours, strongest first.

        Parameters
        ----------
        paper_id : str
            The paper's id (or its node key ``paper/<id>``).
        k : int
            At most this many rows.

        Returns
        -------
        list of dict
            ``{"paper", "title", "weight", "shared"}`` per related paper.

        Raises
        ------
        KeyError
            No such paper.

        Examples
        --------
        >>> [(r["paper"], r["shared"]) for r in g.related("p1")]
        [('paper/p2', ['benchmark/gsm8k', 'method/proximal-policy-optimization', 'method/widget-policy-optimization'])]
        """
        key = self._paper_key(paper_id)
        rows = [
            {"paper": v, "title": self.nx.nodes[v].get("title"), "weight": d["weight"], "shared": list(d.get("shared", []))}
            for _, v, rel, d in self.nx.out_edges(key, keys=True, data=True)
            if rel == "relatedTo"
        ]
        rows.sort(key=lambda r: (-r["weight"], r["paper"]))
        return rows[:k]

    def timeline(self, name_or_alias: str) -> list[dict]:
        """Papers per month linked to an entity (by id, name or alias): ``[{"month", "papers", "total"}]``.

        Months without such a paper are left out; ``total`` is every dated
        paper of that month. The same rows as the ``entity-timeline`` query.

        Parameters
        ----------
        name_or_alias : str
            As for :meth:`entity`.

        Returns
        -------
        list of dict

        Raises
        ------
        KeyError
            No such entity.

        Examples
        --------
        >>> g.timeline("PPO")  # the example papers have no dates
        []
        """
        ent = self.entity(name_or_alias)
        if ent is None:
            raise KeyError(f"no entity {name_or_alias!r} in the graph")
        return entity_timeline(self.nx, ent["id"])

    def rising(self, window: int = 3, min_support: int = 2) -> list[dict]:
        """Entities whose share of papers grew most in the latest ``window`` months vs the window before.

        The same numbers as the ``rising-entities`` query and the index page's
        "Rising" list (kg.graph.trends.rising: rows with entity, name, type,
        recent, before, recent_papers, before_papers, growth, from, to,
        previous_from, previous_to).

        Parameters
        ----------
        window : int
            Months in each of the two windows.
        min_support : int
            Papers an entity needs in the latest window.

        Returns
        -------
        list of dict

        Examples
        --------
        >>> g.rising(window=3)  # undated papers: no months to compare
        []
        """
        return rising(self.nx, window=window, min_support=min_support)

    def builds_on(self, paper_id: str) -> list[dict]:
        """Papers this paper builds on, with the proposed entities it uses from each.

        Parameters
        ----------
        paper_id : str
            The paper's id (or node key).

        Returns
        -------
        list of dict
            ``{"paper", "title", "via"}`` per paper built on, sorted by paper.

        Raises
        ------
        KeyError
            No such paper.

        Examples
        --------
        >>> g.builds_on("p2")
        [{'paper': 'paper/p1', 'title': 'Widget Policy Optimization for reasoning', 'via': ['method/widget-policy-optimization']}]
        """
        key = self._paper_key(paper_id)
        rows = [
            {"paper": v, "title": self.nx.nodes[v].get("title"), "via": list(d.get("via", []))}
            for _, v, rel, d in self.nx.out_edges(key, keys=True, data=True)
            if rel == "buildsOn"
        ]
        return sorted(rows, key=lambda r: r["paper"])

    # ------------------------------------------------------------ views
    def show(self, *, max_nodes: int = 1500, height: int = 720):
        """Display the overview inline in Jupyter (self-contained, no network).

        Parameters
        ----------
        max_nodes : int
            Cap on the nodes drawn.
        height : int
            Height of the frame in pixels.

        Returns
        -------
        IPython.display.HTML

        Raises
        ------
        kg.errors.OutputError
            IPython is not installed.
        """
        return kg.views.show(self.nx, max_nodes=max_nodes, height=height)

    view = show


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """Load a graph written by ``paperkg build`` / write_outputs (a folder with graph.ttl, or a graph file).

    A build's graph is two files: ``graph.ttl`` (each subject's own statements) and ``analytics.ttl``
    beside it (the corpus-wide figures: PageRank, communities, degrees, supports, relatedTo); both are
    read, from a folder or when ``path`` is that graph.ttl (kg.layout.graph_parts).

    Parameters
    ----------
    path : path
        An output folder, or a ``.ttl``, ``.nt`` or ``.jsonld`` file of a paperkg graph.

    Returns
    -------
    KnowledgeGraph
        The same nodes, edges and attributes as the graph that was written.

    Raises
    ------
    kg.errors.InputError
        No such file, a format it cannot read, or not a paperkg graph.

    Examples
    --------
    >>> import tempfile
    >>> from kg import build
    >>> from kg.graph import write_outputs
    >>> from kg.models import Paper
    >>> out = tempfile.mkdtemp()
    >>> built = build([Paper(id="x1", title="Adam for widgets", abstract="We train widgets with Adam on CIFAR-10.")])
    >>> [p.name for p in write_outputs(built, out)]
    ['graph.ttl', 'analytics.ttl', 'void.ttl']
    >>> g = load(out)
    >>> dict(g.nx.nodes(data=True)) == dict(built.nx.nodes(data=True))
    True
    >>> load(out + "/missing.ttl")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: .../missing.ttl: no such graph file
    """
    path = Path(path)
    if path.is_dir():
        path = path / GRAPH_FILE
    formats = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), "expected an output folder or a .ttl, .nt or .jsonld graph file")
    if not path.is_file():
        raise InputError(str(path), "no such graph file")
    files = []
    for part in graph_parts(path):
        try:
            st = part.stat()
        except OSError as exc:
            raise InputError(str(part), f"cannot read graph: {exc.strerror or exc}") from None
        files.append((part, fmt, st.st_size, st.st_mtime_ns))
    # the triples go straight from the parser into the NetworkX graph; the store (an index of every
    # triple, most of a load's time) is made from the same files only when something queries them
    try:
        with memory.rare_full_collections():
            graph = rdf_to_nx(_parsed(files))
    except _ParseFailure as failure:
        raise InputError(str(failure.path), f"cannot parse graph: {failure.reason}") from None
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError(str(path), f"not a paperkg graph: {exc}") from None
    loaded = KnowledgeGraph(graph, None, graph.graph["base_iri"])
    loaded._files = tuple(files)
    return loaded


class _ParseFailure(Exception):
    """A graph file the parser could not read, told apart from a graph that is not paperkg's."""

    def __init__(self, path: Path, reason: str):
        super().__init__(reason)
        self.path, self.reason = path, reason


def _parsed(files) -> Iterator[ox.Triple]:
    for part, fmt, _, _ in files:
        try:
            yield from ox.parse(path=str(part), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise _ParseFailure(part, str(exc)) from None


def _store_of_files(files) -> ox.Store | None:
    """The files :func:`load` read, in a store; None when one of them is no longer the file that was read
    (size or modification time): the store is then made from the graph itself."""
    store = ox.Store()
    for part, fmt, size, mtime_ns in files:
        try:
            st = part.stat()
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                return None
            store.load(path=str(part), format=fmt, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError, OSError):
            return None
    return store
