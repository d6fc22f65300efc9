"""Run one read-only SPARQL query on an Oxigraph store: the one engine and the one value conversion.

Every way in (``KnowledgeGraph.query``, ``paperkg query``, named queries,
``paperkg serve``) runs its query through ``run_query`` here, binds values
with ``to_term`` and reads them back with ``term_value``; where a time limit
applies, ``run_query`` runs inside a worker process (kg.queries.workers) that
is killed at the limit.

Safety:
- Parameters are bound with Oxigraph's SEP-0007 ``substitutions`` (typed RDF
  terms), never pasted into the query text; a bound variable must therefore
  be projected by a SELECT (or the query be ASK/CONSTRUCT/DESCRIBE).
- Read-only: ``Store.query`` only ever parses SPARQL *queries*, so an update
  cannot run through it. When the query parser fails we ask rdflib's SPARQL
  *update* parser whether the text is an update, only to give the right message.
- ``SERVICE`` (federated query) is refused: Oxigraph would make outgoing HTTP
  requests, which a local endpoint must never do on a client's behalf.

Time and memory: pyoxigraph has no timeout or cancellation (its Python API
lacks the Rust API's, oxigraph issue #1926), and a thread cannot be stopped.
``run_query`` itself therefore has no time limit; kg.queries.workers runs it
in worker processes that are killed at the limit, under a memory ceiling.

Structure limits: Oxigraph's parser and evaluator recurse on the query's
structure, and a Rust stack overflow aborts the whole process (a 40 KB query
of 20,000 nested ``{}`` killed ``paperkg serve``). So ``check_text`` first
refuses, with a QueryTooComplex, texts over MAX_QUERY_CHARS characters,
nested deeper than MAX_NESTING (``{ ( [`` and ``<<``), with more than
MAX_TRIPLE_PATTERNS triple-pattern separators or more than MAX_UNIONS
UNIONs; and every query is parsed and evaluated on a thread whose stack is
QUERY_STACK_BYTES, sized so that even a 100,000-character operator chain
(``1+1+...``, ``?a||?a||...``, UNION or ``|`` chains) fits.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any, Mapping

import pyoxigraph as ox

from kg.errors import QueryError, QueryTooComplex
from kg.graph.iris import DEFAULT_BASE_IRI
from kg.schema import XSD, XSD_STRING, all_prefixes

__all__ = [
    "QueryResult",
    "QueryTimeout",
    "UpdateRefused",
    "run_query",
    "bind_as_values",
    "check_text",
    "to_term",
    "term_value",
    "default_prefixes",
    "MAX_QUERY_CHARS",
    "MAX_NESTING",
    "MAX_TRIPLE_PATTERNS",
    "MAX_UNIONS",
    "QUERY_STACK_BYTES",
    "QueryUnavailable",
    "QueryMemoryError",
    "call_on_query_stack",
    "start_query_thread",
]

#: Longest query text accepted, in characters.
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of ``{ ( [`` and ``<<`` accepted (hand-written queries stay under ~10;
#: quoted-triple parsing slows steeply with depth: 64 levels ~0.4 s, 128 levels ~6 s).
MAX_NESTING = 64
#: Most triple-pattern separators (``.`` ``;`` ``,`` ``/`` outside strings, IRIs and comments)
#: accepted: an upper estimate of the triple patterns, whose join planning time grows
#: about cubically with their number.
MAX_TRIPLE_PATTERNS = 256
#: Most UNION keywords accepted.
MAX_UNIONS = 256
#: Stack of the thread that parses and evaluates a query (address space; only the
#: pages used are ever touched). 8 MiB overflowed at 5,000 nested groups and at
#: chains of 16,000 ``+``; 256 MiB holds every 100,000-character chain tried.
QUERY_STACK_BYTES = 256 << 20
_VAR_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Lexical tokens that can hide the word SERVICE: comments, strings, IRIs.
_SKIP_RE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*",
    re.DOTALL,
)
_SERVICE_RE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)
_NEST_RE = re.compile(r"<<|>>|[{}()\[\]]")
_SEPARATOR_RE = re.compile(r"(?<![0-9])\.(?![0-9])|[;,/]")
_UNION_RE = re.compile(r"(?<![\w?$:.\-])UNION(?![\w:\-])", re.IGNORECASE)
_STACK_LOCK = threading.Lock()
_ON_QUERY_STACK = threading.local()  # .yes on threads started by start_query_thread


class QueryTimeout(QueryError):
    """The query ran past its time limit."""


class UpdateRefused(QueryError):
    """The text is a SPARQL Update: the graph is read-only."""


class QueryUnavailable(QueryError):
    """The query could not be run now (every worker busy, no thread or process could be started); retry later."""


class QueryMemoryError(QueryError):
    """The query used more memory than its ceiling and its worker process was stopped."""


@dataclass(frozen=True)
class QueryResult:
    """The outcome of one query.

    ``kind`` is "select", "ask" or "graph" (CONSTRUCT/DESCRIBE: columns are
    subject, predicate, object). ``terms`` holds the RDF terms (None = unbound),
    ``rows`` the same values as Python objects (IRIs as str, typed literals as
    int/float/bool, other literals as their lexical str). ``truncated`` is True
    when ``max_rows`` cut the result short. ``notes`` explain an empty result
    of a named query (a parameter that names nothing in the graph).
    """

    kind: str
    columns: tuple[str, ...] = ()
    terms: tuple[tuple[Any, ...], ...] = ()
    boolean: bool | None = None
    truncated: bool = False
    rows: tuple[tuple[Any, ...], ...] = field(default=(), compare=False)
    notes: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.rows and self.terms:
            object.__setattr__(self, "rows", tuple(tuple(term_value(t) for t in row) for row in self.terms))

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts (unbound variables left out)."""
        return [{c: v for c, v in zip(self.columns, row) if v is not None} for row in self.rows]


