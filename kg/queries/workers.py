"""Queries that can really be stopped: worker processes with a time limit, a memory ceiling and a fixed number of slots.

pyoxigraph cannot cancel a running query (its Python API has no timeout or
cancellation, oxigraph issue #1926) and Python cannot stop a thread, so a
query abandoned at its time limit used to keep its CPU, its memory and its
slot until it ended by itself, which for a cross join is never. Here every
query with a limit runs in a worker process instead:

- a fork server process loads the graph once (an in-memory Oxigraph store,
  or nothing for an on-disk store folder, which each worker opens read-only);
- each worker is forked from it (copy-on-write: the store's pages are shared,
  a fork takes milliseconds) and answers queries over its own socket, one at a
  time, with ``engine.run_query`` / ``named.run_named`` on a big-stack thread;
- at the time limit the pool kills the worker (SIGKILL), waits until it is
  gone, and frees the slot; the next query in that slot gets a fresh fork.
  Its CPU and memory are the kernel's again at once;
- each worker's address space is capped (``RLIMIT_AS``) at what it had after
  start-up plus ``max_memory_mb``: a runaway query fails its allocation and
  the worker dies, which the pool reports as QueryMemoryError ("query used
  too much memory") instead of letting it take the machine;
- ``size`` workers at most, hence at most ``size`` queries evaluating at once;
  a caller waits up to ``wait`` seconds for a free slot, then gets QueryBusy.

Requests and results travel pickled over a private socket pair between the
pool and the worker it forked (never through a file or the network), so only
paperkg's own processes ever produce what is unpickled.

The pool's own process never holds the store. When the pool's process ends,
the fork server reads end of file on its socket and exits, and its workers
are killed with it (``PR_SET_PDEATHSIG`` on Linux; elsewhere they exit at
end of file on their own sockets).
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import queue
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Mapping

import kg
import kg.ingest.ids  # noqa: F401 - imported before the fork server forks: resolve_paper needs it
from kg.errors import InputError, PaperkgError, QueryError, QueryTooComplex
from kg.queries.engine import (
    QueryMemoryError,
    QueryTimeout,
    QueryUnavailable,
    _substitutions,
    check_text,
    default_prefixes,
    run_query,
    start_query_thread,
)
from kg.layout import graph_parts
from kg.queries.loading import find_graph_file, load_store, open_store
from kg.queries.named import get_named, run_named

__all__ = ["QueryPool", "QueryBusy", "DEFAULT_MAX_MEMORY_MB", "DEFAULT_WORKERS"]

#: Address space a query may add to its worker's, in MiB (0 = no ceiling).
DEFAULT_MAX_MEMORY_MB = 2048
#: Worker processes (= queries evaluating at once) of a server's pool.
DEFAULT_WORKERS = 4
_KILL_WAIT = 30.0  # seconds to wait for a killed worker's socket to close
_PR_SET_PDEATHSIG = 1


class QueryBusy(QueryUnavailable):
    """Every worker was busy for as long as the caller would wait."""


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent ends (no-op elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return None


def _cap_memory(max_bytes: int) -> None:
    """Cap this process's address space at its present size plus ``max_bytes``."""
    now = _address_space()
    if not max_bytes or now is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + max_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without RLIMIT_AS
        pass


# ------------------------------------------------------------------ worker side

def _answer(store, request: dict):
    if request["op"] == "named":
        return run_named(store, request["name"], request["params"], max_rows=request["max_rows"])
    return run_query(store, request["sparql"], request["bindings"], max_rows=request["max_rows"],
                     prefixes=request["prefixes"])


