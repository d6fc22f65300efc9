"""Hostile and broken inputs end to end: one clear error line per bad file, every good paper kept intact.

The corpus lives in tests/data/hostile/ (small files); the huge inputs (a 50 MB
single line, a 1 MB title) are generated in tmp_path at test time.  A kept
paper must round-trip exactly, after the documented ingest normalisation
(kg.ingest.text.clean_text), through graph.ttl (rdflib and pyoxigraph),
papers.jsonl and its HTML page (escaped, never live markup).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import InputError
from kg.ingest import read_file, read_inputs
from kg.ingest.records import MAX_ABSTRACT_CHARS, MAX_TITLE_CHARS, MAX_WORD_CHARS
from kg.schema import DCTERMS

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
REPO = Path(__file__).resolve().parents[1]
TITLE = DCTERMS + "title"
ABSTRACT = DCTERMS + "abstract"

#: bad file -> (line of its first error line or None, words the reason must contain); a file whose
#: records are separable gets one line per bad record (BAD_RECORDS), any other bad file exactly one
BAD = {
    "bad-csv.csv": (3, "invalid CSV"),
    "binary.dat": (3, "binary file"),
    "blank-lines.txt": (None, "empty file"),
    "empty.txt": (None, "empty file"),
    "invalid-utf8.jsonl": (2, "not valid UTF-8"),
    "latin1.txt": (5, "not valid UTF-8"),
    "not-xml.atom": (2, "not well-formed XML"),
    "number-id.json": (1, "is a number"),
    "truncated.json": (1, "invalid JSON"),
    "utf16.txt": (None, "UTF-16"),
    "wrong-shape-list.json": (1, "expected an object"),
    "wrong-shape.json": (None, "no list of papers"),
    "wrong-types.jsonl": (1, "'title' must be a string"),
    "xxe.atom": (2, "document type declarations"),
}
#: files of separable records -> how many of their records are bad (each skipped with its own line)
BAD_RECORDS = {"bad-csv.csv": 1, "number-id.json": 1, "wrong-shape-list.json": 3, "wrong-types.jsonl": 1}
ERROR_COUNT = len(BAD) + sum(BAD_RECORDS.values()) - len(BAD_RECORDS)
ERROR_LINE = re.compile(r"^paperkg: error: (?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<reason>.+)$")


def run_build(cwd: Path, *inputs: str, out: str = "out") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", *inputs, "-o", out, "--quiet"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
    )


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """Build the hostile corpus from a copy, named by a relative path as a user would."""
    root = tmp_path_factory.mktemp("hostile-a")
    shutil.copytree(HOSTILE, root / "hostile")
    proc = run_build(root, "hostile")
    return root, proc


@pytest.fixture(scope="module")
def expected_papers():
    """What ingest keeps from the hostile corpus (labelled as the build labels them)."""
    return read_inputs([HOSTILE]).papers


class _Visible(HTMLParser):
    """Visible text of a page, and every tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def _parse_html(path: Path) -> _Visible:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


# --- errors ----------------------------------------------------------------------------------


def _only_the_yearless_warning(lines):
    """The one warning of the hostile corpus: a listing whose day heading has no year (an error is not a warning)."""
    warnings = [l for l in lines if l.startswith("paperkg: warning: ")]
    assert len(warnings) == 1 and "metachars-daily.txt:" in warnings[0], warnings
    assert "day headings without a year" in warnings[0] and "--year" in warnings[0]


def test_one_error_line_per_bad_file_or_record_and_no_traceback(hostile_build):
    _root, proc = hostile_build
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    _only_the_yearless_warning(lines)
    lines = [l for l in lines if not l.startswith("paperkg: warning: ")]
    assert all(l.startswith("paperkg: error: ") for l in lines), lines
    seen: dict[str, list] = {}
    for line in lines:
        m = ERROR_LINE.match(line)
        assert m, line
        name = m["file"].removeprefix("hostile/")
        assert m["file"] == f"hostile/{name}", line  # the path as given, not absolute
        seen.setdefault(name, []).append((int(m["line"]) if m["line"] else None, m["reason"]))
    assert sorted(seen) == sorted(BAD)
    for name, (line, words) in BAD.items():
        assert len(seen[name]) == BAD_RECORDS.get(name, 1), (name, seen[name])
        assert seen[name][0][0] == line, (name, seen[name])
        assert words in seen[name][0][1], (name, seen[name])