_INT_TYPES = frozenset(XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger"))
_FLOAT_TYPES = frozenset(XSD + t for t in ("double", "float", "decimal"))
_XSD_BOOLEAN = XSD + "boolean"


def term_value(term) -> Any:
    """An RDF term as a plain Python value."""
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if term is None:
        return None
    if kind is ox.Literal:
        dt = term.datatype.value
        if dt == XSD_STRING:
            return term.value
        try:
            if dt in _INT_TYPES:
                return int(term.value)
            if dt in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value
        if dt == _XSD_BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if kind is ox.BlankNode:
        return f"_:{term.value}"
    if kind is ox.Triple:
        return str(term)
    return term.value


def to_term(value) -> Any:
    """A Python value as an RDF term for a binding: str -> plain literal, numbers/bools typed.

    rdflib terms (URIRef, Literal) are accepted too, for callers of the rdflib-facing API.
    """
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    module = type(value).__module__
    if module.startswith("rdflib"):
        import rdflib

        if isinstance(value, rdflib.URIRef):
            return ox.NamedNode(str(value))
        if isinstance(value, rdflib.Literal):
            from oxrdflib._converter import to_ox

            return to_ox(value)
    if isinstance(value, bool):
        return ox.Literal(value)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    if isinstance(value, str):
        return ox.Literal(value)
    raise QueryError(f"cannot bind a value of type {type(value).__name__}")


def default_prefixes(base_iri: str | None = None) -> dict[str, str]:
    """Prefixes predeclared for every query (pkg:, rdfs:, ... and the data prefixes)."""
    return all_prefixes(base_iri or DEFAULT_BASE_IRI)


def _one_line(text, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_DECLARED_RE = re.compile(r"\bPREFIX\s+([A-Za-z](?:[\w.-]*\w)?)?:", re.IGNORECASE)
_PNAME_RE = re.compile(r"(?<![\w?$.:-])([A-Za-z](?:[\w.-]*\w)?)?:")


def _undeclared_prefix(sparql: str, prefixes: Mapping[str, str] | None) -> tuple[str, int, int] | None:
    """(prefix, line, column) of the first prefixed name whose prefix is not declared, if any."""
    declared = set(prefixes or ()) | {m.group(1) or "" for m in _DECLARED_RE.finditer(sparql)}
    # blank out strings, IRIs and comments, keeping every other character where it was
    code = _SKIP_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), sparql)
    code = _DECLARED_RE.sub(lambda m: " " * len(m.group(0)), code)
    for m in _PNAME_RE.finditer(code):
        prefix = m.group(1) or ""
        if prefix not in declared:
            line = code.count("\n", 0, m.start()) + 1
            return prefix, line, m.start() - (code.rfind("\n", 0, m.start()) + 1) + 1
    return None


def _syntax_message(sparql: str, message: str, prefixes: Mapping[str, str] | None) -> str:
    """Oxigraph's parse error as one short line; an undeclared prefix is named as such.

    For ``foo:bar`` with no ``foo:`` declared, Oxigraph reports what it expected
    at some later token (often hundreds of characters of Unicode classes).
    """
    found = _undeclared_prefix(sparql, prefixes)
    if found is not None:
        prefix, line, col = found
        return (f"malformed query: unknown prefix {prefix}: at line {line}, column {col} (declare it with "
                f"PREFIX {prefix}: <...>; predeclared: {', '.join(sorted(prefixes or {}))})")
    return f"malformed query: {_one_line(message)}"


