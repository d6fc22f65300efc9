"""Ctrl-C during a parallel build: one line, exit 130, no worker tracebacks, the previous outputs intact."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel builds fork their workers")


def _workers(proc: subprocess.Popen) -> int:
    try:
        return len(psutil.Process(proc.pid).children(recursive=True))
    except psutil.NoSuchProcess:
        return 0


def test_ctrl_c_while_workers_run_prints_one_line_and_no_worker_traceback(tmp_path):
    listings = tmp_path / "in"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synth.py"), "6000", str(listings)], check=True,
                   capture_output=True)
    out = tmp_path / "out"
    (out).mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(listings), "-o", str(out), "--jobs", "2",
                             "--no-cache", "-q"], stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    for phase in ("extraction workers run", "they are done", "the RDF writer and page workers run"):
        want_many = phase != "they are done"
        while (_workers(proc) >= 2) != want_many and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, f"the build ended before {phase}"
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "paperkg: interrupted" in err and "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_ctrl_c_while_the_rdf_writer_runs_stops_it_at_once(tmp_path):
    # the forked writer ignores Ctrl-C; the build process must stop it, not wait for the whole graph
    script = tmp_path / "rdf_int.py"
    script.write_text('''
import os, signal, sys, threading, time, types
from pathlib import Path
import kg.pipeline as pl
def slow_write(graph, staging, **kw):
    time.sleep(60)
pl.write_outputs = slow_write
pl._fork_fits = lambda: True
g = types.SimpleNamespace(nx=types.SimpleNamespace(number_of_nodes=lambda: 10 ** 6, number_of_edges=lambda: 0))
job = pl._RdfJob(g, Path(sys.argv[1]), previous=None, cache_dir=None, report={}, parallel=True)
threading.Timer(1.0, lambda: os.killpg(os.getpgrp(), signal.SIGINT)).start()
try:
    job.finish()
except KeyboardInterrupt:
    print("interrupted", flush=True)
''', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, env=env,
                          start_new_session=True, timeout=50)  # (the writer alone would take 60 s)
    assert done.stdout.strip() == "interrupted", done.stderr
