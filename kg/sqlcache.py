"""SQLite key-value caches of plain data (never pickles) under a fingerprint, and the word cache of TF-IDF.

:class:`SqliteCache` is the store behind the extraction cache (kg.cache) and
:class:`WordCache`: rows of ``(fingerprint, key, zlib-compressed value)``; a
row that does not decode and check out (or inflates past ``_MAX_ROW_BYTES``)
is a miss, a file that is not a database is replaced, rows of other
fingerprints are dropped when new rows are written. This module imports no
extraction code, so the graph build (kg.graph.textsim) can use it without
loading spaCy.

:class:`WordCache` keeps the words of each title + abstract that TF-IDF
relatedness reads (kg.graph.textsim.tokenize_cached), in ``words.sqlite``
beside the extraction cache, keyed by a hash of the text under a fingerprint
of kg/graph/textsim.py and spaCy's version; a row that is not a JSON list of
strings is a miss.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import zlib
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from kg.errors import OutputError

__all__ = ["SqliteCache", "WORDS_FILE", "WordCache", "decode_words", "encode_words", "inflate", "text_key",
           "words_fingerprint"]

WORDS_FILE = "words.sqlite"
_SCHEMA = "CREATE TABLE IF NOT EXISTS {table} (fingerprint TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, PRIMARY KEY (fingerprint, key)) WITHOUT ROWID"
_CHUNK = 500  # keys per SELECT ... IN (...): below SQLite's variable limit
_MAX_ROW_BYTES = 256 << 20  # a row inflating past this is a miss: a planted row cannot exhaust memory


def inflate(blob) -> bytes | None:
    if not isinstance(blob, bytes):
        return None
    try:
        z = zlib.decompressobj()
        data = z.decompress(blob, _MAX_ROW_BYTES)
    except zlib.error:
        return None
    return data if z.eof and not z.unconsumed_tail else None


class SqliteCache:
    """SQLite store of ``key -> value`` rows (zlib-compressed plain data, never pickles) for one fingerprint;
    subclasses name the file, the table, how a value is encoded and checked, and the default fingerprint.

    Use as a context manager or call :meth:`close`. A damaged cache file is
    treated as empty and replaced: a cache must never fail a build.
    """

    _file: str
    _table: str
    _what: str
    _decode = staticmethod(lambda blob: None)
    _encode = staticmethod(lambda value: b"")

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
        raise NotImplementedError

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

    def __enter__(self) -> "SqliteCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def __len__(self) -> int:
        row = self._db.execute(f"SELECT COUNT(*) FROM {self._table} WHERE fingerprint = ?", (self.fingerprint,)).fetchone()
        return int(row[0])

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        """The cached values of those keys that are present (undecodable rows count as misses)."""
        wanted = sorted(set(keys))
        found: dict[str, object] = {}
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

    def put_many(self, items: Mapping[str, object] | Iterable[tuple[str, object]]) -> None:
        """Store values by key and drop rows of other fingerprints."""
        pairs = items.items() if isinstance(items, Mapping) else items
        rows = []
        for k, v in pairs:
            try:
                rows.append((self.fingerprint, k, self._encode(v)))
            except ValueError:  # no JSON form (a NaN): leave that value uncached
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
    data = inflate(blob)
    if data is None:
        return None
    try:
        words = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(words, list) or not all(type(w) is str for w in words):
        return None
    return words


_TEXTSIM = Path(__file__).resolve().parent / "graph" / "textsim.py"  # read, not imported: textsim imports this


@functools.lru_cache(maxsize=1)
def words_fingerprint() -> str:
    """Hash of what decides a text's words for TF-IDF: kg/graph/textsim.py (the tokenizer rules and the
    word filter), spaCy's version and the row format."""
    import spacy

    h = hashlib.sha256(f"spacy {spacy.__version__}\0words-1\0".encode())
    h.update(_TEXTSIM.read_bytes())
    return h.hexdigest()


class WordCache(SqliteCache):
    """SQLite store of ``text_key -> [word, ...]`` (kg.graph.textsim.tokenize) for one words fingerprint, in
    ``words.sqlite`` beside the extraction cache: an incremental build tokenizes only new texts for TF-IDF."""

    _file, _table, _what = WORDS_FILE, "words", "word cache"
    _decode = staticmethod(decode_words)
    _encode = staticmethod(encode_words)

    @staticmethod
    def _default_fingerprint() -> str:
        return words_fingerprint()
