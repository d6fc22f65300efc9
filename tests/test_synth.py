"""benchmarks/synth.py: deterministic, honours the count, realistic mix, parses as real layouts."""
from __future__ import annotations

import hashlib
import json
import re
import statistics

import pytest
from script_modules import benchmark


@pytest.fixture(scope="module")
def synth():
    return benchmark("synth", "paperkg_bench_synth")


@pytest.fixture(scope="module")
def sample(synth):
    return synth.generate(1500, seed=7)


@pytest.fixture(scope="module")
def dense_sample(synth):
    return synth.generate(1500, seed=7, density="dense")


# sha256 of json.dumps(generate(150, seed=11)) and of the CLI's files for "120 --seed 4
# --per-file 50", both written by the generator before density="real" existed: "dense" must
# keep reproducing them byte for byte so that earlier benchmark numbers stay reproducible.
_DENSE_ENTRIES_SHA = "1fa04f49fac2acfff03d63507bd533cdd6f0cfd1344d7551a818d8ea0a9ad6a3"
_DENSE_CLI_SHA = "58b76dea94a295ed7b2bdbb1e2b5b236b688a7a042287cc3934f9279223226eb"


def _read_inputs():
    try:
        from kg.ingest import read_inputs
    except ImportError:
        pytest.skip("kg.ingest.read_inputs not importable yet")
    return read_inputs


@pytest.mark.parametrize("density", ["real", "dense"])
def test_same_seed_same_output_different_seed_differs(synth, density):
    assert synth.generate(200, seed=3, density=density) == synth.generate(200, seed=3, density=density)
    assert synth.generate(200, seed=3, density=density) != synth.generate(200, seed=4, density=density)
    assert synth.generate(50, seed=1, density=density) == synth.generate(80, seed=1, density=density)[:50]


def test_default_density_is_real_and_differs_from_dense(synth):
    assert synth.generate(30, seed=2) == synth.generate(30, seed=2, density="real")
    assert synth.generate(30, seed=2) != synth.generate(30, seed=2, density="dense")
    with pytest.raises(ValueError):
        synth.generate(3, density="sparse")


def test_dense_reproduces_the_original_generator(synth, tmp_path):
    entries = synth.generate(150, seed=11, density="dense")
    assert hashlib.sha256(json.dumps(entries, ensure_ascii=False).encode()).hexdigest() == _DENSE_ENTRIES_SHA
    assert synth.main(["120", str(tmp_path), "--seed", "4", "--per-file", "50", "--density", "dense"]) == 0
    body = b"".join(p.read_bytes() for p in sorted(tmp_path.glob("*_synth.txt")))
    assert hashlib.sha256(body).hexdigest() == _DENSE_CLI_SHA


def test_count_honoured_and_prefix_stable(synth):
    for n in (0, 1, 37):
        entries = synth.generate(n, seed=1)
        assert len(entries) == n
        assert all(set(e) == {"title", "abstract"} for e in entries)
    assert synth.generate(50, seed=1) == synth.generate(80, seed=1)[:50]


def test_negative_count_rejected(synth):
    with pytest.raises(ValueError):
        synth.generate(-1)


def test_abstract_lengths_and_single_lines(sample, dense_sample):
    for e in sample + dense_sample:
        words = len(e["abstract"].split())
        assert 120 <= words <= 250, (words, e["title"])
        assert "\n" not in e["abstract"] and "\n" not in e["title"]
        assert e["title"].strip() == e["title"] and e["title"]