def test_every_good_paper_is_built(hostile_build, expected_papers):
    root, _proc = hostile_build
    records = [json.loads(l) for l in (root / "out" / "papers.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [p.id for p in expected_papers]
    # 8 jsonl + 2 csv + 1 atom + 1 daily + 1 good + 3 duplicates merged into 1 + the good row of bad-csv.csv
    assert len(records) == 15
    assert "Quoted, fine" in {r["title"] for r in records}  # kept although a later row of its file is broken
    report = json.loads((root / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert len(report["ingest"]["errors"]) == ERROR_COUNT
    assert report["ingest"]["papers"] == len(records)
    skipped = {(r["file"].removeprefix("hostile/"), r["line"], r["position"]) for r in report["ingest"]["skipped_records"]}
    assert skipped == {("bad-csv.csv", 3, 1), ("number-id.json", 1, 0), ("wrong-types.jsonl", 1, 0),
                       ("wrong-shape-list.json", 1, 0), ("wrong-shape-list.json", 1, 1), ("wrong-shape-list.json", 1, 2)}


# --- exact round trips -----------------------------------------------------------------------


def test_text_round_trips_through_turtle_with_rdflib(hostile_build, expected_papers):
    root, _ = hostile_build
    g = rdflib.Graph()
    g.parse(root / "out" / "graph.ttl", format="turtle")
    titles = {str(o) for o in g.objects(None, rdflib.URIRef(TITLE))}
    abstracts = {str(o) for o in g.objects(None, rdflib.URIRef(ABSTRACT))}
    for paper in expected_papers:
        assert paper.title in titles, paper.title
        assert paper.abstract in abstracts, paper.abstract


def test_text_round_trips_through_turtle_with_oxigraph(hostile_build, expected_papers):
    root, _ = hostile_build
    with open(root / "out" / "graph.ttl", "rb") as fh:
        triples = list(ox.parse(fh, ox.RdfFormat.TURTLE))
    by_subject: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value in (TITLE, ABSTRACT):
            by_subject.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
    pairs = {(d.get(TITLE), d.get(ABSTRACT)) for d in by_subject.values()}
    for paper in expected_papers:
        assert (paper.title, paper.abstract) in pairs, paper.title


def test_titles_round_trip_through_jsonl(hostile_build, expected_papers):
    root, _ = hostile_build
    records = [json.loads(l) for l in (root / "out" / "papers.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: r["title"] for r in records} == {p.id: p.title for p in expected_papers}


def test_html_shows_text_escaped_never_live(hostile_build, expected_papers):
    root, _ = hostile_build
    out = root / "out"
    pages = {}
    for path in sorted(out.rglob("*.html")):
        parsed = _parse_html(path)
        pages[path] = " ".join("".join(parsed.text).split())
        for tag, attrs in parsed.tags:
            assert tag not in ("img", "iframe", "object", "embed") or "onerror" not in attrs, (path, tag)
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            if tag == "script":  # only the page's own scripts: assets or inert JSON data
                assert attrs.get("src", "").startswith(("assets/", "../assets/")) or attrs.get("type") == "application/json", (path, attrs)
            for key in ("href", "src"):
                assert not attrs.get(key, "").strip().casefold().startswith("javascript:"), (path, attrs)
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "</script><script>" not in raw, path
    paper_pages = [t for p, t in pages.items() if p.parent.name == "paper"]
    for paper in expected_papers:
        # the visible text collapses whitespace like clean_text does, so compare directly
        assert any(paper.title in text and paper.abstract in text for text in paper_pages), paper.title


# --- the ingest normalisation these round trips rely on --------------------------------------


def test_documented_normalisation_of_hostile_text():
    papers = read_file(HOSTILE / "metachars.jsonl")
    titles = [p.title for p in papers]
    # metacharacters, quotes, backslashes, markup, RTL and emoji are kept exactly
    assert titles[0] == 'Quotes "double" and \'single\' and """triple""" and \'\'\'triple single\'\'\''
    assert titles[1] == 'Backslash\\Path C:\\new\\table and \\"escaped\\" quote'
    assert titles[5] == '<script>alert("xss")</script> <img src=x onerror=alert(1)> &amp; &lt;b&gt;'
    assert titles[6] == 'SPARQL injection } ; DROP GRAPH <urn:x> ; INSERT DATA { <a> <b> "c" } #'
    assert "\U0001F468\u200d\U0001F469\u200d\U0001F467" in titles[4] and "\u202e" in titles[4]
    assert papers[1].abstract.startswith("Turtle metacharacters: <http://example.org/a> ; . , @prefix ex: <x> .")
    # whitespace (newline, tab, CRLF, U+2028/9) collapses to one space
    assert titles[2] == "Title with an embedded newline and tabs and CRLF"
    assert papers[2].abstract == "Line one. Line two. Paragraph two with a line separator and paragraph separator."
    # C0/C1 controls are dropped (whitespace ones become a space), as are zero-width space and soft hyphen
    assert titles[3] == "Control NULSOHBELBS VT FFESCDEL NELCSI chars"
    assert papers[3].abstract == "Abstract with controls [31mred[0m and a zero widthspace and softhyphen."
    # lone surrogates become U+FFFD; U+FFFE/U+FFFF are dropped
    assert titles[7] == "Lone surrogate \ufffd and noncharacters in title"
    assert papers[7].abstract == "Abstract with a lone low surrogate \ufffd here."
    # NFC
    assert "\u00e9" in papers[4].abstract and "e\u0301" not in papers[4].abstract
    for p in papers:
        for text in (p.title, p.abstract, p.url or "", *p.authors):
            text.encode("utf-8")  # always writable
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]", text), text


def test_duplicate_ids_with_different_content_merge_deterministically():
    result = read_inputs([HOSTILE / "duplicates.jsonl"])
    assert [p.id for p in result.papers] == ["2501.00001"]
    paper = result.papers[0]
    assert paper.title == "A Completely Different Title"  # the fullest abstract wins, with its title
    assert len(paper.sources) == 3
    assert result.merged[0]["count"] == 3
    assert result.merged[0]["abstract_from"].endswith("duplicates.jsonl#1")


def test_urls_with_spaces_and_quotes_are_kept_as_data():
    papers = read_file(HOSTILE / "metachars.jsonl")
    assert papers[0].url == "https://example.org/a paper with spaces?q=\"quoted\"&x='y'<z>"
    assert papers[1].project_page == 'https://example.org/p?a=1&b="2"'
    assert papers[0].authors == ('O\'Brien, "Ann"', "<b>Bob</b>")  # list items are names as given


# --- huge inputs, generated here -------------------------------------------------------------


def test_50mb_single_line_is_one_clear_error(tmp_path):
    big = tmp_path / "big.txt"
    chunk = b"We propose a method and evaluate it on many benchmarks with strong results "
    with open(big, "wb") as fh:
        size = 50 * 1024 * 1024
        fh.write(chunk * (size // len(chunk)) + b"x" * (size % len(chunk)))
    with pytest.raises(InputError) as info:
        read_file(big)
    assert info.value.line == 1
    assert "characters long" in info.value.reason
    assert "\n" not in str(info.value)


def test_1mb_title_is_one_clear_error(tmp_path):
    path = tmp_path / "bigtitle.jsonl"
    path.write_text(json.dumps({"title": "Huge " + "x" * (1024 * 1024), "abstract": "We propose a thing."}) + "\n")
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.line == 1 and f"limit {MAX_TITLE_CHARS:,}" in info.value.reason


def test_limits_accept_the_longest_allowed_text(tmp_path):
    path = tmp_path / "long.jsonl"
    title = ("w" * (MAX_WORD_CHARS - 1) + " ") * (MAX_TITLE_CHARS // MAX_WORD_CHARS)
    path.write_text(json.dumps({"title": title[:MAX_TITLE_CHARS], "abstract": "a " * (MAX_ABSTRACT_CHARS // 2)}) + "\n")
    (paper,) = read_file(path)
    assert len(paper.title) == MAX_TITLE_CHARS - 1 and len(paper.abstract) == MAX_ABSTRACT_CHARS - 1


def test_overlong_runs_without_spaces_are_refused(tmp_path):
    """spaCy tokenizes such runs in quadratic time: 10,000 ')' would take ~20 s, 100,000 half an hour."""
    path = tmp_path / "parens.jsonl"
    ok = {"title": "Fine", "abstract": "See https://example.org/" + "p" * (MAX_WORD_CHARS - 24) + " for code."}
    bad = {"title": "Hostile", "abstract": "Text " + ")" * (MAX_WORD_CHARS + 1)}
    path.write_text(json.dumps(ok) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.line == 2 and "run without spaces" in info.value.reason
    path.write_text(json.dumps(ok) + "\n")
    assert [p.title for p in read_file(path)] == ["Fine"]


def test_huge_inputs_next_to_a_good_file_end_to_end(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(HOSTILE / "good.jsonl", tmp_path / "in" / "good.jsonl")
    with open(tmp_path / "in" / "big.txt", "wb") as fh:
        fh.write(b"word " * (10 * 1024 * 1024))  # 50 MB, one line
    (tmp_path / "in" / "bigtitle.jsonl").write_text(json.dumps({"title": "x" * (1024 * 1024), "abstract": "y."}) + "\n")
    proc = run_build(tmp_path, "in")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.splitlines()
    assert len(errors) == 2 and errors[0].startswith("paperkg: error: in/big.txt:1: ")
    assert errors[1].startswith("paperkg: error: in/bigtitle.jsonl:1: ")
    records = [json.loads(l) for l in (tmp_path / "out" / "papers.jsonl").read_text().splitlines()]
    assert [r["title"] for r in records] == ["Plain Good Paper on Sparse Widgets"]


# --- determinism -----------------------------------------------------------------------------


def _tree(out: Path) -> dict[str, bytes]:
    """Every output file; hidden entries (the SQLite extraction cache) are internal state, not outputs."""
    files = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            files[rel.as_posix()] = path.read_bytes()
    return files


def test_builds_are_byte_identical_and_machine_independent(hostile_build, tmp_path):
    root_a, _ = hostile_build
    root_b = tmp_path / "elsewhere" / "deeper"
    root_b.mkdir(parents=True)
    shutil.copytree(HOSTILE, root_b / "hostile")
    proc = run_build(root_b, "hostile")
    assert proc.returncode == 1, proc.stderr
    a, b = _tree(root_a / "out"), _tree(root_b / "out")
    assert sorted(a) == sorted(b)
    assert "graph.ttl" in a and "papers.jsonl" in a and "index.html" in a
    for name in a:
        assert a[name] == b[name], name
    for name, data in a.items():  # no absolute or machine-specific path leaks into outputs
        assert str(root_a).encode() not in data, name
        assert str(REPO).encode() not in data, name


# --- CLI edges: unwritable outputs, hostile file names, extract -------------------------------


def test_output_path_problems_are_one_error_line(tmp_path, capsys):
    from kg.cli import main

    good = str(HOSTILE / "good.jsonl")
    (tmp_path / "afile").write_text("x")
    assert main(["build", good, "-o", str(tmp_path / "afile"), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("paperkg: error: cannot ") and str(tmp_path / "afile") in err[0]
    assert main(["extract", good, "-o", str(tmp_path), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("paperkg: error: cannot write ") and "directory" in err[0]
    assert (tmp_path / "afile").read_text() == "x"


def test_hostile_file_names_give_one_escaped_line(tmp_path, capsys):
    from kg.cli import main

    bad = tmp_path / "evil\nname\x1b[31m.json"
    bad.write_text("[1")
    good = tmp_path / "good\u202e.jsonl"
    shutil.copy(HOSTILE / "good.jsonl", good)
    out = tmp_path / "x.jsonl"
    assert main(["extract", str(bad), str(good), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("paperkg: error: ")
    assert "evil\\nname\\x1b[31m.json:1: invalid JSON" in err[0]
    assert [json.loads(l)["title"] for l in out.read_text().splitlines()] == ["Plain Good Paper on Sparse Widgets"]


def test_extract_on_hostile_corpus_writes_only_data_to_stdout(capsys, expected_papers):
    from kg.cli import main

    assert main(["extract", str(HOSTILE), "-o", "-", "--quiet"]) == 1
    captured = capsys.readouterr()
    records = [json.loads(l) for l in captured.out.splitlines()]
    assert [r["title"] for r in records] == [p.title for p in expected_papers]
    lines = captured.err.splitlines()
    _only_the_yearless_warning(lines)
    lines = [l for l in lines if not l.startswith("paperkg: warning: ")]
    assert len(lines) == ERROR_COUNT
    assert all(l.startswith("paperkg: error: ") for l in lines)


@pytest.mark.skipif(not Path("/dev/zero").exists() or not hasattr(__import__("os"), "mkfifo"), reason="POSIX only")
def test_devices_are_refused_and_fifos_in_folders_skipped(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.jsonl")  # reading it would block forever
    shutil.copy(HOSTILE / "good.jsonl", tmp_path / "good.jsonl")
    result = read_inputs([tmp_path, "/dev/zero"])  # /dev/zero would never end
    assert [str(e) for e in result.errors] == ["/dev/zero: not a regular file (a device or socket), not a paper listing"]
    assert [p.title for p in result.papers] == ["Plain Good Paper on Sparse Widgets"]
    # listings that share only the root are named by their own folders (no local path above them); errors name
    # the files as typed
    assert sorted(result.files) == sorted([f"{tmp_path.name}/good.jsonl", "dev/zero"])
