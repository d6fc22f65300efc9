"""``paperkg serve``: a local, read-only SPARQL 1.1 Protocol endpoint plus the HTML views.

Standard library ``ThreadingHTTPServer`` + pyoxigraph only.

- ``/sparql``: GET ``?query=``, POST form (``query=``) or ``application/sparql-query``;
  results as SPARQL JSON/XML/CSV/TSV (Accept header, or ``format=``/``output=``),
  CONSTRUCT/DESCRIBE as Turtle, N-Triples or RDF/XML. Updates (``update=``,
  ``application/sparql-update``, or an update sent as a query) get 403.
- ``/query/NAME?param=value``: a named query; ``/query/`` lists them (JSON).
- anything else: a file of the output folder (``/`` = index.html), with the
  path resolved and required to stay inside the folder.

Limits: every query runs in one of ``max_running`` worker processes
(kg.queries.workers), so at most that many evaluate at once (others wait up
to the time limit, then get 503); a query past the time limit has its worker
killed (503), which frees its CPU, memory and slot at once; a query past the
memory ceiling (``max_memory_mb`` added to its worker's address space) is
stopped the same way (503, "query used too much memory"). Also a row limit
(the result is truncated and the ``X-Paperkg-Truncated`` header says so),
1 MiB request bodies, 64 KiB request lines (414), and the query structure
limits of kg.queries.engine (length, nesting, triple patterns, UNIONs: 400
before parsing). Binds 127.0.0.1 unless told otherwise.

One request never takes the process down: an unexpected exception while
answering it is logged to stderr and that client alone gets a 500.
"""
from __future__ import annotations

import json
import mimetypes
import shutil
import signal
import socket
import socketserver
import sys
import threading
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import QueryError
from kg.layout import KNOWN_OUTPUTS, marked_outputs
from kg.queries import format_result, get_named, list_named
from kg.queries.engine import (
    MAX_NESTING,
    MAX_QUERY_CHARS,
    MAX_TRIPLE_PATTERNS,
    MAX_UNIONS,
    QueryMemoryError,
    QueryTimeout,
    QueryUnavailable,
    UpdateRefused,
)
from kg.queries.workers import DEFAULT_MAX_MEMORY_MB, DEFAULT_WORKERS, QueryPool

__all__ = ["make_server", "serve", "register", "PaperkgServer", "MAX_BODY"]

