"""Named queries: the packaged ``kg/queries/*.rq`` files and their typed parameters.

Each file starts with a comment header::

    # name: papers-using-entity
    # description: ...
    # param: entity (entity name) - meaning
    # param: kind (optional; method, dataset or benchmark) - meaning
    # example: paperkg query --name papers-using-entity --param entity=GRPO

Parameters are projected variables of the query and are bound with Oxigraph
substitutions (never pasted into the text); an optional parameter that is not
given is bound to the empty string, which the query tests for. A query that
also projects ``?<param>Key`` gets it bound to the lower-cased value, for
exact matches against ``pkg:lookupKey``. Parameter columns are constant, so
``run_named`` drops them from the result.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import Mapping

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph.iris import DEFAULT_BASE_IRI, node_iri
from kg.ingest.ids import arxiv_id_from
from kg.queries.engine import QueryResult, bind_as_values, run_query
from kg.schema import DCTERMS, ENTITY_KINDS, ENTITY_TYPES, SKOS, pkg

__all__ = ["QueryParam", "NamedQuery", "list_named", "get_named", "named_bindings", "run_named", "resolve_paper",
           "unmatched_params", "portable_named"]

_HEADER_RE = re.compile(r"^#\s*(name|description|param|example)\s*:\s*(.*?)\s*$")
_PARAM_RE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[^)]*)\)\s*(?:-\s*(?P<desc>.*))?$")
#: parameter types that are positive whole numbers (bound as their decimal digits)
_COUNT_TYPES = ("months", "papers")
DCTERMS_TITLE = DCTERMS + "title"


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query: ``type`` is e.g. "entity name" or "paper id"."""

    name: str
    type: str
    description: str = ""
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    example: str = ""


def _parse_param(spec: str, file: str) -> QueryParam:
    m = _PARAM_RE.match(spec)
    if not m:
        raise QueryError(f"{file}: malformed '# param:' line: {spec!r}")
    kinds = [k.strip() for k in m.group("type").split(";")]
    optional = "optional" in kinds
    ptype = "; ".join(k for k in kinds if k and k != "optional") or "text"
    return QueryParam(m.group("name"), ptype, (m.group("desc") or "").strip(), optional)


def parse_named(text: str, file: str = "<query>") -> NamedQuery:
    """A NamedQuery from the text of an .rq file with a header block."""
    meta: dict[str, str] = {}
    params: list[QueryParam] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER_RE.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            params.append(_parse_param(value, file))
        else:
            meta[key] = value
    if "name" not in meta:
        raise QueryError(f"{file}: missing '# name:' header")
    return NamedQuery(meta["name"], meta.get("description", ""), tuple(params), text, meta.get("example", ""))


@lru_cache(maxsize=1)
def _load_all() -> tuple[NamedQuery, ...]:
    root = files("kg.queries")
    out = []
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq") and item.is_file():
            out.append(parse_named(item.read_text(encoding="utf-8"), item.name))
    return tuple(sorted(out, key=lambda q: q.name))


def list_named() -> list[NamedQuery]:
    """Every packaged named query, sorted by name."""
    return list(_load_all())


def get_named(name: str) -> NamedQuery:
    for q in _load_all():
        if q.name == name:
            return q
    known = ", ".join(q.name for q in _load_all())
    raise QueryError(f"unknown named query {name!r} (known: {known})")


def _base_iris(store) -> list[str]:
    found = []
    try:
        for sol in store.query(f"SELECT DISTINCT ?b WHERE {{ ?x <{pkg.baseIri}> ?b }} ORDER BY ?b"):
            found.append(sol["b"].value)
    except (OSError, RuntimeError, SyntaxError):  # pragma: no cover - store read error
        pass
    return found + ([DEFAULT_BASE_IRI] if DEFAULT_BASE_IRI not in found else [])


def _is_paper(store, node: ox.NamedNode) -> bool:
    sols = store.query(f"SELECT ?p WHERE {{ ?p a <{pkg.Paper}> }}", substitutions={ox.Variable("p"): node})
    return any(True for _ in sols)


