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
a row that does not check out (or inflates past ``_MAX_ROW_BYTES``) is a cache
miss (re-extracted), never code that runs.

Row layout (``_FORMAT``): ``{"sentences": [[sentence_start, sentence], ...],
"mentions": [[kind, text, field, start, end, sentence index, rule, confidence,
proposed, long_form, url, own, link_type, ref], ...]}``: each evidence
sentence is stored once per paper however many mentions it holds.

:class:`WordCache` is the same store for the words of each title + abstract
that TF-IDF relatedness reads (kg.graph.textsim.tokenize_cached), in
``words.sqlite`` beside it, under a fingerprint of kg/graph/textsim.py and
spaCy's version; a row that is not a JSON list of strings is a miss.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import zlib
from dataclasses import fields
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import kg.ingest.ids
import kg.models
from extractors.pipeline import extractor_fingerprint as extractor_own
from kg.errors import OutputError
from kg.models import CITATION_SCHEMES, Mention, Paper

__all__ = ["CACHE_FILE", "WORDS_FILE", "ExtractionCache", "WordCache", "decode_mentions", "encode_mentions",
           "decode_words", "encode_words", "extractor_fingerprint", "paper_key", "text_key", "words_fingerprint"]

CACHE_FILE = "extraction.sqlite"
WORDS_FILE = "words.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS {table} (fingerprint TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (fingerprint, key)) WITHOUT ROWID"
_CHUNK = 500  # keys per SELECT ... IN (...): below SQLite's variable limit
_FORMAT = "json-3"  # row encoding; part of the fingerprint, so rows of an older encoding are dropped
_MAX_ROW_BYTES = 256 << 20  # a row inflating past this is a miss: a planted row cannot exhaust memory

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


def _check(value, types: tuple) -> bool:
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def _inflate(blob) -> bytes | None:
    if not isinstance(blob, bytes):
        return None
    try:
        z = zlib.decompressobj()
        data = z.decompress(blob, _MAX_ROW_BYTES)
    except zlib.error:
        return None
    return data if z.eof and not z.unconsumed_tail else None


def decode_mentions(blob) -> tuple[Mention, ...] | None:
    """The mentions of one cache row, or None when the row is not exactly what ``encode_mentions`` writes."""
    data = _inflate(blob)
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
        if not (isinstance(pair, list) and len(pair) == 2 and _check(pair[0], _INT) and _check(pair[1], _STR)):
            return None
    out = []
    for values in items:
        if not isinstance(values, list) or len(values) != len(_ROW_FIELDS):
            return None
        item = dict(zip(_ROW_FIELDS, values))
        i = item["sentence"]
        if not _check(i, _INT) or not 0 <= i < len(sentences):
            return None
        item["sentence_start"], item["sentence"] = sentences[i]
        if not all(_check(item[name], types) for name, types in _MENTION_TYPES.items()):
            return None
        if (item["kind"] == "citation") != (item["ref"] is not None):
            return None  # a citation names what it cites; nothing else carries a ref
        if item["ref"] is not None and not (item["ref"].startswith(_REF_PREFIXES) and item["url"]):
            return None
        out.append(Mention(**item))
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


