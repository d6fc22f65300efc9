"""Extraction cache and incremental builds: same results with and without the cache."""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from kg.cache import CACHE_FILE, ExtractionCache, extractor_fingerprint, paper_key
from extractors import ExtractStats, extract_corpus
from extractors.corpus import corpus_mentions
from kg.models import Mention, Paper

DEMO = Path(__file__).resolve().parents[1] / "kg" / "data" / "demo"


@pytest.fixture(scope="module")
def papers() -> list[Paper]:
    from kg.ingest import read_inputs

    return read_inputs([DEMO / "daily-2025-01-13.txt"]).papers[:16]


@pytest.fixture(scope="module")
def reference(papers):
    from extractors import extract_corpus

    return extract_corpus(papers)


def _mention(text: str = "GRPO") -> Mention:
    return Mention(kind="method", text=text, field="abstract", start=0, end=len(text), sentence=text,
                   sentence_start=0, rule="gazetteer", confidence=0.9)


def test_paper_key_covers_extractor_inputs_not_id():
    p = Paper(id="a", title="T", abstract="A", github=None, project_page=None)
    assert paper_key(p) == paper_key(dataclasses.replace(p, id="b", date="2025-01-01"))
    for change in ({"title": "T2"}, {"abstract": "A2"}, {"github": "https://github.com/x/y"},
                   {"project_page": "https://x.io"}):
        assert paper_key(dataclasses.replace(p, **change)) != paper_key(p)


def test_cold_and_warm_cache_equal_uncached(tmp_path, papers, reference):
    cold, warm = ExtractStats(), ExtractStats()
    assert extract_corpus(papers, cache_dir=tmp_path, stats=cold) == reference
    assert (cold.cached, cold.extracted) == (0, len(papers))
    assert (tmp_path / CACHE_FILE).is_file()
    assert extract_corpus(papers, cache_dir=tmp_path, stats=warm) == reference
    assert (warm.cached, warm.extracted) == (len(papers), 0)


def test_only_new_papers_are_extracted(tmp_path, papers, reference):
    extract_corpus(papers[:10], cache_dir=tmp_path)
    stats = ExtractStats()
    assert extract_corpus(papers, cache_dir=tmp_path, stats=stats) == reference
    assert (stats.cached, stats.extracted) == (10, len(papers) - 10)


def test_cache_hit_returns_stored_value(tmp_path, papers):
    """The cache really is consulted: a planted row comes back instead of a fresh extraction."""
    planted = (_mention("PlantedMethod"),)
    with ExtractionCache(tmp_path) as cache:
        cache.put_many({paper_key(papers[0]): planted})
    assert corpus_mentions(papers[:1], cache_dir=tmp_path) == [planted]


def test_other_fingerprint_misses_and_is_dropped(tmp_path):
    with ExtractionCache(tmp_path, fingerprint="old") as old:
        old.put_many({"k1": (_mention(),)})
        assert old.get_many(["k1", "k2"]) == {"k1": (_mention(),)}
    with ExtractionCache(tmp_path, fingerprint="new") as new:
        assert new.get_many(["k1"]) == {}
        new.put_many({"k2": (_mention("PPO"),)})
    with ExtractionCache(tmp_path, fingerprint="old") as old:
        assert len(old) == 0  # stale rows were dropped when "new" wrote


def test_fingerprint_tracks_extractor_version(monkeypatch):
    import extractors.pipeline

    def clear():
        extractor_fingerprint.cache_clear()
        extractors.pipeline.extractor_fingerprint.cache_clear()

    before = extractor_fingerprint()
    clear()
    monkeypatch.setattr(extractors.pipeline, "EXTRACTOR_VERSION", "changed-for-test")
    try:
        assert extractor_fingerprint() != before
    finally:
        clear()


def test_damaged_cache_file_is_replaced(tmp_path, papers, reference):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not an sqlite database" * 100)
    assert extract_corpus(papers, cache_dir=tmp_path) == reference
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == len(papers)


def test_undecodable_row_is_a_miss(tmp_path):
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({"k": (_mention(),)})
        cache._db.execute("UPDATE mentions SET value = ?", (b"garbage",))
        cache._db.commit()
        assert cache.get_many(["k"]) == {}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.parts}


