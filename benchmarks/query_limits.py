"""What a runaway query costs the endpoint, and what running queries in worker processes costs a normal one.

    python benchmarks/query_limits.py --graph outputs/                 # both parts
    python benchmarks/query_limits.py --graph outputs/ --skip-runaway --runs 500

1. Runaway: starts ``paperkg serve`` on the graph (its default limits unless
   given: --timeout, --max-memory), sends the query of issue 17
   (``SELECT * WHERE {?a ?b ?c . ?d ?e ?f} ORDER BY ?c ?f LIMIT 1``) and
   samples, every 0.25 s, the resident memory and CPU time of the whole
   server process tree (server, fork server, workers) while it runs and for
   --after seconds after the answer; then checks that a normal query answers.
2. Latency: the median of --runs timings of one named query
   (papers-using-entity, entity from the graph's top method) in this process
   (``run_named`` on a store) and through a QueryPool worker (``pool.run_named``),
   and their difference: the cost of process isolation per query.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.queries import QueryPool, load_store, run_named  # noqa: E402

RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> list[int]:
    """``root`` and every descendant process (from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += parents.get(pid, [])
    return out


def _sample(root: int) -> tuple[int, float, int]:
    """(resident bytes, CPU seconds so far, processes) of the tree under ``root``."""
    rss = cpu = 0.0
    pids = _tree(root)
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                rss += int(fh.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / TICK
        except (OSError, ValueError, IndexError):
            continue
    return int(rss), cpu, len(pids)


def runaway(args) -> None:
    cmd = [sys.executable, "-m", "kg", "serve", "--graph", args.graph, "--port", "0"]
    if args.timeout is not None:
        cmd += ["--timeout", str(args.timeout)]
    if args.max_memory is not None:
        cmd += ["--max-memory", str(args.max_memory)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    try:
        line = proc.stderr.readline()
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if not m:
            raise SystemExit(f"server did not start: {line}")
        base = m.group(1)

        def ask(text: str) -> tuple[int, str]:
            url = f"{base}/sparql?query={urllib.parse.quote(text, safe='')}"
            try:
                with urllib.request.urlopen(url, timeout=3600) as resp:
                    return resp.status, resp.read().decode("utf-8", "replace")[:100]
            except urllib.error.HTTPError as err:
                return err.code, err.read().decode("utf-8", "replace").strip()[:100]

        ask("ASK {}")  # a worker forked, as in a server that has answered something
        rss0, cpu0, n0 = _sample(proc.pid)
        print(f"before: RSS {rss0 / 2**20:.0f} MiB in {n0} processes")
        box: dict = {}
        t0 = time.monotonic()
        thread = threading.Thread(target=lambda: box.update(answer=ask(RUNAWAY), at=time.monotonic() - t0))
        thread.start()
        peak = rss0
        while thread.is_alive():
            peak = max(peak, _sample(proc.pid)[0])
            time.sleep(0.25)
        thread.join()
        status, body = box["answer"]
        print(f"runaway query: {status} {body!r} after {box['at']:.1f} s; peak RSS during it {peak / 2**20:.0f} MiB")
        _, cpu_at_answer, _ = _sample(proc.pid)
        time.sleep(args.after)
        rss1, cpu1, n1 = _sample(proc.pid)
        print(f"{args.after:g} s after the answer: RSS {rss1 / 2**20:.0f} MiB in {n1} processes, "
              f"CPU {100 * (cpu1 - cpu_at_answer) / args.after:.1f} % of one core")
        t = time.monotonic()
        status, body = ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        print(f"then a normal query: {status} in {1000 * (time.monotonic() - t):.0f} ms")
    finally:
        proc.terminate()
        proc.wait(30)


def latency(args) -> None:
    store = load_store(args.graph)
    top = run_named(store, "top-entities", {"kind": "method"}, max_rows=1)
    params = {"entity": top.records()[0]["name"]}
    timings = {"in process": [], "worker process": []}
    with QueryPool(args.graph, size=1) as pool:
        for _ in range(args.warmup):
            run_named(store, "papers-using-entity", params)
            pool.run_named("papers-using-entity", params, timeout=30)
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            t = time.perf_counter()
            a = run_named(store, "papers-using-entity", params)
            timings["in process"].append(time.perf_counter() - t)
            t = time.perf_counter()
            b = pool.run_named("papers-using-entity", params, timeout=30)
            timings["worker process"].append(time.perf_counter() - t)
            assert a.records() == b.records()
    med = {k: 1000 * statistics.median(v) for k, v in timings.items()}
    print(f"papers-using-entity entity={params['entity']!r} ({len(a.rows)} rows), median of {args.runs} runs:")
    for k, v in med.items():
        print(f"  {k:15} {v:7.2f} ms")
    print(f"  overhead        {med['worker process'] - med['in process']:7.2f} ms per query")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", default="outputs", help="output folder or graph file (default outputs/)")
    ap.add_argument("--timeout", type=float, default=None, help="serve --timeout (default: serve's)")
    ap.add_argument("--max-memory", type=int, default=None, help="serve --max-memory MiB (default: serve's)")
    ap.add_argument("--after", type=float, default=5.0, help="seconds to watch after the answer (default 5)")
    ap.add_argument("--runs", type=int, default=200, help="timed runs of the named query (default 200)")
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--skip-runaway", action="store_true")
    ap.add_argument("--skip-latency", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_runaway:
        runaway(args)
    if not args.skip_latency:
        latency(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