def _serve(conn: Connection, store) -> None:
    """Answer requests until the pool closes the socket: ("ok", QueryResult) or ("error", QueryError)."""
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            reply: tuple = ("ok", _answer(store, pickle.loads(data)))
        except QueryError as exc:
            reply = ("error", exc)
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # noqa: BLE001 - reported to the pool, which raises it there
            reply = ("crash", f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
        try:
            payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory", None))
        del reply
        try:
            conn.send_bytes(payload)
        except OSError:
            return


def _worker_main(conn_fd: int, err_fd: int, store, kind: str, path: str, max_bytes: int) -> None:
    """Body of a forked worker; never returns."""
    try:
        os.dup2(err_fd, 2)
        os.close(err_fd)
        faulthandler.disable()  # a parent's handler (pytest's) writes elsewhere than fd 2: a memory abort is expected
        _die_with_parent()
        try:  # a worker that dies of its memory ceiling must not write a core file of that size
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ValueError, OSError):  # pragma: no cover
            pass
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pool's to handle
        conn = Connection(conn_fd)
        if kind == "store":
            store = open_store(path)

        def work() -> None:
            _cap_memory(max_bytes)  # after the big stack is mapped: the ceiling is for the query
            _serve(conn, store)

        start_query_thread(work, name="paperkg-query-worker", daemon=False).join()
    finally:
        os._exit(0)


def _fork_worker(conn_fd: int, err_fd: int, store, kind: str, path: str, max_bytes: int, close_in_child=()) -> int:
    """Fork a worker answering on ``conn_fd`` (both fds are closed here); its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            for sock in close_in_child:
                sock.close()
            _worker_main(conn_fd, err_fd, store, kind, path, max_bytes)
        finally:
            os._exit(0)  # never back into the caller's frames (the fork server's loop)
    os.close(conn_fd)
    os.close(err_fd)
    return pid


def _preload() -> None:
    """Make, once in the fork server, what every worker's first query would otherwise make."""
    default_prefixes()


def _fork_server_main(argv: list[str]) -> None:
    """The fork server: load the graph, then fork one worker per request of the pool."""
    control_fd, kind, path, max_bytes, tmp = int(argv[0]), argv[1], argv[2], int(argv[3]), argv[4]
    retired = False
    try:
        retired = _fork_server_loop(control_fd, kind, path, max_bytes)
    finally:  # the pool's process has ended or closed the pool: its temporary folder goes too
        if not retired:  # (retired after a rebuild, or failed to load: the pool and its folder go on)
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)


def _fork_server_loop(control_fd: int, kind: str, path: str, max_bytes: int) -> bool:
    control = socket.socket(fileno=control_fd)  # it ends (end of file) when the pool's process does
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pool's to handle
    store = None
    _preload()
    try:
        if kind == "graph":
            store = load_store(path)
        else:
            open_store(path)  # fail here, once, with a clear message; each worker opens its own
    except PaperkgError as exc:
        control.send(b"error " + str(exc).encode("utf-8", "replace")[:60_000])
        return True  # the pool goes on (with the graph it has, or closes and removes its folder itself)
    control.send(b"ready")
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(control, 64, 2)
        except OSError:
            return False
        if msg == b"retire" and not fds:
            return True  # a rebuilt graph is served by a newer fork server, and none of this one's workers is left
        if not msg or len(fds) != 2:
            return False  # the pool closed its end
        pid = _fork_worker(fds[0], fds[1], store, kind, path, max_bytes, close_in_child=(control,))
        control.send(str(pid).encode("ascii"))


# ------------------------------------------------------------------ pool side

class _Worker:
    __slots__ = ("pid", "conn", "err_path", "ours", "generation")

    def __init__(self, pid: int, conn: Connection, err_path: Path, ours: bool = False, generation: int = 0):
        self.pid = pid
        self.conn = conn
        self.err_path = err_path
        self.ours = ours  # forked by this process (local pool), which must reap it
        self.generation = generation  # which load of the graph it answers from (QueryPool._follow_rebuild)


def _graph_stamp(file: Path) -> tuple | None:
    """Identity of the graph files a build wrote (device, inode, size, mtime of each part), None if unreadable.
    A build swaps the whole output folder, so every rebuild gives new inodes."""
    try:
        return tuple((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) for st in map(os.stat, graph_parts(file)))
    except (OSError, PaperkgError):  # (a marker naming a part that is not there)
        return None