def resolve_paper(store, value: str) -> ox.NamedNode:
    """The IRI of a paper given by id ("2501.12948", "paper/..."), arXiv id/URL or IRI.

    A value that matches no paper still gives an IRI (of no node), so the
    query simply returns no rows: any text is a safe parameter.
    """
    value = value.strip()
    candidates: list[str] = []
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://\S+$", value):
        candidates.append(value)
    key = value if value.startswith("paper/") else f"paper/{value}"
    bases = _base_iris(store)
    candidates += [node_iri(b, key) for b in bases]
    for iri in candidates:
        try:
            node = ox.NamedNode(iri)
        except ValueError:
            continue
        if _is_paper(store, node):
            return node

    arxiv = arxiv_id_from(value)
    if arxiv:
        sols = store.query(
            f"SELECT ?id ?p WHERE {{ ?p a <{pkg.Paper}> ; <{pkg.arxivId}> ?id }} ORDER BY ?p LIMIT 1",
            substitutions={ox.Variable("id"): ox.Literal(arxiv)},
        )
        for sol in sols:
            return sol["p"]
    return ox.NamedNode(node_iri(bases[0], key))


def named_bindings(store, query: NamedQuery, params: Mapping[str, str] | None) -> dict:
    """Typed bindings for a named query's parameters; QueryError for unknown/missing/invalid ones."""
    params = dict(params or {})
    known = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        expected = ", ".join(known) or "none"
        raise QueryError(f"named query {query.name!r} has no parameter {unknown[0]!r} (parameters: {expected})")
    out = {}
    for p in query.params:
        raw = params.get(p.name)
        if raw is None:
            if not p.optional:
                raise QueryError(f"named query {query.name!r} needs parameter '{p.name}' ({p.type}: {p.description})")
            out[p.name] = ox.Literal("")
            continue
        if not isinstance(raw, str):
            raw = str(raw)
        if p.type == "paper id":
            out[p.name] = resolve_paper(store, raw)
        elif p.type in _COUNT_TYPES:
            text = raw.strip()
            if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 100_000):
                raise QueryError(f"parameter {p.name!r} must be a whole number of {p.type} from 1 to 100000, "
                                 f"not {raw!r}")
            out[p.name] = ox.Literal(str(int(text)))
        elif p.type.startswith("method, dataset or benchmark"):
            kind = raw.strip().lower()
            if kind not in ENTITY_KINDS:
                raise QueryError(f"parameter {p.name!r} must be one of {', '.join(ENTITY_KINDS)}, not {raw!r}")
            out[p.name] = ox.Literal(kind)
        else:
            out[p.name] = ox.Literal(raw.strip())
    for p in query.params:
        key = p.name + "Key"
        if re.search(r"\?" + key + r"\b", query.text):
            # the lower-cased value, matched against pkg:lookupKey: a computed BIND(LCASE(..)) is not
            # used for index lookups by Oxigraph (about 35x slower), a bound constant is
            out[key] = ox.Literal(str(out[p.name].value).lower()) if isinstance(out[p.name], ox.Literal) else out[p.name]
    return out


#: parameter type -> (what it names, classes of the nodes it must name)
_LOOKUP_TYPES = {
    "entity name": ("entity", ENTITY_TYPES),
    "repo owner": ("repository owner", ("Organization",)),
}


def _exists(store, sparql: str, **subs) -> bool:
    return any(True for _ in store.query(sparql, substitutions={ox.Variable(k): v for k, v in subs.items()}))


def _suggest(value: str, names: list[str]) -> str:
    """ "; did you mean 'A', 'B'?" for the names closest to ``value`` (case-insensitive), or ""."""
    by_key: dict[str, str] = {}
    for n in sorted(names):
        by_key.setdefault(n.lower(), n)
    close = difflib.get_close_matches(value.lower(), list(by_key), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(repr(by_key[c]) for c in close)}?" if close else ""


