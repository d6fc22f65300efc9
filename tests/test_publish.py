"""A build replaces its output set as one, or not at all (issues 13 bug 3, 17 items 4 and 6).

* no readable input: one error line, non-zero exit, nothing written;
* a failed write: one error line naming the file, the previous outputs untouched;
* a kill while the outputs are being published: the folder holds the complete
  previous set or the complete new one, never a mix, and the user's own files
  in it survive;
* a build of a folder never reads a paperkg output folder in it as listings.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.errors import InputError, NoPapersError
from kg.layout import OUTPUT_MARKER
from kg.pipeline import build_job

REPO = Path(__file__).resolve().parents[1]
ORDER = REPO / "tests" / "data" / "order"
ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}


def _everything(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder``, hidden ones and the cache included (None for folders)."""
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def _visible(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in _everything(folder).items()
            if v is not None and not any(part.startswith(".") for part in k.split("/"))}


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """(old, new): the visible outputs of a.jsonl alone and of a, b and c, each built from scratch."""
    root = tmp_path_factory.mktemp("sets")
    build_job([ORDER / "a.jsonl"], root / "old", quiet=True)
    build_job([ORDER], root / "new", quiet=True)
    old, new = _visible(root / "old"), _visible(root / "new")
    assert old["graph.ttl"] != new["graph.ttl"] and old["papers.jsonl"] != new["papers.jsonl"]
    return root, old, new


def _previous_build(sets, tmp_path) -> Path:
    root, old, _ = sets
    out = tmp_path / "out"
    shutil.copytree(root / "old", out)
    (out / ".gitkeep").write_text("")
    (out / "notes.txt").write_text("the user's own notes")
    return out


# --- nothing readable -> nothing replaced ----------------------------------------------------------