@pytest.mark.parametrize("density, github_range, colon_range", [
    ("real", (0.11, 0.20), (0.36, 0.53)),
    ("dense", (0.33, 0.47), (0.45, 0.68)),
])
def test_realistic_mix(synth, request, density, github_range, colon_range):
    sample = request.getfixturevalue("sample" if density == "real" else "dense_sample")
    n = len(sample)
    abstracts = [e["abstract"] for e in sample]
    github = sum("github.com/" in a for a in abstracts) / n
    pages = sum(".github.io" in a for a in abstracts) / n
    colon = sum(":" in e["title"] for e in sample) / n
    dups = 1 - len({e["title"] for e in sample}) / n
    assert github_range[0] <= github <= github_range[1]
    assert 0.06 <= pages <= 0.14
    assert colon_range[0] <= colon <= colon_range[1]
    assert 0.03 <= dups <= 0.08
    text = " ".join(abstracts)
    assert re.search(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+ \([A-Z]{2,}\)", text)  # "Long Form (LF)"
    assert "we propose" in text.lower() and " benchmark" in text and "outperforms" in text
    assert "trained on" in text.lower()
    # messy link forms occur
    assert "\\url{https://github.com/" in text
    assert re.search(r"(?<![/\w])github\.com/[\w.-]+/[\w.-]+", text)  # no scheme
    assert "/tree/main" in text
    # Zipf-like: the most frequent vocabulary benchmark is far more common than a mid-ranked one
    vocab = synth._vocab()
    top, mid = vocab.benchmarks[0], vocab.benchmarks[80]
    assert text.count(top) > 5 * max(1, text.count(mid))


def _vocab_names_per_abstract(synth, entries) -> list[int]:
    """Distinct vocabulary entities (by name or acronym, whole tokens) named in each abstract."""
    vocab = synth._vocab()
    forms = {}
    for name, acr in vocab.methods:
        forms[name] = ("m", name)
        if acr:
            forms[acr] = ("m", name)
    forms.update({name: ("d", name) for name in vocab.datasets})
    forms.update({name: ("b", name) for name in vocab.benchmarks})
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
                         + r")(?![\w-])")
    return [len({forms[m] for m in pattern.findall(e["abstract"])}) for e in entries]


def test_real_density_names_few_entities_dense_many(synth, sample, dense_sample):
    real = _vocab_names_per_abstract(synth, sample)
    dense = _vocab_names_per_abstract(synth, dense_sample)
    assert 1.0 <= statistics.mean(real) <= 3.0, statistics.mean(real)
    assert statistics.mean(dense) >= 8, statistics.mean(dense)
    assert sum(n == 0 for n in real) < len(real) // 4  # most papers still name something


def test_entity_free_pools_name_no_vocabulary_entity(synth):
    import random

    vocab = synth._vocab()
    names = {n for n, a in vocab.methods} | {a for _, a in vocab.methods if a}
    names |= set(vocab.datasets) | set(vocab.benchmarks)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])")
    w = synth._Writer(random.Random(0))
    w.cast = {"m": [], "d": [], "b": []}
    pools = (synth._MOTIVATION + synth._GAP_FREE + synth._PROPOSE_UNNAMED + synth._DESCRIBE + synth._ANALYZE
             + synth._LIMIT + synth._DESCRIBE_RESOURCE + synth._CLOSING_FREE)
    filled = set()
    for template in pools:
        for task in synth._TASKS:
            ctx = {"task": task, "Task": task, "name": "", "short": "our method", "Short": "Our method",
                   "does": w.fill(w.rng.choice(synth._DOES_FREE), {}, set())}
            sentence = w.fill(template, ctx, set())
            filled.add(sentence)
            assert not pattern.search(sentence.replace(task, "")), sentence
    assert len(filled) >= 300  # a few hundred distinct combinations
    assert w.cast == {"m": [], "d": [], "b": []}


def test_real_density_extracts_about_three_entities_per_paper(synth):
    pytest.importorskip("spacy")
    from extractors import extract_corpus
    from kg.models import Paper

    def per_paper(entries):
        seen, papers = set(), []
        for e in entries:
            if e["title"] not in seen:
                seen.add(e["title"])
                papers.append(Paper(id=f"p{len(papers)}", title=e["title"], abstract=e["abstract"]))
        return [len({r.entity_id for r in pe.entity_refs()}) for pe in extract_corpus(papers).papers]

    real = per_paper(synth.generate(300, seed=21))
    dense = per_paper(synth.generate(100, seed=21, density="dense"))
    assert 2.2 <= statistics.mean(real) <= 4.0, statistics.mean(real)
    assert statistics.mean(dense) >= 3 * statistics.mean(real)


