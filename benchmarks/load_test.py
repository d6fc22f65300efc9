"""Load-test ``paperkg serve`` on loopback: N concurrent clients running mixed named queries.

    python benchmarks/load_test.py --graph outputs/ --seconds 30 --clients 20
    python benchmarks/load_test.py --papers 2000          # synthetic graph via kg.graph

Starts the server in this process on 127.0.0.1 (port 0), runs the clients as
threads for a bounded time and prints throughput, p50/p99 latency and errors.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from query_speed import sample_params, write_synthetic_turtle  # noqa: E402

from kg.queries import load_store  # noqa: E402
from kg.queries.loading import find_graph_file  # noqa: E402
from kg.serve import make_server  # noqa: E402

__all__ = ["main"]


def _percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, int(round(pct / 100 * (len(ordered) - 1)))))
    return ordered[k]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="output folder or graph file (default: build a synthetic graph)")
    ap.add_argument("--papers", type=int, default=1000, help="synthetic graph size (default 1000)")
    ap.add_argument("--seconds", type=float, default=30.0, help="test duration (default 30)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent client threads (default 20)")
    ap.add_argument("--timeout", type=float, default=10.0, help="server time limit per query (default 10)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        ttl = find_graph_file(args.graph) if args.graph else write_synthetic_turtle(args.papers, Path(tmp) / "graph.ttl")
        store = load_store(ttl)
        server = make_server(ttl, "127.0.0.1", 0, store=store, timeout=args.timeout)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        host, port = server.server_address[:2]
        base = f"http://{host}:{port}"
        urls = [f"{base}/query/{name}?{urllib.parse.urlencode(p)}" for name, p in sorted(sample_params(store).items())]
        urls.append(f"{base}/sparql?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?p a pkg:Paper }"}))
        latencies: list[float] = []
        errors: dict[str, int] = {}
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds

        def client(idx: int) -> None:
            i = idx
            while time.monotonic() < stop:
                url = urls[i % len(urls)]
                i += 1
                t0 = time.perf_counter()
                try:
                    with urllib.request.urlopen(url, timeout=args.timeout + 20) as resp:
                        resp.read()
                    ok = None
                except urllib.error.HTTPError as err:
                    ok = f"HTTP {err.code}"
                except OSError as err:
                    ok = type(err).__name__
                dt = (time.perf_counter() - t0) * 1000
                with lock:
                    if ok is None:
                        latencies.append(dt)
                    else:
                        errors[ok] = errors.get(ok, 0) + 1

        print(f"{args.clients} clients for {args.seconds:g} s against {base} ({len(store)} triples, {len(urls)} queries)")
        t0 = time.monotonic()
        workers = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.monotonic() - t0
        server.shutdown()
        server.server_close()
    n_err = sum(errors.values())
    print(f"requests: {len(latencies) + n_err}  ok: {len(latencies)}  errors: {n_err} {errors if errors else ''}")
    print(f"throughput: {len(latencies) / elapsed:.1f} req/s")
    if latencies:
        print(f"latency ms: p50 {_percentile(latencies, 50):.1f}  p99 {_percentile(latencies, 99):.1f}  "
              f"mean {statistics.mean(latencies):.1f}  max {max(latencies):.1f}")
    return 1 if n_err else 0


if __name__ == "__main__":
    raise SystemExit(main())