@pytest.mark.parametrize("bad", ["typo.txt", "empty-folder"])
def test_no_readable_input_replaces_nothing(sets, tmp_path, capsys, bad):
    out = _previous_build(sets, tmp_path)
    (tmp_path / "empty-folder").mkdir()
    before = _everything(out)
    assert main(["build", str(tmp_path / bad), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("paperkg: error: ") and bad in err[0], err
    assert "no papers" in err[0]
    assert _everything(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty-folder", "out"]  # no staging left


def test_no_readable_input_creates_no_output_folder(tmp_path):
    with pytest.raises(NoPapersError):
        build_job([tmp_path / "typo.txt"], tmp_path / "new-out", quiet=True)
    assert not (tmp_path / "new-out").exists()


def test_api_build_of_nothing_raises(tmp_path):
    with pytest.raises(InputError, match="nonexistent: no such file"):
        kg.build([tmp_path / "nonexistent"])
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(NoPapersError):
        kg.build([tmp_path / "empty.jsonl", tmp_path / "nonexistent"])


# --- a failed write ---------------------------------------------------------------------------------


def test_failed_write_names_the_file_and_replaces_nothing(sets, tmp_path, capsys, monkeypatch):
    import kg.pipeline

    out = _previous_build(sets, tmp_path)
    before = _everything(out)
    real = kg.pipeline.write_views

    def full_disk(graph, staging, **kw):
        real(graph, staging, **kw)  # every page written, then the disk fills up on one more
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(Path(staging) / "paper" / "last.html"))

    monkeypatch.setattr(kg.pipeline, "write_views", full_disk)  # the name the build calls
    assert main(["build", str(ORDER), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"paperkg: error: cannot write {out / 'paper' / 'last.html'}: No space left on device"]
    after = _everything(out)
    for cache in (".cache/extraction.sqlite", ".cache/words.sqlite"):  # caches keyed by content, not outputs
        after.pop(cache, None), before.pop(cache, None)
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # the staging folder is gone


# --- a kill while publishing --------------------------------------------------------------------

#: Runs ``paperkg build`` and SIGKILLs it at a chosen moment of the publishing step:
#: ``rename:N`` at the N-th rename of a visible output into the output folder,
#: ``swapped`` just after the folders were exchanged.
KILLER = r"""
import os, signal, sys
mode, out, args = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
def die():
    os.kill(os.getpid(), signal.SIGKILL)
if mode.startswith("rename:"):
    n, count = int(mode.split(":")[1]), [0]
    def hook(real):
        def wrapped(src, dst, *a, **k):
            rel = os.path.relpath(os.path.abspath(os.fsdecode(dst)), out)
            if not rel.startswith(".") and not rel.startswith(os.sep):
                count[0] += 1
                if count[0] == n:
                    die()
            return real(src, dst, *a, **k)
        return wrapped
    os.replace, os.rename = hook(os.replace), hook(os.rename)
else:
    import kg.pipeline
    real = kg.pipeline.exchange
    def exchange_then_die(a, b):
        real(a, b)
        die()
    kg.pipeline.exchange = exchange_then_die
from kg.cli import main
sys.exit(main(args))
"""


def _killed_build(mode: str, out: Path) -> int:
    cmd = [sys.executable, "-c", KILLER, mode, str(out), "build", str(ORDER), "-o", str(out), "--quiet"]
    return subprocess.run(cmd, cwd=out.parent, env=ENV, capture_output=True, text=True).returncode


@pytest.mark.parametrize("mode", ["rename:3", "rename:8", "swapped"])
def test_kill_while_publishing_leaves_the_old_or_the_new_set(sets, tmp_path, mode):
    _, old, new = sets
    out = _previous_build(sets, tmp_path)
    _killed_build(mode, out)
    tree = _visible(out)
    tree.pop("notes.txt", None)
    assert tree in (old, new), f"{mode}: a mix of two builds; new files: " + ", ".join(
        sorted(k for k in tree if tree[k] == new.get(k) != old.get(k)))
    if mode == "swapped":  # killed after the one step that publishes: the new set is there, complete
        assert tree == new
    # the next build finishes the job: new outputs, the user's files back in place, no leftovers
    build_job([ORDER], out, quiet=True)
    assert _visible(out) == dict(new, **{"notes.txt": b"the user's own notes"})
    assert (out / ".gitkeep").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_page_folder_does_not_half_replace_the_set(sets, tmp_path):
    """The issue's case: a read-only out/paper failed the build after the top-level files were replaced."""
    _, _, new = sets
    out = _previous_build(sets, tmp_path)
    (out / "paper").chmod(0o555)
    build_job([ORDER], out, quiet=True)  # the new set is staged beside out/: nothing is written into paper/
    assert _visible(out) == dict(new, **{"notes.txt": b"the user's own notes"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# --- a build never reads its own outputs -----------------------------------------------------------


def test_build_of_a_folder_skips_output_folders_in_it(tmp_path):
    shutil.copy(ORDER / "a.jsonl", tmp_path / "a.jsonl")
    first = build_job([tmp_path], tmp_path / "out", quiet=True)
    assert (tmp_path / "out" / OUTPUT_MARKER).is_file() and (tmp_path / "out" / "assets").is_dir()
    again = build_job([tmp_path], tmp_path / "out", quiet=True)
    assert again.report["ingest"]["files"] == [f"{tmp_path.name}/a.jsonl"]
    assert again.errors == [] and again.report == first.report


def test_build_of_its_own_output_folder_reads_only_the_listings(tmp_path):
    """``paperkg build . -o .``: the folder is both; its outputs are skipped, its listings read."""
    shutil.copy(ORDER / "a.jsonl", tmp_path / "a.jsonl")
    first = build_job([tmp_path], tmp_path, quiet=True)
    again = build_job([tmp_path], tmp_path, quiet=True)
    assert again.report["ingest"]["files"] == [f"{tmp_path.name}/a.jsonl"]
    assert again.errors == [] and again.report == first.report
    assert (tmp_path / "a.jsonl").read_bytes() == (ORDER / "a.jsonl").read_bytes()
