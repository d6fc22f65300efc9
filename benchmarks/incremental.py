"""Incremental re-run against a cold build: time per stage, pages rendered or reused, bytes compared.

    python benchmarks/incremental.py LISTINGS_DIR WORK_DIR [--jobs 2] [--year 2025] [--add 1]

LISTINGS_DIR holds the corpus (e.g. ``benchmarks/synth.py 20000 c20r``). In WORK_DIR it builds
the first N-``--add`` listings cold (``part``), copies the last ``--add`` listings into the same
input folder and rebuilds into the same output folder (``incremental``), rebuilds once more
unchanged (``no-op``: kg.uptodate finds the outputs in place and builds nothing) and once more with
``--force`` (``no-op --force``: everything recomputed from the caches), then builds the whole corpus cold in a fresh folder from the same input
folder (``cold``) and compares every output file of the two. Each build runs in its own
``paperkg build`` process under ``/usr/bin/time -v`` when available (wall clock, peak RSS). It
prints one table row per build (with the data records made and copied from the previous shards, the data
shards written and kept,
and the graph.ttl and analytics.ttl subject blocks reused, the peak RSS of the largest process and the most memory
the machine had in use during the build, all processes together) and the share of changed files; exit status 1 if the incremental
outputs differ from the cold ones.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

NOT_OUTPUTS = (".cache", ".paperkg.lock")


#: Counts a build logs, and the row keys they go to.
_LOG_COUNTS = (
    (r"pages: (\d+) rendered, (\d+) unchanged", ("rendered", "reused")),
    (r"(\d+) of them made from the same inputs", ("skipped",)),
    (r"data records: (\d+) made, (\d+) copied", ("records_made", "records_copied")),
    (r"data shards: (\d+) written, (\d+) unchanged", ("shards_written", "shards_kept")),
    (r"graph.ttl: (\d+) of (\d+) subject blocks reused", ("blocks_reused", "blocks")),
    (r"analytics.ttl: (\d+) of (\d+)", ("a_reused", "a_blocks")),
)


def log_counts(log: str) -> dict[str, int]:
    """The counts of a build's log.

    >>> log_counts("pages: 3 rendered, 5 unchanged ... analytics.ttl: 7 of 9")
    {'rendered': 3, 'reused': 5, 'a_reused': 7, 'a_blocks': 9}
    """
    row: dict[str, int] = {}
    for pattern, keys in _LOG_COUNTS:
        hit = re.search(pattern, log)
        if hit:
            row.update(zip(keys, map(int, hit.groups())))
    return row


def _build(inputs: Path, out: Path, jobs: int, year: int | None, force: bool = False) -> dict:
    cmd = [sys.executable, "-m", "kg", "build", str(inputs), "-o", str(out), "--jobs", str(jobs)] + \
        (["--force"] if force else [])
    if year:
        cmd += ["--year", str(year)]
    timed = ["/usr/bin/time", "-v"] + cmd if os.path.exists("/usr/bin/time") else cmd
    t = time.perf_counter()
    with _MemoryInUse() as used:
        proc = subprocess.run(timed, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"build failed: {proc.stderr[-2000:]}")
    row = {"wall": wall, "load": os.getloadavg()[0]}
    stages = re.search(r"edges; (.*)$", proc.stderr, re.M)
    if stages:
        row.update({k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)s", stages.group(1))})
    row.update(log_counts(proc.stderr))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if rss:
        row["rss_mb"] = int(rss.group(1)) / 1024
    if used.peak is not None:
        row["in_use_mb"] = used.peak / 1024
    return row


def mem_available_kb() -> int | None:
    """The kernel's MemAvailable (kB), or None where /proc/meminfo has none."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class _MemoryInUse:
    """The most memory the machine had in use beyond what it had at the start, sampled every 0.25 s while a
    build runs: all its processes together (a forked child, view workers), which a single process's peak RSS
    misses; it also counts anything else the machine did meanwhile (kB; None without /proc/meminfo)."""

    def __enter__(self):
        import threading

        self.start, self.peak, self._stop = mem_available_kb(), None, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        if self.start is not None:
            self.peak = 0
            self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            now = mem_available_kb()
            if now is not None:
                self.peak = max(self.peak, self.start - now)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def _tree(out: Path) -> dict[str, Path]:
    found = {}
    for root, _dirs, files in os.walk(out):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(out)
            if rel.parts[0] not in NOT_OUTPUTS:
                found[rel.as_posix()] = path
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("listings", type=Path)
    ap.add_argument("work", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--add", type=int, default=1, help="listings added for the incremental run")
    args = ap.parse_args(argv)
    files = sorted(p for p in args.listings.iterdir() if p.is_file())
    if len(files) <= args.add:
        sys.exit(f"{args.listings}: needs more than {args.add} listing files")
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    inputs, out, cold = work / "in", work / "out", work / "cold"
    inputs.mkdir(parents=True)
    for f in files[:-args.add]:
        shutil.copy(f, inputs / f.name)
    rows = {"part (cold)": _build(inputs, out, args.jobs, args.year)}
    for f in files[-args.add:]:
        shutil.copy(f, inputs / f.name)
    before = {rel: p.stat().st_ino for rel, p in _tree(out).items()}
    rows["incremental"] = _build(inputs, out, args.jobs, args.year)
    after = _tree(out)
    same_inode = sum(1 for rel, p in after.items() if before.get(rel) == p.stat().st_ino)
    rows["no-op"] = _build(inputs, out, args.jobs, args.year)  # outputs in place and untouched: kg.uptodate
    rows["no-op --force"] = _build(inputs, out, args.jobs, args.year, force=True)  # everything recomputed
    rows["cold"] = _build(inputs, cold, args.jobs, args.year)
    stages = ("ingest", "extract", "graph", "jsonl", "rdf", "views", "move")
    print(f"{'build':<13} {'wall':>7} " + " ".join(f"{s:>7}" for s in stages)
          + f" {'rendered':>8} {'reused':>7} {'no view':>7} {'rec made':>8} {'rec copied':>10} {'shards new':>10} {'kept':>5}"
          + f" {'ttl blocks reused':>17} {'analytics reused':>17} {'RSS MB':>7} {'in use MB':>9} {'load':>5}")
    for name, r in rows.items():
        print(f"{name:<13} {r['wall']:7.1f} " + " ".join(f"{r.get(s, 0):7.1f}" for s in stages)
              + f" {r.get('rendered', 0):8d} {r.get('reused', 0):7d} {r.get('skipped', 0):7d}"
              f" {r.get('records_made', 0):8d} {r.get('records_copied', 0):10d}"
              f" {r.get('shards_written', 0):10d} {r.get('shards_kept', 0):5d}"
              + f" {str(r.get('blocks_reused', '-')) + ' / ' + str(r.get('blocks', '-')):>17}"
              + f" {str(r.get('a_reused', '-')) + ' / ' + str(r.get('a_blocks', '-')):>17} {r.get('rss_mb', 0):7.0f}"
              f" {r.get('in_use_mb', 0):9.0f} {r['load']:5.1f}")
    print(f"incremental / cold wall: {100 * rows['incremental']['wall'] / rows['cold']['wall']:.0f} %; "
          f"no-op / cold: {100 * rows['no-op']['wall'] / rows['cold']['wall']:.0f} %; "
          f"no-op --force / cold: {100 * rows['no-op --force']['wall'] / rows['cold']['wall']:.0f} %")
    print(f"files kept (same inode) by the incremental run: {same_inode} of {len(after)}")
    a, b = _tree(out), _tree(cold)
    differ = sorted(rel for rel in set(a) | set(b)
                    if rel not in a or rel not in b or a[rel].read_bytes() != b[rel].read_bytes())
    print(f"outputs differing from the cold build: {len(differ)} of {len(b)}" + (f" (e.g. {differ[:3]})" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