MAX_BODY = 1 << 20
DRAIN_LIMIT = 16 << 20  # oversized bodies up to this size are read and discarded before the 413
_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
}
_FORMAT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                 "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml"}
_GRAPH_MEDIA = {"turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}
_RESULT_MEDIA = {"json": "application/sparql-results+json; charset=utf-8",
                 "xml": "application/sparql-results+xml; charset=utf-8",
                 "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
_RESERVED_PARAMS = ("format", "output")
_EXTRA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonl": "application/x-ndjson",
                ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml"}


class _HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _accepted(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (q-values respected, order kept on ties)."""
    if not header:
        return []
    items = []
    for pos, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            items.append((-q, pos, media))
    return [m for _, _, m in sorted(items)]


def _choose_format(kind: str, requested: str | None, accept: str | None) -> str:
    table = _GRAPH_TYPES if kind == "graph" else _RESULT_TYPES
    default = "turtle" if kind == "graph" else "json"
    if requested:
        req = requested.strip().lower()
        fmt = _FORMAT_NAMES.get(req) or table.get(req) or _RESULT_TYPES.get(req) or _GRAPH_TYPES.get(req)
        if fmt is None:
            raise _HTTPError(400, f"unknown format {requested!r}: use json, xml, csv, tsv (turtle, nt for CONSTRUCT)")
        if (fmt in _GRAPH_MEDIA) != (kind == "graph"):
            return default
        return fmt
    accepted = _accepted(accept)
    for media in accepted:
        if media in table:
            return table[media]
        if media.endswith("/*") and media != "*/*":  # "text/*": the first of that type ("text/csv", "text/turtle")
            fmt = next((table[m] for m in sorted((m for m in table if m.startswith(media[:-1])),
                                                 key=lambda m: m.endswith("xml"))), None)  # XML last
            if fmt is not None:
                return fmt
        if media in ("*/*", "*"):
            return default
    if accepted and not any(m in table or m in _RESULT_TYPES or m in _GRAPH_TYPES for m in accepted):
        # nothing asked for can be given ("image/png"): say so rather than send what was not asked for
        offered = ", ".join(sorted(table))
        raise _HTTPError(406, f"cannot answer in {accept.strip()[:100]!r}; this query's results come as {offered}")
    return default


def _body(result, fmt: str) -> tuple[bytes, str]:
    if result.kind == "graph":
        if fmt == "rdfxml":
            triples = [ox.Triple(*row) for row in result.terms]
            return ox.serialize(triples, format=ox.RdfFormat.RDF_XML), _GRAPH_MEDIA[fmt]
        return format_result(result, fmt).encode("utf-8"), _GRAPH_MEDIA[fmt]
    return format_result(result, fmt).encode("utf-8"), _RESULT_MEDIA[fmt]


_LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def _served_names(root: Path) -> frozenset[str]:
    """The output folder's own top-level names: the build's marker list, else every name paperkg writes."""
    names = marked_outputs(root)
    return frozenset(names if names is not None else KNOWN_OUTPUTS)


def _allowed_hosts(bound: str) -> frozenset[str] | None:
    """Host names a request may name: loopback names for a loopback server, plus the bound address
    otherwise; None for a wildcard address (the user chose to listen on every interface)."""
    if bound in ("0.0.0.0", "::", ""):
        return None
    return _LOOPBACK_NAMES | {bound.lower()}


def _host_name(header: str) -> str:
    """The name part of a Host header: "localhost:8000" -> "localhost", "[::1]:80" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class PaperkgServer(ThreadingHTTPServer):
    """ThreadingHTTPServer holding the query workers (``pool``), the static root and the limits."""

    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address, pool: QueryPool, root: Path | None, *, timeout: float, max_rows: int,
                 verbose: bool):
        host = address[0]
        if ":" in host:
            self.address_family = socket.AF_INET6
        #: the worker processes that run the queries (one slot each); closed with the server
        self.pool = pool
        self.root = root.resolve() if root is not None else None
        #: top-level names of the output folder that may be served: what the build wrote, nothing else
        self.served_names = _served_names(self.root) if self.root is not None else frozenset()
        #: Host header names accepted (None: any); a loopback server answers only to loopback names,
        #: so a web page cannot reach it through a rebound DNS name
        self.allowed_hosts = _allowed_hosts(host)
        self.query_timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.verbose = verbose
        super().__init__(address, _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    def handle_error(self, request, client_address) -> None:
        """A client that went away mid-request is no error; anything else is one logged line, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)):
            return
        where = " ".join(traceback.format_exception_only(type(exc), exc)).strip() if exc else "unknown error"
        sys.stderr.write(f"paperkg: error with a request from {client_address[0]}: {' '.join(where.split())[:500]}\n")
        sys.stderr.flush()

    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn); not needed here.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = port

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: PaperkgServer
    server_version = "paperkg"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request
    # http.server's own errors (400 bad request line, 414, 431, 501) as one plain line like ours
    error_message_format = "%(message)s: %(explain)s\n"
    error_content_type = "text/plain; charset=utf-8"

    # ---------------------------------------------------------- plumbing
    def log_message(self, fmt, *args) -> None:
        if self.server.verbose:
            sys.stderr.write(f"{self.address_string()} - {fmt % args}\n")

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None, head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_response(self, code, message=None) -> None:
        self._responded = True
        super().send_response(code, message)

    def send_error(self, code, message=None, explain=None) -> None:
        if code == HTTPStatus.REQUEST_URI_TOO_LONG:
            self._drain_request_head()
        super().send_error(code, message, explain)

    def _drain_request_head(self) -> None:
        """Read the rest of an oversized request line and its headers (up to DRAIN_LIMIT bytes).

        Closing a socket with unread input resets the connection, and the
        client would then never see the 414.
        """
        budget = DRAIN_LIMIT
        try:
            line = self.raw_requestline
            while budget > 0 and not line.endswith(b"\n"):  # the rest of the request line
                line = self.rfile.readline(min(budget, 1 << 16))
                if not line:
                    return
                budget -= len(line)
            while budget > 0:  # header lines, up to the blank line
                line = self.rfile.readline(min(budget, 1 << 16))
                budget -= len(line)
                if line in (b"\r\n", b"\n", b""):
                    return
        except OSError:
            return

    def _internal_error(self, method: str, exc: BaseException) -> None:
        """Log an unexpected failure of one request and answer that client 500, if it can still be told."""
        where = " ".join(traceback.format_exception_only(type(exc), exc)).strip()
        sys.stderr.write(f"paperkg: internal error answering {method} {self.path[:200]!r}: {' '.join(where.split())[:500]}\n")
        sys.stderr.flush()
        self.close_connection = True
        if self._responded:
            return  # the status line is out: the client sees a cut-off response
        try:
            self._error(_HTTPError(500, "internal server error (logged on the server)"), method == "HEAD")
        except OSError:
            pass

    def _error(self, err: _HTTPError, head: bool = False) -> None:
        msg = " ".join(err.message.split())
        self._send(err.status, (msg + "\n").encode("utf-8"), "text/plain; charset=utf-8",
                   {"Cache-Control": "no-store", **err.headers}, head)

    def _dispatch(self, method: str) -> None:
        self._responded = False
        try:
            host = self.headers.get("Host")
            allowed = self.server.allowed_hosts
            if host is not None and allowed is not None and _host_name(host) not in allowed:
                raise _HTTPError(403, f"host {host.strip()[:100]!r} is not served here (DNS rebinding guard)")
            parts = urlsplit(self.path)
            path = parts.path
            if path == "/sparql":
                self._sparql(method, parts.query)
            elif path in ("/query", "/query/"):
                if method not in ("GET", "HEAD"):
                    raise _HTTPError(405, "use GET", {"Allow": "GET"})
                self._list_named(method == "HEAD")
            elif path.startswith("/query/"):
                if method not in ("GET", "HEAD"):
                    raise _HTTPError(405, "use GET", {"Allow": "GET"})
                self._named(unquote(path[len("/query/"):]), parts.query, method == "HEAD")
            else:
                if method not in ("GET", "HEAD"):
                    raise _HTTPError(405, "static files accept GET only", {"Allow": "GET, HEAD"})
                self._static(path, method == "HEAD")
        except _HTTPError as err:
            self._error(err, method == "HEAD")
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - one failing request must never take the endpoint down
            self._internal_error(method, exc)

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    # ------------------------------------------------------------ SPARQL
    @staticmethod
    def _form(text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict", max_num_fields=100)
        except (UnicodeDecodeError, ValueError) as exc:
            raise _HTTPError(400, f"cannot parse parameters: {exc}") from None

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _HTTPError(411, "Content-Length required")
        try:
            n = int(length)
        except ValueError:
            raise _HTTPError(400, "bad Content-Length") from None
        if n < 0:
            raise _HTTPError(400, "bad Content-Length")
        if n > MAX_BODY:
            # Drain a moderately oversized body so the client reads our 413
            # instead of a reset connection; anything larger is cut off.
            if n <= DRAIN_LIMIT:
                remaining = n
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 1 << 16))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            else:
                self.close_connection = True
            raise _HTTPError(413, f"request body too large (limit {MAX_BODY} bytes)")
        try:
            body = self.rfile.read(n)
        except TimeoutError:
            self.close_connection = True
            raise _HTTPError(408, f"request body not received within {self.timeout} s "
                                  f"(Content-Length said {n} bytes)") from None
        if len(body) < n:
            self.close_connection = True
            raise _HTTPError(400, f"request body shorter than its Content-Length ({len(body)} of {n} bytes)")
        return body

    def _sparql(self, method: str, query_string: str) -> None:
        params = self._form(query_string)
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._read_body()
            if ctype == "application/sparql-update":
                raise _HTTPError(403, "SPARQL Update is not allowed: this endpoint is read-only")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise _HTTPError(400, "the request body is not UTF-8") from None
            if ctype == "application/x-www-form-urlencoded":
                for k, v in self._form(text).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                params.setdefault("query", []).append(text)
            else:
                raise _HTTPError(415, "POST application/x-www-form-urlencoded (query=...) or application/sparql-query")
        elif method != "GET":
            raise _HTTPError(405, "use GET or POST", {"Allow": "GET, POST"})
        if "update" in params:
            raise _HTTPError(403, "SPARQL Update is not allowed: this endpoint is read-only")
        if "default-graph-uri" in params or "named-graph-uri" in params:
            raise _HTTPError(400, "default-graph-uri / named-graph-uri are not supported: the endpoint has one graph")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise _HTTPError(400, "give exactly one query parameter, e.g. /sparql?query=ASK%20%7B%7D")
        self._run(lambda pool, limits: pool.run_query(queries[0], **limits), params)

    def _run(self, call, params: dict, head: bool = False) -> None:
        requested = (params.get("format") or params.get("output") or [None])[0]
        server = self.server
        # the wait for a free worker and the query itself are each bounded by the time limit
        limits = {"timeout": server.query_timeout, "max_rows": server.max_rows, "wait": server.query_timeout}
        try:
            result = call(server.pool, limits)
        except UpdateRefused as exc:
            raise _HTTPError(403, str(exc)) from None
        except QueryMemoryError as exc:
            raise _HTTPError(503, str(exc)) from None
        except (QueryTimeout, QueryUnavailable) as exc:  # QueryBusy too: every worker taken
            raise _HTTPError(503, str(exc), {"Retry-After": "5"}) from None
        except QueryError as exc:
            raise _HTTPError(400, str(exc)) from None
        fmt = _choose_format(result.kind, requested, self.headers.get("Accept"))
        body, ctype = _body(result, fmt)
        headers = {"Cache-Control": "no-store"}
        if result.truncated:
            headers["X-Paperkg-Truncated"] = f"result truncated to {self.server.max_rows} rows (--max-rows)"
        if result.notes:  # a named-query parameter that names nothing; JSON keeps the header ASCII
            headers["X-Paperkg-Note"] = json.dumps(" / ".join(result.notes))
        self._send(200, body, ctype, headers, head)

    def _named(self, name: str, query_string: str, head: bool) -> None:
        try:
            get_named(name)
        except QueryError as exc:
            raise _HTTPError(404, str(exc)) from None
        params = self._form(query_string)
        values = {}
        for k, v in params.items():
            if k in _RESERVED_PARAMS:
                continue
            if len(v) != 1:
                raise _HTTPError(400, f"parameter {k!r} given {len(v)} times")
            values[k] = v[0]
        self._run(lambda pool, limits: pool.run_named(name, values, **limits), params, head)

    def _list_named(self, head: bool) -> None:
        doc = [
            {"name": q.name, "description": q.description, "example": q.example, "url": f"/query/{q.name}",
             "params": [{"name": p.name, "type": p.type, "optional": p.optional, "description": p.description}
                        for p in q.params]}
            for q in list_named()
        ]
        body = (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        self._send(200, body, "application/json; charset=utf-8", {"Cache-Control": "no-store"}, head)

    # ------------------------------------------------------------ files
    def _static(self, raw_path: str, head: bool) -> None:
        root = self.server.root
        not_found = _HTTPError(404, "not found")
        if root is None:
            raise not_found
        path = unquote(raw_path)
        if "\x00" in path or "\\" in path:
            raise not_found
        segments = [s for s in path.split("/") if s]
        if any(s == ".." or s.startswith(".") for s in segments):
            raise not_found
        if (segments[0] if segments else "index.html") not in self.server.served_names:
            raise not_found  # a notes file beside graph.ttl is not an output: only the build's own files are served
        try:
            target = root.joinpath(*segments).resolve()
        except (OSError, ValueError):
            raise not_found from None
        if target != root and root not in target.parents:
            raise not_found
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            if not segments:
                raise _HTTPError(404, "no index.html in the output folder; the SPARQL endpoint is at /sparql")
            raise not_found
        ctype = _EXTRA_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "application/x-ndjson", "image/svg+xml"):
            ctype += "; charset=utf-8"
        try:
            fh = target.open("rb")
        except OSError:
            raise not_found from None
        with fh:
            size = target.stat().st_size
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(size))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if not head:
                shutil.copyfileobj(fh, self.wfile)


def make_server(
    out_dir="outputs",
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    store=None,
    store_dir=None,
    timeout: float = 10.0,
    max_rows: int = 10_000,
    max_running: int = DEFAULT_WORKERS,
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB,
    verbose: bool = False,
) -> PaperkgServer:
    """A ready (bound, not yet serving) server; call ``serve_forever()``, e.g. in a thread, and ``server_close()``.

    ``out_dir``: the output folder (graph.ttl and analytics.ttl + HTML views) or a graph file (a
    build's graph.ttl is served with the analytics.ttl beside it);
    ``store``: a pyoxigraph Store to serve instead (copied to the query
    workers); ``store_dir``: an on-disk Oxigraph store folder opened
    read-only. ``max_running`` worker processes run the queries, each stopped
    at ``timeout`` seconds or past ``max_memory_mb`` MiB (0: no ceiling).
    Port 0 picks a free port (see ``server.server_address``).
    """
    if not timeout > 0:
        raise QueryError("--timeout must be a positive number of seconds")
    if max_rows < 1:
        raise QueryError("--max-rows must be at least 1")
    if max_running < 1:
        raise QueryError("--max-running must be at least 1")
    if max_memory_mb < 0:
        raise QueryError("--max-memory must be 0 (no ceiling) or a positive number of MiB")
    out = Path(out_dir) if out_dir is not None else None
    sources = {"store": store} if store is not None else {"store_dir": store_dir} if store_dir is not None \
        else {"graph": out}
    pool = QueryPool(**sources, size=max_running, max_memory_mb=max_memory_mb)
    root = None
    if out is not None:
        root = out if out.is_dir() else out.parent
    try:
        return PaperkgServer((host, port), pool, root, timeout=timeout, max_rows=max_rows, verbose=verbose)
    except OSError as exc:
        pool.close()
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(server: PaperkgServer) -> None:
    """Serve until Ctrl-C or SIGTERM, then close the server and its query workers."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _cmd_serve(args) -> int:
    if args.outdir is not None:
        args.graph = args.outdir
    if args.graph is None and args.store is None:
        args.graph = "outputs"  # (with --store alone no folder's pages are served: they may be another build's)
    server = make_server(args.graph, args.host, args.port, store_dir=args.store, timeout=args.timeout,
                         max_rows=args.max_rows, max_running=args.max_running, max_memory_mb=args.max_memory,
                         verbose=args.verbose)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"paperkg: warning: listening on {args.host}: reachable from other machines", file=sys.stderr)
    if server.root is None:  # a store alone: queries, no pages
        print(f"paperkg: serving the store {args.store}: SPARQL at {server.url}sparql, named queries at "
              f"{server.url}query/ (no pages: serve an output folder for the views); Ctrl-C to stop", file=sys.stderr)
    else:
        print(f"paperkg: serving {args.store or args.graph} at {server.url} (SPARQL: {server.url}sparql); "
              "Ctrl-C to stop", file=sys.stderr)
    serve(server)
    return 0


def _limits_text() -> str:
    return (
        f"Query limits (answered 400 with one line, before parsing): at most {MAX_QUERY_CHARS:,} characters, "
        f"nesting of {{ ( [ and << at most {MAX_NESTING} deep, at most {MAX_TRIPLE_PATTERNS} triple patterns "
        f"(counted as the '.', ';', ',' and '/' separators outside strings, IRIs and comments), at most "
        f"{MAX_UNIONS} UNIONs. Request bodies at most {MAX_BODY:,} bytes (413), request lines at most "
        "65,536 bytes (414). Updates and SERVICE are refused (403, 400). Each query runs in one of "
        "--max-running worker processes: past --timeout, or past --max-memory MiB, its worker is killed "
        "(CPU, memory and slot freed at once) and the client gets 503; when every worker is busy for "
        "--timeout seconds, 503 too. An unexpected failure answers 500 to that request only and is logged "
        "to stderr."
    )


def register(s) -> None:
    """Arguments of ``paperkg serve``."""
    s.description = (
        "Serve an output folder on localhost: the HTML views at /, a read-only SPARQL 1.1 endpoint at /sparql "
        "(GET ?query= or POST; results as JSON, XML, CSV or TSV by Accept header), and the named queries at "
        "/query/NAME?param=value (JSON; /query/ lists them, see paperkg query --list). Queries have a time "
        "and a row limit. Only the files the build wrote are served (not other files in the folder), and a "
        "loopback server answers only requests addressed to a loopback name (Host header). " + _limits_text())
    s.add_argument("outdir", nargs="?", help="output folder to serve (same as --graph)")
    s.add_argument("--graph", "-g", default=None,
                   help="output folder (or graph file) (default: outputs/, or none with --store)")
    s.add_argument("--store", help="serve this on-disk Oxigraph store folder (opened read-only) instead")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any free port)")
    s.add_argument("--timeout", type=float, default=10.0, help="time limit per query in seconds (default 10)")
    s.add_argument("--max-rows", type=int, default=10_000, help="rows returned at most per query (default 10000)")
    s.add_argument("--max-running", type=int, default=DEFAULT_WORKERS,
                   help=f"query worker processes, i.e. queries evaluated at once (default {DEFAULT_WORKERS})")
    s.add_argument("--max-memory", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MIB",
                   help=f"memory one query may use, in MiB; past it the query is stopped (default "
                        f"{DEFAULT_MAX_MEMORY_MB}; 0 = no ceiling)")
    s.add_argument("--verbose", "-v", action="store_true", help="log each request to stderr")
    s.set_defaults(func=_cmd_serve)
