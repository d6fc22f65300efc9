"""End-to-end: the ``paperkg`` command as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-out")
    proc = run_cli("build", "-o", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    return out


def test_help_lists_commands():
    proc = run_cli("--help")
    assert proc.returncode == 0
    for command in ("build", "extract", "query", "serve"):
        assert command in proc.stdout


def test_help_imports_no_graph_library():
    """``paperkg --help`` must start fast: NetworkX, Oxigraph and rdflib are imported only by the command run."""
    code = ("import sys\nfrom kg.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'pyoxigraph', 'rdflib', 'spacy') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command, words", [
    ("build", ["bundled demo corpus", "previous outputs intact"]),
    ("serve", ["/sparql", "/query/NAME"]),
])
def test_build_and_serve_help_describe_the_command(command, words):
    proc = run_cli(command, "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert all(w in text for w in words), text


def test_extract_into_a_closed_pipe_stops_quietly():
    """``paperkg extract ... -o - | head``: the reader leaves early; no error line, the SIGPIPE status."""
    from kg.ingest import default_corpus_paths

    proc = subprocess.Popen([sys.executable, "-m", "kg", "extract", *map(str, default_corpus_paths()), "-o", "-", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before the first record is written (extraction takes seconds)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 141
    assert err == ""


def test_build_demo_writes_every_output(demo_build):
    for name in ("graph.ttl", "papers.jsonl", "index.html", "build-report.json", "void.ttl"):
        assert (demo_build / name).is_file(), name
        assert (demo_build / name).stat().st_size > 0, name
    report = json.loads((demo_build / "build-report.json").read_text())
    assert 30 <= report["ingest"]["papers"] <= 60
    assert report["ingest"]["entries_read"] > report["ingest"]["papers"]  # the demo has duplicates
    assert report["ingest"]["merged_count"] == len(report["ingest"]["merged"]) > 0
    records = [json.loads(line) for line in (demo_build / "papers.jsonl").read_text().splitlines()]
    assert len(records) == report["ingest"]["papers"]
    assert sum(len(r["methods"]) for r in records) > len(records)
    assert any(r["repos"] for r in records)
    # no staging or temp leftovers (the extraction cache in .cache is expected)
    leftovers = [p.name for p in demo_build.iterdir() if p.name.startswith(".staging") or p.name.endswith(".tmp")]
    assert leftovers == []


def test_build_twice_is_byte_identical(demo_build, tmp_path):
    proc = run_cli("build", "-o", str(tmp_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.ttl", "papers.jsonl", "build-report.json", "index.html"):
        assert (tmp_path / name).read_bytes() == (demo_build / name).read_bytes(), name


def test_bad_file_reported_good_files_kept(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "Sparse Widgets: Fast Things", "abstract": "We propose Sparse Widgets, trained on ImageNet."}) + "\n")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": "x", "abstract": ')
    out = tmp_path / "out"
    proc = run_cli("build", str(bad), str(good), "-o", str(out), "--quiet")
    assert proc.returncode == 1
    error_lines = [l for l in proc.stderr.splitlines() if "error" in l]
    assert len(error_lines) == 1 and "bad.json" in error_lines[0]
    assert "Traceback" not in proc.stderr
    records = [json.loads(l) for l in (out / "papers.jsonl").read_text().splitlines()]
    assert [r["title"] for r in records] == ["Sparse Widgets: Fast Things"]


def test_strict_stops_and_writes_nothing(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "A", "abstract": "B."}) + "\n")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\x01\x02 not a listing")
    out = tmp_path / "out"
    proc = run_cli("build", str(bad), str(good), "-o", str(out), "--strict", "--quiet")
    assert proc.returncode == 1
    assert "bad.json" in proc.stderr and "Traceback" not in proc.stderr
    assert not (out / "graph.ttl").exists()


def test_extract_to_stdout_is_only_data(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"title": "Prefix Widgets: Efficient GRPO Training", "abstract": "Group Relative Policy Optimization (GRPO) is costly. We propose Prefix Widgets. Code is available at https://github.com/example/prefix-widgets."})
        + "\n"
    )
    proc = run_cli("extract", str(src), "-o", "-")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert list(rec)[:2] == ["id", "title"]
    for key in ("methods", "datasets", "benchmarks", "proposes", "repos", "links"):
        assert isinstance(rec[key], list)
    assert [r["name"] for r in rec["repos"]] == ["https://github.com/example/prefix-widgets"]
    names = {m["name"] for m in rec["methods"]} | {a for m in rec["methods"] for a in m["aliases"]}
    assert "GRPO" in names


def test_missing_input_is_one_line_error(tmp_path, capsys):
    code = main(["extract", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "p.jsonl"), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "nope.jsonl" in err[0]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not available")
def test_build_shared_corpus_counts(tmp_path):
    proc = run_cli("build", str(SHARED / "corpus"), "-o", str(tmp_path), "--quiet")
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "build-report.json").read_text())
    assert report["ingest"]["entries_read"] == 573
    assert report["ingest"]["papers"] == 521


def test_second_build_into_a_busy_folder_is_refused(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".paperkg.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = run_cli("build", "-o", str(out), "--quiet")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "another paperkg build" in lines[0]
    assert not (out / "graph.ttl").exists()


def test_build_logs_a_line_as_each_stage_starts_when_asked(tmp_path, monkeypatch):
    import io

    import kg.pipeline as pipeline

    demo = Path(pipeline.__file__).resolve().parent / "data" / "demo" / "daily-2025-01-13.txt"
    lines: list[str] = []
    pipeline.build_job([demo], tmp_path / "a", log=lines.append, stages=True)
    starts = [line.split()[1] for line in lines if line.endswith("...")]
    assert starts == ["reading", "extracting", "building", "writing", "writing", "moving"]
    assert lines[-1].startswith("paperkg: wrote ")  # the summary still comes last
    # default: only on a terminal (the stderr here is not one)
    monkeypatch.setattr(pipeline.sys, "stderr", io.StringIO())
    quiet_lines: list[str] = []
    pipeline.build_job([demo], tmp_path / "b", log=quiet_lines.append)
    assert quiet_lines and not [line for line in quiet_lines if line.endswith("...")]


@pytest.mark.parametrize("option, value, message", [
    ("--jobs", "0", "must be at least 1, got 0"),
    ("--jobs", "-2", "must be at least 1, got -2"),
    ("--top-k", "-1", "must be at least 0, got -1"),
    ("--max-nodes", "0", "must be at least 1, got 0"),
    ("--jobs", "two", "not a whole number"),
])
def test_numeric_options_out_of_range_are_refused_in_one_line(tmp_path, capsys, option, value, message):
    with pytest.raises(SystemExit) as info:
        main(["build", "-o", str(tmp_path / "out"), option, value])
    assert info.value.code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
