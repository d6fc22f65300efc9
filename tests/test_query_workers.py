"""Queries that can be stopped (issue 17 item 1) and one engine for every query path (issue 13 bug 6).

A query past its time limit or memory ceiling has its worker process killed:
its CPU, memory and slot are free again, and the endpoint keeps answering
other clients meanwhile. Loopback only; the loops are bounded and nothing
asserts how long anything took.
"""
from __future__ import annotations

import contextlib
import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.api import load
from kg.errors import QueryError
from kg.queries import (
    QueryMemoryError,
    QueryPool,
    QueryTimeout,
    format_result,
    load_store,
    run_named,
    run_query,
)
from kg.serve import make_server

FIXTURE = Path(__file__).parent / "data" / "queries" / "mini.ttl"
#: ~160 triples: a four-way cross join counts 160^4 rows, far more than any time limit here allows
CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: sorting a three-way cross join materialises ~4 M rows: hundreds of MiB
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"
PROBE = "ASK { ?p a pkg:Paper }"


def alive(pid: int) -> bool:
    """True while the process exists and has not exited (a zombie waiting for its reaper has exited)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a pid reused by another user's process
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@contextlib.contextmanager
def serving(site, **limits):
    srv = make_server(site, "127.0.0.1", 0, **limits)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv, f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(30)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "outputs"
    out.mkdir()
    (out / "graph.ttl").write_bytes(FIXTURE.read_bytes())
    (out / "index.html").write_text("<p>views</p>", encoding="utf-8")
    return out


def sparql_url(base, text):
    return f"{base}/sparql?query={urllib.parse.quote(text, safe='')}"


# ------------------------------------------------------------ the pool

def test_a_timed_out_query_loses_its_worker_and_frees_its_slot():
    with QueryPool(FIXTURE, size=2, max_memory_mb=0) as pool:
        assert pool.run_query(PROBE, timeout=30).boolean is True
        before = set(pool.worker_pids())
        assert len(before) == 1
        with pytest.raises(QueryTimeout, match="time limit of 0.5 s"):
            pool.run_query(CROSS_COUNT, timeout=0.5)
        (killed,) = before - set(pool.worker_pids())  # the worker that ran it (LIFO: the one just used)
        assert not alive(killed)
        assert pool.free_slots() == 2
        assert pool.run_query(PROBE, timeout=30).boolean is True  # a fresh worker in that slot
        assert killed not in pool.worker_pids()


def test_a_runaway_query_hits_the_memory_ceiling_with_a_clear_error():
    with QueryPool(FIXTURE, size=1, max_memory_mb=64) as pool:
        with pytest.raises(QueryMemoryError) as info:
            pool.run_query(HUNGRY, timeout=600)
        assert str(info.value) == "query used too much memory (more than 64 MiB) and was stopped"
        assert pool.free_slots() == 1 and pool.worker_pids() == []
        assert pool.run_named("top-entities", {"kind": "method"}, timeout=30).rows


def test_closing_the_pool_ends_every_process():
    pool = QueryPool(FIXTURE, size=2)
    pool.run_query(PROBE, timeout=30)
    pids = pool.worker_pids() + [pool._state["proc"].pid]
    assert all(alive(p) for p in pids)
    pool.close()
    assert pool._state["proc"].poll() is not None
    for pid in pids:
        for _ in range(3000):  # bounded: the kernel reaps the workers once their fork server is gone
            if not alive(pid):
                break
            threading.Event().wait(0.01)
        assert not alive(pid)
    with pytest.raises(QueryError, match="closed"):
        pool.run_query(PROBE, timeout=30)


def test_killing_the_pools_process_ends_its_workers_and_removes_its_files():
    import signal
    import subprocess
    import sys

    code = ("from kg.queries import QueryPool\n"
            f"pool = QueryPool({str(FIXTURE)!r}, size=1)\n"
            "pool.run_query('ASK {}', timeout=30)\n"
            "print(pool._tmp, pool._state['proc'].pid, *pool.worker_pids(), flush=True)\n"
            "import time; time.sleep(600)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        tmp, *pids = proc.stdout.readline().split()
        assert Path(tmp).is_dir() and len(pids) == 2 and all(alive(int(p)) for p in pids)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    for _ in range(3000):  # bounded: the fork server sees end of file, cleans up and exits; its worker dies with it
        if not Path(tmp).exists() and not any(alive(int(p)) for p in pids):
            break
        threading.Event().wait(0.01)
    assert not Path(tmp).exists()
    assert not any(alive(int(p)) for p in pids)


def test_a_killed_fork_server_is_started_again():
    import signal

    with QueryPool(FIXTURE, size=1) as pool:
        assert pool.run_query(PROBE, timeout=30).boolean is True
        first = pool._state["proc"]
        first.send_signal(signal.SIGKILL)  # e.g. the kernel's OOM killer; its idle worker dies with it
        first.wait(30)
        assert pool.run_query(PROBE, timeout=30).boolean is True
        assert pool._state["proc"] is not first and pool._state["proc"].poll() is None


LOCAL_POOL_CHECK = """
import os, sys, threading
from kg.queries import QueryMemoryError, QueryPool, QueryTimeout
fixture, probe, cross, hungry = sys.argv[1:5]
assert threading.active_count() == 1
with QueryPool(fixture, size=1, local=True, max_memory_mb=64) as pool:
    assert "proc" not in pool._state  # no fork server
    assert pool.run_query(probe, timeout=30).boolean is True
    (pid,) = pool.worker_pids()
    assert os.waitpid(pid, os.WNOHANG) == (0, 0)  # this process's own child, running
    try:
        pool.run_query(cross, timeout=0.5)
        raise SystemExit("no time limit")
    except QueryTimeout:
        pass
    try:
        os.waitpid(pid, os.WNOHANG)
        raise SystemExit("the killed worker was not reaped")
    except ChildProcessError:
        pass
    try:
        pool.run_query(hungry, timeout=600)
        raise SystemExit("no memory ceiling")
    except QueryMemoryError:
        pass
    assert pool.run_named("top-entities", {"kind": "method"}, timeout=30).rows
    assert pool.free_slots() == 1
