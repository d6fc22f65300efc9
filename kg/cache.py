"""Extraction cache: per-paper mentions stored by content hash, for incremental builds.

A rebuild after adding one listing file should only run spaCy on the new
papers. Each paper's mentions (a JSON list of :class:`kg.models.Mention` fields)
are stored in an SQLite file under a key made of the paper's extractor input
(title, abstract, github, project page) and a *fingerprint* of the extractor:
``EXTRACTOR_VERSION``, the bytes of every extractor source and data file,
``kg/models.py``, the arXiv id grammar (``kg/ingest/ids.py``) and the spaCy version. Editing a rule, a word list or the
record type therefore invalidates every entry; rows of other fingerprints
are dropped when new rows are written, so the file does not grow forever.

The cache lives next to the outputs it produced (``OUTDIR/.cache/``), a folder
anyone may hand over, so entries are plain data, never pickles: each row is
zlib-compressed JSON, checked field by field against ``Mention`` when read, and
a row that does not check out (or inflates past ``kg.sqlcache._MAX_ROW_BYTES``) is a cache
miss (re-extracted), never code that runs.

Row layout (``_FORMAT``): ``{"sentences": [[sentence_start, sentence], ...],
"mentions": [[kind, text, field, start, end, sentence index, rule, confidence,
proposed, long_form, url, own, link_type, ref], ...]}``: each evidence
sentence is stored once per paper however many mentions it holds.

The SQLite store itself is kg.sqlcache.SqliteCache (shared with the word
cache of TF-IDF, kg.sqlcache.WordCache).
"""
from __future__ import annotations

import functools
import hashlib
import json
import zlib
from dataclasses import fields
from pathlib import Path
from typing import Sequence

import kg.ingest.ids
import kg.models
from extractors.docutil import new_mention
from extractors.pipeline import extractor_fingerprint as extractor_own
from kg.models import CITATION_SCHEMES, Mention, Paper
from kg.sqlcache import SqliteCache, inflate

__all__ = ["CACHE_FILE", "ExtractionCache", "decode_mentions", "encode_mentions", "extractor_fingerprint", "paper_key"]

CACHE_FILE = "extraction.sqlite"
_FORMAT = "json-3"  # row encoding; part of the fingerprint, so rows of an older encoding are dropped

#: Mention field -> the JSON types its value may have (bool is checked apart: it is an int in Python).
_STR, _INT, _NUM, _BOOL, _NONE = (str,), (int,), (int, float), (bool,), (type(None),)
_MENTION_TYPES = {
    "kind": _STR, "text": _STR, "field": _STR, "start": _INT, "end": _INT, "sentence": _STR,
    "sentence_start": _INT, "rule": _STR, "confidence": _NUM, "proposed": _BOOL,
    "long_form": _STR + _NONE, "url": _STR + _NONE, "own": _BOOL + _NONE, "link_type": _STR + _NONE,
    "ref": _STR + _NONE,
}
_REF_PREFIXES = tuple(f"{scheme}:" for scheme in CITATION_SCHEMES)
assert set(_MENTION_TYPES) == {f.name for f in fields(Mention)}, "kg.models.Mention changed: update _MENTION_TYPES"


#: Mention fields in row order, the sentence (and its offset) replaced by an index into the sentence table.
_ROW_FIELDS = ("kind", "text", "field", "start", "end", "sentence", "rule", "confidence", "proposed", "long_form",
               "url", "own", "link_type", "ref")
assert set(_MENTION_TYPES) == {"sentence_start", *_ROW_FIELDS}


def encode_mentions(mentions: Sequence[Mention]) -> bytes:
    """One cache row: the paper's sentences once, then each mention as a list naming its sentence by index."""
    index: dict[tuple[int, str], int] = {}
    sentences: list[list] = []
    rows = []
    for m in mentions:
        key = (m.sentence_start, m.sentence)
        i = index.get(key)
        if i is None:
            i = index[key] = len(sentences)
            sentences.append([m.sentence_start, m.sentence])
        rows.append([i if name == "sentence" else getattr(m, name) for name in _ROW_FIELDS])
    data = json.dumps({"sentences": sentences, "mentions": rows},
                      ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")
    return zlib.compress(data, 6)


#: The exact JSON types each row position may hold (json.loads makes no subclasses; bool is its own type).
_ROW_TYPES = tuple(frozenset(_INT if name == "sentence" else _MENTION_TYPES[name]) for name in _ROW_FIELDS)
#: Type signatures of rows already found to check out: most rows share a handful, so a row is checked with
#: one set lookup (the cache is a set of tuples of types, bounded by the few combinations of None and bool).
_GOOD_SIGNATURES: set[tuple] = set()


def _row_types_ok(values: list) -> bool:
    signature = tuple(map(type, values))
    if signature in _GOOD_SIGNATURES:
        return True
    if len(values) != len(_ROW_FIELDS) or not all(t in allowed for t, allowed in zip(signature, _ROW_TYPES)):
        return False
    _GOOD_SIGNATURES.add(signature)
    return True


def decode_mentions(blob) -> tuple[Mention, ...] | None:
    """The mentions of one cache row, or None when the row is not exactly what ``encode_mentions`` writes."""
    data = inflate(blob)
    if data is None:
        return None
    try:
        row = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(row, dict) or row.keys() != {"sentences", "mentions"}:
        return None
    sentences, items = row["sentences"], row["mentions"]
    if not isinstance(sentences, list) or not isinstance(items, list):
        return None
    for pair in sentences:
        if not (type(pair) is list and len(pair) == 2 and type(pair[0]) is int and type(pair[1]) is str):
            return None
    out = []
    n = len(sentences)
    for values in items:
        if type(values) is not list or not _row_types_ok(values):
            return None
        item = dict(zip(_ROW_FIELDS, values))
        i = item["sentence"]
        if not 0 <= i < n:
            return None
        item["sentence_start"], item["sentence"] = sentences[i]
        if (item["kind"] == "citation") != (item["ref"] is not None):
            return None  # a citation names what it cites; nothing else carries a ref
        if item["ref"] is not None and not (item["ref"].startswith(_REF_PREFIXES) and item["url"]):
            return None
        out.append(new_mention(item))  # every field checked above: the fast constructor, same Mention
    return tuple(out)


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of everything that decides what is cached for a paper.

    The extractor's own fingerprint (its version, sources and word lists) plus
    what shapes the stored values: the record classes, the row format and spaCy's version.
    """
    import spacy

    h = hashlib.sha256()
    h.update(f"{extractor_own()}\0spacy {spacy.__version__}\0format {_FORMAT}\0".encode())
    for module in (kg.models, kg.ingest.ids):  # the record classes; the arXiv grammar citations are read with
        h.update(hashlib.sha256(Path(module.__file__).read_bytes()).digest())
    return h.hexdigest()


def paper_key(paper: Paper) -> str:
    """Content hash of the fields the extractor reads (not the id: a renamed paper still hits)."""
    data = json.dumps([paper.title, paper.abstract, paper.github, paper.project_page], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class ExtractionCache(SqliteCache):
    """SQLite store of ``paper_key -> tuple[Mention, ...]`` for one extractor fingerprint.

    Use as a context manager or call :meth:`close`. A damaged cache file is
    treated as empty and replaced: a cache must never fail a build.
    """

    _file, _table, _what = CACHE_FILE, "mentions", "extraction cache"
    _decode = staticmethod(decode_mentions)
    _encode = staticmethod(encode_mentions)

    @staticmethod
    def _default_fingerprint() -> str:
        return extractor_fingerprint()