def _unmatched_lookup(store, p: QueryParam, value: str) -> str | None:
    what, classes = _LOOKUP_TYPES[p.type]
    values = " ".join(f"<{pkg[c]}>" for c in classes)
    if _exists(store, f"SELECT ?e ?k WHERE {{ ?e <{pkg.lookupKey}> ?k . ?e a ?c VALUES ?c {{ {values} }} }} LIMIT 1",
               k=ox.Literal(value.strip().lower())):
        return None
    names = [sol["n"].value for sol in store.query(
        f"SELECT DISTINCT ?n WHERE {{ VALUES ?c {{ {values} }} ?e a ?c ; <{SKOS}prefLabel>|<{SKOS}altLabel> ?n }}")]
    return f"no {what} named {value.strip()!r}{_suggest(value.strip(), names)}"


def _unmatched_paper(store, value: str) -> str | None:
    if _is_paper(store, resolve_paper(store, value)):
        return None
    ids: dict[str, str] = {}  # what a user may type (id, arXiv id, title) -> paper id
    bases = _base_iris(store)
    for sol in store.query(f"SELECT ?p ?t ?a WHERE {{ ?p a <{pkg.Paper}> . "
                           f"OPTIONAL {{ ?p <{DCTERMS_TITLE}> ?t }} OPTIONAL {{ ?p <{pkg.arxivId}> ?a }} }}"):
        iri = sol["p"].value
        key = next((iri[len(b):] for b in bases if iri.startswith(b)), iri)
        pid = key[len("paper/"):] if key.startswith("paper/") else key
        ids.setdefault(pid, pid)
        for extra in ("t", "a"):
            if sol[extra] is not None:
                ids.setdefault(sol[extra].value, pid)
    close = difflib.get_close_matches(value.strip(), list(ids), n=3, cutoff=0.6)
    hint = list(dict.fromkeys(ids[c] for c in close))  # closest first, each paper once
    return f"no paper {value.strip()!r}" + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else "")


def unmatched_params(store, query: NamedQuery, params: Mapping[str, str] | None) -> list[str]:
    """Why a named query may give no rows: each parameter naming no paper, entity or owner in the graph.

    One line each, with the closest names (difflib over names, aliases, paper
    ids and titles), e.g. "no entity named 'GRPOO'; did you mean 'GRPO'?".
    """
    notes = []
    for p in query.params:
        value = (params or {}).get(p.name)
        if value is None or not str(value).strip():
            continue
        if p.type == "paper id":
            note = _unmatched_paper(store, str(value))
        elif p.type in _LOOKUP_TYPES:
            note = _unmatched_lookup(store, p, str(value))
        else:
            note = None
        if note:
            notes.append(note)
    return notes


def portable_named(store, name: str, params: Mapping[str, str] | None = None) -> str:
    """The SPARQL text of a named query with its parameters bound, for any SPARQL 1.1 endpoint.

    A standalone server loaded with ``paperkg export --format ntriples`` gives
    the same rows as ``run_named`` plus the parameter columns, which
    ``run_named`` leaves out. ``store`` resolves paper ids to IRIs.
    """
    query = get_named(name)
    return bind_as_values(query.text, named_bindings(store, query, params))


def run_named(
    store,
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    max_rows: int | None = None,
) -> QueryResult:
    """Run a named query with its parameters in this process; parameter columns are left out of the result.

    No time limit here; kg.queries.workers.QueryPool.run_named runs this in a
    worker process killed at the limit.
    """
    query = get_named(name)
    bindings = named_bindings(store, query, params)
    result = run_query(store, query.text, bindings, max_rows=max_rows)
    if result.kind != "select" or not bindings:
        return result
    keep = [i for i, c in enumerate(result.columns) if c not in bindings]
    return replace(
        result,
        columns=tuple(result.columns[i] for i in keep),
        terms=tuple(tuple(row[i] for i in keep) for row in result.terms),
        rows=tuple(tuple(row[i] for i in keep) for row in result.rows),
        notes=() if result.terms else tuple(unmatched_params(store, query, params)),
    )
