"""Each paper's best date and its source (kg.ingest.dates): record dates, Daily Papers headings with their
year, --year, years inferred from the file, arXiv ids; merges, the build report, the CLI and the RDF."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.ingest import read_file, read_inputs
from kg.ingest.dates import arxiv_month, best_date, infer_years

DATA = Path(__file__).resolve().parent / "data" / "ingest"
LONG = ("We study an invented question with enough words that this line reads like an abstract. "
        "It has several sentences, ends with a period, and is far longer than any title could be. "
        "Results on three made-up benchmarks confirm the analysis, and the method is simple to use.")


def _daily(tmp_path, name, blocks):
    """A stacked-layout page: (heading or None, [titles]) blocks."""
    lines = ["Daily Papers", ""]
    for heading, titles in blocks:
        if heading:
            lines += [heading, ""]
        for t in titles:
            lines += [t, "", LONG + f" ({t}).", ""]
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_arxiv_month_new_and_old_ids():
    assert arxiv_month("2402.03300") == "2024-02"
    assert arxiv_month("0704.0001") == "2007-04"
    assert arxiv_month("hep-th/9901001") == "1999-01"
    assert arxiv_month("math.GT/0309136") == "2003-09"
    assert arxiv_month(None) is None and arxiv_month("not-an-id") is None


def test_infer_years_nearest_heading_and_year_boundary():
    heads = [(None, "2024-12-30"), ("--01-02", None), ("--12-31", None), ("--07-01", None)]
    assert infer_years(heads) == [("2024-12-30", "listing"), ("2025-01-02", "listing-year-inferred"),
                                  ("2024-12-31", "listing-year-inferred"), ("2024-07-01", "listing-year-inferred")]
    # the nearest dated heading decides, not the first
    assert infer_years([(None, "2019-03-01"), ("--03-02", None), (None, "2023-03-05"), ("--03-04", None)])[3] == (
        "2023-03-04", "listing-year-inferred")
    assert infer_years([("--08-25", None)]) == [(None, "listing-day")]
    assert infer_years([("--08-25", None), (None, None)], year=2025) == [("2025-08-25", "listing-year-option"),
                                                                        (None, "none")]
    assert infer_years([("--02-29", None)], year=2025) == [(None, "listing-day")]  # no Feb 29 in 2025


def test_best_date_prefers_the_better_source_then_the_earliest():
    assert best_date([("2025-01-13", "listing"), ("2023-05-23", "record"), ("2023-06-01", "record")]) == (
        "2023-05-23", "record")
    assert best_date([("2023-05", "arxiv-id"), ("2025-01-13", "listing-year-inferred")]) == (
        "2025-01-13", "listing-year-inferred")
    assert best_date([(None, "none"), (None, "listing-day")]) == (None, "listing-day")
    assert best_date([(None, "none")]) == (None, "none")


def test_daily_headings_without_year_take_the_files_year(tmp_path):
    path = _daily(tmp_path, "page.txt", [("Dec 30, 2024", ["Invented Title One"]), ("Jan 2", ["Invented Title Two"])])
    one, two = read_file(path)
    assert (one.date, one.date_source) == ("2024-12-30", "listing")
    assert (two.date, two.date_source) == ("2025-01-02", "listing-year-inferred")
    assert two.sources[0].listing_day == "--01-02"


def test_year_option_and_listing_day_left_alone(tmp_path):
    path = _daily(tmp_path, "page.txt", [("Aug 25", ["Invented Title One", "Invented Title Two"])])
    assert {(p.date, p.date_source) for p in read_file(path)} == {(None, "listing-day")}
    result = read_inputs([path])
    assert [str(w) for w in result.warnings] == [
        f"{path}:5: 2 paper(s) under day headings without a year (first 'Aug 25') and no heading with a year "
        "in the file to infer it from: undated; pass --year YEAR to date them"]
    # the build report names the listing by its output label (kg.ingest.reader.listing_labels), not as typed
    assert result.report()["warnings"] == [str(result.warnings[0]).replace(str(path), f"{tmp_path.name}/page.txt")]
    assert read_inputs([path], year=2025).warnings == []
    leap = _daily(tmp_path, "leap.txt", [("Feb 29", ["Invented Title Three"])])
    assert [w.reason for w in read_inputs([leap], year=2025).warnings] == [
        "1 paper(s) under day headings that do not exist in 2025 (first 'Feb 29'): undated"]
    assert {(p.date, p.date_source) for p in read_file(path, year=2025)} == {("2025-08-25", "listing-year-option")}
    with pytest.raises(ValueError, match="year must be"):
        read_inputs([path], year=25)


def test_record_dates_from_json_atom_csv_and_arxiv_fallback(tmp_path):
    for name in ("papers_api.json", "feed.atom", "papers.csv", "flat.jsonl"):
        for p in read_file(DATA / name):
            assert p.date_source in ("record", "arxiv-id", "none")
            assert (p.date_source == "record") == (p.date is not None and len(p.date) == 10)
    rec = tmp_path / "ids.jsonl"
    rec.write_text(json.dumps({"id": "2402.03300", "title": "Invented Title", "abstract": "An invented text."}) + "\n"
                   + json.dumps({"id": "2402.03301", "title": "Invented Other", "abstract": "Another text.",
                                 "publishedAt": "2024-02-06T10:00:00.000Z"}) + "\n", encoding="utf-8")
    a, b = read_file(rec)
    assert (a.date, a.date_source) == ("2024-02", "arxiv-id")
    assert (b.date, b.date_source) == ("2024-02-06", "record")


def test_merge_keeps_the_record_date_and_the_report_counts_sources(tmp_path):
    daily = _daily(tmp_path, "page.txt", [("Jan 13, 2025", ["Invented Shared Paper", "Invented Daily Only"])])
    api = tmp_path / "api.json"
    api.write_text(json.dumps([{"paper": {"id": "2305.99999", "title": "Invented Shared Paper", "summary": "Short.",
                                          "publishedAt": "2023-05-23T17:50:33.000Z"}},
                               {"paper": {"id": "2306.99998", "title": "Invented Undated", "summary": "Text."}}]),
                   encoding="utf-8")
    result = read_inputs([daily, api])
    by_title = {p.title: p for p in result.papers}
    assert (by_title["Invented Shared Paper"].date, by_title["Invented Shared Paper"].date_source) == (
        "2023-05-23", "record")
    assert by_title["Invented Daily Only"].date_source == "listing"
    assert by_title["Invented Undated"].date == "2023-06"
    counts = result.report()["date_sources"]
    assert counts == {"record": 1, "listing": 1, "listing-year-option": 0, "listing-year-inferred": 0,
                      "arxiv-id": 1, "listing-day": 0, "none": 0}
    assert read_inputs([api, daily]).report() == result.report()  # input order does not matter


def test_cli_year_option_dates_the_graph_and_bad_years_are_one_line(tmp_path):
    page = _daily(tmp_path, "page.txt", [("Aug 25", ["Invented Title One", "Invented Title Two"])])
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(page), "-o", str(out), "-q", "--year", "2025"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["ingest"]["date_sources"]["listing-year-option"] == 2
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"2025-08-25"^^xsd:date' in ttl and '"listing-year-option"' in ttl
    for bad in ("25", "abc"):
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(page), "-o", str(out), "--year", bad],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2 and "--year" in proc.stderr and "Traceback" not in proc.stderr
