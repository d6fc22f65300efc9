"""Failures to write are found before extraction, and a failed build leaves no cache it made behind."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "kg" / "data" / "demo" / "daily-2025-01-13.txt"

# Runs a build with extraction replaced by a marker: if extraction starts, the marker file appears.
_RUNNER = textwrap.dedent("""
    import resource, signal, sys
    limit, marker, *argv = sys.argv[1:]
    if int(limit):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))
    import kg.pipeline
    real = kg.pipeline.extract_corpus
    def extract(*a, **k):
        open(marker, "w").close()
        return real(*a, **k)
    kg.pipeline.extract_corpus = extract
    from kg.cli import main
    sys.exit(main(argv))
""")


def _run(tmp_path: Path, out: Path, limit: int = 0) -> subprocess.CompletedProcess:
    marker = tmp_path / "extraction-ran"
    return subprocess.run([sys.executable, "-c", _RUNNER, str(limit), str(marker), "build", str(DEMO), "-o", str(out),
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_no_space_is_found_before_extraction_and_leaves_nothing(tmp_path):
    """A file-size limit below the probe's size stands in for a full disk (it also binds root)."""
    out = tmp_path / "out"
    proc = _run(tmp_path, out, limit=256 * 1024)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("paperkg: error: cannot write ")
    assert str(tmp_path) in lines[0] and "too large" in lines[0].lower()
    assert not (tmp_path / "extraction-ran").exists()  # refused before any extraction
    assert not out.exists()  # neither the folder this build made nor a .cache in it is left


def test_probe_leaves_no_file_behind(tmp_path):
    out = tmp_path / "out"
    proc = _run(tmp_path, out)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "extraction-ran").exists()
    assert not [p for p in tmp_path.rglob("*probe*")]


def _permissions_bind(tmp_path: Path) -> bool:
    """Whether a read-only folder stops this process (root with CAP_DAC_OVERRIDE writes anyway)."""
    d = tmp_path / "ro-check"
    d.mkdir()
    os.chmod(d, 0o555)
    try:
        (d / "x").touch()
    except PermissionError:
        return True
    finally:
        os.chmod(d, 0o755)
    return False


def test_read_only_folders_are_found_before_extraction(tmp_path):
    if not _permissions_bind(tmp_path):
        pytest.skip("this process writes into read-only folders (root); the file-size test covers it")
    parent = tmp_path / "parent"
    out = parent / "out"
    assert _run(tmp_path, out).returncode == 0
    (tmp_path / "extraction-ran").unlink()
    os.chmod(out, 0o555)
    os.chmod(parent, 0o555)
    try:
        proc = _run(tmp_path, out)
    finally:
        os.chmod(parent, 0o755)
        os.chmod(out, 0o755)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0] and "ermission denied" in lines[0]
    assert not (tmp_path / "extraction-ran").exists()
    assert (out / "graph.ttl").is_file()  # the previous outputs are untouched


def test_failure_after_extraction_drops_the_cache_it_made_and_keeps_an_older_one(tmp_path, monkeypatch):
    import kg.pipeline
    from kg.errors import OutputError
    from kg.pipeline import build_job

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "graph.ttl"))

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(kg.pipeline, "write_outputs", full)
        with pytest.raises(OutputError, match="No space left"):
            build_job([DEMO], out, quiet=True)
    assert not out.exists()  # the cache (and the folder) this failed build made are gone

    build_job([DEMO], out, quiet=True)
    assert (out / ".cache" / "extraction.sqlite").is_file()
    with monkeypatch.context() as m:
        m.setattr(kg.pipeline, "write_outputs", full)
        with pytest.raises(OutputError):
            build_job([DEMO], out, quiet=True)
    assert (out / ".cache" / "extraction.sqlite").is_file()  # a cache of an earlier build is kept
    assert (out / "graph.ttl").is_file()


def test_extract_into_a_folder_that_cannot_be_written_fails_before_extraction(tmp_path, monkeypatch, capsys):
    import kg.pipeline
    from kg.cli import main

    def boom(*_a, **_k):
        raise AssertionError("extraction started")

    monkeypatch.setattr(kg.pipeline, "extract_corpus", boom)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["extract", str(DEMO), "-o", str(blocker / "pred.jsonl"), "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(blocker / "pred.jsonl") in err[0] and "nothing was extracted" in err[0]


def test_extract_still_makes_a_missing_folder(tmp_path):
    from kg.cli import main

    dest = tmp_path / "new" / "deeper" / "pred.jsonl"
    assert main(["extract", str(DEMO), "-o", str(dest), "--quiet"]) == 0
    assert dest.is_file() and not list(tmp_path.rglob("*probe*"))
