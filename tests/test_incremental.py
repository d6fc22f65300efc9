"""Incremental builds: re-running ``paperkg build`` on a grown (or shrunk) folder into the same output
folder gives, file for file, the bytes of a cold build of the same inputs in a fresh folder.

The listings are invented ones from benchmarks/synth.py (Daily Papers page dumps, one day per file).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from kg.pipeline import build_job

ROOT = Path(__file__).resolve().parents[1]
#: Hidden entries that are not outputs: the extraction cache (holds what earlier builds saw) and the lock.
NOT_OUTPUTS = (".cache", ".paperkg.lock")


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    """Four invented day listings of 40 entries each (0000_synth.txt ... 0003_synth.txt)."""
    spec = importlib.util.spec_from_file_location("paperkg_bench_synth_incr", ROOT / "benchmarks" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    folder = tmp_path_factory.mktemp("listings")
    synth.write_corpus(synth.generate(160, seed=3), folder, per_file=40)
    return sorted(folder.iterdir())


def _outputs(out: Path) -> dict[str, bytes]:
    tree = {}
    for root, _dirs, files in os.walk(out):
        for name in files:
            path = Path(root) / name
            rel = path.relative_to(out)
            if rel.parts[0] not in NOT_OUTPUTS:
                tree[rel.as_posix()] = path.read_bytes()
    return tree


def _build(inputs: Path, out: Path) -> None:
    build_job([inputs], out, quiet=True, year=2025)


def _assert_same_tree(incremental: Path, cold: Path) -> None:
    a, b = _outputs(incremental), _outputs(cold)
    assert sorted(a) == sorted(b), (sorted(set(a) - set(b))[:5], sorted(set(b) - set(a))[:5])
    differ = sorted(name for name in a if a[name] != b[name])
    assert not differ, f"{len(differ)} of {len(a)} files differ from a cold build, e.g. {differ[:5]}"


def _folder(root: Path, files) -> Path:
    root.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, root / f.name)
    return root


def _cold(inputs: Path, files, cold: Path) -> None:
    """A cold build of exactly ``files``, read from the same folder path (pages name their source files)."""
    for f in inputs.iterdir():
        f.unlink()
    _build(_folder(inputs, files), cold)


def test_adding_a_listing_gives_the_cold_build(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings[:3])
    out = tmp_path / "out"
    _build(inputs, out)
    before = _outputs(out)
    shutil.copy(listings[3], inputs / listings[3].name)
    _build(inputs, out)
    cold = tmp_path / "cold"
    _cold(inputs, listings, cold)
    _assert_same_tree(out, cold)
    after = _outputs(out)
    new_pages = [n for n in after if n.startswith("paper/") and n not in before]
    assert new_pages, "the added listing must add paper pages"
    assert (out / ".cache").is_dir(), "the extraction cache is kept between builds"


def test_removing_a_listing_gives_the_cold_build_and_drops_its_pages(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings)
    out = tmp_path / "out"
    _build(inputs, out)
    before = _outputs(out)
    (inputs / listings[0].name).unlink()
    _build(inputs, out)
    cold = tmp_path / "cold"
    _cold(inputs, listings[1:], cold)
    _assert_same_tree(out, cold)
    gone = [n for n in before if n.startswith("paper/") and not (out / n).exists()]
    assert gone, "pages of papers that left the corpus must be deleted"


def test_rebuilding_the_same_inputs_changes_nothing(tmp_path, listings):
    inputs = _folder(tmp_path / "in", listings[:2])
    out = tmp_path / "out"
    _build(inputs, out)
    first = _outputs(out)
    _build(inputs, out)
    assert _outputs(out) == first
