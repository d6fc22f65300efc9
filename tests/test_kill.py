"""A ``paperkg build`` killed with SIGKILL at any moment never leaves a broken output folder.

Every visible output file is, byte for byte, either the previous build's or
the complete new build's (builds are deterministic, so "new" is known from a
reference build elsewhere); graph.ttl parses and papers.jsonl is all JSON.
Leftovers are only hidden ``.staging-*`` folders / ``.*.tmp`` files, and the
next build removes them.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
REPO = Path(__file__).resolve().parents[1]
ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
INPUTS_A = ("good.jsonl", "metachars-daily.txt")
INPUTS_B = ("good.jsonl", "metachars.jsonl", "metachars.csv", "metachars.atom", "duplicates.jsonl")


def _command(inputs: str) -> list[str]:
    return [sys.executable, "-m", "kg", "build", inputs, "-o", "out", "--quiet"]


def _prepare(root: Path) -> Path:
    for folder, names in (("in_a", INPUTS_A), ("in_b", INPUTS_B)):
        (root / folder).mkdir(parents=True)
        for name in names:
            shutil.copy(HOSTILE / name, root / folder / name)
    return root


def _build(root: Path, inputs: str) -> None:
    proc = subprocess.run(_command(inputs), cwd=root, env=ENV, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _visible_tree(out: Path) -> dict[str, bytes]:
    tree = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            tree[rel.as_posix()] = path.read_bytes()
    return tree


#: Hidden entries a finished build keeps on purpose: the extraction cache (SQLite, crash-safe itself).
KEPT_HIDDEN = (".cache", ".paperkg.lock", ".paperkg-output.json")  # extraction cache; build lock; marker


def _hidden_entries(out: Path) -> list[str]:
    """Hidden files and folders, except the kept ones (and what is inside those)."""
    found = []
    for p in out.rglob("*"):
        rel = p.relative_to(out)
        if rel.parts[0] in KEPT_HIDDEN:
            continue
        if p.name.startswith("."):
            found.append(rel.as_posix())
    return sorted(found)


def _assert_cache_usable(out: Path) -> None:
    for db in sorted((out / ".cache").glob("*.sqlite")):
        with contextlib.closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), db


def _assert_consistent(out: Path, old: dict[str, bytes], new: dict[str, bytes], label: str) -> None:
    tree = _visible_tree(out)
    for name, data in tree.items():
        assert data in (old.get(name), new.get(name)), f"{label}: {name} is neither the old nor the new file"
    assert set(old) <= set(tree) or set(new) <= set(tree), f"{label}: outputs missing"
    with open(out / "graph.ttl", "rb") as fh:
        assert sum(1 for _ in ox.parse(fh, ox.RdfFormat.TURTLE)) > 0
    lines = (out / "papers.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(isinstance(json.loads(line), dict) for line in lines)
    for entry in _hidden_entries(out):  # only the hidden temp/staging names may be left over
        top = entry.split("/", 1)[0]
        assert top.startswith(".staging-") or (top.startswith(".") and top.endswith(".tmp")), f"{label}: {entry}"


def _kill_when(root: Path, trigger: str, delay: float) -> bool:
    """Start ``build in_b`` and SIGKILL it; True when it was still running at the kill."""
    out = root / "out"
    before = {p.name for p in out.iterdir()}  # staging folders left by earlier kills do not count
    proc = subprocess.Popen(_command("in_b"), cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if trigger == "staging":  # wait for this build's write phase to begin
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if any(p.name.startswith(".staging-") and p.name not in before for p in out.iterdir()):
                    break
                if any(p.name.startswith(".out.paperkg-") for p in root.iterdir()):  # staged beside out/
                    break
                time.sleep(0.002)
        time.sleep(delay)
        running = proc.poll() is None
        proc.kill()
    finally:
        proc.wait()
    return running


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    """(old outputs from in_a, new outputs from in_b), each built from scratch elsewhere."""
    ref_a = _prepare(tmp_path_factory.mktemp("ref-a"))
    ref_b = _prepare(tmp_path_factory.mktemp("ref-b"))
    _build(ref_a, "in_a")
    _build(ref_b, "in_b")
    old, new = _visible_tree(ref_a / "out"), _visible_tree(ref_b / "out")
    assert old["graph.ttl"] != new["graph.ttl"] and old["papers.jsonl"] != new["papers.jsonl"]
    return ref_a, old, new


def test_killed_builds_leave_old_or_new_complete_files(references, tmp_path):
    ref_a, old, new = references
    root = tmp_path / "victim"
    shutil.copytree(ref_a, root)  # the previous build's outputs, as left by a finished build
    assert _visible_tree(root / "out") == old
    killed_running = 0
    for trigger, delay in (("start", 0.5), ("start", 1.5), ("staging", 0.0), ("staging", 0.01),
                           ("staging", 0.05), ("staging", 0.2)):
        killed_running += _kill_when(root, trigger, delay)
        _assert_consistent(root / "out", old, new, f"kill at {trigger}+{delay}s")
        _assert_cache_usable(root / "out")
    assert killed_running >= 3  # most kills hit a running build (the early ones always do)
    # the next build completes the new outputs and removes every stale staging folder
    _build(root, "in_b")
    assert _visible_tree(root / "out") == new
    assert _hidden_entries(root / "out") == []
    assert sorted(p.name for p in root.iterdir()) == ["in_a", "in_b", "out"]  # no staging beside it either


def test_next_build_removes_only_stale_staging(references, tmp_path):
    ref_a, old, _new = references
    root = tmp_path / "victim"
    shutil.copytree(ref_a, root)
    out = root / "out"
    stale = out / ".staging-killed"
    (stale / "paper").mkdir(parents=True)
    (stale / "graph.ttl").write_text("half a graph <")
    (out / ".papers.jsonl.abc.tmp").write_text('{"half": ')
    (out / ".keep-me").write_text("not ours")
    past = time.time() - 60
    for path in (stale, stale / "graph.ttl", out / ".papers.jsonl.abc.tmp", out / ".keep-me"):
        os.utime(path, (past, past))
    _build(root, "in_a")
    assert _hidden_entries(out) == [".keep-me"]  # hidden files that are not ours are left alone
    assert _visible_tree(out) == old


def test_a_killed_builds_rdf_temp_file_is_not_moved_into_the_outputs(tmp_path):
    """A build killed while writing graph.ttl leaves its temporary N-Triples file in its staging folder; the
    next build finishes that folder (kg.pipeline._retire) and must delete the file, not keep it as the user's."""
    from kg.graph.export import _temp_path
    from kg.pipeline import _retire

    stale, target = tmp_path / ".out.paperkg-killed", tmp_path / "out"
    stale.mkdir()
    target.mkdir()
    with _temp_path(stale, ".nt") as name:
        Path(name).write_text("<a> <b> <c> .\n")
        (stale / "notes.txt").write_text("the user's")
        _retire(stale, target, set())
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert not stale.exists()