def test_build_incremental_matches_clean_build(tmp_path):
    from kg.pipeline import build_job

    src = DEMO / "daily-2025-01-13.txt"
    extra = DEMO / "daily-2025-01-14.txt"
    out = tmp_path / "out"
    first = build_job([src], out, quiet=True)
    assert (out / ".cache" / CACHE_FILE).is_file()
    assert first.extract_stats == {"cached": 0, "extracted": first.report["ingest"]["papers"]}
    second = build_job([src, extra], out, quiet=True)
    assert second.extract_stats["cached"] > 0 and second.extract_stats["extracted"] > 0
    clean = tmp_path / "clean"
    build_job([src, extra], clean, quiet=True, cache=False)
    assert not (clean / ".cache").exists()
    assert _tree(out) == _tree(clean)
    assert json.loads((out / "build-report.json").read_text())["ingest"]["papers"] == second.report["ingest"]["papers"]


# --- entries are data: a planted row never runs code (issue 17 item 2) -------------------------


class _Payload:
    """Unpickling this runs ``touch <marker>``: what an attacker would plant in a cache row."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.system, (f"touch '{self.marker}'",))


def test_planted_pickle_row_does_not_run_and_is_a_miss(tmp_path, papers, reference):
    import pickle

    marker = tmp_path / "pwned"
    cache_dir = tmp_path / "cache"
    with ExtractionCache(cache_dir) as cache:
        cache.put_many({paper_key(p): () for p in papers})  # rows with the current fingerprint...
        blob = pickle.dumps(_Payload(marker))
        cache._db.execute("UPDATE mentions SET value = ?", (blob,))  # ...now all hostile pickles
        cache._db.commit()
        assert cache.get_many([paper_key(p) for p in papers]) == {}
    stats = ExtractStats()
    assert extract_corpus(papers, cache_dir=cache_dir, stats=stats) == reference
    assert (stats.cached, stats.extracted) == (0, len(papers))  # every planted row was a miss
    assert not marker.exists()


def _row(mentions: list, sentences: list | None = None) -> bytes:
    """A compressed row as put_many writes it, built by hand (so it can be made wrong)."""
    import zlib

    return zlib.compress(json.dumps({"sentences": [[0, "GRPO"]] if sentences is None else sentences,
                                     "mentions": mentions}).encode())


_GOOD = ["method", "GRPO", "abstract", 0, 4, 0, "gazetteer", 0.9, False, None, None, None, None, None]


def test_only_exact_json_rows_are_hits(tmp_path):
    """Anything but the compressed JSON that put_many writes is a miss, even a pickle of valid Mentions."""
    import pickle
    import zlib

    def bad_value(i, v):
        return [v if j == i else x for j, x in enumerate(_GOOD)]

    bad = [
        pickle.dumps((_mention(),)),  # a well-formed pickle of the right type is still not data
        zlib.compress(pickle.dumps((_mention(),))),
        b"garbage", b"", zlib.compress(b"null"), zlib.compress(b"{}"), zlib.compress(b"[1]"),
        json.dumps({"sentences": [[0, "GRPO"]], "mentions": [_GOOD]}).encode(),  # not compressed
        _row([_GOOD[:5]]),  # missing fields
        _row([bad_value(3, "0")]),  # wrong type
        _row([bad_value(8, 1)]),  # an int is not a bool
        _row([bad_value(7, True)]),  # a bool is not a confidence
        _row([_GOOD, bad_value(3, 1.0)]),  # a float offset after a good mention of the same row
        _row([_GOOD, bad_value(10, 3)]),  # a number for a url, after rows of good types were seen
        _row([_GOOD + [1]]),  # unknown field
        _row([bad_value(5, 1)]),  # sentence index out of range
        _row([_GOOD], sentences=[[0, 5]]),  # a sentence that is not text
        _row([_GOOD], sentences=[["0", "GRPO"]]),  # an offset that is not an int
        zlib.compress(b"[" * 100_000 + b"]" * 100_000),  # nesting past the JSON parser's recursion limit
        zlib.compress(json.dumps({"sentences": [], "mentions": [], "x": 1}).encode()),
        zlib.compress(json.dumps({"sentences": [[0, "GRPO"]], "mentions": [_GOOD]}).encode())[:-3],  # truncated
    ]
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({f"k{i}": (_mention(),) for i in range(len(bad))} | {"good": (_mention("PPO"),)})
        for i, blob in enumerate(bad):
            cache._db.execute("UPDATE mentions SET value = ? WHERE key = ?", (blob, f"k{i}"))
        cache._db.commit()
        assert cache.get_many([f"k{i}" for i in range(len(bad))] + ["good"]) == {"good": (_mention("PPO"),)}
        cache._db.execute("UPDATE mentions SET value = ? WHERE key = ?", (_row([_GOOD]), "k0"))
        cache._db.commit()
        assert cache.get_many(["k0"]) == {"k0": (_mention(),)}  # the hand-made good row is a hit


def test_row_inflating_past_the_limit_is_a_miss(tmp_path, monkeypatch):
    import kg.sqlcache

    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({"k": (_mention("A" * 5000),)})
        assert cache.get_many(["k"])
        monkeypatch.setattr(kg.sqlcache, "_MAX_ROW_BYTES", 1000)  # as a planted "zip bomb" row would
        assert cache.get_many(["k"]) == {}


def test_rows_store_each_sentence_once(tmp_path):
    import zlib

    sentence = "We compare GRPO, PPO and DPO on GSM8K. " * 10
    ms = tuple(Mention(kind="method", text=t, field="abstract", start=sentence.index(t), end=sentence.index(t) + len(t),
                       sentence=sentence, sentence_start=0, rule="gazetteer", confidence=0.9)
               for t in ("GRPO", "PPO", "DPO", "GSM8K"))
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({"k": ms})
        blob = cache._db.execute("SELECT value FROM mentions").fetchone()[0]
        assert cache.get_many(["k"])["k"] == ms
    row = json.loads(zlib.decompress(blob))
    assert row["sentences"] == [[0, sentence]]  # once, though four mentions are in it
    assert zlib.decompress(blob).count(sentence.encode()) == 1


def test_rows_are_json_and_round_trip_equal(tmp_path):
    import zlib

    full = Mention(kind="repo", text="github.com/a/b", field="abstract", start=3, end=17,
                   sentence="Code: github.com/a/b \ud800 \u00e9.", sentence_start=0, rule="url", confidence=0.75,
                   proposed=True, long_form="Long Form", url="https://github.com/a/b", own=True, link_type="code")
    value = (_mention(), full, dataclasses.replace(full, own=False, confidence=1.0, url=None, link_type=None))
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({"k": value})
        blob = cache._db.execute("SELECT value FROM mentions").fetchone()[0]
        assert isinstance(json.loads(zlib.decompress(blob)), dict)  # plain (compressed) JSON, no pickle
        got = cache.get_many(["k"])["k"]
    assert got == value and [type(m.confidence) for m in got] == [float, float, float]


def _citation(ref: str = "arxiv:2401.00001", url: str | None = "https://arxiv.org/abs/2401.00001") -> Mention:
    return Mention(kind="citation", text="arXiv:2401.00001", field="abstract", start=4, end=20,
                   sentence="See arXiv:2401.00001.", sentence_start=0, rule="regex:arxiv-id", confidence=1.0,
                   url=url, ref=ref)


def test_citations_are_cached_and_checked(tmp_path):
    """Citations ride in the cache with the paper's other mentions; a malformed citation row is a miss."""
    good = (_mention(), _citation())
    bad = [
        (_citation(ref=None),),  # a citation that names nothing
        (dataclasses.replace(_mention(), ref="arxiv:2401.00001"),),  # only citations carry a ref
        (_citation(ref="isbn:123"),),  # unknown scheme
        (_citation(url=None),),  # no page for the cited work
    ]
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        cache.put_many({"good": good} | {f"k{i}": v for i, v in enumerate(bad)})
        assert cache.get_many(["good"] + [f"k{i}" for i in range(len(bad))]) == {"good": good}


def test_extraction_with_citations_round_trips_through_the_cache(tmp_path):
    paper = Paper(id="p", title="A reply", abstract="We revisit arXiv:2401.00001v2 and https://doi.org/10.1000/X1.")
    cold = extract_corpus([paper], cache_dir=tmp_path)
    stats = ExtractStats()
    warm = extract_corpus([paper], cache_dir=tmp_path, stats=stats)
    assert stats.cached == 1 and warm == cold
    assert [m.ref for m in warm.papers[0].citations] == ["arxiv:2401.00001", "doi:10.1000/x1"]


def test_fingerprint_tracks_the_arxiv_grammar(monkeypatch, tmp_path):
    """Citations are read with kg/ingest/ids.py: editing it invalidates cached citations."""
    import kg.ingest.ids

    before = extractor_fingerprint()
    edited = tmp_path / "ids.py"
    edited.write_bytes(Path(kg.ingest.ids.__file__).read_bytes() + b"\n# edited\n")
    extractor_fingerprint.cache_clear()
    monkeypatch.setattr(kg.ingest.ids, "__file__", str(edited))
    try:
        assert extractor_fingerprint() != before
    finally:
        extractor_fingerprint.cache_clear()
