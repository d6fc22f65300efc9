"""``paperkg build`` into a folder that already holds the untouched outputs of the same listings, options and
code reads and writes nothing (kg.uptodate); anything else rebuilds."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg import uptodate
from kg.cli import main

PAPERS = [
    {"title": "Sparse Widgets: Fast Things", "abstract": "We propose Sparse Widgets, trained on ImageNet and tested on GSM8K."},
    {"title": "Gizmo Routing for Agents", "abstract": "We introduce GizmoRoute, a router evaluated on SWE-bench with PPO."},
    {"title": "A Study of Blorp", "abstract": "We fine-tune BERT with LoRA on SQuAD and compare with Sparse Widgets."},
]


def _listing(folder: Path, papers=PAPERS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "day.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


def _state(out: Path) -> dict[str, tuple[int, int, int]]:
    """(inode, mtime, size) of every output file: a build that writes anything changes one of them."""
    found = {}
    for root, _dirs, files in os.walk(out):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(out).as_posix()
            if not rel.startswith((".cache/", ".paperkg.lock")):
                st = path.stat()
                found[rel] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return found


def _build(capsys, *args: str) -> tuple[int, str]:
    code = main(["build", *args])
    return code, capsys.readouterr().err


@pytest.fixture()
def built(tmp_path, capsys):
    listing = _listing(tmp_path / "in")
    out = tmp_path / "out"
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0 and "up to date" not in err
    return listing, out


def test_second_build_of_the_same_inputs_writes_nothing(built, capsys):
    listing, out = built
    before = _state(out)
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0
    assert "is up to date" in err and "wrote" not in err
    assert _state(out) == before
    assert (out / ".cache" / uptodate.RECORD_NAME).is_file()


def test_force_rebuilds_the_same_bytes(built, capsys):
    listing, out = built
    before = {rel: (out / rel).read_bytes() for rel in _state(out)}
    code, err = _build(capsys, str(listing), "-o", str(out), "--force")
    assert code == 0 and "up to date" not in err and "wrote" in err
    assert {rel: (out / rel).read_bytes() for rel in _state(out)} == before


def test_an_edited_listing_rebuilds(built, capsys):
    listing, out = built
    _listing(listing.parent, PAPERS + [{"title": "Zorb Nets", "abstract": "We present ZorbNet for CIFAR-10."}])
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0 and "up to date" not in err
    assert "Zorb Nets" in (out / "papers.jsonl").read_text(encoding="utf-8")


def test_another_option_rebuilds(built, capsys):
    listing, out = built
    code, err = _build(capsys, str(listing), "-o", str(out), "--top-k", "3")
    assert code == 0 and "up to date" not in err
    code, err = _build(capsys, str(listing), "-o", str(out), "--top-k", "3")
    assert "up to date" in err


@pytest.mark.parametrize("change", ["edit", "delete", "add", "touch"])
def test_a_touched_output_folder_rebuilds_and_restores_the_outputs(built, capsys, change):
    listing, out = built
    page = out / "index.html"
    original = page.read_bytes()
    if change == "edit":
        page.write_bytes(original + b"<!-- mine -->")
    elif change == "delete":
        page.unlink()
    elif change == "add":
        (out / "paper" / "extra.html").write_text("not ours")
    else:
        os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0 and "up to date" not in err
    assert page.read_bytes() == original


def test_a_malformed_record_rebuilds(built, capsys):
    listing, out = built
    (out / ".cache" / uptodate.RECORD_NAME).write_text('{"format": 1, "key": ')
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0 and "up to date" not in err


def test_input_errors_are_repeated_with_the_exit_status(tmp_path, capsys):
    listing = _listing(tmp_path / "in")
    (tmp_path / "in" / "bad.json").write_text('[{"title": "x", "abstract": ')
    out = tmp_path / "out"
    code, err = _build(capsys, str(tmp_path / "in"), "-o", str(out))
    first = [line for line in err.splitlines() if line.startswith("paperkg: error:")]
    assert code == 1 and len(first) == 1 and "bad.json" in first[0]
    code, err = _build(capsys, str(tmp_path / "in"), "-o", str(out))
    assert code == 1 and "is up to date" in err
    assert [line for line in err.splitlines() if line.startswith("paperkg: error:")] == first
    assert listing.exists()


def test_no_record_without_the_cache(tmp_path, capsys):
    listing = _listing(tmp_path / "in")
    out = tmp_path / "out"
    for _ in range(2):
        code, err = _build(capsys, str(listing), "-o", str(out), "--no-cache")
        assert code == 0 and "up to date" not in err
    assert not (out / ".cache" / uptodate.RECORD_NAME).exists()


def test_the_key_follows_bytes_names_and_options(tmp_path):
    listing = _listing(tmp_path / "in")
    key = uptodate.build_key([listing], {"top_k": 10})
    assert uptodate.build_key([listing], {"top_k": 10}) == key
    assert uptodate.build_key([listing], {"top_k": 9}) != key
    copy = tmp_path / "other.jsonl"
    copy.write_bytes(listing.read_bytes())
    assert uptodate.build_key([copy], {"top_k": 10}) != key  # the file's name is in the outputs
    listing.write_bytes(listing.read_bytes().replace(b"GSM8K", b"GSM8k"))
    assert uptodate.build_key([listing], {"top_k": 10}) != key


def test_the_store_folder_is_part_of_the_outputs(tmp_path, capsys):
    import shutil

    listing = _listing(tmp_path / "in")
    out, store = tmp_path / "out", tmp_path / "store"
    assert _build(capsys, str(listing), "-o", str(out), "--store", str(store))[0] == 0
    assert "is up to date" in _build(capsys, str(listing), "-o", str(out), "--store", str(store))[1]
    shutil.rmtree(store)
    code, err = _build(capsys, str(listing), "-o", str(out), "--store", str(store))
    assert code == 0 and "up to date" not in err and store.is_dir()


def test_a_listing_changed_during_the_build_leaves_no_record(tmp_path, monkeypatch):
    from kg.pipeline import build_job

    listing = _listing(tmp_path / "in")
    keys = iter(["before", "after"])
    monkeypatch.setattr(uptodate, "build_key", lambda paths, options: next(keys))
    build_job([listing], tmp_path / "out", quiet=True)
    assert not (tmp_path / "out" / ".cache" / uptodate.RECORD_NAME).exists()
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_record_that_cannot_be_written_warns_and_the_build_stands(built, capsys, monkeypatch):
    listing, out = built
    listing.write_text(listing.read_text(encoding="utf-8").replace("GSM8K", "MATH"), encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(uptodate, "write_record", refuse)
    code, err = _build(capsys, str(listing), "-o", str(out))
    assert code == 0 and "cannot record the build" in err and "MATH" in (out / "papers.jsonl").read_text()
    assert not (out / ".cache" / uptodate.RECORD_NAME).exists()  # the older record is gone too


def test_a_listing_read_from_a_pipe_is_built_not_consumed_by_the_up_to_date_check(tmp_path, capsys):
    # "paperkg build <(cat day.jsonl)", "cat day.jsonl | paperkg build /dev/stdin": a pipe can be read once
    import threading

    fifo = tmp_path / "day.jsonl"
    os.mkfifo(fifo)
    assert uptodate.build_key([fifo], {}) is None
    text = "".join(json.dumps(p) + "\n" for p in PAPERS)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    code, err = _build(capsys, str(fifo), "-o", str(tmp_path / "out"))
    writer.join(5)
    assert code == 0 and "3 distinct papers, no duplicates" in err and "up to date" not in err
    assert not (tmp_path / "out" / ".cache" / uptodate.RECORD_NAME).exists()


def test_the_same_listings_named_in_another_order_are_up_to_date(tmp_path, capsys):
    first = _listing(tmp_path / "a", PAPERS[:2])
    second = _listing(tmp_path / "b", PAPERS[2:])
    out = tmp_path / "out"
    code, err = _build(capsys, str(first), str(second), "-o", str(out))
    assert code == 0 and "up to date" not in err
    code, err = _build(capsys, str(second), str(first), "-o", str(out))
    assert code == 0 and "is up to date" in err
