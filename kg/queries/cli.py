"""``paperkg query``: run SPARQL (text, file or named query) on a built graph.

Results go to stdout; errors are QueryError/InputError that kg.cli prints as
one line (exit 1).
"""
from __future__ import annotations

import sys
from pathlib import Path

from kg.errors import QueryError
from kg.queries import format_result, get_named, list_named, load_store, open_store
from kg.queries.engine import bind_as_values
from kg.queries.formats import RDF_FORMATS, RESULT_FORMATS
from kg.queries.named import portable_named
from kg.queries.workers import DEFAULT_MAX_MEMORY_MB, QueryPool

__all__ = ["register", "parse_params", "cmd_query"]


def parse_params(items: list[str] | None) -> dict[str, str]:
    """``["k=v", ...]`` as a dict; QueryError for an item without '=' or a repeated name."""
    out: dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError(f"--param expects NAME=VALUE, got {item!r}")
        if name in out:
            raise QueryError(f"--param {name} given twice")
        out[name] = value
    return out


def _list_text() -> str:
    lines = []
    for q in list_named():
        lines.append(q.name)
        lines.append(f"    {q.description}")
        for p in q.params:
            opt = "optional; " if p.optional else ""
            lines.append(f"    --param {p.name}=...  ({opt}{p.type}) {p.description}")
        if q.example:
            lines.append(f"    e.g. {q.example}")
    return "\n".join(lines) + "\n"


def _portable_text(args, text: str | None, params: dict[str, str]) -> str:
    """``--sparql``: the query text for another SPARQL 1.1 endpoint, parameters bound as a VALUES row."""
    if text is not None:
        out = bind_as_values(text, params)
    else:
        store = None
        if any(p.type == "paper id" for p in get_named(args.name).params):  # paper ids resolve to IRIs
            store = open_store(args.store) if args.store else load_store(args.graph)
        out = portable_named(store, args.name, params)
    return out if out.endswith("\n") else out + "\n"


def cmd_query(args) -> int:
    if args.list:
        sys.stdout.write(_list_text())
        return 0
    sources = [x for x in (args.sparql, args.file, args.name) if x is not None]
    if len(sources) != 1:
        raise QueryError("give exactly one of: a SPARQL query, --file FILE, --name NAME (or --list)")
    params = parse_params(args.param)
    if args.timeout is not None and not args.timeout > 0:
        raise QueryError("--timeout must be a positive number of seconds")
    if args.limit is not None and args.limit < 0:
        raise QueryError("--limit must be zero or more")
    if args.max_memory < 0:
        raise QueryError("--max-memory must be 0 (no ceiling) or a positive number of MiB")
    if args.file is not None:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{args.file}: cannot read query file: {exc.strerror or exc}") from None
    else:
        text = args.sparql
    if args.name is not None:
        get_named(args.name)  # unknown name: fail before loading the graph
    if args.sparql_out:
        sys.stdout.write(_portable_text(args, text if args.name is None else None, params))
        return 0
    # one worker process, as for paperkg serve: killed at --timeout or past --max-memory; forked from this
    # process (it runs no other thread), which loads the graph, so no second interpreter starts
    source = {"store_dir": args.store} if args.store else {"graph": args.graph}
    with QueryPool(**source, size=1, max_memory_mb=args.max_memory, local=True) as pool:
        if args.name is not None:
            result = pool.run_named(args.name, params, timeout=args.timeout, max_rows=args.limit)
        else:
            result = pool.run_query(text, params, timeout=args.timeout, max_rows=args.limit)
    fmt = args.format
    if fmt is None:
        fmt = "turtle" if result.kind == "graph" else "table"
    sys.stdout.write(format_result(result, fmt))
    sys.stdout.flush()
    for note in result.notes:  # why there are no rows: a parameter that names nothing
        print(f"paperkg: {note}", file=sys.stderr)
    return 0


def register(q) -> None:
    """Arguments of ``paperkg query``."""
    q.description = ("Run a read-only SPARQL query on the graph. Prefixes pkg:, rdfs:, dcterms:, skos:, paper:, "
                     "method:, ... are predeclared. Parameters (--param NAME=VALUE) are bound as values, never "
                     "pasted into the query. Queries over the structure limits (length, nesting, triple patterns, "
                     "UNIONs; see 'paperkg serve --help') are refused with one line and exit 1. The query runs in a "
                     "worker process that is stopped at --timeout or past --max-memory (one line, exit 1).")
    q.add_argument("sparql", nargs="?", help="the SPARQL query text")
    q.add_argument("--file", "-f", help="read the query from this .rq file")
    q.add_argument("--name", "-n", help="run a named query (see --list)")
    q.add_argument("--param", "-p", action="append", metavar="NAME=VALUE",
                   help="a parameter of a named query, or a variable binding (plain literal) for other queries")
    q.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    q.add_argument("--graph", "-g", default="outputs",
                   help="output folder or graph file (.ttl, .nt, ...) (default: outputs/)")
    q.add_argument("--store", help="an on-disk Oxigraph store folder, opened read-only (instead of --graph)")
    q.add_argument("--format", choices=RESULT_FORMATS + RDF_FORMATS, default=None,
                   help="result format (default: table; turtle for CONSTRUCT/DESCRIBE)")
    q.add_argument("--timeout", type=float, default=30.0, help="time limit in seconds (default 30)")
    q.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MIB",
                   help=f"memory the query may use, in MiB (default {DEFAULT_MAX_MEMORY_MB}; 0 = no ceiling)")
    q.add_argument("--limit", type=int, default=None, help="return at most this many rows")
    q.add_argument("--sparql", dest="sparql_out", action="store_true",
                   help="print the query with its parameters bound (a VALUES row) and the prefixes it uses "
                        "declared, for another SPARQL 1.1 endpoint (e.g. a standalone Oxigraph server loaded with "
                        "'paperkg export --format ntriples'); runs nothing")
    q.set_defaults(func=cmd_query)
