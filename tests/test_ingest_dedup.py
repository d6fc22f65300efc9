"""Paper ids, de-duplication, read_inputs bookkeeping, and the real corpus / gold counts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    IngestResult,
    arxiv_id_from,
    default_corpus_paths,
    expand_paths,
    normalise_title,
    paper_id,
    read_inputs,
)
from kg.ingest.reader import listing_labels

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GF = "Gradient Folding Improves Small-Batch Optimization"
SWA = "Sparse Widget Attention: Linear-Time Transformers for Long Contexts"
LONG = (
    "We study a long question with many words so that this line reads like an abstract. "
    "It has several sentences, ends with a period, and is far longer than any title. "
    "Results on three benchmarks confirm the analysis and the method is simple to use."
)


def _jsonl(tmp_path: Path, name: str, records: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- ids ---------------------------------------------------------------------------------------


def test_stable_title_ids():
    assert paper_id(GF) == "gradient-folding-improves-small-batch-optimization-bb90205b"
    # Slug cut at a word boundary, hash of the full normalised title.
    assert paper_id(SWA) == "sparse-widget-attention-linear-time-transformers-for-long-c00e9836"
    assert paper_id("\u6df1\u5ea6\u5b66\u4e60") == "paper-c9fd9db3"
    assert paper_id(GF, "2501.01234") == "2501.01234"


def test_title_variants_share_an_id():
    variants = [
        SWA,
        "Sparse Widget Attention: Linear\u2013Time Transformers for Long Contexts",  # en dash
        "SPARSE WIDGET ATTENTION \u2014 Linear-Time Transformers for Long Contexts.",
        "  Sparse   Widget Attention:\nLinear-Time Transformers for Long Contexts ",
        "\uff33parse Widget Attention: Linear-Time Transformers for Long Contexts",  # full-width S
    ]
    assert {paper_id(v) for v in variants} == {paper_id(SWA)}
    assert normalise_title("It\u2019s All \u201cAttention\u201d \u2014 Really?!") == "its all attention really"
    assert paper_id("DrivingNet++: A Study") != paper_id("DrivingNet: Another Study")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2501.01234", "2501.01234"),
        ("2501.01234v3", "2501.01234"),
        ("arXiv:2410.00077v2", "2410.00077"),
        ("0704.0001", "0704.0001"),
        ("cs/0101001v1", "cs/0101001"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("https://arxiv.org/abs/2501.01234v2", "2501.01234"),
        ("http://export.arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/pdf/2501.01234v1.pdf", "2501.01234"),
        ("https://huggingface.co/papers/2502.04321", "2502.04321"),
        ("2513.01234", None),  # month 13
        ("paper-42", None),
        ("https://example.org/abs/2501.01234", None),
        ("", None),
    ],
)
def test_arxiv_id_from(value, expected):
    assert arxiv_id_from(value) == expected


# --- de-duplication ----------------------------------------------------------------------------


def test_fullest_abstract_kept_and_sources_recorded(tmp_path):
    a = _jsonl(tmp_path, "a.jsonl", [{"title": GF, "abstract": LONG[:120], "authors": ["Ann", "Bob"], "date": "2025-03-02"}])
    b = _jsonl(
        tmp_path,
        "b.jsonl",
        [
            {"title": SWA, "abstract": LONG},
            {"title": GF.upper(), "abstract": LONG, "authors": ["bob", "Cid"], "date": "2025-01-15", "github": "https://github.com/o/r"},
        ],
    )
    result = read_inputs([a, b])
    assert result.entries_read == 3
    # first-appearance order; the original capitalisation, not the capitals that came with the fuller abstract
    assert [p.title for p in result.papers] == [GF, SWA]
    gf = result.papers[0]
    assert gf.abstract == LONG
    assert gf.authors == ("Ann", "Bob", "Cid")  # union, order kept, case-insensitive
    assert gf.date == "2025-01-15"  # earliest full date
    assert gf.github == "https://github.com/o/r"
    # sources name each listing below the folder holding them all (kg.ingest.reader.listing_labels)
    folder = tmp_path.name
    assert [(s.file, s.position) for s in gf.sources] == [(f"{folder}/a.jsonl", 0), (f"{folder}/b.jsonl", 1)]
    assert result.merged == [
        {
            "id": paper_id(GF),
            "title": GF,
            "count": 2,
            "sources": [f"{folder}/a.jsonl#0", f"{folder}/b.jsonl#1"],
            "abstract_from": f"{folder}/b.jsonl#1",
        }
    ]


@pytest.mark.parametrize("order", ["fuller-last", "fuller-first"])
def test_best_formed_title_is_kept_whatever_abstract_wins(tmp_path, order):
    """Issue 16: 'FooNet:  efficient training' came with the fuller abstract and used to replace the title."""
    versions = [{"title": "FooNet: Efficient Training", "abstract": LONG[:80]},
                {"title": "FooNet:  efficient training", "abstract": LONG}]
    if order == "fuller-first":
        versions.reverse()
    result = read_inputs([_jsonl(tmp_path, "v.jsonl", versions)])
    (paper,) = result.papers
    assert paper.title == "FooNet: Efficient Training" and paper.abstract == LONG
    assert result.merged[0]["title"] == "FooNet: Efficient Training"
    assert paper.id == paper_id("FooNet: Efficient Training")


def test_best_title_prefers_mixed_case_and_normal_spacing():
    from kg.ingest.dedup import best_title
    from kg.models import Paper

    def entry(title: str) -> Paper:
        return Paper(id="x", title=title, abstract="a")

    kept = entry("FOONET: EFFICIENT TRAINING")
    group = [kept, entry("foonet: efficient training"), entry("FooNet: Efficient Training")]
    assert best_title(group, kept) == "FooNet: Efficient Training"
    kept = entry("FooNet:Efficient Training")
    group = [kept, entry("FooNet : Efficient Training"), entry("FooNet: Efficient Training")]
    assert best_title(group, kept) == "FooNet: Efficient Training"
    kept = entry("A Completely Different Title")  # merged by arXiv id: a title with other words is not a candidate
    assert best_title([kept, entry("Another Title Entirely")], kept) == "A Completely Different Title"


def test_equal_abstracts_keep_the_first(tmp_path):
    a = _jsonl(tmp_path, "a.jsonl", [{"title": GF, "abstract": LONG, "url": "https://example.org/first"}])
    b = _jsonl(tmp_path, "b.jsonl", [{"title": GF, "abstract": LONG, "url": "https://example.org/second"}])
    result = read_inputs([a, b])
    assert result.merged[0]["abstract_from"] == f"{tmp_path.name}/{a.name}#0"
    assert result.papers[0].url == "https://example.org/first"


def test_arxiv_id_merges_with_title_only_entries(tmp_path):
    path = _jsonl(
        tmp_path,
        "mixed.jsonl",
        [
            {"title": GF, "abstract": "short"},  # no id, appears first
            {"title": GF + "!", "abstract": LONG, "id": "2501.00001v2"},
            {"title": "Renamed in v3", "abstract": "x", "url": "https://arxiv.org/abs/2501.00001v3"},
            {"title": GF, "abstract": "other paper, same title", "id": "2502.00002"},
        ],
    )
    result = read_inputs([path])
    ids = [p.id for p in result.papers]
    assert ids == ["2501.00001", "2502.00002"]
    first = result.papers[0]
    assert first.arxiv_id == "2501.00001" and first.abstract == LONG
    assert [s.position for s in first.sources] == [0, 1, 2]
    assert result.merged[0]["count"] == 3


def test_same_title_different_arxiv_ids_stay_apart(tmp_path):
    path = _jsonl(
        tmp_path,
        "two.jsonl",
        [{"title": GF, "abstract": LONG, "id": "2501.00001"}, {"title": GF, "abstract": LONG, "id": "2501.00002"}],
    )
    assert [p.id for p in read_inputs([path]).papers] == ["2501.00001", "2501.00002"]


def test_fixture_corpus_merges_across_formats():
    result = read_inputs([DATA])
    by_id = {p.id: p for p in result.papers}
    assert len(result.papers) == 5 and result.entries_read == 14
    swa = by_id["2501.01234"]  # Atom + JSON (arXiv id) + two page dumps (title only)
    assert {s.format for s in swa.sources} == {"atom", "json", "dailypapers"}
    assert swa.github == "https://github.com/example-lab/swa"
    assert swa.date == "2025-01-02"
    assert swa.authors == ("Ada Example", "Eve Coauthor", "Bo Sample")
    assert len(swa.abstract) > 400  # the page dumps only had a truncated abstract
    assert by_id["2410.00077"].sources[0].format == "jsonl"


# --- read_inputs bookkeeping -------------------------------------------------------------------


def test_bad_files_are_recorded_and_good_papers_kept(tmp_path):
    good = _jsonl(tmp_path, "good.jsonl", [{"title": GF, "abstract": LONG}])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.json"
    result = read_inputs([empty, good, missing])
    assert [p.title for p in result.papers] == [GF]
    assert result.files == [f"{tmp_path.name}/{p.name}" for p in (empty, good, missing)]
    # errors name the files as typed: what the user can open
    assert [str(e) for e in result.errors] == [f"{empty.as_posix()}: empty file", f"{missing.as_posix()}: no such file"]
    with pytest.raises(InputError, match="empty file"):
        read_inputs([good, empty, missing], strict=True)


def test_report_is_json_ready_and_deterministic(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("title\nx\n", encoding="utf-8")
    first = read_inputs([DATA, bad]).report()
    second = read_inputs([DATA, bad]).report()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["papers"] == 5 and first["merged_count"] == 4 and first["entries_read"] == 14
    label = listing_labels(expand_paths([DATA, bad]))[bad]  # the report names it by its output label
    assert first["errors"] == [f"{label}:1: CSV header lacks required column(s) abstract (found: title; 'summary' is accepted for abstract)"]
    assert set(first) == {"files", "entries_read", "papers", "merged_count", "merged", "errors", "skipped_records", "date_sources",
                          "warnings"}
    assert first["skipped_records"] == []  # a bad header is the whole file, not a record


def test_same_file_twice_is_read_once():
    result = read_inputs([DATA / "flat.jsonl", DATA / "flat.jsonl", str(DATA / "flat.jsonl")])
    assert result.entries_read == 2 and result.merged == []
    single = read_inputs(str(DATA / "flat.jsonl"))  # a lone path, not iterated character by character
    assert isinstance(single, IngestResult) and single.entries_read == 2


def test_directory_expansion(tmp_path):
    shutil.copy(DATA / "flat.jsonl", tmp_path / "b.jsonl")
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / "papers.csv", tmp_path / "sub" / "a.csv")
    shutil.copy(DATA / "layout_a.txt", tmp_path / "a.txt")
    (tmp_path / ".hidden.json").write_text("not json", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.json").write_text("not json", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert names == ["a.txt", "b.jsonl", "sub/a.csv"]
    assert read_inputs([tmp_path]).errors == []
    (tmp_path / "void").mkdir()
    assert [str(e) for e in read_inputs([tmp_path / "void"]).errors] == [f"{(tmp_path / 'void').as_posix()}: directory contains no input files"]


def test_default_corpus_paths():
    paths = default_corpus_paths()
    assert paths == sorted(paths, key=lambda p: p.name)
    for path in paths:
        assert path.is_file()
        assert not path.name.startswith(".") and not path.name.casefold().startswith("readme")
    if paths:  # the demo corpus ships as package data; it must read cleanly
        result = read_inputs(paths)
        assert result.errors == [] and result.papers
        # Labelled by name, not by where paperkg is installed, so demo outputs are portable.
        assert result.files == [f"demo/{p.name}" for p in paths]
        assert all(s.file.startswith("demo/") for p in result.papers for s in p.sources)


# --- real corpus and gold set (skip without ../shared) ---------------------------------------------


@pytest.mark.shared
def test_shared_corpus_counts():
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus not available")
    result = read_inputs(sorted(corpus.glob("*.txt")))
    assert result.errors == []
    # one listing has a day heading without a year and nothing to infer it from: said once, with the fix
    assert [(w.file, w.reason.split(" paper(s)")[0]) for w in result.warnings] == [
        (str(corpus / "000_927447c5ff8c470a.txt"), "69")]
    assert "pass --year YEAR" in result.warnings[0].reason
    assert read_inputs(sorted(corpus.glob("*.txt")), year=2025).warnings == []
    assert result.entries_read == 573
    assert len(result.papers) == 521
    assert len({p.id for p in result.papers}) == 521
    assert all(len(p.abstract) > 300 and len(p.title) < 200 for p in result.papers)
    assert sum(m["count"] for m in result.merged) - len(result.merged) == 573 - 521


@pytest.mark.shared
@pytest.mark.parametrize("name", ["dev-input.jsonl", "dev.jsonl"])
def test_gold_files_read_as_60_papers(name):
    path = SHARED / "gold" / name
    if not path.is_file():
        pytest.skip(f"../shared/gold/{name} not available")
    result = read_inputs([path])
    assert result.errors == []
    assert len(result.papers) == 60 and result.entries_read == 60
    assert all(p.title and p.abstract for p in result.papers)


def test_files_of_no_listing_format_in_a_folder_are_skipped_with_a_warning(tmp_path):
    folder = tmp_path / "listings"
    folder.mkdir()
    shutil.copy(DATA / "flat.jsonl", folder / "day.jsonl")
    (folder / "notes.md").write_text("# Reading list\n\nThings to read this week about widgets\n\nAlso check "
                                     "the Zorb follow ups, which look long enough to be an abstract here\n",
                                     encoding="utf-8")
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4 not a listing")
    skipped: list = []
    assert [p.name for p in expand_paths([folder], skipped)] == ["day.jsonl"]
    assert sorted(p.name for p in skipped) == ["notes.md", "paper.pdf"]
    result = read_inputs([folder])
    assert not any("Reading list" in p.title or "Things to read" in p.title for p in result.papers)
    report = result.report()["warnings"]
    assert any(w.startswith("listings: 2 file(s) that are no listings skipped (notes.md, paper.pdf)") for w in report)
    named = read_inputs([folder / "notes.md"], fmt="dailypapers")  # named on the command line, it is read
    assert named.files == ["listings/notes.md"]