def _is_update(sparql: str) -> bool:
    """True when rdflib's SPARQL Update grammar accepts the text (parse only, never executed)."""
    try:
        from rdflib.plugins.sparql.parser import parseUpdate

        parsed = parseUpdate(sparql)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    return bool(getattr(parsed, "request", None))


def _nesting_depth(code: str) -> int:
    """Deepest nesting of ``{ ( [ <<`` in ``code`` (strings, IRIs and comments already blanked)."""
    depth = deepest = 0
    for m in _NEST_RE.finditer(code):
        if m.group() in ("{", "(", "[", "<<"):
            depth += 1
            if depth > deepest:
                deepest = depth
        elif depth:
            depth -= 1
    return deepest


def check_text(sparql) -> str:
    """Refuse what no paperkg query may be: empty, NUL-bearing, federated (SERVICE) or over the structure limits.

    The structure limits (QueryTooComplex) come from a lexical pre-scan, so
    nothing deeply nested or huge ever reaches Oxigraph's recursive parser.
    """
    if not isinstance(sparql, str):
        raise QueryError("the query must be a string")
    if not sparql.strip():
        raise QueryError("empty query")
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryTooComplex(f"query too long ({len(sparql)} characters; the limit is {MAX_QUERY_CHARS})")
    if "\x00" in sparql:
        raise QueryError("the query contains a NUL character")
    code = _SKIP_RE.sub(" ", sparql)
    if _nesting_depth(code) > MAX_NESTING:
        raise QueryTooComplex(f"query nesting deeper than {MAX_NESTING} (brackets {{ ( [ and << nested)")
    unions = len(_UNION_RE.findall(code))
    if unions > MAX_UNIONS:
        raise QueryTooComplex(f"query has {unions} UNIONs; the limit is {MAX_UNIONS}")
    separators = len(_SEPARATOR_RE.findall(code))
    if separators > MAX_TRIPLE_PATTERNS:
        raise QueryTooComplex(
            f"query has too many triple patterns ({separators} '.', ';', ',' and '/' separators; "
            f"the limit is {MAX_TRIPLE_PATTERNS})"
        )
    if _SERVICE_RE.search(code):
        raise QueryError("SERVICE (federated query) is not allowed: this endpoint only queries its own graph")
    return sparql


def start_query_thread(work, name: str = "paperkg-query", daemon: bool = True) -> threading.Thread:
    """Start ``work`` on a thread with a QUERY_STACK_BYTES stack; the thread is returned.

    ``threading.stack_size`` is process-wide, so it is set and restored under
    a lock; a thread another module starts meanwhile merely gets a big stack too.
    """

    def run() -> None:
        _ON_QUERY_STACK.yes = True
        work()

    with _STACK_LOCK:
        old = threading.stack_size()
        try:
            threading.stack_size(QUERY_STACK_BYTES)
        except (ValueError, RuntimeError):  # pragma: no cover - platform without settable stacks
            pass
        try:
            thread = threading.Thread(target=run, name=name, daemon=daemon)
            thread.start()
        except RuntimeError as exc:  # "can't start new thread"
            raise QueryUnavailable(f"cannot start a query thread: {_one_line(exc)}; try again later") from None
        finally:
            threading.stack_size(old)
    return thread


def call_on_query_stack(fn, *args):
    """``fn(*args)`` run on a query thread (big stack), its result returned or its exception re-raised.

    Called on a query thread already (a worker process's), ``fn`` simply runs there.
    """
    if getattr(_ON_QUERY_STACK, "yes", False):
        return fn(*args)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            box["error"] = exc

    start_query_thread(work).join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _substitutions(bindings: Mapping[str, Any] | None) -> dict:
    subs = {}
    for name in sorted(bindings or {}):
        var = name[1:] if name[:1] in "?$" else name
        if not _VAR_RE.match(var):
            raise QueryError(f"invalid variable name for a binding: {name!r}")
        subs[ox.Variable(var)] = to_term(bindings[name])
    return subs