@pytest.mark.parametrize("density", ["real", "dense"])
def test_duplicates_share_title_only_with_earlier_entry(synth, density):
    sample = synth.generate(600, seed=7, density=density)
    first = {}
    for i, e in enumerate(sample):
        if e["title"] in first:
            original = sample[first[e["title"]]]["abstract"]
            assert e["abstract"] == original or original.startswith(e["abstract"][:-1])
        else:
            first[e["title"]] = i


def test_write_corpus_is_byte_identical_and_chunked(synth, tmp_path):
    entries = synth.generate(130, seed=5)
    a = synth.write_corpus(entries, tmp_path / "x", layout="mixed", per_file=50, seed=5)
    b = synth.write_corpus(entries, tmp_path / "y", layout="mixed", per_file=50, seed=5)
    assert [p.name for p in a] == ["0000_synth.txt", "0001_synth.txt", "0002_synth.txt"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    # a smaller rerun into the same folder leaves exactly its own files
    synth.write_corpus(entries[:40], tmp_path / "x", layout="a", per_file=50, seed=5)
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == ["0000_synth.txt"]


def test_layouts_look_like_real_dumps(synth):
    import datetime as dt

    entries = synth.generate(5, seed=2)
    page_a = synth.render_page(entries, "a", dt.date(2025, 1, 13))
    lines = page_a.split("\n")
    assert lines[:12] == ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "",
                          "Daily Papers", "", "byAK and the research community", "", "Jan 13", ""]
    assert lines[12:15] == [entries[0]["title"], "", entries[0]["abstract"]]
    page_b = synth.render_page(entries, "b", dt.date(2025, 1, 14), blank_at=2)
    lines = page_b.split("\n")
    assert lines[2] == "Subscribe" + entries[0]["title"] and lines[3] == entries[0]["abstract"]
    assert lines.count("") == 2  # the stray blank line and the final newline
    with pytest.raises(ValueError):
        synth.render_page(entries, "c", dt.date(2025, 1, 14))


@pytest.mark.parametrize("layout", ["a", "b", "mixed"])
def test_layouts_parse_with_ingest(synth, tmp_path, layout):
    read_inputs = _read_inputs()
    entries = synth.generate(240, seed=11)
    paths = synth.write_corpus(entries, tmp_path, layout=layout, per_file=100, seed=11)
    result = read_inputs([str(p) for p in paths])
    assert not result.errors
    assert result.entries_read == len(entries)
    assert len(result.papers) == len({e["title"] for e in entries})
    titles = {p.title for p in result.papers}
    assert titles == {e["title"] for e in entries}


def test_cli_writes_requested_count(synth, tmp_path, capsys):
    assert synth.main(["120", str(tmp_path), "--seed", "4", "--layout", "b", "--per-file", "50"]) == 0
    files = sorted(tmp_path.glob("*_synth.txt"))
    assert len(files) == 3
    assert "wrote 120 entries" in capsys.readouterr().out
    body = "".join(f.read_text(encoding="utf-8") for f in files)
    assert all(e["abstract"] in body for e in synth.generate(120, seed=4))


def test_cli_density_option(synth, tmp_path, capsys):
    assert synth.main(["40", str(tmp_path / "r"), "--seed", "6"]) == 0
    assert synth.main(["40", str(tmp_path / "d"), "--seed", "6", "--density", "dense"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("wrote 40 entries") for line in out)
    for sub, density in (("r", "real"), ("d", "dense")):
        body = (tmp_path / sub / "0000_synth.txt").read_text(encoding="utf-8")
        assert all(e["abstract"] in body for e in synth.generate(40, seed=6, density=density))
    with pytest.raises(SystemExit):
        synth.main(["10", "/tmp/never-written", "--density", "sparse"])


def test_cli_rejects_bad_arguments(synth, capsys):
    with pytest.raises(SystemExit) as exc:
        synth.main(["0", "/tmp/never-written"])
    assert exc.value.code != 0
    with pytest.raises(SystemExit):
        synth.main(["10", "/tmp/never-written", "--layout", "z"])


def test_cli_unwritable_output_is_one_line_error(synth, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert synth.main(["5", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("synth: cannot write") and err.count("\n") == 1
