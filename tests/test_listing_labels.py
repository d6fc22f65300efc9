"""Listings are named in the outputs by their path below the folder that holds them all
(kg.ingest.reader.listing_labels), so the graph, the pages and the build report do not depend on how the
paths were typed or where the corpus lives; errors still name a file as typed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.ingest import read_inputs
from kg.ingest.reader import listing_labels

PAPERS = [
    {"title": "Sparse Widgets: Fast Things", "abstract": "We propose Sparse Widgets, trained on ImageNet and tested on GSM8K."},
    {"title": "Gizmo Routing for Agents", "abstract": "We introduce GizmoRoute, a router evaluated on SWE-bench with PPO."},
]


def _corpus(root: Path) -> Path:
    folder = root / "where" / "i" / "keep" / "listings"
    (folder / "june").mkdir(parents=True)
    (folder / "day1.jsonl").write_text(json.dumps(PAPERS[0]) + "\n", encoding="utf-8")
    (folder / "june" / "day2.jsonl").write_text(json.dumps(PAPERS[1]) + "\n", encoding="utf-8")
    return folder


def test_labels_start_at_the_folder_holding_every_listing(tmp_path):
    folder = _corpus(tmp_path)
    files = [folder / "day1.jsonl", folder / "june" / "day2.jsonl"]
    assert set(listing_labels(files).values()) == {"listings/day1.jsonl", "listings/june/day2.jsonl"}
    # the folder given, the files one by one, or a spelling with ".." and ".": the same names
    roundabout = tmp_path / "where" / "i" / ".." / "i" / "keep" / "." / "listings"
    for paths in ([folder], files, [roundabout]):
        assert sorted(read_inputs(paths).files) == ["listings/day1.jsonl", "listings/june/day2.jsonl"]
    one = listing_labels([folder / "day1.jsonl"])
    assert list(one.values()) == ["listings/day1.jsonl"]


def test_sources_do_not_depend_on_how_the_paths_are_spelled(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    absolute = read_inputs([str(folder)])
    monkeypatch.chdir(tmp_path / "where")
    relative = read_inputs(["i/keep/listings/"])
    assert [p.sources for p in absolute.papers] == [p.sources for p in relative.papers]
    assert {s.file for p in absolute.papers for s in p.sources} == {"listings/day1.jsonl", "listings/june/day2.jsonl"}
    assert absolute.report() == relative.report()


def test_two_spellings_build_the_same_bytes_and_leak_no_local_folder(tmp_path, monkeypatch, capsys):
    folder = _corpus(tmp_path)
    out_a, out_b = tmp_path / "out_a", tmp_path / "out_b"
    assert main(["build", str(folder), "-o", str(out_a), "--no-cache", "-q"]) == 0
    monkeypatch.chdir(tmp_path / "where" / "i")
    assert main(["build", "keep/listings", "-o", str(out_b), "--no-cache", "-q"]) == 0
    capsys.readouterr()
    for name in ("graph.ttl", "analytics.ttl", "papers.jsonl", "build-report.json"):
        assert (out_a / name).read_bytes() == (out_b / name).read_bytes(), name
    graph = (out_a / "graph.ttl").read_text(encoding="utf-8")
    assert "listings/day1.jsonl" in graph and str(tmp_path) not in graph
    assert str(tmp_path) not in (out_a / "build-report.json").read_text(encoding="utf-8")


def test_errors_still_name_the_file_as_typed(tmp_path, capsys):
    folder = _corpus(tmp_path)
    bad = folder / "broken.jsonl"
    bad.write_text('{"title": "Fine Paper", "abstract": "An abstract."}\n{not json\n', encoding="utf-8")
    result = read_inputs([folder])
    assert result.errors and all(str(e).startswith(str(bad)) for e in result.errors)
    # the report, an output, names it by its label
    report = result.report()
    assert report["skipped_records"] and {r["file"] for r in report["skipped_records"]} == {"listings/broken.jsonl"}
    assert all(e.startswith("listings/broken.jsonl") for e in report["errors"])


@pytest.mark.parametrize("names", [("a.jsonl",), ("a.jsonl", "b.jsonl")])
def test_files_of_one_folder_are_named_under_it(tmp_path, names):
    folder = tmp_path / "daily"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(json.dumps(PAPERS[0]) + "\n", encoding="utf-8")
    assert sorted(listing_labels([folder / n for n in names]).values()) == [f"daily/{n}" for n in names]


def test_a_rebuild_with_another_spelling_is_up_to_date(tmp_path, monkeypatch, capsys):
    folder = _corpus(tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(folder), "-o", str(out)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(tmp_path / "where")
    assert main(["build", "i/../i/keep/listings/", "-o", str(out)]) == 0
    assert "is up to date" in capsys.readouterr().err


def test_a_symlinked_listing_is_named_where_it_is_linked(tmp_path):
    folder = _corpus(tmp_path)
    elsewhere = tmp_path / "archive" / "2025"
    elsewhere.mkdir(parents=True)
    target = elsewhere / "old.jsonl"
    target.write_text(json.dumps({"title": "Quux Gizmos Revisited", "abstract": "We revisit Quux gizmos."}) + "\n",
                      encoding="utf-8")
    (folder / "linked.jsonl").symlink_to(target)
    assert sorted(read_inputs([folder]).files) == [
        "listings/day1.jsonl", "listings/june/day2.jsonl", "listings/linked.jsonl"]


def test_listings_that_share_only_the_root_are_named_by_their_own_folders():
    # "/tmp/me/in/a.json" and "/data/corpus/b.txt": no local folder above a listing's own goes into the outputs
    a, b, c = Path("/zz-home/me/in/a.json"), Path("/yy-data/corpus/b.txt"), Path("/xx-more/in/a.json")
    assert listing_labels([a, b]) == {a: "in/a.json", b: "corpus/b.txt"}
    labels = listing_labels([a, b, c])  # two named alike: one more folder each, only as far as needed
    assert labels == {a: "me/in/a.json", b: "yy-data/corpus/b.txt", c: "xx-more/in/a.json"}


def test_one_file_typed_twice_beside_another_root_keeps_short_names():
    a, same, b = Path("/zz-home/me/in/a.json"), Path("/zz-home/me/in/a.json"), Path("/yy-data/corpus/b.txt")
    assert set(listing_labels([a, same, b]).values()) == {"in/a.json", "corpus/b.txt"}
