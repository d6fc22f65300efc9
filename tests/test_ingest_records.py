"""One bad record costs one record (issue 16): every separable format keeps its good records.

A bad JSON Lines line, CSV row, JSON array entry, Atom entry or Daily Papers
pair is skipped as a RecordError naming its file and line; the file's other
records are kept, the build exits 1 and lists each skipped record in
build-report.json; ``--strict`` stops at the first.
"""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError, RecordError
from kg.ingest import error_lines, read_file, read_inputs

REPO = Path(__file__).resolve().parents[1]


def good(title: str) -> dict:
    return {"title": title, "abstract": f"We propose {title}, a method that works well on many benchmarks."}


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def jsonl_with_a_broken_line(tmp_path) -> Path:
    """Three good records and the truncated line of the issue, at line 3."""
    path = tmp_path / "papers.jsonl"
    lines = [json.dumps(good("Alpha Widgets")), json.dumps(good("Beta Widgets")),
             '{"title": "broken line", "abstract": ', json.dumps(good("Gamma Widgets"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_keeps_the_good_lines(jsonl_with_a_broken_line):
    result = read_inputs([jsonl_with_a_broken_line])
    assert [p.title for p in result.papers] == ["Alpha Widgets", "Beta Widgets", "Gamma Widgets"]
    assert [str(e) for e in result.errors] == [
        f"{jsonl_with_a_broken_line.as_posix()}:3: invalid JSON: Expecting value (column 38)"]
    assert isinstance(result.errors[0], RecordError) and result.skipped == result.errors
    assert [p.sources[0].line for p in result.papers] == [1, 2, 4]


def test_build_exits_1_lists_skipped_records_and_keeps_good_papers(jsonl_with_a_broken_line, tmp_path):
    proc = run_cli(tmp_path, "build", "papers.jsonl", "-o", "out", "--quiet")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["paperkg: error: papers.jsonl:3: invalid JSON: Expecting value (column 38)"]
    titles = [json.loads(l)["title"] for l in (tmp_path / "out" / "papers.jsonl").read_text().splitlines()]
    assert titles == ["Alpha Widgets", "Beta Widgets", "Gamma Widgets"]
    report = json.loads((tmp_path / "out" / "build-report.json").read_text())
    # the report names the listing below its folder (kg.ingest.reader.listing_labels); stderr as typed
    assert report["ingest"]["skipped_records"] == [
        {"file": f"{tmp_path.name}/papers.jsonl", "line": 3, "position": 2,
         "reason": "invalid JSON: Expecting value (column 38)"}]


def test_strict_stops_at_the_first_bad_record(jsonl_with_a_broken_line, tmp_path):
    proc = run_cli(tmp_path, "build", "papers.jsonl", "-o", "out", "--quiet", "--strict")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["paperkg: error: papers.jsonl:3: invalid JSON: Expecting value (column 38)"]
    assert not (tmp_path / "out" / "graph.ttl").exists()
    with pytest.raises(RecordError):
        read_inputs([jsonl_with_a_broken_line], strict=True)
    with pytest.raises(InputError, match=":3: invalid JSON"):  # read_file without an errors list: first bad record
        read_file(jsonl_with_a_broken_line)


def test_at_most_20_bad_records_printed_per_file_then_a_count(tmp_path):
    lines = [json.dumps(good("Only Good Widgets"))] + [f'{{"title": "bad {i}"' for i in range(25)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli(tmp_path, "extract", "many.jsonl", "-o", "out.jsonl", "--quiet")
    assert proc.returncode == 1
    err = proc.stderr.splitlines()
    assert len(err) == 21
    assert err[0].startswith("paperkg: error: many.jsonl:2: invalid JSON") and err[19].startswith("paperkg: error: many.jsonl:21: ")
    assert err[20] == "paperkg: error: many.jsonl: 5 more bad records skipped (25 in all)"
    assert [json.loads(l)["title"] for l in (tmp_path / "out.jsonl").read_text().splitlines()] == ["Only Good Widgets"]


def test_csv_rows_are_skipped_one_by_one(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text(
        'title,abstract\n'
        '"Good One","An abstract."\n'
        '"Bad"quote,"B."\n'
        '"Good Two","Another abstract."\n'
        'one field only\n'
        ',"a row without a title"\n'
        '"Good Three","A third abstract."\n',
        encoding="utf-8",
    )
    errors: list[InputError] = []
    papers = read_file(path, errors=errors)
    assert [p.title for p in papers] == ["Good One", "Good Two", "Good Three"]
    assert [(e.line, e.position) for e in errors] == [(3, 1), (5, 3), (6, 4)]
    assert "invalid CSV" in errors[0].reason and "1 fields but the header has 2" in errors[1].reason
    assert "empty title" in errors[2].reason
    with pytest.raises(InputError, match="lacks required column"):  # a bad header is still the whole file
        read_file(_write(tmp_path / "h.csv", "name,abstract\nx,y\n"), errors=[])


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_json_array_entries_are_skipped_with_their_line(tmp_path):
    doc = {"papers": [good("First Widgets"), {"title": 5, "abstract": "x"}, good("Third Widgets"), "not a record"]}
    path = _write(tmp_path / "papers.json", json.dumps(doc, indent=2))
    errors: list[InputError] = []
    papers = read_file(path, errors=errors)
    assert [p.title for p in papers] == ["First Widgets", "Third Widgets"]
    text_lines = path.read_text().splitlines()
    assert [(e.position, e.line) for e in errors] == [(1, 7), (3, 15)]
    assert text_lines[6].strip() == "{" and text_lines[14].strip() == "\"not a record\""  # the lines reported
    assert "'title' must be a string" in errors[0].reason and "expected an object" in errors[1].reason


def test_json_that_is_not_valid_json_stays_one_file_error(tmp_path):
    path = _write(tmp_path / "cut.json", json.dumps([good("Kept Nowhere")]) + ', {"title": ')
    errors: list[InputError] = []
    with pytest.raises(InputError, match="invalid JSON") as info:
        read_file(path, errors=errors)
    assert not isinstance(info.value, RecordError) and errors == []
    result = read_inputs([path])
    assert result.papers == [] and result.skipped == [] and len(result.errors) == 1


ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>arXiv</title>
  <entry>
    <id>http://arxiv.org/abs/2501.00001v1</id>
    <title>Good Atom Widgets</title>
    <summary>We propose good atom widgets.</summary>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/2501.00002v1</id>
    <title>An Entry Without A Summary</title>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/2501.00003v1</id>
    <title>More Atom Widgets</title>
    <summary>We propose more atom widgets.</summary>
  </entry>
</feed>
"""


def test_atom_entries_are_skipped_with_their_line(tmp_path):
    path = _write(tmp_path / "feed.atom", ATOM)
    errors: list[InputError] = []
    papers = read_file(path, errors=errors)
    assert [p.title for p in papers] == ["Good Atom Widgets", "More Atom Widgets"]
    assert [(str(e), e.position) for e in errors] == [
        (f"{path.as_posix()}:9: Atom entry at position 1 has no <summary>", 1)]
    with pytest.raises(InputError, match="not well-formed XML"):  # broken XML cannot be split: one file error
        read_file(_write(tmp_path / "bad.atom", ATOM.replace("</feed>", "")), errors=[])


def _abstract(words: str) -> str:
    return f"We study {words} in depth. Our method improves accuracy on three benchmarks and halves the cost of training."


def test_daily_papers_pairs_are_skipped_with_the_title_line(tmp_path):
    text = "\n\n".join([
        "Daily Papers", "Aug 25",
        "Sparse Widget Attention for Long Contexts", _abstract("sparse widget attention"),
        "A Paper With A Broken Abstract", "We propose " + "x" * 1_200 + " and evaluate it carefully on many tasks.",
        "Gradient Folding for Small Batches", _abstract("gradient folding"),
    ]) + "\n"
    path = _write(tmp_path / "daily.txt", text)
    errors: list[InputError] = []
    papers = read_file(path, errors=errors)
    assert [p.title for p in papers] == ["Sparse Widget Attention for Long Contexts", "Gradient Folding for Small Batches"]
    assert len(errors) == 1 and errors[0].line == 9 and errors[0].position == 1
    assert "run without spaces" in errors[0].reason
    assert text.splitlines()[8] == "A Paper With A Broken Abstract"


def test_error_lines_counts_per_file_and_keeps_file_errors():
    errs = [RecordError("a.jsonl", f"bad {i}", i) for i in range(1, 4)] + [InputError("b.json", "invalid JSON", 1)]
    errs += [RecordError("c.csv", "bad row", 2)]
    assert error_lines(errs, limit=2) == [
        "a.jsonl:1: bad 1", "a.jsonl:2: bad 2", "a.jsonl: 1 more bad records skipped (3 in all)",
        "b.json:1: invalid JSON", "c.csv:2: bad row"]


def test_record_errors_pickle_with_their_place():
    err = pickle.loads(pickle.dumps(RecordError("f.jsonl", "invalid JSON", 3, 2)))
    assert type(err) is RecordError and (err.file, err.line, err.position, str(err)) == (
        "f.jsonl", 3, 2, "f.jsonl:3: invalid JSON")
