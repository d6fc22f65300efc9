"""Past one box: the N-Triples export bulk-loaded into a standalone Oxigraph SPARQL server.

As docs/performance.md tells a user to do: ``paperkg export --format
ntriples``, ``oxigraph load``, ``oxigraph serve-read-only`` on loopback, then
every named query, as printed by ``paperkg query --name ... --sparql``, sent
over HTTP. The answers must be the embedded store's, term for term and in the
same order. The ``oxigraph`` server is the PyPI package of that name (a test
extra; pyoxigraph has no server): without it the test skips.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.queries import list_named, load_store, run_named
from kg.queries.named import portable_named


def _oxigraph() -> str | None:
    """The ``oxigraph`` CLI beside this interpreter (a venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.is_file() else shutil.which("oxigraph")


OXIGRAPH = _oxigraph()
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed (pip install oxigraph)")

#: parameters that name things in the demo corpus, so every named query has rows to compare
PARAMS = {"entity": "GRPO", "paper": "2402.03300", "method": "PPO", "owner": "openai", "kind": "method"}
EXTRA = [("rising-entities", {"window": "1", "minSupport": "1"}), ("top-entities", {}),
         ("papers-using-entity", {"entity": "GSM8K"}), ("why", {"paper": "2402.03300",
                                                                                     "entity": "no such thing"})]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ask(url: str, sparql: str) -> bytes:
    body = urllib.parse.urlencode({"query": sparql}).encode()
    req = urllib.request.Request(url, data=body, headers={
        "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return resp.read()


def _serve(location: Path):
    """``oxigraph serve-read-only`` on a free loopback port: (process, query URL), once it answers."""
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 60
    while True:
        try:
            _ask(url, "ASK {}")
            return proc, url
        except (urllib.error.URLError, ConnectionError, OSError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"oxigraph server did not start: {proc.stderr.read().decode(errors='replace')}")
            time.sleep(0.2)


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo build (with an on-disk store), its N-Triples export and the embedded store."""
    from kg.pipeline import build_job

    root = tmp_path_factory.mktemp("oxigraph")
    out = root / "out"
    build_job([], out, quiet=True, cache=False, store_dir=root / "store")
    nt = root / "graph.nt"
    proc = subprocess.run([sys.executable, "-m", "kg", "export", "--format", "ntriples", "-o", str(nt),
                           "--graph", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return root, out, nt, load_store(out)


@pytest.fixture(scope="module")
def server(demo):
    root, _, nt, _ = demo
    proc = subprocess.run([OXIGRAPH, "load", "--location", str(root / "db"), "--file", str(nt)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    srv, url = _serve(root / "db")
    yield url
    _stop(srv)


def _cases():
    out = []
    for q in list_named():
        out.append((q.name, {p.name: PARAMS[p.name] for p in q.params if p.name in PARAMS}))
    return out + EXTRA


def _server_rows(url: str, sparql: str, columns) -> list[tuple]:
    sols = ox.parse_query_results(_ask(url, sparql), format=ox.QueryResultsFormat.JSON)
    return [tuple(sol[c] for c in columns) for sol in sols]


def test_server_holds_every_triple(demo, server):
    _, _, nt, store = demo
    sols = ox.parse_query_results(_ask(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                                  format=ox.QueryResultsFormat.JSON)
    assert int(next(iter(sols))["n"].value) == len(store) > 1000


@pytest.mark.parametrize("name,params", _cases(), ids=lambda v: v if isinstance(v, str) else "-".join(v.values()))
def test_named_query_on_the_server_gives_the_embedded_answers(demo, server, name, params):
    _, _, _, store = demo
    local = run_named(store, name, params)
    remote = _server_rows(server, portable_named(store, name, params), local.columns)
    assert remote == list(local.terms)
    if params.get("entity") != "no such thing":
        assert local.terms, f"{name} {params}: no rows to compare on the demo"


def test_cli_prints_the_portable_query(demo, server):
    """``paperkg query --name ... --sparql`` is what a user pipes to the server: same rows."""
    _, out, _, store = demo
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "--graph", str(out), "--name", "why", "--param",
                           "paper=2402.03300", "--param", "entity=GRPO", "--sparql"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "VALUES (?entity ?paper)" in proc.stdout
    local = run_named(store, "why", {"paper": "2402.03300", "entity": "GRPO"})
    assert _server_rows(server, proc.stdout, local.columns) == list(local.terms) and local.terms


def test_store_folder_is_served_as_is(demo):
    """A folder written by ``paperkg build --store DIR`` is a database the standalone server opens."""
    root, _, _, store = demo
    srv, url = _serve(root / "store")
    try:
        local = run_named(store, "rising-entities", {})
        assert _server_rows(url, portable_named(store, "rising-entities", {}), local.columns) == list(local.terms)
    finally:
        _stop(srv)


def test_the_builds_two_turtle_files_load_into_the_server_as_documented(demo, tmp_path):
    """docs/performance.md: `oxigraph load --file outputs/graph.ttl outputs/analytics.ttl` holds the whole graph."""
    _, out, _, store = demo
    proc = subprocess.run([OXIGRAPH, "load", "--location", str(tmp_path / "db"), "--file", str(out / "graph.ttl"),
                           str(out / "analytics.ttl")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    loaded = ox.Store.read_only(str(tmp_path / "db"))
    assert set(loaded.quads_for_pattern(None, None, None, ox.DefaultGraph())) == set(store) and len(store) > 1000