def _reap(worker: _Worker) -> None:
    if worker.ours:
        try:
            os.waitpid(worker.pid, 0)
        except ChildProcessError:
            pass


def _stop_server(control, proc, err, retire: bool = False) -> None:
    """Stop one fork server: "retire" (it exits, leaving the temporary folder) or end of file (it removes it)."""
    if control is not None:
        if retire:
            try:
                control.send(b"retire")
            except OSError:
                pass
        control.close()
    if proc is not None and proc.poll() is None:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    if err is not None:
        err.close()


def _close_all(state: dict) -> None:
    """Kill every worker, stop the fork server, remove the temporary folder (also run at exit)."""
    for worker in list(state["live"].values()):
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except OSError:
            pass
        worker.conn.close()
        _reap(worker)
    state["live"].clear()
    for _generation, old_control, old_proc, old_err in state.get("retired", ()):
        _stop_server(old_control, old_proc, old_err)
    state["retired"] = []
    _stop_server(state.get("control"), state.get("proc"), state.get("err"))
    tmp = state.get("tmp")
    if tmp is not None:
        tmp.cleanup()


class QueryPool:
    """Worker processes that answer SPARQL queries on one graph, each stoppable at a time limit.

    Give exactly one of ``graph`` (an output folder or graph file), ``store``
    (a pyoxigraph Store, written to a temporary N-Triples file for the
    workers) or ``store_dir`` (an on-disk Oxigraph store folder, opened
    read-only by each worker). ``size``: worker processes, hence queries
    evaluating at once; ``max_memory_mb``: address space each query may add to
    its worker (0: no ceiling). InputError when the graph cannot be loaded.
    ``local=True``: no fork server; this process loads the graph and forks the
    workers itself, which saves starting a second interpreter but is only safe
    in a process that runs no other threads (``paperkg query``); with other
    threads running it is ignored.

    >>> with QueryPool("outputs", size=2) as pool:                      # doctest: +SKIP
    ...     pool.run_query("ASK { ?s ?p ?o }", timeout=10).boolean
    True
    """

    def __init__(self, graph=None, *, store=None, store_dir=None, size: int = DEFAULT_WORKERS,
                 max_memory_mb: int = DEFAULT_MAX_MEMORY_MB, local: bool = False):
        if sum(x is not None for x in (graph, store, store_dir)) != 1:
            raise QueryError("QueryPool needs exactly one of graph, store, store_dir")
        if int(size) < 1:
            raise QueryError("the number of query workers must be at least 1")
        if max_memory_mb is None or int(max_memory_mb) < 0:
            raise QueryError("the memory ceiling must be 0 (none) or a positive number of MiB")
        self.size = int(size)
        self.max_memory_mb = int(max_memory_mb)
        self._state: dict[str, Any] = {"live": {}}
        self._finalizer = weakref.finalize(self, _close_all, self._state)
        # removed by close(), at exit, or by the fork server once this process has gone (even killed)
        tmp = self._state["tmp"] = tempfile.TemporaryDirectory(prefix="paperkg-query-", ignore_cleanup_errors=True)
        self._tmp = Path(tmp.name)
        self._local = bool(local) and threading.active_count() == 1  # else a fork server, as usual
        self._store = None
        self._watched: Path | None = None  # a build's graph file, followed across rebuilds
        self._generation = 0
        self._failed_stamp: tuple | None = None  # rebuilt files that could not be loaded
        self._state["retired"] = []  # (generation, control, process, stderr) of fork servers of earlier loads
        if store is not None and self._local:
            kind, source = "graph", "<store>"
            self._store = store
        elif store is not None:
            import pyoxigraph as ox

            path = self._tmp / "graph.nt"
            ox.serialize((q.triple for q in store), output=str(path), format=ox.RdfFormat.N_TRIPLES)
            kind, source = "graph", str(path)
        elif graph is not None:
            kind, source = "graph", str(find_graph_file(graph))
            self._watched = Path(source)
        else:
            if not Path(store_dir).is_dir():
                raise InputError(str(store_dir), "no such Oxigraph store folder")
            kind, source = "store", str(store_dir)
        self._control_lock = threading.Lock()
        self._counter = 0
        self._source = (kind, source)
        self._stamp = _graph_stamp(self._watched) if self._watched is not None else None
        if not self._local:
            self._start_fork_server(kind, source)
        elif kind == "graph" and self._store is None:
            self._store = load_store(source)
        elif kind == "store":
            open_store(source)  # fail here with a clear message; each worker opens its own
        self._slots: queue.LifoQueue = queue.LifoQueue()
        for _ in range(self.size):
            self._slots.put(None)

    # ------------------------------------------------------------ lifecycle
    def _start_fork_server(self, kind: str, source: str) -> None:
        try:
            control, proc, err = self._launch(kind, source)
        except BaseException:
            self.close()
            raise
        self._state["control"], self._state["proc"], self._state["err"] = control, proc, err

    def _launch(self, kind: str, source: str):
        """A fork server that has loaded ``source``: (control socket, process, its stderr file). Raises, having
        stopped what it started, when it cannot load it (InputError) or start (QueryUnavailable)."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(os.environ)
        root = str(Path(kg.__file__).resolve().parents[1])  # this checkout's kg, wherever Python would look
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        err_path = self._tmp / f"fork-server-{self._generation}.err"
        self._state["err_path"] = err_path
        err = open(err_path, "w+b")  # noqa: SIM115 - closed by _stop_server or _close_all
        code = "import sys; from kg.queries.workers import _fork_server_main; _fork_server_main(sys.argv[1:])"
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", code, str(theirs.fileno()), kind, source, str(self.max_memory_mb << 20),
                 str(self._tmp)],
                pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=err, close_fds=True)
        except OSError as exc:
            ours.close()
            err.close()
            raise QueryUnavailable(f"cannot start the query worker process: {exc.strerror or exc}") from None
        finally:
            theirs.close()
        msg = ours.recv(65536)
        if msg != b"ready":
            why = self._tail(err_path)
            _stop_server(ours, proc, err, retire=True)
            if msg.startswith(b"error "):
                text = msg[len(b"error "):].decode("utf-8", "replace")
                raise InputError(source, text.split(": ", 1)[1] if text.startswith(source + ": ") else text)
            raise QueryUnavailable(f"the query worker process failed to start{why}")
        return ours, proc, err

    def _restart_fork_server(self) -> None:
        self._state["control"].close()
        self._state["err"].close()
        self._tmp.mkdir(exist_ok=True)
        try:
            self._start_fork_server(*self._source)
        except PaperkgError:
            pass  # the caller reports the worker process as stopped

    def close(self) -> None:
        """Stop every worker and the fork server; the pool cannot be used afterwards."""
        self._finalizer()

    def __enter__(self) -> "QueryPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def _follow_rebuild(self) -> None:
        """Load the graph again when a build has replaced the served graph files since it was loaded.

        Queries asked from then on answer from the new build. A query already running finishes on the old
        one: the old fork server stays up until none of its workers is left (:meth:`_retire_idle`), and idle
        workers of the old load are retired when next taken (:meth:`_call`). New files that cannot be loaded
        leave the old graph served (and are tried again once they change).
        """
        if self._watched is None:
            return
        stamp = _graph_stamp(self._watched)
        if stamp is None or stamp == self._stamp or stamp == self._failed_stamp:
            return
        with self._control_lock:
            if _graph_stamp(self._watched) != stamp or stamp == self._stamp:
                return  # another thread reloaded it, or the files are still changing
            try:
                if self._local:
                    self._store = load_store(self._source[1])
                else:
                    self._generation += 1
                    new = self._launch(*self._source)
                    self._state["retired"].append((self._generation - 1, self._state["control"],
                                                   self._state["proc"], self._state["err"]))
                    self._state["control"], self._state["proc"], self._state["err"] = new
            except PaperkgError as exc:
                if not self._local:
                    self._generation -= 1
                self._failed_stamp = stamp
                sys.stderr.write(f"paperkg: warning: the rebuilt graph cannot be loaded, still serving the previous "
                                 f"one: {' '.join(str(exc).split())[:300]}\n")
                return
            self._stamp = stamp
            if self._local:
                self._generation += 1
        self._retire_idle()

    def _retire_idle(self) -> None:
        """Stop the fork servers of earlier loads of the graph once none of their workers is alive."""
        if not self._state["retired"]:
            return
        stale = []
        with self._slots.mutex:  # idle workers of an earlier load: retired now, not when next taken
            for i, w in enumerate(self._slots.queue):
                if w is not None and w.generation != self._generation:
                    stale.append(w)
                    self._slots.queue[i] = None
        for w in stale:
            self._kill(w)
        with self._control_lock:
            alive = {w.generation for w in self._state["live"].values()}
            keep = []
            for entry in self._state["retired"]:
                if entry[0] in alive:
                    keep.append(entry)
                else:
                    _stop_server(*entry[1:], retire=True)
            self._state["retired"] = keep

    # ------------------------------------------------------------ workers
    def _fork(self) -> _Worker:
        if self.closed:
            raise QueryUnavailable("the query pool is closed")
        if self._local:
            return self._fork_here()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with self._control_lock:
            self._counter += 1
            err_path = self._tmp / f"worker-{self._counter}.err"
            with open(err_path, "wb") as err:
                for attempt in (1, 2):
                    try:
                        socket.send_fds(self._state["control"], [b"fork"], [theirs.fileno(), err.fileno()])
                        reply = self._state["control"].recv(64)
                    except OSError:
                        reply = b""
                    if reply.isdigit() or attempt == 2 or self._state["proc"].poll() is None:
                        break
                    self._restart_fork_server()  # it was killed (the OOM killer, a user): load the graph again
            theirs.close()
        if not reply.isdigit():
            ours.close()
            raise QueryUnavailable("the query worker process has stopped; restart the server"
                                   f"{self._tail(self._state['err_path'])}")
        worker = _Worker(int(reply), Connection(ours.detach()), err_path, generation=self._generation)
        self._state["live"][worker.pid] = worker
        return worker

    def _fork_here(self) -> _Worker:
        if threading.active_count() > 1:
            raise QueryUnavailable("a local query pool forks its workers itself: use it from a process "
                                   "that runs no other threads")
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self._counter += 1
        err_path = self._tmp / f"worker-{self._counter}.err"
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        kind, source = self._source
        try:
            pid = _fork_worker(theirs.detach(), err, self._store, kind, source, self.max_memory_mb << 20,
                               close_in_child=(ours, *(w.conn for w in self._state["live"].values())))
        except OSError as exc:
            ours.close()
            raise QueryUnavailable(f"cannot start a query worker process: {exc.strerror or exc}") from None
        worker = _Worker(pid, Connection(ours.detach()), err_path, ours=True, generation=self._generation)
        self._state["live"][worker.pid] = worker
        return worker

    def _kill(self, worker: _Worker) -> None:
        """SIGKILL a worker and wait until it is gone (its socket closed: its memory is freed by then)."""
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            while worker.conn.poll(_KILL_WAIT):
                worker.conn.recv_bytes()  # drain a reply being written; EOFError once the process has exited
        except (EOFError, OSError):
            pass
        worker.conn.close()
        _reap(worker)
        for _ in range(int(_KILL_WAIT / 0.01)):  # and until the kernel has let go of the process
            try:
                os.kill(worker.pid, 0)
            except OSError:
                break
            time.sleep(0.01)
        self._state["live"].pop(worker.pid, None)
        try:
            worker.err_path.unlink()
        except OSError:
            pass

    @staticmethod
    def _tail(path: Path) -> str:
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return ""
        return f" ({' '.join(lines[-1].split())[:300]})" if lines else ""

    def _died(self, worker: _Worker) -> QueryError:
        """Why a worker ended without answering, as the error to raise."""
        try:
            text = worker.err_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        if "memory allocation of" in text or "MemoryError" in text or "Cannot allocate memory" in text:
            return self._memory_error()
        if "overflowed its stack" in text or "stack overflow" in text:
            return QueryTooComplex("query too complex: it overflowed the query stack")
        return QueryUnavailable(f"the query's worker process stopped unexpectedly{self._tail(worker.err_path)}; "
                                "try again")

    def _memory_error(self) -> QueryMemoryError:
        return QueryMemoryError(f"query used too much memory (more than {self.max_memory_mb} MiB) and was stopped")

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers (idle or busy)."""
        return sorted(self._state["live"])

    def free_slots(self) -> int:
        """Slots no query holds right now."""
        return self._slots.qsize()

    # ------------------------------------------------------------ queries
    def _call(self, request: dict, timeout: float | None, wait: float | None):
        if timeout is not None and not timeout > 0:
            raise QueryError(f"invalid time limit: {timeout!r}")
        if self.closed:
            raise QueryUnavailable("the query pool is closed")
        try:
            worker = self._slots.get(timeout=wait) if wait is None or wait > 0 else self._slots.get_nowait()
        except queue.Empty:
            raise QueryBusy("too many queries running; try again later") from None
        try:
            self._follow_rebuild()
            if worker is not None and worker.generation != self._generation:
                self._kill(worker)  # an idle worker of the graph as it was before the rebuild
                worker = None
            payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
            for attempt in (1, 2):
                if worker is not None and worker.conn.poll(0):  # an idle worker has nothing to say unless it ended
                    self._kill(worker)
                    worker = None
                if worker is None:
                    worker = self._fork()
                try:
                    worker.conn.send_bytes(payload)
                except OSError:  # it ended while idle (killed from outside)
                    self._kill(worker)
                    worker = None
                    if attempt == 1:
                        continue
                    raise QueryUnavailable("the query's worker process could not be reached; try again") from None
                if not worker.conn.poll(timeout):
                    self._kill(worker)
                    worker = None
                    raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s and was stopped")
                try:
                    status, value = pickle.loads(worker.conn.recv_bytes())
                    break
                except (EOFError, OSError):
                    orphaned = not self._local and self._state["proc"].poll() is not None
                    died = self._died(worker)
                    self._kill(worker)
                    worker = None
                    if orphaned and attempt == 1:
                        continue  # it went down with its fork server, not because of the query: once more
                    raise died from None
        except BaseException:
            if worker is not None and not isinstance(sys.exc_info()[1], QueryError):
                self._kill(worker)  # interrupted mid-conversation: the socket's state is unknown
                worker = None
            raise
        finally:
            self._slots.put(worker)
            self._retire_idle()
        if status == "ok":
            return value
        if status == "error":
            raise value
        if status == "memory":
            raise self._memory_error()
        raise QueryUnavailable(f"the query failed in its worker process: {value}")

    def run_query(self, sparql: str, bindings: Mapping[str, Any] | None = None, *, timeout: float | None,
                  max_rows: int | None = None, prefixes: Mapping[str, str] | None = None,
                  wait: float | None = None):
        """``engine.run_query`` in a worker process: QueryTimeout at ``timeout`` seconds (None: no limit),
        QueryMemoryError past the ceiling, QueryBusy when no slot frees within ``wait`` seconds (None: wait)."""
        check_text(sparql)  # the structure limits, before a worker is involved
        _substitutions(bindings)  # binding names and values checked here too
        request = {"op": "query", "sparql": sparql, "bindings": dict(bindings or {}), "max_rows": max_rows,
                   "prefixes": None if prefixes is None else dict(prefixes)}
        return self._call(request, timeout, wait)

    def run_named(self, name: str, params: Mapping[str, str] | None = None, *, timeout: float | None,
                  max_rows: int | None = None, wait: float | None = None):
        """``named.run_named`` in a worker process, with the limits of ``run_query``."""
        get_named(name)
        request = {"op": "named", "name": name, "params": dict(params or {}), "max_rows": max_rows}
        return self._call(request, timeout, wait)