print("ok")
"""


def test_a_local_pool_forks_its_workers_from_this_process():
    """paperkg query's pool: no fork server; the worker is the process's own child, reaped when killed.

    Run in a fresh interpreter: a local pool needs a process without other threads.
    """
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", LOCAL_POOL_CHECK, str(FIXTURE), PROBE, CROSS_COUNT, HUNGRY],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and proc.stdout == "ok\n", proc.stderr[-2000:]


def test_a_graph_that_cannot_be_loaded_is_an_input_error(tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse graph"):
        QueryPool(bad)
    with pytest.raises(InputError, match="cannot parse graph"):
        QueryPool(bad, local=True)


def test_an_on_disk_store_is_opened_by_each_worker(tmp_path):
    import pyoxigraph as ox

    disk = ox.Store(str(tmp_path / "store"))
    disk.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    disk.flush()
    del disk
    with QueryPool(store_dir=tmp_path / "store", size=1) as pool:
        with pytest.raises(QueryTimeout):
            pool.run_query(CROSS_COUNT, timeout=0.5)
        assert pool.run_query("SELECT (COUNT(*) AS ?n) WHERE { ?p a pkg:Paper }", timeout=30).rows == ((3,),)


# ------------------------------------------------------------ the endpoint

def test_the_endpoint_keeps_answering_while_long_queries_are_stopped(site):
    """Before: each abandoned cross join kept its slot, and after max_running of them every query got 503."""
    with serving(site, timeout=1.0, max_running=3, max_memory_mb=0) as (srv, base):
        seen: set[int] = set()
        with ThreadPoolExecutor(max_workers=2) as ex:
            long = [ex.submit(fetch, sparql_url(base, CROSS_COUNT)) for _ in range(2)]
            probes = []
            while not all(f.done() for f in long) or not probes:  # normal clients meanwhile
                probes.append(fetch(sparql_url(base, PROBE))[0])
                probes.append(fetch(f"{base}/query/top-entities?kind=method")[0])
                probes.append(fetch(f"{base}/")[0])
                seen.update(srv.pool.worker_pids())
            results = [f.result() for f in long]
        assert [s for s, _ in results] == [503, 503]
        assert all(b"time limit of 1 s and was stopped" in body for _, body in results)
        assert set(probes) == {200}
        # more stopped queries than there are slots, one after another: the slots come back every time
        for _ in range(2 * 3 + 1):
            assert fetch(sparql_url(base, CROSS_COUNT))[0] == 503
            seen.update(srv.pool.worker_pids())
        status, body = fetch(sparql_url(base, PROBE))
        assert status == 200 and json.loads(body)["boolean"] is True
        assert srv.pool.free_slots() == 3
        gone = seen - set(srv.pool.worker_pids())
        assert len(gone) >= 2 and not any(alive(p) for p in gone)


def test_the_endpoint_answers_a_memory_hog_with_503_and_a_clear_line(site):
    with serving(site, timeout=600, max_running=1, max_memory_mb=64) as (srv, base):
        status, body = fetch(sparql_url(base, HUNGRY))
        assert status == 503 and body == b"query used too much memory (more than 64 MiB) and was stopped\n"
        assert fetch(sparql_url(base, PROBE))[0] == 200
        assert srv.pool.free_slots() == 1


# ------------------------------------------------------------ CLI and Python API

def run_cli(capsys, *argv):
    from kg.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_stops_a_query_at_its_limits(capsys):
    code, out, err = run_cli(capsys, "query", "--graph", str(FIXTURE), "--timeout", "0.5", CROSS_COUNT)
    assert code == 1 and out == ""
    assert err == "paperkg: error: query exceeded the time limit of 0.5 s and was stopped\n"
    code, out, err = run_cli(capsys, "query", "--graph", str(FIXTURE), "--max-memory", "64", HUNGRY)
    assert code == 1 and err == "paperkg: error: query used too much memory (more than 64 MiB) and was stopped\n"


def test_api_query_with_a_timeout_runs_in_a_worker_that_is_stopped():
    g = load(FIXTURE)
    try:
        with pytest.raises(QueryTimeout):
            g.query(CROSS_COUNT, timeout=0.5)
        assert g._pool.free_slots() == 1 and g._pool.worker_pids() == []
        assert g.query(PROBE, timeout=30) == [{"ask": True}]
    finally:
        g.close()
    assert g._pool is None


# ------------------------------------------------------------ one engine, one conversion (issue 13 bug 6)

VALUES_QUERY = ('SELECT (1.5 AS ?x) (2 AS ?i) (true AS ?b) ("s" AS ?s) (STRLANG("a", "en") AS ?l) '
                '("2.5"^^xsd:decimal AS ?d) ?v WHERE {}')
EXPECTED = [{"x": 1.5, "i": 2, "b": True, "s": "s", "l": "a", "d": 2.5, "v": 7}]


def test_the_same_query_gives_the_same_python_values_on_every_path():
    """Before, KnowledgeGraph.query (a VALUES block, its own conversion) gave '1.5' where kg.queries gave 1.5."""
    g = load(FIXTURE)
    store = load_store(FIXTURE)
    try:
        assert g.query(VALUES_QUERY, v=7) == EXPECTED
        assert g.query(VALUES_QUERY, v=7, timeout=30) == EXPECTED
        assert run_query(store, VALUES_QUERY, {"v": 7}).records() == EXPECTED
        with QueryPool(FIXTURE, size=1) as pool:
            assert pool.run_query(VALUES_QUERY, {"v": 7}, timeout=30).records() == EXPECTED
            named = pool.run_named("top-entities", {"kind": "method"}, timeout=30)
        assert named.records() == run_named(store, "top-entities", {"kind": "method"}).records()
        assert isinstance(named.records()[0]["support"], int)
    finally:
        g.close()


def test_cli_and_endpoint_give_the_same_bytes(capsys, site):
    text = VALUES_QUERY.replace("?v WHERE", "(7 AS ?v) WHERE")
    code, cli_json, err = run_cli(capsys, "query", "--graph", str(FIXTURE), "--format", "json", text)
    assert code == 0, err
    with serving(site, timeout=30) as (_, base):
        status, http_json = fetch(sparql_url(base, text) + "&format=json")
    assert status == 200 and http_json.decode("utf-8") == cli_json
    assert cli_json == format_result(run_query(load_store(FIXTURE), text), "json")