class ExtractionCache:
    """SQLite store of ``paper_key -> tuple[Mention, ...]`` for one extractor fingerprint.

    Use as a context manager or call :meth:`close`. A damaged cache file is
    treated as empty and replaced: a cache must never fail a build.
    """

    _file, _table, _what = CACHE_FILE, "mentions", "extraction cache"
    _decode = staticmethod(decode_mentions)
    _encode = staticmethod(encode_mentions)

    def __init__(self, directory: str | os.PathLike, fingerprint: str | None = None):
        self.directory = Path(directory)
        self.path = self.directory / self._file
        self.fingerprint = fingerprint or self._default_fingerprint()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except OSError as exc:
            raise OutputError(f"cannot create cache folder {self.directory}: {exc.strerror or exc}") from None

    @staticmethod
    def _default_fingerprint() -> str:
        return extractor_fingerprint()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=60)
            db.execute(_SCHEMA.format(table=self._table))
            db.commit()
            return db
        except sqlite3.DatabaseError:
            with contextlib.suppress(NameError, sqlite3.Error):
                db.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path)
            db = sqlite3.connect(self.path, timeout=60)
            db.execute(_SCHEMA.format(table=self._table))
            db.commit()
            return db

    def __enter__(self) -> "ExtractionCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def __len__(self) -> int:
        row = self._db.execute(f"SELECT COUNT(*) FROM {self._table} WHERE fingerprint = ?", (self.fingerprint,)).fetchone()
        return int(row[0])

    def get_many(self, keys: Iterable[str]) -> dict[str, tuple[Mention, ...]]:
        """The cached mentions of those keys that are present (undecodable rows count as misses)."""
        wanted = sorted(set(keys))
        found: dict[str, tuple[Mention, ...]] = {}
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, value FROM {self._table} WHERE fingerprint = ? AND key IN ({marks})",
                    (self.fingerprint, *chunk),
                )
                for key, blob in rows:
                    value = self._decode(blob)  # a bad row is a miss, never a failed build
                    if value is not None:
                        found[key] = value
        except sqlite3.DatabaseError:
            return {}
        return found

    def put_many(self, items: Mapping[str, Sequence[Mention]] | Iterable[tuple[str, Sequence[Mention]]]) -> None:
        """Store mentions by key and drop rows of other extractor fingerprints."""
        pairs = items.items() if isinstance(items, Mapping) else items
        rows = []
        for k, v in pairs:
            try:
                rows.append((self.fingerprint, k, self._encode(v)))
            except ValueError:  # a NaN confidence has no JSON form: leave that paper uncached
                continue
        try:
            with self._db:
                self._db.execute(f"DELETE FROM {self._table} WHERE fingerprint != ?", (self.fingerprint,))
                self._db.executemany(f"INSERT OR REPLACE INTO {self._table} VALUES (?, ?, ?)", rows)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "readonly" in str(exc):
                return  # another build holds it, or a read-only folder: skip caching this run
            raise OutputError(f"cannot write {self._what} {self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise OutputError(f"cannot write {self._what} {self.path}: {exc}") from None


def text_key(text: str) -> str:
    """Content hash of a text (the key of its words in :class:`WordCache`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def encode_words(words: Sequence[str]) -> bytes:
    """One words row: the JSON list of a text's words, zlib-compressed."""
    return zlib.compress(json.dumps(list(words), ensure_ascii=True, separators=(",", ":")).encode("ascii"), 6)


def decode_words(blob) -> list[str] | None:
    """The words of one row, or None when the row is not a JSON list of strings."""
    data = _inflate(blob)
    if data is None:
        return None
    try:
        words = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(words, list) or not all(type(w) is str for w in words):
        return None
    return words


@functools.lru_cache(maxsize=1)
def words_fingerprint() -> str:
    """Hash of what decides a text's words for TF-IDF: kg/graph/textsim.py (the tokenizer rules and the
    word filter), spaCy's version and the row format."""
    import spacy

    import kg.graph.textsim as textsim

    h = hashlib.sha256(f"spacy {spacy.__version__}\0words-1\0".encode())
    h.update(Path(textsim.__file__).read_bytes())
    return h.hexdigest()


class WordCache(ExtractionCache):
    """SQLite store of ``text_key -> [word, ...]`` (kg.graph.textsim.tokenize) for one words fingerprint, in
    ``words.sqlite`` beside the extraction cache: an incremental build tokenizes only new texts for TF-IDF."""

    _file, _table, _what = WORDS_FILE, "words", "word cache"
    _decode = staticmethod(decode_words)
    _encode = staticmethod(encode_words)

    @staticmethod
    def _default_fingerprint() -> str:
        return words_fingerprint()
