"""The RDF stage (graph.ttl, analytics.ttl, void.ttl) of an incremental re-run, alone: cold, one listing added, no-op.

    python benchmarks/rdf_speed.py WORK [--repeat 1] [--graphs]

WORK is the folder of ``benchmarks/incremental.py``; the graphs of all listings but the last and
of all of them are those ``benchmarks/views_speed.py`` pickles there (made here when missing).
Times ``write_outputs`` cold on the first graph, then on the second with the first's graph.ttl
and block index as the previous build (a listing added), then on the second again with its own
output (no-op), and prints wall and CPU time (this process and the serialiser child: on a
shared machine CPU time is the steadier figure) and the subject blocks reused. Code without block reuse (before it) is
timed the same way, its ``write_outputs`` called without the previous build. Run each version
of the code in its own process, from its own tree (``cd TREE && python benchmarks/rdf_speed.py``).
"""
from __future__ import annotations

import argparse
import filecmp
import importlib.util
import inspect
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph.export import write_outputs  # noqa: E402
from kg.graph.knowledge import KnowledgeGraph  # noqa: E402


def _graphs(work: Path, rebuild: bool):
    spec = importlib.util.spec_from_file_location("paperkg_bench_views_speed", ROOT / "benchmarks" / "views_speed.py")
    views_speed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(views_speed)
    return views_speed._graphs(work, rebuild)


def _rdf(G, out: Path, previous: Path | None, cache: Path) -> str:
    shutil.rmtree(out, ignore_errors=True)
    g = KnowledgeGraph(G, base_iri=G.graph["base_iri"])
    report: dict = {}
    reuse = "previous" in inspect.signature(write_outputs).parameters
    def cpu():
        return sum(resource.getrusage(w).ru_utime + resource.getrusage(w).ru_stime
                   for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))

    c = cpu()
    t = time.perf_counter()
    if reuse:
        write_outputs(g, out, previous=previous / "graph.ttl" if previous else None, cache_dir=cache, report=report)
    else:
        write_outputs(g, out)
    took = time.perf_counter() - t
    used = cpu() - c
    blocks = f"{report['reused']:7d} of {report['blocks']:7d} blocks reused" if reuse else "no block reuse"
    if "analytics_blocks" in report:
        blocks += f" (graph.ttl); analytics.ttl {report['analytics_reused']:7d} of {report['analytics_blocks']:7d}"
    return f"{took:6.1f} s wall {used:6.1f} s CPU (with the serialiser process)  {blocks}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("work", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--graphs", action="store_true", help="rebuild the pickled graphs")
    args = ap.parse_args(argv)
    part, full = _graphs(args.work, args.graphs)
    tmp = Path(tempfile.mkdtemp(prefix="rdf-speed-"))
    try:
        for _ in range(args.repeat):
            cache = tmp / "cache"
            shutil.rmtree(cache, ignore_errors=True)
            print("cold (all listings but the last)", _rdf(part, tmp / "a", None, cache))
            print("+ the last listing              ", _rdf(full, tmp / "b", tmp / "a", cache))
            print("no-op                           ", _rdf(full, tmp / "c", tmp / "b", cache))
            print("cold (all listings)             ", _rdf(full, tmp / "d", None, tmp / "cache-d"))
            names = sorted(p.name for p in (tmp / "d").iterdir() if p.suffix == ".ttl")
            same = all(filecmp.cmp(tmp / x / name, tmp / "d" / name, shallow=False)
                       for x in ("b", "c") for name in names)
            print(f"incremental and no-op {', '.join(names)} equal to the cold ones: {same}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