def _execute(store, sparql: str, subs: dict, prefixes: dict | None, max_rows: int | None) -> QueryResult:
    try:
        result = store.query(sparql, prefixes=prefixes, substitutions=subs or None)
    except SyntaxError as exc:
        if _is_update(sparql):
            raise UpdateRefused("SPARQL Update is not allowed: the graph is read-only") from None
        raise QueryError(_syntax_message(sparql, str(exc), prefixes)) from None
    except RuntimeError as exc:
        msg = _one_line(exc)
        if "SELECT projection" in msg:
            msg += " (a bound parameter must be a projected variable of the query)"
        raise QueryError(f"query failed: {msg}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    limit = None if max_rows is None else max(0, int(max_rows))
    rows: list[tuple] = []
    truncated = False
    try:
        if isinstance(result, ox.QuerySolutions):
            kind = "select"
            columns = tuple(v.value for v in result.variables)
            source = map(tuple, result)  # a solution iterates its values in column order
        else:
            kind = "graph"
            columns = ("subject", "predicate", "object")
            source = ((t.subject, t.predicate, t.object) for t in result)
        for row in source:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append(row)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    return QueryResult(kind, columns, tuple(rows), truncated=truncated)


_WHERE_RE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PROJECTION_RE = re.compile(r"\bSELECT\b.*?(?=\bWHERE\b|\{)", re.IGNORECASE | re.DOTALL)


def bind_as_values(sparql: str, bindings: Mapping[str, Any] | None = None,
                   prefixes: Mapping[str, str] | None = None) -> str:
    """``sparql`` made portable to any SPARQL 1.1 endpoint: the same answers as ``run_query(store, sparql, bindings)``.

    Bindings are Oxigraph substitutions here, which other servers do not
    take, and which bind a variable everywhere, even in a FILTER of a UNION
    branch. So each bound variable is written as its value (an N-Triples
    term: a value cannot change the query's text) wherever it occurs in the
    outermost ``WHERE`` group (but not in a sub-SELECT's projection), and a
    ``VALUES`` row at the start of that group binds it for the projection,
    GROUP BY and ORDER BY. A bound variable must not be assigned (``AS ?x``).
    The predeclared prefixes the query uses (``prefixes``, default
    ``default_prefixes()``) are declared in front.
    """
    check_text(sparql)
    subs = _substitutions(bindings)
    pfx = dict(default_prefixes() if prefixes is None else prefixes)
    code = _SKIP_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), sparql)
    declared = {m.group(1) or "" for m in _DECLARED_RE.finditer(code)}
    used = {m.group(1) or "" for m in _PNAME_RE.finditer(_DECLARED_RE.sub(lambda m: " " * len(m.group(0)), code))}
    head = "".join(f"PREFIX {p}: <{pfx[p]}>\n" for p in sorted(used - declared) if p in pfx)
    if not subs:
        return head + sparql
    where = _WHERE_RE.search(code)
    if where is None:
        raise QueryError("the query has no WHERE {...} group to bind its parameters in")
    depth, end = 1, None
    for m in _NEST_RE.finditer(code, where.end()):
        if m.group() == "{":
            depth += 1
        elif m.group() == "}":
            depth -= 1
            if depth == 0:
                end = m.start()
                break
    if end is None:
        raise QueryError("the query's WHERE group is not closed")
    terms = {v.value: str(t) for v, t in subs.items()}
    var_re = re.compile(r"(?<![\w?$])[?$](" + "|".join(map(re.escape, terms)) + r")(?!\w)")
    if re.search(r"\bAS\s+[?$](" + "|".join(map(re.escape, terms)) + r")(?!\w)", code, re.IGNORECASE):
        raise QueryError("a bound variable is assigned in the query (AS ?var): it cannot be given a value")
    # a sub-SELECT's projection keeps the variable: its patterns get the value, the outer VALUES row the name
    projections = [(m.start(), m.end()) for m in _PROJECTION_RE.finditer(code, where.end(), end)]
    body, pos = [], where.end()
    for m in var_re.finditer(code, where.end(), end):
        if any(a <= m.start() < b for a, b in projections):
            continue
        body += [sparql[pos:m.start()], terms[m.group(1)]]
        pos = m.end()
    body.append(sparql[pos:end])
    names = " ".join(f"?{name}" for name in terms)
    values = " ".join(terms.values())
    return (f"{head}{sparql[:where.end()]}\n  VALUES ({names}) {{ ({values}) }}{''.join(body)}{sparql[end:]}")


def run_query(
    store,
    sparql: str,
    bindings: Mapping[str, Any] | None = None,
    *,
    max_rows: int | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a pyoxigraph Store, in this process.

    ``bindings`` maps variable names to values (``to_term``: str -> plain
    literal, int/float/bool -> typed literal, rdflib or pyoxigraph terms as
    they are); each variable must be projected by a SELECT. ``prefixes``
    defaults to the paperkg prefixes (pkg:, rdfs:, paper:, method:, ...).
    No time limit: a query that must be stoppable runs in a worker process
    (kg.queries.workers.QueryPool), which calls this function.
    """
    check_text(sparql)
    subs = _substitutions(bindings)
    pfx = dict(default_prefixes() if prefixes is None else prefixes)
    # parsed and evaluated on a big-stack thread: Oxigraph recurses on the query's structure
    return call_on_query_stack(_execute, store, sparql, subs, pfx, max_rows)
